package complyctl.cloudtrail.multi_region_enabled_test

import rego.v1

import data.complyctl.cloudtrail.multi_region_enabled as rule

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
	"trail_name": "management-events",
	"is_multi_region": true,
	"include_global_service_events": true,
	"log_file_validation": true,
	"kms_key_id": null,
	"s3_bucket_name": "acme-cloudtrail",
	"is_logging": true,
	"home_region": "us-east-1",
}

trail(name, acct, changes) := {
	"id": sprintf("arn:aws:cloudtrail:us-east-1:%v:trail/%v", [acct, name]),
	"kind": "aws.cloudtrail.trail",
	"account": acct,
	"region": "us-east-1",
	"name": name,
	"attributes": object.union(good, changes),
}

inv(trails) := {"aws.cloudtrail.trail": trails}

test_fail_no_trail if {
	rule.deny == {"The account has no CloudTrail trail"} with input as account with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_only_other_accounts_trail if {
	i := inv([trail("org", "210987654321", {})])
	rule.deny == {"The account has no CloudTrail trail"} with input as account with data.inventory as i
}

test_fail_single_region_and_stopped if {
	i := inv([
		trail("regional", "123456789012", {"is_multi_region": false}),
		trail("stopped", "123456789012", {"is_logging": false, "include_global_service_events": false}),
	])
	rule.deny == {
		"No trail is multi-region, logging and recording global service events: trail regional is not multi-region",
		"No trail is multi-region, logging and recording global service events: trail stopped is not logging and does not include global service events",
	} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_unknown_parts_cannot_help if {
	i := inv([trail("regional", "123456789012", {"is_multi_region": false, "is_logging": kaa})])
	count(rule.deny) == 1 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_multi_region_trail if {
	i := inv([trail("regional", "123456789012", {"is_multi_region": false}), trail("management-events", "123456789012", {})])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_trail_in_other_region if {
	# A multi-region trail covers the account's every region.
	i := inv([object.union(trail("management-events", "123456789012", {}), {"region": "us-west-2"})])
	rule.compliant with input as account with data.inventory as i
}

test_pass_plan if {
	i := inv([trail("main", null, {"s3_bucket_name": kaa})])
	rule.compliant with input as plan_account with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
}

test_pass_despite_unknown_other_trail if {
	i := inv([trail("a", "123456789012", {"is_logging": kaa}), trail("b", "123456789012", {})])
	rule.compliant with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_unknown_logging if {
	i := inv([
		trail("regional", "123456789012", {"is_multi_region": false}),
		trail("main", "123456789012", {"is_logging": {"$unknown": "not_collected"}}),
	])
	rule.unknown == {"Trail main could qualify, but is_logging not known"} with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_plan_values if {
	i := inv([trail("main", null, {"is_multi_region": kaa, "include_global_service_events": kaa})])
	rule.unknown == {"Trail main could qualify, but is_multi_region, include_global_service_events not known"} with input as plan_account
		with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
}
