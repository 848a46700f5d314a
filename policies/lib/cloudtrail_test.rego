package complyctl.lib.cloudtrail_test

import rego.v1

import data.complyctl.lib.cloudtrail as ct

kaa := {"$unknown": "known_after_apply"}

trail(bucket) := {
	"id": "arn:aws:cloudtrail:us-east-1:123456789012:trail/org",
	"kind": "aws.cloudtrail.trail",
	"source": "aws",
	"source_path": null,
	"name": "org",
	"attributes": {"trail_name": "org", "s3_bucket_name": bucket},
}

live_bucket := {"id": "arn:aws:s3:::org-trail-logs", "kind": "aws.s3.bucket", "source": "aws", "source_path": null, "attributes": {"bucket": "org-trail-logs"}}

plan_bucket := {"id": "aws_s3_bucket.trail", "kind": "aws.s3.bucket", "source": "terraform-plan", "source_path": "plan.json", "attributes": {"bucket": "org-trail-logs"}}

test_log_buckets if {
	inv := {"aws.s3.bucket": [plan_bucket, live_bucket]}
	ct.log_buckets(trail("org-trail-logs")) == [live_bucket] with data.inventory as inv
	ct.log_buckets(trail("other")) == [] with data.inventory as inv
	ct.log_buckets(trail(kaa)) == [] with data.inventory as inv
	ct.log_buckets(trail(null)) == [] with data.inventory as inv
}

test_bucket_unknown_reason if {
	inv := {"aws.s3.bucket": [live_bucket]}
	not ct.bucket_unknown_reason(trail("org-trail-logs")) with data.inventory as inv
	ct.bucket_unknown_reason(trail("other")) == "The trail's S3 bucket other is not in scope of this scan (not in the inventory), so it cannot be checked" with data.inventory as inv
	ct.bucket_unknown_reason(trail(kaa)) == "The trail's S3 bucket name is not known (known_after_apply)" with data.inventory as inv
	ct.bucket_unknown_reason(trail("")) == "The trail names no S3 bucket" with data.inventory as inv
}

test_labels if {
	ct.bucket_label(live_bucket) == "org-trail-logs"
	ct.bucket_label(plan_bucket) == "org-trail-logs (aws_s3_bucket.trail)"
	ct.label(trail("b")) == "org"
	ct.label({"id": "aws_cloudtrail.main", "name": ""}) == "aws_cloudtrail.main"
}
