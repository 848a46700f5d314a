package complyctl.iam.user_console_mfa_test

import rego.v1

import data.complyctl.iam.user_console_mfa as rule

kaa := {"$unknown": "known_after_apply"}

user(attrs) := {
	"id": "arn:aws:iam::123456789012:user/alice",
	"kind": "aws.iam.user",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "alice",
	"attributes": object.union(
		{
			"user_name": "alice",
			"arn": "arn:aws:iam::123456789012:user/alice",
			"console_access": true,
			"mfa_active": true,
			"mfa_devices": [{"serial": "arn:aws:iam::123456789012:mfa/alice", "type": "virtual"}],
		},
		attrs,
	),
}

test_fail_console_without_mfa if {
	r := user({"mfa_active": false, "mfa_devices": []})
	rule.deny == {"The user can sign in to the console with a password but has no active MFA device"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_pass_console_with_mfa if {
	r := user({})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
	not rule.not_applicable with input as r
}

test_not_applicable_no_console_access if {
	r := user({"console_access": false, "mfa_active": false, "mfa_devices": []})
	rule.not_applicable with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_plan_user_with_login_profile if {
	r := {
		"id": "aws_iam_user.alice",
		"kind": "aws.iam.user",
		"source": "terraform-plan",
		"account": null,
		"region": null,
		"name": "alice",
		"attributes": {"user_name": "alice", "arn": kaa, "console_access": true, "mfa_active": kaa, "mfa_devices": []},
	}
	rule.unknown == {"Whether the user has an active MFA device is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_not_applicable_plan_user_without_login_profile if {
	r := user({"console_access": false, "mfa_active": kaa})
	rule.not_applicable with input as r
}

test_unknown_console_access if {
	r := user({"console_access": {"$unknown": "not_collected"}, "mfa_active": false})
	rule.unknown == {"Whether the user has console access is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_pass_console_access_unknown_but_mfa_active if {
	r := user({"console_access": {"$unknown": "not_collected"}})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_attributes_missing if {
	r := {"id": "arn:aws:iam::123456789012:user/bob", "kind": "aws.iam.user", "attributes": {"user_name": "bob"}}
	rule.unknown == {
		"The inventory does not say whether the user has console access (no console_access)",
		"The inventory does not say whether the user has an active MFA device (no mfa_active)",
	} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}
