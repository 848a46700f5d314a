# METADATA
# title: S3 buckets have default server-side encryption
# description: >-
#   Checks that the bucket has a default server-side encryption configuration
#   (SSE-S3 "AES256", SSE-KMS "aws:kms" or DSSE-KMS "aws:kms:dsse"). Default encryption
#   encrypts every object written without its own encryption header, so data on the
#   storage media and in backups cannot be read without the keys; declaring it
#   explicitly also records the intent and lets you choose a customer-managed KMS key
#   whose use is logged and can be revoked. A bucket whose algorithm is not known until
#   apply is unknown; a KMS key id that is not known yet does not matter.
# custom:
#   id: S3.ENCRYPTION_AT_REST
#   severity: high
#   kind: aws.s3.bucket
#   remediation: >-
#     Console: S3 > the bucket > Properties > Default encryption > Edit, choose SSE-KMS
#     (or SSE-S3) and save. AWS CLI: aws s3api put-bucket-encryption --bucket BUCKET
#     --server-side-encryption-configuration
#     '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}'.
#     Terraform: add an aws_s3_bucket_server_side_encryption_configuration with
#     bucket = aws_s3_bucket.b.id and a rule { apply_server_side_encryption_by_default
#     { sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.k.arn }
#     bucket_key_enabled = true } (or sse_algorithm = "AES256").
package complyctl.s3.encryption_at_rest

import rego.v1

import data.complyctl.lib

algorithms := {"AES256", "aws:kms", "aws:kms:dsse"}

enc := object.get(input.attributes, "encryption", null)

# The configuration is an object we can look into (not null, not a marker).
configured if {
	is_object(enc)
	not lib.is_marker(enc)
}

algorithm := object.get(enc, "algorithm", null) if configured

deny contains "Bucket has no default server-side encryption configuration" if enc == null

deny contains sprintf("Default encryption algorithm %v is not one of AES256, aws:kms, aws:kms:dsse", [algorithm]) if {
	configured
	not lib.is_unknown(algorithm)
	not algorithm in algorithms
}

unknown contains sprintf("The default encryption configuration is not known (%v)", [lib.unknown_reason(enc)]) if {
	lib.is_marker(enc)
}

unknown contains sprintf("The default encryption algorithm is not known (%v)", [lib.unknown_reason(algorithm)]) if {
	configured
	lib.is_marker(algorithm)
}

compliant if {
	configured
	algorithm in algorithms
}
