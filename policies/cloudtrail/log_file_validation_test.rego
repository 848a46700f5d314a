package complyctl.cloudtrail.log_file_validation_test

import rego.v1

import data.complyctl.cloudtrail.log_file_validation as rule

trail(attrs) := {
	"id": "arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events",
	"kind": "aws.cloudtrail.trail",
	"name": "management-events",
	"attributes": object.union({"trail_name": "management-events", "is_multi_region": true}, attrs),
}

test_fail_disabled if {
	r := trail({"log_file_validation": false})
	rule.deny == {"Log file integrity validation is not enabled on the trail"} with input as r
	not rule.compliant with input as r
}

test_fail_absent_or_null if {
	count(rule.deny) == 1 with input as trail({})
	count(rule.deny) == 1 with input as trail({"log_file_validation": null})
}

test_pass_enabled if {
	r := trail({"log_file_validation": true})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_setting if {
	r := trail({"log_file_validation": {"$unknown": "known_after_apply"}})
	rule.unknown == {"Whether log file validation is enabled is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_not_collected if {
	r := trail({"log_file_validation": {"$unknown": "not_collected"}})
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
}
