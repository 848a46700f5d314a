# METADATA
# title: S3 buckets have server access logging enabled
# description: >-
#   Checks that server access logging is configured with a target bucket. Access logs
#   record every request made to the bucket (requester, operation, object, response),
#   which is what an incident responder or auditor needs to tell who read or changed
#   data. A target bucket created in the same Terraform plan is not known until apply;
#   logging is still configured, so it counts. Unknown when the logging configuration
#   itself is not known, or its target could not be read.
# custom:
#   id: S3.ACCESS_LOGGING
#   severity: medium
#   kind: aws.s3.bucket
#   remediation: >-
#     Console: S3 > the bucket > Properties > Server access logging > Edit > Enable,
#     and choose a destination bucket (not the bucket itself) that allows the S3 logging
#     service to write. AWS CLI: aws s3api put-bucket-logging --bucket BUCKET
#     --bucket-logging-status
#     '{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"BUCKET/"}}'.
#     Terraform: add an aws_s3_bucket_logging with bucket = aws_s3_bucket.b.id,
#     target_bucket = aws_s3_bucket.logs.id and target_prefix = "BUCKET/".
package complyctl.s3.access_logging

import rego.v1

import data.complyctl.lib

logging := object.get(input.attributes, "logging", null)

configured if {
	is_object(logging)
	not lib.is_marker(logging)
}

target := object.get(logging, "target_bucket", null) if configured

# A named target bucket, or one that is set but only known once applied.
has_target if {
	is_string(target)
	target != ""
}

has_target if lib.set_but_unknown(target)

deny contains "Server access logging is not enabled" if logging == null

deny contains "Server access logging is configured without a target bucket" if {
	configured
	target in {null, ""}
}

unknown contains sprintf("The logging configuration is not known (%v)", [lib.unknown_reason(logging)]) if {
	lib.is_marker(logging)
}

unknown contains sprintf("The logging target bucket is not known (%v)", [lib.unknown_reason(target)]) if {
	configured
	lib.is_marker(target)
	not has_target
}

compliant if {
	configured
	has_target
}
