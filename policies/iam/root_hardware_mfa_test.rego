package complyctl.iam.root_hardware_mfa_test

import rego.v1

import data.complyctl.iam.root_hardware_mfa as rule

account(attrs) := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "us-east-1",
	"attributes": object.union({"account_id": "123456789012", "region": "us-east-1"}, attrs),
}

test_fail_virtual_mfa if {
	r := account({"root_mfa_enabled": true, "root_hardware_mfa": false})
	rule.deny == {"The root user does not use a hardware MFA device"} with input as r
	not rule.compliant with input as r
}

test_fail_no_mfa_at_all if {
	r := account({"root_mfa_enabled": false, "root_hardware_mfa": false})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_hardware_mfa if {
	r := account({"root_mfa_enabled": true, "root_hardware_mfa": true})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_not_collected if {
	r := account({"root_mfa_enabled": true, "root_hardware_mfa": {"$unknown": "not_collected"}})
	rule.unknown == {"Whether the root user has a hardware MFA device is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_attribute_missing if {
	r := account({"root_mfa_enabled": true})
	count(rule.unknown) == 1 with input as r
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
