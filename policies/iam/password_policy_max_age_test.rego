package complyctl.iam.password_policy_max_age_test

import rego.v1

import data.complyctl.iam.password_policy_max_age as rule

account := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"region": "us-east-1",
	"attributes": {"account_id": "123456789012", "region": "us-east-1"},
}

password_policy(attrs) := {
	"id": "arn:aws:iam::123456789012:account-password-policy",
	"kind": "aws.iam.password_policy",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"region": null,
	"attributes": object.union({"minimum_password_length": 14, "max_password_age": 90, "password_reuse_prevention": 24}, attrs),
}

inv(pps) := {"aws.iam.password_policy": pps}

test_fail_no_password_policy if {
	rule.deny == {"The account has no IAM password policy, so passwords never expire"} with input as account
		with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_never_expires if {
	i := inv([password_policy({"max_password_age": 0})])
	rule.deny == {"The password policy does not make passwords expire (max_password_age 0)"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_too_long if {
	i := inv([password_policy({"max_password_age": 365})])
	rule.deny == {"Passwords expire only after 365 days (at most 90 allowed)"} with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_stricter_param if {
	i := inv([password_policy({"max_password_age": 90})])
	rule.deny == {"Passwords expire only after 90 days (at most 60 allowed)"} with input as account
		with data.inventory as i
		with data.params.password_max_age_days as 60
}

test_pass_90_days if {
	i := inv([password_policy({})])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_one_day if {
	i := inv([password_policy({"max_password_age": 1})])
	rule.compliant with input as account with data.inventory as i
}

test_unknown_setting if {
	i := inv([password_policy({"max_password_age": {"$unknown": "known_after_apply"}})])
	rule.unknown == {"The password expiry setting is not known (known_after_apply)"} with input as account
		with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_setting_missing if {
	i := inv([password_policy({"max_password_age": null})])
	rule.unknown == {"The password policy does not give a maximum password age"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
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
