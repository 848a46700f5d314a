package complyctl.lib.s3_test

import rego.v1

import data.complyctl.lib.s3

kaa := {"$unknown": "known_after_apply"}

patterns := ["*log*", "*audit*", "*evidence*", "*trail*"]

bucket(name, tags, attrs) := {
	"id": "aws_s3_bucket.b",
	"kind": "aws.s3.bucket",
	"tags": tags,
	"attributes": object.union({"bucket": name}, attrs),
}

all_on := {
	"block_public_acls": true,
	"ignore_public_acls": true,
	"block_public_policy": true,
	"restrict_public_buckets": true,
}

all_off := {
	"block_public_acls": false,
	"ignore_public_acls": false,
	"block_public_policy": false,
	"restrict_public_buckets": false,
}

public_read := {"canned": "public-read", "grants": []}

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

public_policy := {"Version": "2012-10-17", "Statement": [{
	"Sid": "PublicRead",
	"Effect": "Allow",
	"Principal": "*",
	"Action": "s3:GetObject",
	"Resource": "arn:aws:s3:::b/*",
}]}

# ----------------------------------------------------------------- evidence buckets

test_evidence_by_name if {
	s3.is_evidence_bucket(bucket("acme-cloudtrail-logs", {}, {}), patterns)
	s3.is_evidence_bucket(bucket("SOC2-Audit", {}, {}), patterns)
	s3.is_evidence_bucket(bucket("logs.example.com", {}, {}), patterns)
	not s3.not_evidence_bucket(bucket("acme-cloudtrail-logs", {}, {}), patterns)
}

test_evidence_by_tag if {
	r := bucket("acme-media-raw", {"complyctl:evidence": "true"}, {})
	s3.is_evidence_bucket(r, patterns)
	s3.is_evidence_bucket(object.union(r, {"tags": {"complyctl:evidence": "TRUE"}}), patterns)
	not s3.not_evidence_bucket(r, patterns)
}

test_evidence_by_tag_with_unknown_name if {
	s3.is_evidence_bucket(bucket(kaa, {"complyctl:evidence": "true"}, {}), patterns)
}

test_not_evidence if {
	r := bucket("acme-media-raw", {"Project": "media"}, {})
	s3.not_evidence_bucket(r, patterns)
	not s3.is_evidence_bucket(r, patterns)
	not s3.evidence_undecided_reason(r, patterns)
	s3.not_evidence_bucket(bucket("acme-media-raw", {"complyctl:evidence": "false"}, {}), patterns)
}

test_not_evidence_without_tags_field if {
	s3.not_evidence_bucket({"id": "b", "attributes": {"bucket": "media"}}, patterns)
}

test_custom_patterns if {
	r := bucket("acme-media-raw", {}, {})
	s3.is_evidence_bucket(r, ["*-raw"])
	s3.is_evidence_bucket(r, "acme-*")
	s3.not_evidence_bucket(r, [])
}

test_undecided_name_unknown if {
	r := bucket(kaa, {}, {})
	not s3.is_evidence_bucket(r, patterns)
	not s3.not_evidence_bucket(r, patterns)
	s3.evidence_undecided_reason(r, patterns) == "the bucket name is not known (known_after_apply)"
}

test_undecided_tags_unknown if {
	r := bucket("acme-media-raw", kaa, {})
	not s3.not_evidence_bucket(r, patterns)
	s3.evidence_undecided_reason(r, patterns) == "its tags are not known (known_after_apply)"
}

test_undecided_tag_value_unknown if {
	r := bucket("acme-media-raw", {"complyctl:evidence": kaa}, {})
	s3.evidence_undecided_reason(r, patterns) == "its complyctl:evidence tag is not known"
}

test_name_match_wins_over_unknown_tags if {
	s3.is_evidence_bucket(bucket("acme-audit", kaa, {}), patterns)
}

