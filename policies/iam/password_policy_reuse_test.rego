package complyctl.iam.password_policy_reuse_test

import rego.v1

import data.complyctl.iam.password_policy_reuse as rule

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
	rule.deny == {"The account has no IAM password policy, so passwords can be reused"} with input as account
		with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_reuse_allowed if {
	i := inv([password_policy({"password_reuse_prevention": 0})])
	rule.deny == {"The password policy does not prevent password reuse"} with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_too_few_remembered if {
	i := inv([password_policy({"password_reuse_prevention": 5})])
	rule.deny == {"The password policy remembers only 5 previous passwords (at least 24 required)"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_pass_24 if {
	i := inv([password_policy({})])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_lower_param if {
	i := inv([password_policy({"password_reuse_prevention": 5})])
	rule.compliant with input as account with data.inventory as i with data.params.password_reuse_prevention as 5
	count(rule.deny) == 0 with input as account with data.inventory as i with data.params.password_reuse_prevention as 5
}

test_unknown_setting if {
	i := inv([password_policy({"password_reuse_prevention": {"$unknown": "known_after_apply"}})])
	rule.unknown == {"The password reuse prevention setting is not known (known_after_apply)"} with input as account
		with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_setting_missing if {
	i := inv([password_policy({"password_reuse_prevention": null})])
	rule.unknown == {"The password policy does not give a password reuse prevention setting"} with input as account
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
