package complyctl.iam.root_access_keys_test

import rego.v1

import data.complyctl.iam.root_access_keys as rule

account(attrs) := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "us-east-1",
	"attributes": object.union({"account_id": "123456789012", "region": "us-east-1"}, attrs),
}

test_fail_root_keys if {
	r := account({"root_access_keys_present": true})
	rule.deny == {"The root user has access keys"} with input as r
	not rule.compliant with input as r
}

test_pass_no_root_keys if {
	r := account({"root_access_keys_present": false})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_not_collected if {
	r := account({"root_access_keys_present": {"$unknown": "not_collected"}})
	rule.unknown == {"Whether the root user has access keys is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_attribute_missing if {
	r := account({})
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_unknown_null_is_not_false if {
	# null is not evidence that there are no keys.
	r := account({"root_access_keys_present": null})
	count(rule.unknown) == 1 with input as r
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
