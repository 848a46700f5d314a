package complyctl.securityhub.enabled_test

import rego.v1

import data.complyctl.securityhub.enabled as rule

kaa := {"$unknown": "known_after_apply"}

fsbp := "arn:aws:securityhub:eu-central-1::standards/aws-foundational-security-best-practices/v/1.0.0"

cis := "arn:aws:securityhub:eu-central-1::standards/cis-aws-foundations-benchmark/v/3.0.0"

account := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "eu-central-1",
	"attributes": {"account_id": "123456789012", "region": "eu-central-1"},
}

plan_account := {
	"id": "aws_account",
	"kind": "aws.account",
	"source": "terraform-plan",
	"account": null,
	"region": "us-east-1",
	"attributes": {"account_id": kaa, "region": "us-east-1"},
}

hub(acct, region, changes) := {
	"id": sprintf("arn:aws:securityhub:%v:%v:hub/default", [region, acct]),
	"kind": "aws.securityhub.hub",
	"account": acct,
	"region": region,
	"name": "default",
	"attributes": object.union(
		{
			"hub_arn": sprintf("arn:aws:securityhub:%v:%v:hub/default", [region, acct]),
			"enabled": true,
			"standards": [{"arn": fsbp, "status": "READY"}],
			"auto_enable_controls": true,
		},
		changes,
	),
}

inv(hubs) := {"aws.securityhub.hub": hubs}

test_fail_no_hub if {
	rule.deny == {"Security Hub is not enabled in region eu-central-1 (no hub)"} with input as account with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_hub_only_in_other_region if {
	i := inv([hub("123456789012", "us-east-1", {})])
	rule.deny == {"Security Hub is not enabled in region eu-central-1 (no hub)"} with input as account with data.inventory as i
}

test_fail_disabled_hub if {
	i := inv([hub("123456789012", "eu-central-1", {"enabled": false})])
	rule.deny == {"Security Hub in region eu-central-1: hub default is not enabled"} with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_no_standards if {
	i := inv([hub("123456789012", "eu-central-1", {"standards": []})])
	rule.deny == {"Security Hub in region eu-central-1: hub default has no security standard enabled"} with input as account
		with data.inventory as i
}

test_fail_standards_not_ready if {
	i := inv([hub("123456789012", "eu-central-1", {"standards": [{"arn": fsbp, "status": "FAILED"}, {"arn": cis, "status": "PENDING"}]})])
	rule.deny == {sprintf("Security Hub in region eu-central-1: hub default has no security standard with status READY (%v: FAILED, %v: PENDING)", [fsbp, cis])} with input as account
		with data.inventory as i
}

test_fail_plan_hub_without_subscription if {
	i := inv([hub(null, "us-east-1", {"standards": [], "hub_arn": kaa})])
	count(rule.deny) == 1 with input as plan_account with data.inventory as i
	not rule.compliant with input as plan_account with data.inventory as i
}

test_fail_disabled_and_unknown_standard if {
	# Disabled is enough: the standard's status cannot help.
	i := inv([hub("123456789012", "eu-central-1", {"enabled": false, "standards": [{"arn": fsbp, "status": kaa}]})])
	rule.deny == {"Security Hub in region eu-central-1: hub default is not enabled"} with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_ready_standard if {
	i := inv([hub("123456789012", "eu-central-1", {"standards": [{"arn": cis, "status": "INCOMPLETE"}, {"arn": fsbp, "status": "READY"}]})])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_plan_subscription if {
	i := inv([hub(null, "us-east-1", {"hub_arn": kaa, "standards": [{"arn": kaa, "status": "READY"}]})])
	rule.compliant with input as plan_account with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
	count(rule.unknown) == 0 with input as plan_account with data.inventory as i
}

test_unknown_standard_status if {
	i := inv([hub("123456789012", "eu-central-1", {"standards": [{"arn": fsbp, "status": {"$unknown": "not_collected"}}]})])
	rule.unknown == {sprintf("Security Hub hub default could qualify, but these are not known: the status of standard %v", [fsbp])} with input as account
		with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_standards_list if {
	i := inv([hub("123456789012", "eu-central-1", {"standards": {"$unknown": "not_collected"}})])
	rule.unknown == {"Security Hub hub default could qualify, but these are not known: its standards (not_collected)"} with input as account
		with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
}

test_unknown_enabled if {
	i := inv([hub("123456789012", "eu-central-1", {"enabled": {"$unknown": "not_collected"}})])
	rule.unknown == {"Security Hub hub default could qualify, but these are not known: whether it is enabled (not_collected)"} with input as account
		with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_standard_element if {
	i := inv([hub("123456789012", "eu-central-1", {"standards": [kaa]})])
	rule.unknown == {"Security Hub hub default could qualify, but these are not known: the status of standard standards[0]"} with input as account
		with data.inventory as i
}
