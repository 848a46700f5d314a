package complyctl.s3.access_logging_test

import rego.v1

import data.complyctl.s3.access_logging as rule

bucket(attrs) := {"id": "module.media[\"raw\"].aws_s3_bucket.this[0]", "kind": "aws.s3.bucket", "name": "raw", "attributes": attrs}

test_fail_no_logging if {
	r := bucket({"logging": null})
	rule.deny == {"Server access logging is not enabled"} with input as r
	not rule.compliant with input as r
}

test_fail_absent if {
	r := bucket({"bucket": "raw"})
	count(rule.deny) == 1 with input as r
}

test_fail_empty_target if {
	r := bucket({"logging": {"target_bucket": "", "target_prefix": "raw/"}})
	rule.deny == {"Server access logging is configured without a target bucket"} with input as r
	not rule.compliant with input as r
}

test_fail_null_target if {
	r := bucket({"logging": {"target_bucket": null, "target_prefix": null}})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_target_bucket if {
	r := bucket({"logging": {"target_bucket": "access-logs", "target_prefix": "raw/"}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_target_known_after_apply if {
	# The log bucket is created in the same plan.
	r := bucket({"logging": {"target_bucket": {"$unknown": "known_after_apply"}, "target_prefix": "raw/"}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_prefix_unknown if {
	r := bucket({"logging": {"target_bucket": "access-logs", "target_prefix": {"$unknown": "known_after_apply"}}})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_logging_configuration if {
	r := bucket({"logging": {"$unknown": "ambiguous"}})
	rule.unknown == {"The logging configuration is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_target_not_collected if {
	r := bucket({"logging": {"target_bucket": {"$unknown": "not_collected"}, "target_prefix": null}})
	rule.unknown == {"The logging target bucket is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
