package complyctl.s3.lifecycle_configured_test

import rego.v1

import data.complyctl.s3.lifecycle_configured as rule

kaa := {"$unknown": "known_after_apply"}

bucket(rules) := {"id": "aws_s3_bucket.media", "kind": "aws.s3.bucket", "name": "media", "attributes": {"bucket": "media", "lifecycle_rules": rules}}

empty_rule := {
	"id": "r",
	"enabled": true,
	"transitions": [],
	"expiration_days": null,
	"noncurrent_transitions": [],
	"noncurrent_expiration_days": null,
	"abort_incomplete_multipart_days": null,
}

lc(changes) := object.union(empty_rule, changes)

test_fail_no_rules if {
	r := bucket([])
	rule.deny == {"Bucket has no lifecycle rules"} with input as r
	not rule.compliant with input as r
}

test_fail_attribute_absent if {
	r := {"id": "aws_s3_bucket.media", "kind": "aws.s3.bucket", "attributes": {"bucket": "media"}}
	rule.deny == {"Bucket has no lifecycle rules"} with input as r
}

test_fail_only_abort_multipart if {
	r := bucket([lc({"abort_incomplete_multipart_days": 7})])
	rule.deny == {"None of the bucket's 1 lifecycle rules is enabled and transitions objects to another storage class or expires them"} with input as r
	not rule.compliant with input as r
}

test_fail_disabled_rule if {
	r := bucket([lc({"enabled": false, "expiration_days": 30}), lc({"enabled": false, "transitions": kaa})])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 0 with input as r
	not rule.compliant with input as r
}

test_fail_transition_to_standard if {
	r := bucket([lc({"transitions": [{"days": 30, "storage_class": "STANDARD"}]})])
	count(rule.deny) == 1 with input as r
}

test_pass_transition if {
	r := bucket([lc({"abort_incomplete_multipart_days": 7}), lc({"transitions": [{"days": 90, "storage_class": "GLACIER"}]})])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_every_storage_class if {
	every class in ["STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE"] {
		rule.compliant with input as bucket([lc({"transitions": [{"days": 0, "storage_class": class}]})])
	}
}

test_pass_expiration if {
	r := bucket([lc({"expiration_days": 365})])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_noncurrent_actions if {
	rule.compliant with input as bucket([lc({"noncurrent_expiration_days": 30})])
	rule.compliant with input as bucket([lc({"noncurrent_transitions": [{"days": 30, "storage_class": "GLACIER_IR"}]})])
}

test_pass_despite_unknown_other_rule if {
	r := bucket([kaa, lc({"expiration_days": 365})])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_rules if {
	r := bucket({"$unknown": "ambiguous"})
	rule.unknown == {"The lifecycle rules are not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_expiration if {
	r := bucket([lc({"expiration_days": kaa})])
	rule.unknown == {`What Lifecycle rule "r" does is not known: expiration_days`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_storage_class if {
	r := bucket([lc({"id": null, "transitions": [{"days": 30, "storage_class": kaa}]})])
	rule.unknown == {"What Lifecycle rule lifecycle_rules[0] does is not known: storage class of transitions"} with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_enabled if {
	r := bucket([lc({"enabled": kaa, "expiration_days": 30})])
	rule.unknown == {`Whether Lifecycle rule "r" is enabled is not known (known_after_apply)`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_rule_element if {
	r := bucket([kaa])
	rule.unknown == {"Lifecycle rule lifecycle_rules[0] is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
}

test_fail_enabled_unknown_but_rule_does_nothing if {
	r := bucket([lc({"enabled": kaa, "abort_incomplete_multipart_days": 7})])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 0 with input as r
}
