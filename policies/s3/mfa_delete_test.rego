package complyctl.s3.mfa_delete_test

import rego.v1

import data.complyctl.s3.mfa_delete as rule

kaa := {"$unknown": "known_after_apply"}

bucket(name, tags, versioning) := {
	"id": sprintf("arn:aws:s3:::%v", [name]),
	"kind": "aws.s3.bucket",
	"name": name,
	"tags": tags,
	"attributes": {"bucket": name, "versioning": versioning},
}

test_fail_evidence_bucket_without_mfa_delete if {
	r := bucket("acme-cloudtrail-logs", {}, {"status": "Enabled", "mfa_delete": false})
	rule.deny == {"MFA delete is not enabled on this evidence bucket"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_unversioned_evidence_bucket if {
	r := bucket("soc2-audit-evidence", {}, {"status": "Disabled", "mfa_delete": false})
	rule.deny == {"MFA delete is not enabled (versioning is Disabled; MFA delete needs versioning) on this evidence bucket"} with input as r
	not rule.compliant with input as r
}

test_fail_versioning_not_configured if {
	r := bucket("org-trail", {}, null)
	rule.deny == {"Versioning is not configured, so MFA delete is not enabled on this evidence bucket"} with input as r
}

test_fail_tagged_evidence_bucket if {
	r := bucket("acme-media-raw", {"complyctl:evidence": "true"}, {"status": "Enabled", "mfa_delete": false})
	count(rule.deny) == 1 with input as r
	not rule.not_applicable with input as r
}

test_fail_custom_patterns if {
	r := bucket("acme-media-raw", {}, {"status": "Enabled", "mfa_delete": false})
	count(rule.deny) == 1 with input as r with data.params.evidence_bucket_patterns as ["*-raw"]
	rule.not_applicable with input as r
}

test_pass_mfa_delete_enabled if {
	r := bucket("acme-access-logs", {}, {"status": "Enabled", "mfa_delete": true})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_name_unknown_but_mfa_delete_on if {
	r := bucket(kaa, {}, {"status": "Enabled", "mfa_delete": true})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_not_applicable_other_bucket if {
	r := bucket("acme-media-final", {"Project": "media"}, {"status": "Enabled", "mfa_delete": false})
	rule.not_applicable with input as r
}

test_not_applicable_unversioned_other_bucket if {
	r := bucket("acme-media-scratch", {}, null)
	rule.not_applicable with input as r
}

test_not_applicable_tag_false_does_not_override_name if {
	r := bucket("acme-audit", {"complyctl:evidence": "false"}, {"status": "Enabled", "mfa_delete": false})
	not rule.not_applicable with input as r
	count(rule.deny) == 1 with input as r
}

test_unknown_mfa_delete if {
	# aws_s3_bucket_versioning without mfa_delete: only known after apply.
	r := bucket("acme-media-evidence", {}, {"status": "Enabled", "mfa_delete": kaa})
	rule.unknown == {"Whether MFA delete is enabled is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_versioning if {
	r := bucket("acme-media-evidence", {}, {"$unknown": "ambiguous"})
	rule.unknown == {"The versioning configuration is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_whether_evidence_bucket if {
	r := bucket(kaa, kaa, {"status": "Disabled", "mfa_delete": false})
	rule.unknown == {"MFA delete is not enabled (versioning is Disabled; MFA delete needs versioning), and whether this is an evidence bucket is not known: the bucket name is not known (known_after_apply); its tags are not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.not_applicable with input as r
	not rule.compliant with input as r
}

test_unknown_both if {
	r := bucket("acme-media-raw", kaa, {"status": "Enabled", "mfa_delete": kaa})
	rule.unknown == {
		"Whether MFA delete is enabled is not known (known_after_apply)",
		"Whether this is an evidence bucket is not known: its tags are not known (known_after_apply)",
	} with input as r
}
