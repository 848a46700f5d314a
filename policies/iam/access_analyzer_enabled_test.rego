package complyctl.iam.access_analyzer_enabled_test

import rego.v1

import data.complyctl.iam.access_analyzer_enabled as rule

account(attrs) := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "eu-west-1",
	"attributes": object.union({"account_id": "123456789012", "region": "eu-west-1"}, attrs),
}

test_fail_not_enabled if {
	r := account({"access_analyzer_enabled": false})
	rule.deny == {"IAM Access Analyzer is not enabled in this account and region"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_pass_enabled if {
	r := account({"access_analyzer_enabled": true})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
	not rule.not_applicable with input as r
}

test_unknown_not_collected if {
	r := account({"access_analyzer_enabled": {"$unknown": "not_collected"}})
	rule.unknown == {"Whether IAM Access Analyzer is enabled is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_not_applicable_attribute_absent if {
	r := account({})
	rule.not_applicable with input as r
}

test_not_applicable_null if {
	r := account({"access_analyzer_enabled": null})
	rule.not_applicable with input as r
	count(rule.deny) == 0 with input as r
}

test_not_applicable_plan_account if {
	r := {
		"id": "aws_account",
		"kind": "aws.account",
		"source": "terraform-plan",
		"account": null,
		"region": "us-east-1",
		"attributes": {"account_id": {"$unknown": "known_after_apply"}, "region": "us-east-1"},
	}
	rule.not_applicable with input as r
}
