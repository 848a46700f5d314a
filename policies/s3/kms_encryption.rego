# METADATA
# title: S3 buckets encrypt by default with KMS keys (SSE-KMS)
# description: >-
#   Checks that the bucket's default server-side encryption uses AWS KMS - algorithm
#   aws:kms (SSE-KMS) or aws:kms:dsse (DSSE-KMS) - rather than S3-managed keys (AES256,
#   SSE-S3) or none. With KMS every use of the key is logged in CloudTrail, access to the
#   data also needs kms:Decrypt on the key (a second, separately managed permission), and
#   the key can be disabled to cut off access at once; some frameworks demand
#   customer-controlled keys for sensitive data. A KMS key id that is only known after
#   apply does not matter. Unknown when the encryption configuration or its algorithm is
#   not known.
# custom:
#   id: S3.KMS_ENCRYPTION
#   severity: medium
#   kind: aws.s3.bucket
#   remediation: >-
#     Console: S3 > the bucket > Properties > Default encryption > Edit, choose
#     "Server-side encryption with AWS Key Management Service keys (SSE-KMS)", pick a
#     customer managed key and enable the bucket key. AWS CLI: aws s3api
#     put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration
#     '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}'.
#     Terraform: in the aws_s3_bucket_server_side_encryption_configuration set rule {
#     apply_server_side_encryption_by_default { sse_algorithm = "aws:kms",
#     kms_master_key_id = aws_kms_key.k.arn } bucket_key_enabled = true }. Existing objects
#     keep their encryption until they are copied over themselves.
package complyctl.s3.kms_encryption

import rego.v1

import data.complyctl.lib

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

enc := object.get(input.attributes, "encryption", null)

configured if {
	is_object(enc)
	not lib.is_marker(enc)
}

algorithm := object.get(enc, "algorithm", null) if configured

deny contains "Bucket has no default server-side encryption configuration, so objects are not encrypted with KMS by default" if {
	enc == null
}

deny contains "Default encryption uses S3-managed keys (AES256, SSE-S3), not KMS (aws:kms or aws:kms:dsse)" if {
	algorithm == "AES256"
}

deny contains sprintf("Default encryption algorithm %v is not aws:kms or aws:kms:dsse", [algorithm]) if {
	configured
	not lib.is_unknown(algorithm)
	algorithm != "AES256"
	not algorithm in kms_algorithms
}

unknown contains sprintf("The default encryption configuration is not known (%v)", [lib.unknown_reason(enc)]) if {
	lib.is_marker(enc)
}

unknown contains sprintf("The default encryption algorithm is not known (%v)", [lib.unknown_reason(algorithm)]) if {
	configured
	lib.is_marker(algorithm)
}

compliant if algorithm in kms_algorithms
