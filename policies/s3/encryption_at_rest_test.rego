package complyctl.s3.encryption_at_rest_test

import rego.v1

import data.complyctl.s3.encryption_at_rest as rule

bucket(attrs) := {"id": "aws_s3_bucket.b", "kind": "aws.s3.bucket", "name": "b", "attributes": attrs}

kaa := {"$unknown": "known_after_apply"}

test_fail_no_encryption if {
	r := bucket({"encryption": null})
	rule.deny == {"Bucket has no default server-side encryption configuration"} with input as r
	not rule.compliant with input as r
}

test_fail_attribute_absent if {
	r := bucket({"bucket": "b"})
	count(rule.deny) == 1 with input as r
}

test_fail_unsupported_algorithm if {
	r := bucket({"encryption": {"algorithm": "rot13", "kms_key_id": null, "bucket_key_enabled": null}})
	rule.deny == {"Default encryption algorithm rot13 is not one of AES256, aws:kms, aws:kms:dsse"} with input as r
	not rule.compliant with input as r
}

test_fail_null_algorithm if {
	r := bucket({"encryption": {"algorithm": null, "kms_key_id": null, "bucket_key_enabled": null}})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_kms if {
	r := bucket({"encryption": {"algorithm": "aws:kms", "kms_key_id": "k", "bucket_key_enabled": true}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_sse_s3 if {
	r := bucket({"encryption": {"algorithm": "AES256", "kms_key_id": null, "bucket_key_enabled": false}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_dsse if {
	r := bucket({"encryption": {"algorithm": "aws:kms:dsse", "kms_key_id": "k", "bucket_key_enabled": null}})
	rule.compliant with input as r
}

test_pass_kms_key_known_after_apply if {
	# The key is created in the same plan: its ARN is unknown, the algorithm is not.
	r := bucket({"encryption": {"algorithm": "aws:kms", "kms_key_id": kaa, "bucket_key_enabled": true}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_after_apply if {
	r := bucket({"encryption": kaa})
	rule.unknown == {"The default encryption configuration is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_algorithm if {
	r := bucket({"encryption": {"algorithm": {"$unknown": "ambiguous"}, "kms_key_id": null, "bucket_key_enabled": null}})
	rule.unknown == {"The default encryption algorithm is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_not_collected if {
	r := bucket({"encryption": {"$unknown": "not_collected"}})
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}
