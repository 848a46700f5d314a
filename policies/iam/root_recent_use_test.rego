package complyctl.iam.root_recent_use_test

import rego.v1

import data.complyctl.iam.root_recent_use as rule

# data.now_ns in `policy test` is 2026-01-01T00:00:00Z; the default is 90 days.

account(attrs) := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "us-east-1",
	"attributes": object.union({"account_id": "123456789012", "region": "us-east-1"}, attrs),
}

test_fail_used_last_week if {
	r := account({"root_last_used": "2025-12-25T08:30:00Z"})
	rule.deny == {"The root user was last used on 2025-12-25T08:30:00Z, within the last 90 days"} with input as r
	not rule.compliant with input as r
}

test_fail_exactly_at_the_limit if {
	# 2025-10-03T00:00:00Z is exactly 90 days before the scan.
	r := account({"root_last_used": "2025-10-03T00:00:00Z"})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_fail_with_longer_param if {
	r := account({"root_last_used": "2025-06-01T00:00:00Z"})
	rule.deny == {"The root user was last used on 2025-06-01T00:00:00Z, within the last 365 days"} with input as r
		with data.params.root_recent_use_days as 365
}

test_pass_never_used if {
	r := account({"root_last_used": null})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_used_long_ago if {
	r := account({"root_last_used": "2025-10-02T23:59:59Z"})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_with_shorter_param if {
	r := account({"root_last_used": "2025-12-25T08:30:00Z"})
	rule.compliant with input as r with data.params.root_recent_use_days as 3
	count(rule.deny) == 0 with input as r with data.params.root_recent_use_days as 3
}

test_unknown_not_collected if {
	r := account({"root_last_used": {"$unknown": "not_collected"}})
	rule.unknown == {"When the root user was last used is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_attribute_missing if {
	r := account({})
	rule.unknown == {"The inventory does not say when the root user was last used (no root_last_used)"} with input as r
	not rule.compliant with input as r
}

test_unknown_bad_timestamp if {
	r := account({"root_last_used": "N/A"})
	rule.unknown == {`root_last_used is not an RFC 3339 timestamp: "N/A"`} with input as r
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
