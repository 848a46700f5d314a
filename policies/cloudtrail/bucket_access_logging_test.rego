package complyctl.cloudtrail.bucket_access_logging_test

import rego.v1

import data.complyctl.cloudtrail.bucket_access_logging as rule

kaa := {"$unknown": "known_after_apply"}

trail(bucket_name) := {
	"id": "aws_cloudtrail.main",
	"kind": "aws.cloudtrail.trail",
	"source": "terraform-plan",
	"source_path": "plan.json",
	"account": null,
	"region": "us-east-1",
	"name": "main",
	"attributes": {"trail_name": "main", "s3_bucket_name": bucket_name},
}

bucket(logging) := {
	"id": "aws_s3_bucket.trail",
	"kind": "aws.s3.bucket",
	"source": "terraform-plan",
	"source_path": "plan.json",
	"account": null,
	"name": "acme-cloudtrail",
	"attributes": {"bucket": "acme-cloudtrail", "logging": logging},
}

inv(buckets) := {"aws.s3.bucket": buckets}

test_fail_no_logging if {
	i := inv([bucket(null)])
	rule.deny == {"The trail's S3 bucket acme-cloudtrail (aws_s3_bucket.trail): server access logging is not enabled"} with input as trail("acme-cloudtrail")
		with data.inventory as i
	not rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
}

test_fail_empty_target if {
	i := inv([bucket({"target_bucket": "", "target_prefix": null})])
	rule.deny == {"The trail's S3 bucket acme-cloudtrail (aws_s3_bucket.trail): server access logging is configured without a target bucket"} with input as trail("acme-cloudtrail")
		with data.inventory as i
}

test_pass_logging if {
	i := inv([bucket({"target_bucket": "acme-access-logs", "target_prefix": "cloudtrail/"})])
	rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
	count(rule.deny) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
	count(rule.unknown) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
}

test_pass_target_known_after_apply if {
	i := inv([bucket({"target_bucket": kaa, "target_prefix": "cloudtrail/"})])
	rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
	count(rule.unknown) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
}

test_unknown_bucket_name if {
	rule.unknown == {"The trail's S3 bucket name is not known (known_after_apply)"} with input as trail(kaa)
		with data.inventory as inv([bucket(null)])
	count(rule.deny) == 0 with input as trail(kaa) with data.inventory as inv([bucket(null)])
	not rule.compliant with input as trail(kaa) with data.inventory as inv([bucket(null)])
}

test_unknown_bucket_not_in_scope if {
	rule.unknown == {"The trail's S3 bucket central-audit-logs is not in scope of this scan (not in the inventory), so it cannot be checked"} with input as trail("central-audit-logs")
		with data.inventory as inv([bucket(null)])
	not rule.compliant with input as trail("central-audit-logs") with data.inventory as inv([bucket(null)])
}

test_unknown_logging_configuration if {
	i := inv([bucket({"$unknown": "ambiguous"})])
	rule.unknown == {"The trail's S3 bucket acme-cloudtrail (aws_s3_bucket.trail): the logging configuration is not known (ambiguous)"} with input as trail("acme-cloudtrail")
		with data.inventory as i
	count(rule.deny) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
	not rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
}

# Two buckets of the trail's name (two plans' copies), one without a reason to fail: each
# bucket is judged on its own. The deny messages once computed their reason in the rule
# head, which regorus's interpreter failed on ("not an object") when a bucket had none.
test_fail_one_of_two_buckets_of_the_name if {
	logged := bucket({"target_bucket": "acme-access-logs", "target_prefix": "cloudtrail/"})
	unlogged := object.union(bucket({"target_bucket": null, "target_prefix": "log/"}), {"id": "aws_s3_bucket.copy"})
	i := inv([logged, unlogged])
	rule.deny == {"The trail's S3 bucket acme-cloudtrail (aws_s3_bucket.copy): server access logging is configured without a target bucket"} with input as trail("acme-cloudtrail")
		with data.inventory as i
	count(rule.unknown) == 0 with input as trail("acme-cloudtrail") with data.inventory as i
	not rule.compliant with input as trail("acme-cloudtrail") with data.inventory as i
}
