package complyctl.s3.no_public_policy_test

import rego.v1

import data.complyctl.s3.no_public_policy as rule

kaa := {"$unknown": "known_after_apply"}

bucket(attrs) := {"id": "arn:aws:s3:::partner-drop", "kind": "aws.s3.bucket", "name": "partner-drop", "attributes": attrs}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

public_read := {
	"Sid": "PublicRead",
	"Effect": "Allow",
	"Principal": "*",
	"Action": "s3:GetObject",
	"Resource": "arn:aws:s3:::partner-drop/*",
}

partner_write := {
	"Sid": "PartnerWrite",
	"Effect": "Allow",
	"Principal": {"AWS": "arn:aws:iam::210987654321:role/uploader"},
	"Action": "s3:PutObject",
	"Resource": "arn:aws:s3:::partner-drop/incoming/*",
}

tls_only := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::partner-drop", "arn:aws:s3:::partner-drop/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

test_fail_principal_star if {
	r := bucket({"policy": doc([tls_only, public_read])})
	rule.deny == {`Statement "PublicRead" of the bucket policy allows everyone without a condition`} with input as r
	not rule.compliant with input as r
}

test_fail_aws_star_list_without_sid if {
	s := object.remove(object.union(public_read, {"Principal": {"AWS": ["*"]}}), ["Sid"])
	r := bucket({"policy": doc([partner_write, s])})
	rule.deny == {"Statement[1] of the bucket policy allows everyone without a condition"} with input as r
}

test_fail_single_statement_object_empty_condition if {
	r := bucket({"policy": doc(object.union(public_read, {"Principal": {"AWS": "*"}, "Condition": {}}))})
	count(rule.deny) == 1 with input as r
}

test_fail_not_principal if {
	s := object.remove(object.union(public_read, {"NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}}), ["Principal"])
	r := bucket({"policy": doc([s])})
	count(rule.deny) == 1 with input as r
}

test_fail_reported_public if {
	# S3 also treats some conditions (aws:Referer...) as public.
	s := object.union(public_read, {"Condition": {"StringLike": {"aws:Referer": "https://example.com/*"}}})
	r := bucket({"policy": doc([s]), "policy_is_public": true})
	rule.deny == {"S3 reports the bucket policy as public (GetBucketPolicyStatus IsPublic = true)"} with input as r
	not rule.compliant with input as r
}

test_fail_document_wins_over_status if {
	r := bucket({"policy": doc([public_read]), "policy_is_public": false})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_fail_wins_over_unknown_statement if {
	r := bucket({"policy": doc([public_read, object.union(partner_write, {"Principal": kaa})])})
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_no_policy if {
	r := bucket({"policy": null})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_named_principals_and_deny_star if {
	r := bucket({"policy": doc([tls_only, partner_write])})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_conditioned_star if {
	s := object.union(public_read, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	r := bucket({"policy": doc([s]), "policy_is_public": false})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_status_not_public_settles_unknown_document if {
	r := bucket({"policy": {"$unknown": "not_collected"}, "policy_is_public": false})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_unknown_parts_that_cannot_matter if {
	# The bucket ARN is only known after apply; a Deny for everyone is never public.
	s1 := object.union(partner_write, {"Resource": kaa})
	s2 := object.union(tls_only, {"Resource": [kaa, kaa]})
	r := bucket({"policy": doc([s1, s2]), "policy_is_public": kaa})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_policy if {
	r := bucket({"policy": kaa})
	rule.unknown == {"The bucket policy could allow everyone: the bucket policy is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_principal if {
	s := object.union(partner_write, {"Principal": {"AWS": [kaa]}})
	r := bucket({"policy": doc([tls_only, s])})
	rule.unknown == {`The bucket policy could allow everyone: Statement "PartnerWrite" of the bucket policy is not fully known and may allow everyone`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_effect_and_condition if {
	count(rule.unknown) == 1 with input as bucket({"policy": doc([object.union(public_read, {"Effect": kaa})])})
	count(rule.unknown) == 1 with input as bucket({"policy": doc([object.union(public_read, {"Condition": kaa})])})
}

test_unknown_statement_list if {
	r := bucket({"policy": doc(kaa)})
	rule.unknown == {"The bucket policy could allow everyone: Statement[0] of the bucket policy is not fully known and may allow everyone"} with input as r
	count(rule.deny) == 0 with input as r
}
