package complyctl.iam.password_policy_length_test

import rego.v1

import data.complyctl.iam.password_policy_length as rule

account := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"region": "us-east-1",
	"attributes": {"account_id": "123456789012", "region": "us-east-1"},
}

password_policy(acct, attrs) := {
	"id": sprintf("arn:aws:iam::%v:account-password-policy", [acct]),
	"kind": "aws.iam.password_policy",
	"source": "aws",
	"source_path": null,
	"account": acct,
	"region": null,
	"attributes": object.union(
		{
			"minimum_password_length": 14,
			"require_uppercase_characters": true,
			"require_lowercase_characters": true,
			"require_numbers": true,
			"require_symbols": true,
			"max_password_age": 90,
			"password_reuse_prevention": 24,
			"allow_users_to_change_password": true,
			"hard_expiry": false,
		},
		attrs,
	),
}

inv(pps) := {"aws.iam.password_policy": pps}

test_fail_no_password_policy if {
	rule.deny == {"The account has no IAM password policy (AWS then allows 8-character passwords)"} with input as account
		with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_other_accounts_policy_does_not_count if {
	i := inv([password_policy("210987654321", {})])
	count(rule.deny) == 1 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_too_short if {
	i := inv([password_policy("123456789012", {"minimum_password_length": 8})])
	rule.deny == {"The password policy requires only 8 characters (at least 14 required)"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_stricter_param if {
	i := inv([password_policy("123456789012", {})])
	rule.deny == {"The password policy requires only 14 characters (at least 16 required)"} with input as account
		with data.inventory as i
		with data.params.password_min_length as 16
}

test_pass_long_enough if {
	i := inv([password_policy("123456789012", {"minimum_password_length": 20})])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_pass_exactly_the_minimum if {
	i := inv([password_policy("123456789012", {})])
	rule.compliant with input as account with data.inventory as i
}

test_pass_plan if {
	# A plan: account null on both; the policy must come from the same plan file.
	plan_account := object.union(account, {"id": "aws_account", "source": "terraform-plan", "source_path": "plan.json", "account": null})
	pp := object.union(password_policy("x", {}), {"id": "aws_iam_account_password_policy.this", "source": "terraform-plan", "source_path": "plan.json", "account": null})
	rule.compliant with input as plan_account with data.inventory as inv([pp])
	count(rule.deny) == 0 with input as plan_account with data.inventory as inv([pp])

	other_plan := object.union(plan_account, {"source_path": "other.json"})
	count(rule.deny) == 1 with input as other_plan with data.inventory as inv([pp])
}

test_unknown_length if {
	i := inv([password_policy("123456789012", {"minimum_password_length": {"$unknown": "known_after_apply"}})])
	rule.unknown == {"The minimum password length is not known (known_after_apply)"} with input as account
		with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_length_missing if {
	i := inv([password_policy("123456789012", {"minimum_password_length": null})])
	rule.unknown == {"The password policy does not give a minimum password length"} with input as account
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
