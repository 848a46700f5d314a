package complyctl.cloudtrail.cloudwatch_logs_test

import rego.v1

import data.complyctl.cloudtrail.cloudwatch_logs as rule

trail(attrs) := {
	"id": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-events",
	"kind": "aws.cloudtrail.trail",
	"name": "management-events",
	"attributes": object.union({"trail_name": "management-events"}, attrs),
}

test_fail_no_log_group if {
	r := trail({"cloudwatch_logs_log_group_arn": null})
	rule.deny == {"The trail does not send its events to CloudWatch Logs (no log group)"} with input as r
	not rule.compliant with input as r
}

test_fail_empty_or_absent if {
	count(rule.deny) == 1 with input as trail({"cloudwatch_logs_log_group_arn": ""})
	count(rule.deny) == 1 with input as trail({})
}

test_pass_log_group if {
	r := trail({"cloudwatch_logs_log_group_arn": "arn:aws:logs:eu-west-1:123456789012:log-group:cloudtrail:*"})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_known_after_apply if {
	r := trail({"cloudwatch_logs_log_group_arn": {"$unknown": "known_after_apply"}})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_not_collected if {
	r := trail({"cloudwatch_logs_log_group_arn": {"$unknown": "not_collected"}})
	rule.unknown == {"The trail's CloudWatch Logs log group is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ambiguous if {
	r := trail({"cloudwatch_logs_log_group_arn": {"$unknown": "ambiguous"}})
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}
