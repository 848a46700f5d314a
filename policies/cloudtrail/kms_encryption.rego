# METADATA
# title: CloudTrail trails encrypt their log files with a KMS key
# description: >-
#   Checks that the trail encrypts its log files with an AWS KMS key (kms_key_id set,
#   SSE-KMS). By default log files only get S3-managed encryption, which anyone allowed to
#   read the bucket can decrypt; with a KMS key, reading the logs also needs kms:Decrypt
#   on a key whose policy and use are themselves controlled and logged, which protects the
#   audit trail of the whole account. A key that is set but only known after apply (created
#   in the same plan) counts. Unknown when the key could not be read.
# custom:
#   id: CLOUDTRAIL.KMS_ENCRYPTION
#   severity: medium
#   kind: aws.cloudtrail.trail
#   remediation: >-
#     Create a customer managed KMS key whose key policy lets cloudtrail.amazonaws.com use
#     GenerateDataKey* (with an aws:SourceArn condition for the trail) and the log readers
#     Decrypt. Console: CloudTrail > Trails > the trail > General details > Edit > Log file
#     SSE-KMS encryption > Enabled, choose the key. AWS CLI: aws cloudtrail update-trail
#     --name TRAIL --kms-key-id KEY_ARN. Terraform: set kms_key_id =
#     aws_kms_key.cloudtrail.arn on the aws_cloudtrail.
package complyctl.cloudtrail.kms_encryption

import rego.v1

import data.complyctl.lib

key := object.get(input.attributes, "kms_key_id", null)

has_key if {
	is_string(key)
	key != ""
}

# A key set by the configuration but only known at apply time (or hidden as sensitive).
has_key if lib.set_but_unknown(key)

deny contains "The trail's log files are not encrypted with a KMS key (no kms_key_id)" if {
	key in {null, ""}
}

unknown contains sprintf("The trail's KMS key is not known (%v)", [lib.unknown_reason(key)]) if {
	lib.is_marker(key)
	not has_key
}

compliant if has_key
