# METADATA
# title: S3 bucket policies do not allow access to everyone
# description: >-
#   Checks that no Allow statement of the bucket policy is for everyone - Principal "*",
#   a principal type listing "*" such as {"AWS": "*"}, or NotPrincipal - without a
#   Condition. Such a statement gives anonymous internet users the listed actions on the
#   bucket, the way most S3 data leaks happen. Statements with a Condition (source VPC
#   endpoint, organization id, source IP...) are not reported here. Live inventories also
#   carry S3's own verdict (GetBucketPolicyStatus, policy_is_public): true fails, false
#   passes unless the document itself has such a statement. Block Public Access is
#   checked by separate rules. A bucket without a policy passes. Unknown when the policy,
#   or a statement that could allow everyone, is not fully known.
# custom:
#   id: S3.NO_PUBLIC_POLICY
#   severity: critical
#   kind: aws.s3.bucket
#   remediation: >-
#     Remove the public statement, or name the principals that need access (account or
#     role ARNs) or add a Condition that limits it (aws:PrincipalOrgID, aws:SourceVpce).
#     Console: S3 > the bucket > Permissions > Bucket policy > Edit. AWS CLI: aws s3api
#     put-bucket-policy --bucket BUCKET --policy file://policy.json (or
#     delete-bucket-policy). Terraform: fix the aws_iam_policy_document (or JSON) of the
#     aws_s3_bucket_policy so no statement has effect "Allow" with principals
#     { type = "*", identifiers = ["*"] } (or type "AWS", identifiers ["*"]) and no
#     condition. Serve public content through CloudFront with an origin access control, and
#     turn on Block Public Access so a public policy cannot be added again.
package complyctl.s3.no_public_policy

import rego.v1

import data.complyctl.lib.s3

attrs := input.attributes

public_statements := s3.public_statement_names(attrs)

unknown_parts := s3.policy_unknown_parts(attrs)

deny contains sprintf("%v of the bucket policy allows everyone without a condition", [name]) if {
	some name in public_statements
}

deny contains "S3 reports the bucket policy as public (GetBucketPolicyStatus IsPublic = true)" if {
	s3.policy_reported_public(attrs)
}

# S3's own verdict settles what the document leaves open.
unknown contains sprintf("The bucket policy could allow everyone: %v", [p]) if {
	count(public_statements) == 0
	not s3.policy_reported_not_public(attrs)
	some p in unknown_parts
}

compliant if {
	count(public_statements) == 0
	s3.policy_reported_not_public(attrs)
}

compliant if {
	count(public_statements) == 0
	not s3.policy_reported_public(attrs)
	count(unknown_parts) == 0
}
