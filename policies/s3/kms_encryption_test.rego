package complyctl.s3.kms_encryption_test

import rego.v1

import data.complyctl.s3.kms_encryption as rule

kaa := {"$unknown": "known_after_apply"}

bucket(attrs) := {"id": "module.media[\"raw\"].aws_s3_bucket.this", "kind": "aws.s3.bucket", "name": "acme-media-raw", "attributes": attrs}

enc(algorithm) := {"encryption": {"algorithm": algorithm, "kms_key_id": null, "bucket_key_enabled": null}}

test_fail_no_encryption if {
	r := bucket({"encryption": null})
	rule.deny == {"Bucket has no default server-side encryption configuration, so objects are not encrypted with KMS by default"} with input as r
	not rule.compliant with input as r
}

test_fail_attribute_absent if {
	count(rule.deny) == 1 with input as bucket({"bucket": "acme-media-raw"})
}

test_fail_sse_s3 if {
	r := bucket(enc("AES256"))
	rule.deny == {"Default encryption uses S3-managed keys (AES256, SSE-S3), not KMS (aws:kms or aws:kms:dsse)"} with input as r
	not rule.compliant with input as r
}

test_fail_other_algorithm if {
	r := bucket(enc("rot13"))
	rule.deny == {"Default encryption algorithm rot13 is not aws:kms or aws:kms:dsse"} with input as r
	count(rule.deny) == 1 with input as bucket(enc(null))
}

test_pass_kms if {
	r := bucket({"encryption": {"algorithm": "aws:kms", "kms_key_id": "arn:aws:kms:us-east-1:123456789012:key/k", "bucket_key_enabled": true}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_dsse if {
	r := bucket(enc("aws:kms:dsse"))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_key_known_after_apply if {
	r := bucket({"encryption": {"algorithm": "aws:kms", "kms_key_id": kaa, "bucket_key_enabled": true}})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_configuration if {
	r := bucket({"encryption": kaa})
	rule.unknown == {"The default encryption configuration is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_algorithm if {
	r := bucket(enc({"$unknown": "ambiguous"}))
	rule.unknown == {"The default encryption algorithm is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
