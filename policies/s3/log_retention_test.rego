package complyctl.s3.log_retention_test

import rego.v1

import data.complyctl.s3.log_retention as rule

kaa := {"$unknown": "known_after_apply"}

bucket(name, attrs) := {
	"id": sprintf("arn:aws:s3:::%v", [name]),
	"kind": "aws.s3.bucket",
	"name": name,
	"tags": {},
	"attributes": object.union({"bucket": name, "lifecycle_rules": [], "object_lock": null}, attrs),
}

lc(id, enabled, expiration_days) := {
	"id": id,
	"enabled": enabled,
	"transitions": [{"days": 30, "storage_class": "GLACIER"}],
	"expiration_days": expiration_days,
	"noncurrent_transitions": [],
	"noncurrent_expiration_days": 7,
	"abort_incomplete_multipart_days": 7,
}

lock(days, years) := {"enabled": true, "mode": "GOVERNANCE", "days": days, "years": years}

test_fail_expires_too_early if {
	r := bucket("acme-cloudtrail-logs", {"lifecycle_rules": [lc("expire-logs", true, 30)]})
	rule.deny == {`Lifecycle rule "expire-logs" expires current objects after 30 days, before the 90 days they must be kept on this evidence bucket`} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_rule_without_id if {
	r := bucket("acme-cloudtrail-logs", {"lifecycle_rules": [lc(null, true, 89)]})
	rule.deny == {"Lifecycle rule lifecycle_rules[0] expires current objects after 89 days, before the 90 days they must be kept on this evidence bucket"} with input as r
}

test_fail_mpa_tpn_one_year if {
	r := bucket("acme-media-evidence", {"lifecycle_rules": [lc("a", true, 180)]})
	count(rule.deny) == 1 with input as r with data.params.log_retention_days as 365
	rule.compliant with input as r
}

test_fail_object_lock_too_short if {
	r := bucket("acme-audit", {"object_lock": lock(30, null)})
	rule.deny == {"The Object Lock default retention of 30 days is shorter than 90 days on this evidence bucket"} with input as r
	not rule.compliant with input as r
}

test_fail_object_lock_years if {
	r := bucket("acme-audit", {"object_lock": lock(null, 1)})
	rule.deny == {"The Object Lock default retention of 1 year is shorter than 400 days on this evidence bucket"} with input as r
		with data.params.log_retention_days as 400
	rule.compliant with input as r with data.params.log_retention_days as 365
}

test_fail_wins_over_unknown if {
	r := bucket("acme-audit", {"lifecycle_rules": [lc("a", true, 10), lc("b", true, kaa)]})
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
}

test_pass_no_lifecycle if {
	r := bucket("acme-access-logs", {})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_long_enough if {
	r := bucket("acme-access-logs", {
		"lifecycle_rules": [lc("archive", true, 90), lc("never-expire", true, null)],
		"object_lock": lock(365, null),
	})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_disabled_rule if {
	r := bucket("acme-access-logs", {"lifecycle_rules": [lc("old", false, 7), lc("old2", false, kaa)]})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_object_lock_without_default_retention if {
	r := bucket("acme-access-logs", {"object_lock": lock(null, null)})
	rule.compliant with input as r
}

test_not_applicable_other_bucket if {
	r := bucket("acme-media-raw", {"lifecycle_rules": [lc("expire", true, 1)]})
	rule.not_applicable with input as r
}

test_unknown_expiration if {
	r := bucket("acme-cloudtrail-logs", {"lifecycle_rules": [lc("expire-logs", true, kaa)]})
	rule.unknown == {`The expiration of Lifecycle rule "expire-logs" is not known (known_after_apply)`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_enabled if {
	r := bucket("acme-cloudtrail-logs", {"lifecycle_rules": [lc("expire-logs", kaa, 30)]})
	rule.unknown == {`Whether Lifecycle rule "expire-logs", which expires current objects after 30 days, is enabled is not known (known_after_apply)`} with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_enabled_unknown_long_expiration if {
	r := bucket("acme-cloudtrail-logs", {"lifecycle_rules": [lc("expire-logs", kaa, 400)]})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_rules if {
	r := bucket("acme-cloudtrail-logs", {"lifecycle_rules": {"$unknown": "ambiguous"}})
	rule.unknown == {"The lifecycle rules are not known (ambiguous)"} with input as r
	r2 := bucket("acme-cloudtrail-logs", {"lifecycle_rules": [kaa]})
	rule.unknown == {"Lifecycle rule lifecycle_rules[0] is not known (known_after_apply)"} with input as r2
}

test_unknown_object_lock if {
	rule.unknown == {"The Object Lock configuration is not known (known_after_apply)"} with input as bucket("acme-audit", {"object_lock": kaa})
	rule.unknown == {"The Object Lock default retention is not known (known_after_apply)"} with input as bucket("acme-audit", {"object_lock": lock(kaa, kaa)})
}

test_unknown_whether_evidence_bucket if {
	r := object.union(bucket("x", {"lifecycle_rules": [lc("expire", true, 7)]}), {"attributes": {"bucket": kaa}})
	rule.unknown == {`Lifecycle rule "expire" expires current objects after 7 days, before the 90 days they must be kept, and whether this is an evidence bucket is not known: the bucket name is not known (known_after_apply)`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.not_applicable with input as r
}

test_unknown_bad_parameter if {
	r := bucket("acme-audit", {"lifecycle_rules": [lc("expire", true, 7)]})
	rule.unknown == {`The parameter log_retention_days is not a number: "ninety"`} with input as r
		with data.params.log_retention_days as "ninety"
	count(rule.deny) == 0 with input as r with data.params.log_retention_days as "ninety"
}