test_undecided_bad_parameter if {
	r := bucket("acme-media-raw", {}, {})
	s3.evidence_undecided_reason(r, null) == "the parameter evidence_bucket_patterns is not a list of glob patterns"
	s3.evidence_undecided_reason(r, [1]) == "the parameter evidence_bucket_patterns is not a list of glob patterns"
	s3.evidence_undecided_reason(bucket(kaa, kaa, {}), null) == "the bucket name is not known (known_after_apply); its tags are not known (known_after_apply); the parameter evidence_bucket_patterns is not a list of glob patterns"
}

# ---------------------------------------------------------------------------- ACLs

test_acl_public_canned if {
	attrs := {"acl": public_read, "ownership_controls": null}
	s3.public_acl_grants(attrs) == ["canned ACL public-read"]
	s3.acl_status(attrs, null) == "public"
}

test_acl_public_grant if {
	attrs := {"acl": {"canned": null, "grants": [
		{"grantee_type": "CanonicalUser", "grantee": "abc123", "permission": "FULL_CONTROL"},
		{"grantee_type": "Group", "grantee": all_users, "permission": "READ"},
	]}}
	s3.public_acl_grants(attrs) == ["ACL grant of READ to AllUsers (everyone)"]
	s3.acl_status(attrs, false) == "public"
}

test_acl_private if {
	attrs := {"acl": {"canned": "private", "grants": [{"grantee_type": "Group", "grantee": "http://acs.amazonaws.com/groups/s3/LogDelivery", "permission": "WRITE"}]}}
	s3.public_acl_grants(attrs) == []
	s3.acl_unknown_parts(attrs) == []
	s3.acl_status(attrs, null) == "not_public"
}

test_acl_absent if {
	s3.acl_status({}, null) == "not_public"
	s3.acl_status({"acl": null}, null) == "not_public"
}

test_acl_disabled_or_ignored if {
	s3.acl_status({"acl": public_read, "ownership_controls": {"object_ownership": "BucketOwnerEnforced"}}, null) == "not_public"
	s3.acl_status({"acl": public_read}, true) == "not_public"
	s3.acl_status({"acl": kaa, "ownership_controls": {"object_ownership": "BucketOwnerEnforced"}}, null) == "not_public"
}

test_acl_unknown if {
	s3.acl_status({"acl": kaa}, null) == "unknown"
	s3.acl_unknown_parts({"acl": kaa}) == ["the bucket ACL is not known (known_after_apply)"]
	s3.acl_unknown_parts({"acl": {"canned": kaa, "grants": []}}) == ["the canned ACL is not known (known_after_apply)"]
	s3.acl_unknown_parts({"acl": {"canned": null, "grants": kaa}}) == ["the ACL grants are not known (known_after_apply)"]
	s3.acl_unknown_parts({"acl": {"canned": null, "grants": [{"grantee_type": "Group", "grantee": kaa, "permission": "READ"}]}}) == ["the grantee of ACL grant 0 is not known"]
	s3.acl_unknown_parts({"acl": {"canned": null, "grants": [kaa]}}) == ["the grantee of ACL grant 0 is not known"]
}

test_acl_unknown_permission_of_public_grantee_is_public if {
	attrs := {"acl": {"canned": null, "grants": [{"grantee_type": "Group", "grantee": all_users, "permission": kaa}]}}
	s3.acl_status(attrs, null) == "public"
	s3.public_acl_grants(attrs) == ["ACL grant of a permission not known yet to AllUsers (everyone)"]
}

test_acl_unknown_ownership_or_ignore if {
	s3.acl_status({"acl": public_read, "ownership_controls": kaa}, null) == "unknown"
	s3.acl_status({"acl": public_read, "ownership_controls": {"object_ownership": kaa}}, null) == "unknown"
	s3.acl_status({"acl": public_read}, kaa) == "unknown"
}

# -------------------------------------------------------------------------- policy

