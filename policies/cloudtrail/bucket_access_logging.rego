# METADATA
# title: CloudTrail log buckets have server access logging enabled
# description: >-
#   Checks that the S3 bucket a trail delivers its log files to (s3_bucket_name, looked
#   up among the scanned buckets) has server access logging configured with a target
#   bucket. Access logs of the CloudTrail bucket record who read, copied or deleted the
#   audit logs themselves - the trail does not log data events on its own bucket by
#   default - so tampering with the evidence can be detected. A target bucket only known
#   after apply counts. Unknown when the trail's bucket name is not known, when the bucket
#   is not in scope of the scan (another account, or not collected), or when its logging
#   configuration is not known.
# custom:
#   id: CLOUDTRAIL.BUCKET_ACCESS_LOGGING
#   severity: medium
#   kind: aws.cloudtrail.trail
#   requires: [aws.s3.bucket]
#   remediation: >-
#     Enable server access logging on the trail's bucket, into a separate bucket. Console:
#     S3 > the CloudTrail bucket > Properties > Server access logging > Edit > Enable and
#     choose the destination. AWS CLI: aws s3api put-bucket-logging --bucket TRAIL_BUCKET
#     --bucket-logging-status
#     '{"LoggingEnabled":{"TargetBucket":"ACCESS_LOG_BUCKET","TargetPrefix":"cloudtrail/"}}'.
#     Terraform: add an aws_s3_bucket_logging with bucket = aws_s3_bucket.trail.id,
#     target_bucket = aws_s3_bucket.access_logs.id and target_prefix = "cloudtrail/". Scan
#     the log bucket's account too (or include its plan) so the bucket is in scope.
package complyctl.cloudtrail.bucket_access_logging

import rego.v1

import data.complyctl.lib.cloudtrail as ct
import data.complyctl.lib.s3

buckets := ct.log_buckets(input)

deny contains msg if {
	some b in buckets
	reason := s3.logging_disabled_reason(b.attributes)
	msg := sprintf("The trail's S3 bucket %v: %v", [ct.bucket_label(b), reason])
}

unknown contains ct.bucket_unknown_reason(input)

unknown contains msg if {
	some b in buckets
	reason := s3.logging_unknown_reason(b.attributes)
	msg := sprintf("The trail's S3 bucket %v: %v", [ct.bucket_label(b), reason])
}

compliant if {
	count(buckets) > 0
	every b in buckets {
		s3.logging_enabled(b.attributes)
	}
}
