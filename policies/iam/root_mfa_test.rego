package complyctl.iam.root_mfa_test

import rego.v1

import data.complyctl.iam.root_mfa as rule

account(attrs) := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "us-east-1",
	"attributes": object.union({"account_id": "123456789012", "region": "us-east-1"}, attrs),
}

test_fail_no_root_mfa if {
	r := account({"root_mfa_enabled": false})
	rule.deny == {"MFA is not enabled for the root user"} with input as r
	not rule.compliant with input as r
}

test_pass_root_mfa if {
	r := account({"root_mfa_enabled": true})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_not_collected if {
	r := account({"root_mfa_enabled": {"$unknown": "not_collected"}})
	rule.unknown == {"Whether the root user has MFA is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_attribute_missing if {
	r := account({})
	rule.unknown == {"The inventory does not say whether the root user has MFA (no root_mfa_enabled)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_not_a_boolean if {
	# "true" as a string is not evidence; no decision means unknown.
	r := account({"root_mfa_enabled": "true"})
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

home_region_account(home) := {
	"id": "arn:aws:::123456789012:account/eu-west-1",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "eu-west-1",
	"attributes": {"account_id": "123456789012", "region": "eu-west-1", "home_region": home},
}

test_not_applicable_outside_the_home_region if {
	rule.not_applicable with input as home_region_account(false) with data.inventory as {}
}

test_applicable_in_the_home_region if {
	not rule.not_applicable with input as home_region_account(true) with data.inventory as {}
}
