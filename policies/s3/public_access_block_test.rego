package complyctl.s3.public_access_block_test

import rego.v1

import data.complyctl.s3.public_access_block as rule

bucket(attrs) := {"id": "aws_s3_bucket.logs", "kind": "aws.s3.bucket", "name": "logs", "attributes": attrs}

kaa := {"$unknown": "known_after_apply"}

all_on := {
	"block_public_acls": true,
	"ignore_public_acls": true,
	"block_public_policy": true,
	"restrict_public_buckets": true,
}

test_fail_no_block if {
	r := bucket({"public_access_block": null})
	rule.deny == {"Bucket has no bucket-level S3 Block Public Access configuration"} with input as r
	not rule.compliant with input as r
}

test_fail_one_setting_off if {
	r := bucket({"public_access_block": object.union(all_on, {"restrict_public_buckets": false})})
	rule.deny == {"Block Public Access setting restrict_public_buckets is false, must be true"} with input as r
	not rule.compliant with input as r
}

test_fail_all_off if {
	r := bucket({"public_access_block": {
		"block_public_acls": false,
		"ignore_public_acls": false,
		"block_public_policy": false,
		"restrict_public_buckets": false,
	}})
	count(rule.deny) == 4 with input as r
}

test_fail_setting_missing if {
	r := bucket({"public_access_block": {"block_public_acls": true, "ignore_public_acls": true, "block_public_policy": true}})
	rule.deny == {"Block Public Access setting restrict_public_buckets is null, must be true"} with input as r
	not rule.compliant with input as r
}

test_fail_wins_over_unknown if {
	r := bucket({"public_access_block": object.union(all_on, {"block_public_acls": false, "ignore_public_acls": kaa})})
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
}

test_pass_all_on if {
	r := bucket({"public_access_block": all_on})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_block if {
	r := bucket({"public_access_block": kaa})
	rule.unknown == {"The Block Public Access configuration is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_one_setting if {
	r := bucket({"public_access_block": object.union(all_on, {"block_public_policy": {"$unknown": "ambiguous"}})})
	rule.unknown == {"Block Public Access setting block_public_policy is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
