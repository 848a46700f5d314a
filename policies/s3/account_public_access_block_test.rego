package complyctl.s3.account_public_access_block_test

import rego.v1

import data.complyctl.s3.account_public_access_block as rule

kaa := {"$unknown": "known_after_apply"}

account := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "eu-west-1",
	"attributes": {"account_id": "123456789012", "region": "eu-west-1"},
}

plan_account := {
	"id": "aws_account",
	"kind": "aws.account",
	"source": "terraform-plan",
	"account": null,
	"region": "us-east-1",
	"attributes": {"account_id": kaa, "region": "us-east-1"},
}

all_on := {
	"block_public_acls": true,
	"ignore_public_acls": true,
	"block_public_policy": true,
	"restrict_public_buckets": true,
}

block(acct, attrs) := {
	"id": sprintf("arn:aws:s3:::%v/public-access-block", [acct]),
	"kind": "aws.s3.account_public_access_block",
	"account": acct,
	"region": null,
	"attributes": attrs,
}

inv(blocks) := {"aws.s3.account_public_access_block": blocks}

test_fail_no_block if {
	rule.deny == {"The account has no account-level S3 Block Public Access configuration"} with input as account
		with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_kind_absent_from_inventory if {
	count(rule.deny) == 1 with input as account with data.inventory as {}
}

test_fail_only_other_accounts_block if {
	i := inv([block("210987654321", all_on)])
	rule.deny == {"The account has no account-level S3 Block Public Access configuration"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_settings_off if {
	i := inv([block("123456789012", object.union(all_on, {"ignore_public_acls": false, "restrict_public_buckets": false}))])
	rule.deny == {"The account-level S3 Block Public Access configuration arn:aws:s3:::123456789012/public-access-block does not block all public access: ignore_public_acls is false, restrict_public_buckets is false"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_setting_missing if {
	i := inv([block("123456789012", object.remove(all_on, ["block_public_policy"]))])
	count(rule.deny) == 1 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_fail_wins_over_unknown_setting if {
	i := inv([block("123456789012", object.union(all_on, {"block_public_acls": false, "ignore_public_acls": kaa}))])
	count(rule.deny) == 1 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_all_on if {
	i := inv([block("210987654321", object.union(all_on, {"block_public_acls": false})), block("123456789012", all_on)])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_plan if {
	# Plan resources have no account id: null matches the plan's account resource.
	i := inv([block(null, all_on)])
	rule.compliant with input as plan_account with data.inventory as i
	count(rule.deny) == 0 with input as plan_account with data.inventory as i
}

test_fail_plan_block_defaults if {
	i := inv([block(null, object.union(all_on, {"block_public_policy": false}))])
	count(rule.deny) == 1 with input as plan_account with data.inventory as i
	# the live account does not see the plan's block
	rule.deny == {"The account has no account-level S3 Block Public Access configuration"} with input as account
		with data.inventory as i
}

test_unknown_setting if {
	i := inv([block("123456789012", object.union(all_on, {"restrict_public_buckets": {"$unknown": "not_collected"}}))])
	rule.unknown == {"Account-level S3 Block Public Access settings of arn:aws:s3:::123456789012/public-access-block are not known: restrict_public_buckets"} with input as account
		with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_whole_block if {
	b := object.union(block(null, {}), {"attributes": {
		"block_public_acls": kaa,
		"ignore_public_acls": kaa,
		"block_public_policy": kaa,
		"restrict_public_buckets": kaa,
	}})
	count(rule.unknown) == 1 with input as plan_account with data.inventory as inv([b])
	count(rule.deny) == 0 with input as plan_account with data.inventory as inv([b])
}

home_region_account(home) := {
	"id": "arn:aws:::123456789012:account/eu-west-1",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "eu-west-1",
	"attributes": {"account_id": "123456789012", "region": "eu-west-1", "home_region": home},
}

test_not_applicable_outside_the_home_region if {
	rule.not_applicable with input as home_region_account(false) with data.inventory as {}
}

test_applicable_in_the_home_region if {
	not rule.not_applicable with input as home_region_account(true) with data.inventory as {}
}
