package complyctl.s3.object_lock_evidence_test

import rego.v1

import data.complyctl.s3.object_lock_evidence as rule

kaa := {"$unknown": "known_after_apply"}

bucket(name, tags, object_lock) := {
	"id": sprintf("aws_s3_bucket.%v", [name]),
	"kind": "aws.s3.bucket",
	"name": name,
	"tags": tags,
	"attributes": {"bucket": name, "object_lock": object_lock},
}

locked := {"enabled": true, "mode": "COMPLIANCE", "days": 365, "years": null}

test_fail_no_object_lock if {
	r := bucket("acme-media-evidence", {}, null)
	rule.deny == {"Object Lock is not enabled on this evidence bucket"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_object_lock_disabled if {
	r := bucket("acme-access-logs", {}, {"enabled": false, "mode": null, "days": null, "years": null})
	rule.deny == {"Object Lock is not enabled on this evidence bucket"} with input as r
	not rule.compliant with input as r
}

test_fail_tagged if {
	r := bucket("acme-media-raw", {"complyctl:evidence": "true"}, null)
	count(rule.deny) == 1 with input as r
}

test_pass_locked if {
	r := bucket("acme-media-evidence", {}, locked)
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_enabled_without_default_retention if {
	r := bucket("org-cloudtrail", {}, {"enabled": true, "mode": null, "days": null, "years": null})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_name_unknown_but_locked if {
	r := bucket(kaa, {}, locked)
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_retention_unknown_does_not_matter if {
	r := bucket("acme-media-evidence", {}, {"enabled": true, "mode": kaa, "days": kaa, "years": kaa})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_not_applicable_other_bucket if {
	r := bucket("acme-media-final", {}, null)
	rule.not_applicable with input as r
	not rule.not_applicable with input as bucket("acme-media-final", {"complyctl:evidence": "True"}, null)
}

test_unknown_object_lock if {
	r := bucket("acme-media-evidence", {}, kaa)
	rule.unknown == {"The Object Lock configuration is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_enabled if {
	r := bucket("acme-media-evidence", {}, object.union(locked, {"enabled": {"$unknown": "not_collected"}}))
	rule.unknown == {"Whether Object Lock is enabled is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_whether_evidence_bucket if {
	r := bucket(kaa, {}, null)
	rule.unknown == {"Object Lock is not enabled, and whether this is an evidence bucket is not known: the bucket name is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.not_applicable with input as r
	not rule.compliant with input as r
}
