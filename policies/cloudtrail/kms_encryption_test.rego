package complyctl.cloudtrail.kms_encryption_test

import rego.v1

import data.complyctl.cloudtrail.kms_encryption as rule

trail(attrs) := {
	"id": "aws_cloudtrail.main",
	"kind": "aws.cloudtrail.trail",
	"name": "main",
	"attributes": object.union({"trail_name": "main"}, attrs),
}

test_fail_no_key if {
	r := trail({"kms_key_id": null})
	rule.deny == {"The trail's log files are not encrypted with a KMS key (no kms_key_id)"} with input as r
	not rule.compliant with input as r
}

test_fail_empty_or_absent if {
	count(rule.deny) == 1 with input as trail({"kms_key_id": ""})
	count(rule.deny) == 1 with input as trail({})
}

test_pass_key_arn if {
	r := trail({"kms_key_id": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_key_known_after_apply if {
	# kms_key_id = aws_kms_key.cloudtrail.arn, created by the same plan.
	r := trail({"kms_key_id": {"$unknown": "known_after_apply"}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_not_collected if {
	r := trail({"kms_key_id": {"$unknown": "not_collected"}})
	rule.unknown == {"The trail's KMS key is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
