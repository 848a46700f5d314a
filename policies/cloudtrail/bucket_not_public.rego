# METADATA
# title: CloudTrail trails deliver their logs to a bucket that is not public
# description: >-
#   Checks that the S3 bucket a trail delivers its log files to (s3_bucket_name, looked
#   up among the scanned buckets) cannot be reached by the public: its bucket-level Block
#   Public Access has all four settings on, or neither its ACL (a public canned ACL or a
#   grant to AllUsers/AuthenticatedUsers, unless ACLs are disabled or ignored) nor its
#   policy (an Allow for everyone without a Condition, or S3's own IsPublic verdict, unless
#   restrict_public_buckets is on) makes it public. CloudTrail logs map out the whole
#   account - who did what, from where, with which roles - and a public log bucket hands
#   that to attackers, who can also cover their tracks if it is writable. Unknown when the
#   bucket name is not known, when the bucket is not in scope of the scan (another
#   account, or not collected), or when what could make it public is not known.
# custom:
#   id: CLOUDTRAIL.BUCKET_NOT_PUBLIC
#   severity: high
#   kind: aws.cloudtrail.trail
#   requires: [aws.s3.bucket]
#   remediation: >-
#     Turn on Block Public Access for the log bucket - Console: S3 > the bucket >
#     Permissions > Block public access > Edit > "Block all public access"; AWS CLI: aws
#     s3api put-public-access-block --bucket BUCKET --public-access-block-configuration
#     BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true;
#     Terraform: an aws_s3_bucket_public_access_block with all four settings true - and
#     remove public ACL grants and bucket policy statements for Principal "*" other than
#     the cloudtrail.amazonaws.com service statements. Scan the log bucket's account too
#     (or include its plan) so the bucket is in scope.
package complyctl.cloudtrail.bucket_not_public

import rego.v1

import data.complyctl.lib.cloudtrail as ct
import data.complyctl.lib.s3

buckets := ct.log_buckets(input)

status(b) := s3.public_status(b.attributes)

deny contains sprintf("The trail's S3 bucket %v is public: %v", [ct.bucket_label(b), concat("; ", s3.public_reasons(b.attributes))]) if {
	some b in buckets
	status(b) == "public"
}

unknown contains ct.bucket_unknown_reason(input)

unknown contains sprintf("Whether the trail's S3 bucket %v is public is not known: %v", [ct.bucket_label(b), concat("; ", s3.public_unknown_parts(b.attributes))]) if {
	some b in buckets
	status(b) == "unknown"
}

compliant if {
	count(buckets) > 0
	every b in buckets {
		status(b) == "not_public"
	}
}
