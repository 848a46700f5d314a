package complyctl.cloudtrail.bucket_not_public_test

import rego.v1

import data.complyctl.cloudtrail.bucket_not_public as rule

kaa := {"$unknown": "known_after_apply"}

trail(bucket_name) := {
	"id": "arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events",
	"kind": "aws.cloudtrail.trail",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"region": "us-east-1",
	"name": "management-events",
	"attributes": {"trail_name": "management-events", "s3_bucket_name": bucket_name, "is_multi_region": true},
}

all_on := {
	"block_public_acls": true,
	"ignore_public_acls": true,
	"block_public_policy": true,
	"restrict_public_buckets": true,
}

private_attrs := {
	"bucket": "acme-cloudtrail",
	"public_access_block": null,
	"acl": {"canned": "private", "grants": []},
	"ownership_controls": {"object_ownership": "BucketOwnerEnforced"},
	"policy": {"Version": "2012-10-17", "Statement": [{
		"Sid": "AWSCloudTrailWrite",
		"Effect": "Allow",
		"Principal": {"Service": "cloudtrail.amazonaws.com"},
		"Action": "s3:PutObject",
		"Resource": "arn:aws:s3:::acme-cloudtrail/AWSLogs/123456789012/*",
		"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
	}]},
	"policy_is_public": false,
}

bucket(changes) := {
	"id": "arn:aws:s3:::acme-cloudtrail",
	"kind": "aws.s3.bucket",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"name": "acme-cloudtrail",
	"attributes": object.union(private_attrs, changes),
}

inv(buckets) := {"aws.s3.bucket": buckets}

public_read_statement := {"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-cloudtrail/*"}

test_fail_public_policy if {
	i := inv([bucket({"policy": {"Statement": [public_read_statement]}, "policy_is_public": true})])
	rule.deny == {`The trail's S3 bucket acme-cloudtrail is public: Statement "Public" of the bucket policy allows everyone without a condition; S3 reports the bucket policy as public`} with input as trail("acme-cloudtrail")
		with data.inventory as i
	not rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
}

test_fail_public_acl if {
	i := inv([bucket({"acl": {"canned": "public-read", "grants": []}, "ownership_controls": null})])
	rule.deny == {"The trail's S3 bucket acme-cloudtrail is public: canned ACL public-read"} with input as trail("acme-cloudtrail")
		with data.inventory as i
}

test_fail_plan_bucket if {
	plan_trail := object.union(trail("acme-cloudtrail"), {"id": "aws_cloudtrail.main", "source": "terraform-plan", "source_path": "plan.json", "account": null})
	b := object.union(bucket({"acl": {"canned": "public-read-write", "grants": []}, "ownership_controls": null}), {"id": "aws_s3_bucket.trail", "source": "terraform-plan", "source_path": "plan.json", "account": null})
	rule.deny == {"The trail's S3 bucket acme-cloudtrail (aws_s3_bucket.trail) is public: canned ACL public-read-write"} with input as plan_trail
		with data.inventory as inv([b, bucket({})])
}

test_pass_private_bucket if {
	i := inv([bucket({}), object.union(bucket({"acl": {"canned": "public-read", "grants": []}, "ownership_controls": null}), {"attributes": {"bucket": "other"}})])
	rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
	count(rule.deny) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
	count(rule.unknown) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
}

test_pass_block_public_access_overrides if {
	i := inv([bucket({"public_access_block": all_on, "acl": {"canned": "public-read", "grants": []}, "ownership_controls": null, "policy": kaa})])
	rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
	count(rule.unknown) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
}

test_unknown_bucket_not_in_inventory if {
	rule.unknown == {"The trail's S3 bucket acme-cloudtrail is not in scope of this scan (not in the inventory), so it cannot be checked"} with input as trail("acme-cloudtrail")
		with data.inventory as inv([])
	not rule.compliant with input as trail("acme-cloudtrail") with data.inventory as inv([])
	count(rule.deny) == 0 with input as trail("acme-cloudtrail") with data.inventory as inv([])
}

test_unknown_bucket_name if {
	r := trail(kaa)
	rule.unknown == {"The trail's S3 bucket name is not known (known_after_apply)"} with input as r
		with data.inventory as inv([bucket({})])
	not rule.compliant with input as r with data.inventory as inv([bucket({})])
}

test_unknown_bucket_policy if {
	i := inv([bucket({"policy": kaa, "policy_is_public": kaa})])
	rule.unknown == {"Whether the trail's S3 bucket acme-cloudtrail is public is not known: the bucket policy is not known (known_after_apply)"} with input as trail("acme-cloudtrail")
		with data.inventory as i
	count(rule.deny) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
	not rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
}
