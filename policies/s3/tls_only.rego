# METADATA
# title: S3 bucket policies deny requests that do not use TLS
# description: >-
#   Checks that the bucket policy has a Deny statement for all principals ("*" or
#   {"AWS": "*"}) and all S3 actions ("s3:*" or "*") under the condition Bool (or
#   BoolIfExists) aws:SecureTransport = false. Without it the bucket accepts plain HTTP
#   requests, whose data and request signatures can be read or tampered with in
#   transit. The statement's Resource is not checked (it usually names the bucket ARN,
#   which a plan only knows after apply). A bucket without a policy fails; a policy that
#   is not known until apply, or whose relevant statements are not fully known, is
#   unknown.
# custom:
#   id: S3.TLS_ONLY
#   severity: medium
#   kind: aws.s3.bucket
#   remediation: >-
#     Add this statement to the bucket policy (Console: S3 > the bucket > Permissions >
#     Bucket policy > Edit; AWS CLI: aws s3api put-bucket-policy --bucket BUCKET
#     --policy file://policy.json):
#     {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
#     "Action": "s3:*", "Resource": ["arn:aws:s3:::BUCKET", "arn:aws:s3:::BUCKET/*"],
#     "Condition": {"Bool": {"aws:SecureTransport": "false"}}}.
#     Terraform: in the aws_iam_policy_document used by the aws_s3_bucket_policy add a
#     statement { sid = "DenyInsecureTransport", effect = "Deny", actions = ["s3:*"],
#     resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"],
#     principals { type = "*", identifiers = ["*"] }, condition { test = "Bool",
#     variable = "aws:SecureTransport", values = ["false"] } }.
package complyctl.s3.tls_only

import rego.v1

import data.complyctl.lib

policy := object.get(input.attributes, "policy", null)

parsed if {
	is_object(policy)
	not lib.is_marker(policy)
}

statements := lib.policy_statements(policy) if parsed

# A Deny statement for everyone and every S3 action on insecure transport.
denies_insecure_transport(s) if {
	s.Effect == "Deny"
	all_principals(s.Principal)
	all_s3_actions(s)
	insecure_transport_condition(s.Condition)
}

all_principals(p) if p == "*"

all_principals(p) if {
	is_object(p)
	some id in lib.as_list(p.AWS)
	id == "*"
}

all_s3_actions(s) if {
	some a in lib.as_list(s.Action)
	is_string(a)
	lower(a) in {"s3:*", "*"}
}

# Condition operator and key names are case-insensitive in IAM.
insecure_transport_condition(cond) if {
	is_object(cond)
	some op, block in cond
	lower(op) in {"bool", "boolifexists"}
	is_object(block)
	some key, values in block
	lower(key) == "aws:securetransport"
	some v in lib.as_list(values)
	false_value(v)
}

false_value(v) if v == false

false_value(v) if {
	is_string(v)
	lower(v) == "false"
}

enforced if {
	some s in statements
	denies_insecure_transport(s)
}

# Statements with unknown parts that might be the enforcing one once known.
undecided contains lib.statement_name(i, s) if {
	some i, s in statements
	not denies_insecure_transport(s)
	may_deny_insecure_transport(s)
}

may_deny_insecure_transport(s) if lib.is_marker(s)

may_deny_insecure_transport(s) if {
	lib.is_unknown(s)
	may_be(s.Effect, "Deny")
	may_cover_all_principals(s)
	may_cover_all_s3_actions(s)
	may_require_insecure_transport(s)
}

may_be(x, want) if x == want

may_be(x, _) if lib.is_unknown(x)

may_cover_all_principals(s) if all_principals(s.Principal)

may_cover_all_principals(s) if lib.is_unknown(s.Principal)

may_cover_all_s3_actions(s) if all_s3_actions(s)

may_cover_all_s3_actions(s) if {
	some a in lib.as_list(s.Action)
	lib.is_unknown(a)
}

may_require_insecure_transport(s) if insecure_transport_condition(s.Condition)

may_require_insecure_transport(s) if lib.is_unknown(s.Condition)

deny contains "Bucket has no bucket policy, so requests over plain HTTP (aws:SecureTransport = false) are not denied" if {
	policy == null
}

deny contains "The bucket policy has no Deny statement for all principals and s3:* with condition aws:SecureTransport = false" if {
	parsed
	not enforced
	count(undecided) == 0
}

unknown contains sprintf("The bucket policy is not known (%v)", [lib.unknown_reason(policy)]) if {
	lib.is_marker(policy)
}

unknown contains sprintf("%v of the bucket policy is not fully known and may deny insecure transport", [name]) if {
	parsed
	not enforced
	some name in undecided
}

compliant if enforced
