package complyctl.iam.credentials_unused_test

import rego.v1

import data.complyctl.iam.credentials_unused as rule

# data.now_ns in `policy test` is 2026-01-01T00:00:00Z; the default is 45 days.

kaa := {"$unknown": "known_after_apply"}

user(attrs) := {
	"id": "arn:aws:iam::123456789012:user/bob",
	"kind": "aws.iam.user",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "bob",
	"attributes": object.union(
		{
			"user_name": "bob",
			"console_access": true,
			"mfa_active": true,
			"password_last_used": "2025-12-20T09:00:00Z",
			"access_keys": [],
			"created": "2024-03-01T00:00:00Z",
		},
		attrs,
	),
}

key(id, status, created, last_used) := {"id": id, "status": status, "created": created, "last_used": last_used}

test_fail_password_unused if {
	r := user({"password_last_used": "2025-10-01T12:00:00Z"})
	rule.deny == {"The console password was last used on 2025-10-01T12:00:00Z, 91 days ago (at most 45 allowed)"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_password_never_used if {
	r := user({"password_last_used": null, "created": "2025-11-01T00:00:00Z"})
	rule.deny == {"The console password has never been used and the user was created on 2025-11-01T00:00:00Z, 61 days ago (at most 45 allowed)"} with input as r
	not rule.compliant with input as r
}

test_fail_key_unused if {
	r := user({"access_keys": [key("AKIAOLD", "Active", "2024-03-01T00:00:00Z", "2025-09-01T00:00:00Z")]})
	rule.deny == {"Access key AKIAOLD was last used on 2025-09-01T00:00:00Z, 122 days ago (at most 45 allowed)"} with input as r
	not rule.compliant with input as r
}

test_fail_key_never_used if {
	r := user({"console_access": false, "access_keys": [key("AKIANEVER", "Active", "2025-10-01T00:00:00Z", null)]})
	rule.deny == {"Access key AKIANEVER has never been used and was created on 2025-10-01T00:00:00Z, 92 days ago (at most 45 allowed)"} with input as r
	not rule.compliant with input as r
}

test_fail_stricter_param if {
	r := user({"password_last_used": "2025-12-20T09:00:00Z"})
	count(rule.deny) == 1 with input as r with data.params.credentials_unused_days as 7
	not rule.compliant with input as r with data.params.credentials_unused_days as 7
}

test_pass_recently_used if {
	r := user({"access_keys": [
		key("AKIAUSED", "Active", "2024-03-01T00:00:00Z", "2025-12-31T00:00:00Z"),
		key("AKIAOFF", "Inactive", "2024-03-01T00:00:00Z", "2024-06-01T00:00:00Z"),
	]})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
	not rule.not_applicable with input as r
}

test_pass_new_unused_key if {
	r := user({"console_access": false, "access_keys": [key("AKIANEW", "Active", "2025-12-15T00:00:00Z", null)]})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_no_password_but_old_last_use if {
	# The password was removed; its last use does not matter any more.
	r := user({"console_access": false, "password_last_used": "2023-01-01T00:00:00Z", "access_keys": [key("AKIAUSED", "Active", "2024-03-01T00:00:00Z", "2025-12-31T00:00:00Z")]})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_not_applicable_no_credentials if {
	r := user({"console_access": false, "password_last_used": null, "access_keys": [key("AKIAOFF", "Inactive", "2024-03-01T00:00:00Z", null)]})
	rule.not_applicable with input as r
}

test_unknown_plan_user_with_login_profile if {
	r := {
		"id": "aws_iam_user.bob",
		"kind": "aws.iam.user",
		"source": "terraform-plan",
		"account": null,
		"region": null,
		"name": "bob",
		"attributes": {"user_name": "bob", "console_access": true, "mfa_active": kaa, "password_last_used": null, "access_keys": [], "created": null},
	}
	rule.unknown == {"When the console password was last used is not known (password_last_used null, created null)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_unknown_plan_key if {
	r := user({"console_access": false, "access_keys": [key(kaa, "Active", kaa, null)]})
	rule.unknown == {"Access key [0]: when it was last used is not known (last_used null, created known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_unknown_console_access if {
	r := user({"console_access": {"$unknown": "not_collected"}, "password_last_used": "2025-01-01T00:00:00Z"})
	rule.unknown == {"Whether the user has a console password is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_pass_console_access_unknown_but_password_used if {
	r := user({"console_access": {"$unknown": "not_collected"}})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_key_status_of_stale_key if {
	r := user({"access_keys": [key("AKIAOLD", kaa, "2024-03-01T00:00:00Z", "2025-01-01T00:00:00Z")]})
	rule.unknown == {"Access key AKIAOLD has not been used for more than 45 days and its status is not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_key_list if {
	r := user({"access_keys": {"$unknown": "not_collected"}})
	rule.unknown == {"The user's access keys are not known (not_collected)"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_wins_over_unknown if {
	r := user({"password_last_used": "2025-01-01T00:00:00Z", "access_keys": [key(kaa, "Active", kaa, null)]})
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}
