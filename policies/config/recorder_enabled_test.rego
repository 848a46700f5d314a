package complyctl.config.recorder_enabled_test

import rego.v1

import data.complyctl.config.recorder_enabled as rule

kaa := {"$unknown": "known_after_apply"}

account := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "eu-west-1",
	"attributes": {"account_id": "123456789012", "region": "eu-west-1"},
}

plan_account := {
	"id": "aws_account",
	"kind": "aws.account",
	"source": "terraform-plan",
	"account": null,
	"region": "us-east-1",
	"attributes": {"account_id": kaa, "region": "us-east-1"},
}

good := {
	"recorder_name": "default",
	"all_supported": true,
	"include_global_resource_types": true,
	"recording": true,
	"last_status": "SUCCESS",
	"role_arn": "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
}

recorder(acct, region, changes) := {
	"id": sprintf("arn:aws:config:%v:%v:config-recorder/default", [region, acct]),
	"kind": "aws.config.recorder",
	"account": acct,
	"region": region,
	"name": "default",
	"attributes": object.union(good, changes),
}

inv(recorders) := {"aws.config.recorder": recorders}

test_fail_no_recorder if {
	rule.deny == {"AWS Config has no configuration recorder in region eu-west-1"} with input as account
		with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_recorder_only_in_other_region if {
	i := inv([recorder("123456789012", "us-east-1", {}), recorder("210987654321", "eu-west-1", {})])
	rule.deny == {"AWS Config has no configuration recorder in region eu-west-1"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_not_recording if {
	i := inv([recorder("123456789012", "eu-west-1", {"recording": false})])
	rule.deny == {"No AWS Config recorder in region eu-west-1 records all resource types: recorder default is not recording"} with input as account
		with data.inventory as i
}

test_fail_partial_recording if {
	i := inv([recorder("123456789012", "eu-west-1", {"all_supported": false, "include_global_resource_types": false})])
	rule.deny == {"No AWS Config recorder in region eu-west-1 records all resource types: recorder default does not record all supported resource types and does not include global resource types"} with input as account
		with data.inventory as i
}

test_fail_plan_recorder_without_status if {
	# A plan recorder records only with an aws_config_configuration_recorder_status.
	i := inv([recorder(null, "us-east-1", {"recording": false})])
	count(rule.deny) == 1 with input as plan_account with data.inventory as i
	not rule.compliant with input as plan_account with data.inventory as i
}

test_pass_recording_everything if {
	i := inv([recorder("123456789012", "eu-west-1", {})])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_plan if {
	i := inv([recorder(null, "us-east-1", {"role_arn": kaa})])
	rule.compliant with input as plan_account with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
}

test_unknown_recording if {
	i := inv([recorder("123456789012", "eu-west-1", {"recording": {"$unknown": "not_collected"}})])
	rule.unknown == {"Recorder default could qualify, but recording not known"} with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_plan_values if {
	i := inv([recorder(null, "us-east-1", {"recording": kaa, "include_global_resource_types": kaa})])
	rule.unknown == {"Recorder default could qualify, but recording, include_global_resource_types not known"} with input as plan_account
		with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
}

test_fail_unknown_parts_cannot_help if {
	i := inv([recorder("123456789012", "eu-west-1", {"recording": kaa, "all_supported": false})])
	count(rule.deny) == 1 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}