test_policy_public_variants if {
	s := public_policy.Statement[0]
	s3.public_statement(s)
	s3.public_statement(object.union(s, {"Principal": {"AWS": "*"}}))
	s3.public_statement(object.union(s, {"Principal": {"AWS": ["arn:aws:iam::123456789012:root", "*"]}}))
	s3.public_statement(object.union(s, {"Condition": {}}))
	s3.public_statement(object.union(s, {"Condition": null}))
	s3.public_statement(object.remove(object.union(s, {"NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}}), ["Principal"]))
}

test_policy_not_public_variants if {
	s := public_policy.Statement[0]
	not s3.public_statement(object.union(s, {"Effect": "Deny"}))
	not s3.public_statement(object.union(s, {"Principal": {"AWS": "arn:aws:iam::123456789012:root"}}))
	not s3.public_statement(object.union(s, {"Principal": {"Service": "cloudtrail.amazonaws.com"}}))
	not s3.public_statement(object.union(s, {"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}))
	not s3.public_statement("*")
}

test_policy_status if {
	s3.policy_status({"policy": public_policy}, null) == "public"
	s3.public_statement_names({"policy": public_policy}) == [`Statement "PublicRead"`]
	s3.policy_status({"policy": null}, null) == "not_public"
	s3.policy_status({}, null) == "not_public"
	s3.policy_status({"policy": public_policy}, true) == "not_public"
	s3.policy_status({"policy": null, "policy_is_public": true}, null) == "public"
	s3.policy_status({"policy": kaa, "policy_is_public": false}, null) == "not_public"
}

test_policy_unknown if {
	s3.policy_status({"policy": kaa}, null) == "unknown"
	s3.policy_unknown_parts({"policy": kaa}) == ["the bucket policy is not known (known_after_apply)"]
	s := object.union(public_policy.Statement[0], {"Principal": {"AWS": kaa}})
	s3.policy_status({"policy": {"Statement": [s]}}, null) == "unknown"
	s3.policy_unknown_parts({"policy": {"Statement": [s]}}) == [`Statement "PublicRead" of the bucket policy is not fully known and may allow everyone`]
	s3.policy_status({"policy": public_policy}, kaa) == "unknown"
}

test_policy_unknown_parts_that_cannot_matter if {
	base := public_policy.Statement[0]
	conditioned := object.union(base, {"Resource": kaa, "Condition": {"IpAddress": {"aws:SourceIp": kaa}}})
	denied := object.union(base, {"Effect": "Deny", "Principal": kaa})
	named := object.union(base, {"Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": kaa})
	s3.policy_status({"policy": {"Statement": [conditioned, denied, named]}}, null) == "not_public"
}

# -------------------------------------------------------------------------- bucket

test_public_status_block_wins if {
	s3.public_status({"public_access_block": all_on, "acl": public_read, "policy": public_policy}) == "not_public"
}

test_public_status_public if {
	attrs := {"public_access_block": all_off, "acl": public_read, "policy": public_policy}
	s3.public_status(attrs) == "public"
	s3.public_reasons(attrs) == ["canned ACL public-read", `Statement "PublicRead" of the bucket policy allows everyone without a condition`]
}

test_public_status_partial_block if {
	# ignore_public_acls neutralises the ACL, restrict_public_buckets the policy
	s3.public_status({"public_access_block": object.union(all_off, {"ignore_public_acls": true}), "acl": public_read}) == "not_public"
	s3.public_status({"public_access_block": object.union(all_off, {"restrict_public_buckets": true}), "policy": public_policy}) == "not_public"
	s3.public_status({"public_access_block": object.union(all_off, {"restrict_public_buckets": true}), "acl": public_read}) == "public"
}

test_public_status_not_public if {
	attrs := {"public_access_block": null, "acl": {"canned": null, "grants": []}, "policy": null}
	s3.public_status(attrs) == "not_public"
	s3.public_reasons(attrs) == []
	s3.public_unknown_parts(attrs) == []
}

test_public_status_unknown if {
	attrs := {"public_access_block": null, "acl": {"canned": null, "grants": []}, "policy": kaa}
	s3.public_status(attrs) == "unknown"
	s3.public_unknown_parts(attrs) == ["the bucket policy is not known (known_after_apply)"]
}

test_public_status_unknown_block_setting if {
	attrs := {"public_access_block": object.union(all_on, {"ignore_public_acls": kaa}), "acl": public_read, "policy": null}
	s3.public_status(attrs) == "unknown"
	s3.public_unknown_parts(attrs) == ["its Block Public Access setting ignore_public_acls is not known"]
	whole := {"public_access_block": kaa, "acl": public_read, "policy": null}
	s3.public_status(whole) == "unknown"
	s3.public_status({"public_access_block": kaa, "acl": null, "policy": null}) == "not_public"
}

test_public_status_unknown_ownership if {
	attrs := {"acl": public_read, "ownership_controls": kaa}
	s3.public_status(attrs) == "unknown"
	s3.public_unknown_parts(attrs) == ["its Object Ownership setting (whether ACLs are disabled) is not known"]
}

test_public_wins_over_unknown if {
	s3.public_status({"acl": public_read, "policy": kaa}) == "public"
}

# ------------------------------------------------------------------------- logging

test_logging if {
	s3.logging_enabled({"logging": {"target_bucket": "logs", "target_prefix": "b/"}})
	s3.logging_enabled({"logging": {"target_bucket": kaa, "target_prefix": "b/"}})
	not s3.logging_enabled({"logging": null})
	s3.logging_disabled_reason({"logging": null}) == "server access logging is not enabled"
	s3.logging_disabled_reason({}) == "server access logging is not enabled"
	s3.logging_disabled_reason({"logging": {"target_bucket": "", "target_prefix": null}}) == "server access logging is configured without a target bucket"
	s3.logging_unknown_reason({"logging": {"$unknown": "ambiguous"}}) == "the logging configuration is not known (ambiguous)"
	s3.logging_unknown_reason({"logging": {"target_bucket": {"$unknown": "not_collected"}}}) == "the logging target bucket is not known (not_collected)"
	not s3.logging_unknown_reason({"logging": {"target_bucket": kaa}})
	not s3.logging_disabled_reason({"logging": {"target_bucket": kaa}})
}

# ----------------------------------------------------------------------- inventory

plan_bucket := {"id": "aws_s3_bucket.trail", "source": "terraform-plan", "source_path": "plan.json", "attributes": {"bucket": "trail-logs"}}

live_bucket := {"id": "arn:aws:s3:::trail-logs", "source": "aws", "source_path": null, "attributes": {"bucket": "trail-logs"}}

other_bucket := {"id": "arn:aws:s3:::other", "source": "aws", "source_path": null, "attributes": {"bucket": "other"}}

test_buckets_named_prefers_same_source if {
	inv := {"aws.s3.bucket": [plan_bucket, live_bucket, other_bucket]}
	live_trail := {"id": "arn:aws:cloudtrail:us-east-1:123456789012:trail/t", "source": "aws", "source_path": null}
	s3.buckets_named("trail-logs", live_trail) == [live_bucket] with data.inventory as inv
	plan_trail := {"id": "aws_cloudtrail.t", "source": "terraform-plan", "source_path": "plan.json"}
	s3.buckets_named("trail-logs", plan_trail) == [plan_bucket] with data.inventory as inv
}

test_buckets_named_any_source if {
	inv := {"aws.s3.bucket": [live_bucket, other_bucket]}
	plan_trail := {"id": "aws_cloudtrail.t", "source": "terraform-plan", "source_path": "plan.json"}
	s3.buckets_named("trail-logs", plan_trail) == [live_bucket] with data.inventory as inv
	s3.buckets_named("missing", plan_trail) == [] with data.inventory as inv
	s3.buckets_named("trail-logs", plan_trail) == [] with data.inventory as {}
}

test_substring_patterns_match_like_globs if {
	s3.name_matches("acme-audit-logs", ["*log*"])
	s3.name_matches("ACME.LOGS", ["*log*"])
	not s3.name_matches("acme-media", ["*log*"])
	s3.name_matches("trail-2024", ["trail-*"])
	not s3.name_matches("x-trail", ["trail-*"])
	s3.name_matches("x", ["*"])
}
