package complyctl.iam.password_policy_complexity_test

import rego.v1

import data.complyctl.iam.password_policy_complexity as rule

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
	"attributes": object.union(
		{
			"minimum_password_length": 14,
			"require_uppercase_characters": true,
			"require_lowercase_characters": true,
			"require_numbers": true,
			"require_symbols": true,
		},
		attrs,
	),
}

inv(pps) := {"aws.iam.password_policy": pps}

test_fail_no_password_policy if {
	rule.deny == {"The account has no IAM password policy, so passwords need not be complex"} with input as account
		with data.inventory as inv([])
	not rule.compliant with input as account with data.inventory as inv([])
}

test_fail_no_symbols if {
	i := inv([password_policy({"require_symbols": false})])
	rule.deny == {"The password policy does not require a symbol (require_symbols is false)"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_nothing_required if {
	# The provider's defaults when a plan sets none of them.
	i := inv([password_policy({
		"require_uppercase_characters": false,
		"require_lowercase_characters": false,
		"require_numbers": false,
		"require_symbols": false,
	})])
	count(rule.deny) == 4 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_fail_wins_over_unknown if {
	i := inv([password_policy({"require_numbers": false, "require_symbols": {"$unknown": "known_after_apply"}})])
	rule.deny == {"The password policy does not require a number (require_numbers is false)"} with input as account
		with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_pass_all_required if {
	i := inv([password_policy({})])
	rule.compliant with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	count(rule.unknown) == 0 with input as account with data.inventory as i
}

test_unknown_setting if {
	i := inv([password_policy({"require_symbols": {"$unknown": "known_after_apply"}})])
	rule.unknown == {"require_symbols is not known (known_after_apply)"} with input as account with data.inventory as i
	count(rule.deny) == 0 with input as account with data.inventory as i
	not rule.compliant with input as account with data.inventory as i
}

test_unknown_setting_missing if {
	i := inv([password_policy({"require_uppercase_characters": null})])
	rule.unknown == {"The password policy does not give require_uppercase_characters"} with input as account
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
