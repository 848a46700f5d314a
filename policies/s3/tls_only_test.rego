package complyctl.s3.tls_only_test

import rego.v1

import data.complyctl.s3.tls_only as rule

bucket(policy) := {"id": "aws_s3_bucket.data", "kind": "aws.s3.bucket", "name": "data", "attributes": {"policy": policy}}

kaa := {"$unknown": "known_after_apply"}

tls_statement := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

read_statement := {
	"Sid": "AllowRead",
	"Effect": "Allow",
	"Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"},
	"Action": ["s3:GetObject"],
	"Resource": "arn:aws:s3:::data/*",
}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

no_tls_message := "The bucket policy has no Deny statement for all principals and s3:* with condition aws:SecureTransport = false"

test_fail_no_policy if {
	r := bucket(null)
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_fail_policy_without_tls_statement if {
	r := bucket(doc([read_statement]))
	rule.deny == {no_tls_message} with input as r
	not rule.compliant with input as r
}

test_fail_allow_with_secure_transport_true if {
	# Allowing HTTPS does not deny HTTP.
	s := object.union(read_statement, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	r := bucket(doc([s]))
	rule.deny == {no_tls_message} with input as r
}

test_fail_deny_only_some_principals if {
	s := object.union(tls_statement, {"Principal": {"AWS": "arn:aws:iam::123456789012:root"}})
	r := bucket(doc([s]))
	rule.deny == {no_tls_message} with input as r
}

test_fail_deny_only_some_actions if {
	s := object.union(tls_statement, {"Action": ["s3:PutObject"]})
	r := bucket(doc([s]))
	rule.deny == {no_tls_message} with input as r
}

test_fail_condition_true if {
	s := object.union(tls_statement, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	r := bucket(doc([s]))
	rule.deny == {no_tls_message} with input as r
}

test_fail_empty_document if {
	r := bucket({"Version": "2012-10-17", "Statement": []})
	rule.deny == {no_tls_message} with input as r
}

test_pass_tls_statement if {
	r := bucket(doc([read_statement, tls_statement]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_single_statement_object if {
	r := bucket(doc(tls_statement))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_variants if {
	# {"AWS": ["*"]}, action list with "*", BoolIfExists, boolean false, lower-case key.
	s := object.union(tls_statement, {
		"Principal": {"AWS": ["*"]},
		"Action": ["s3:GetObject", "*"],
		"Condition": {"BoolIfExists": {"aws:securetransport": false}},
	})
	r := bucket(doc([s]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_principal_aws_star_string if {
	s := object.union(tls_statement, {"Principal": {"AWS": "*"}, "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}})
	r := bucket(doc([s]))
	rule.compliant with input as r
}

test_pass_despite_other_unknown_statement if {
	s := object.union(read_statement, {"Resource": kaa})
	r := bucket(doc([s, tls_statement]))
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_resource_unknown if {
	# The bucket ARN is only known after apply; the Resource is not checked.
	s := object.union(tls_statement, {"Resource": [kaa, kaa]})
	r := bucket(doc([s]))
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_policy if {
	r := bucket(kaa)
	rule.unknown == {"The bucket policy is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_statement_condition if {
	s := object.union(tls_statement, {"Condition": {"Bool": {"aws:SecureTransport": kaa}}})
	r := bucket(doc([read_statement, s]))
	rule.unknown == {`Statement "DenyInsecureTransport" of the bucket policy is not fully known and may deny insecure transport`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_fail_unknown_parts_cannot_matter if {
	# Unknown principals or resources in statements that cannot deny insecure transport.
	allow := object.union(read_statement, {"Principal": {"AWS": kaa}, "Resource": kaa})
	deny_put := object.union(tls_statement, {"Action": "s3:PutObject", "Resource": kaa})
	r := bucket(doc([allow, deny_put]))
	rule.deny == {no_tls_message} with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_statement_effect if {
	s := object.union(tls_statement, {"Effect": kaa})
	r := bucket(doc([s]))
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_statement_principal if {
	s := object.union(tls_statement, {"Principal": {"AWS": [kaa]}})
	r := bucket(doc([s]))
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_statement_list if {
	r := bucket(doc(kaa))
	rule.unknown == {"Statement[0] of the bucket policy is not fully known and may deny insecure transport"} with input as r
	count(rule.deny) == 0 with input as r
}
