package complyctl.s3.acls_disabled_test

import rego.v1

import data.complyctl.s3.acls_disabled as rule

kaa := {"$unknown": "known_after_apply"}

bucket(controls) := {"id": "aws_s3_bucket.logs", "kind": "aws.s3.bucket", "name": "acme-media-access-logs", "attributes": {"bucket": "acme-media-access-logs", "ownership_controls": controls}}

test_fail_no_ownership_controls if {
	r := bucket(null)
	rule.deny == {"Bucket has no S3 Object Ownership setting, so ACLs are not disabled (declare BucketOwnerEnforced)"} with input as r
	not rule.compliant with input as r
}

test_fail_attribute_absent if {
	count(rule.deny) == 1 with input as {"id": "aws_s3_bucket.b", "kind": "aws.s3.bucket", "attributes": {}}
}

test_fail_bucket_owner_preferred if {
	r := bucket({"object_ownership": "BucketOwnerPreferred"})
	rule.deny == {"S3 Object Ownership is BucketOwnerPreferred, so ACLs are enabled; it must be BucketOwnerEnforced"} with input as r
	not rule.compliant with input as r
}

test_fail_object_writer if {
	count(rule.deny) == 1 with input as bucket({"object_ownership": "ObjectWriter"})
	count(rule.deny) == 1 with input as bucket({"object_ownership": null})
}

test_pass_enforced if {
	r := bucket({"object_ownership": "BucketOwnerEnforced"})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_controls if {
	r := bucket({"$unknown": "ambiguous"})
	rule.unknown == {"The S3 Object Ownership setting is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ownership if {
	r := bucket({"object_ownership": kaa})
	rule.unknown == {"The S3 Object Ownership setting is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
