package complyctl.guardduty.enabled_test

import rego.v1

import data.complyctl.guardduty.enabled as rule

kaa := {"$unknown": "known_after_apply"}

account := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "ap-southeast-2",
	"attributes": {"account_id": "123456789012", "region": "ap-southeast-2"},
}

plan_account := {
	"id": "aws_account",
	"kind": "aws.account",
	"source": "terraform-plan",
	"account": null,
	"region": "us-east-1",
	"attributes": {"account_id": kaa, "region": "us-east-1"},
}

detector(acct, region, status) := {
	"id": sprintf("arn:aws:guardduty:%v:%v:detector/12abc34d567e8fa901bc2d34e56789f0", [region, acct]),
	"kind": "aws.guardduty.detector",
	"account": acct,
	"region": region,
	"name": "12abc34d567e8fa901bc2d34e56789f0",
	"attributes": {"detector_id": "12abc34d567e8fa901bc2d34e56789f0", "status": status, "finding_publishing_frequency": "SIX_HOURS"},
}

inv(detectors) := {"aws.guardduty.detector": detectors}

test_fail_no_detector if {
	rule.deny == {"GuardDuty has no detector in region ap-southeast-2"} with input as account with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_detector_only_in_other_region if {
	# Enabled in us-east-1 does not cover ap-southeast-2.
	i := inv([detector("123456789012", "us-east-1", "ENABLED"), detector("210987654321", "ap-southeast-2", "ENABLED")])
	rule.deny == {"GuardDuty has no detector in region ap-southeast-2"} with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_disabled if {
	i := inv([detector("123456789012", "ap-southeast-2", "DISABLED")])
	rule.deny == {"GuardDuty is not enabled in region ap-southeast-2: detector 12abc34d567e8fa901bc2d34e56789f0 is DISABLED"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_plan_detector_disabled if {
	i := inv([object.union(detector(null, "us-east-1", "DISABLED"), {"id": "aws_guardduty_detector.main", "name": "aws_guardduty_detector.main"})])
	rule.deny == {"GuardDuty is not enabled in region us-east-1: detector aws_guardduty_detector.main is DISABLED"} with input as plan_account
		with data.inventory as i
}

test_pass_enabled if {
	i := inv([detector("123456789012", "ap-southeast-2", "ENABLED")])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_plan if {
	i := inv([detector(null, "us-east-1", "ENABLED")])
	rule.compliant with input as plan_account with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
}

test_pass_despite_unknown_other_detector if {
	i := inv([detector("123456789012", "ap-southeast-2", kaa), detector("123456789012", "ap-southeast-2", "ENABLED")])
	rule.compliant with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_unknown_status if {
	i := inv([detector(null, "us-east-1", kaa)])
	rule.unknown == {"The status of GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 is not known (known_after_apply)"} with input as plan_account
		with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
	not rule.compliant with input as plan_account with data.inventory as i
}

test_unknown_wins_over_disabled_detector if {
	i := inv([detector("123456789012", "ap-southeast-2", "DISABLED"), detector("123456789012", "ap-southeast-2", {"$unknown": "not_collected"})])
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 1 with input as account with data.inventory as i
}
