package complyctl.iam.access_key_rotation_test

import rego.v1

import data.complyctl.iam.access_key_rotation as rule

# data.now_ns in `policy test` is 2026-01-01T00:00:00Z; the default is 90 days.

kaa := {"$unknown": "known_after_apply"}

user(keys) := {
	"id": "arn:aws:iam::123456789012:user/ci",
	"kind": "aws.iam.user",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "ci",
	"attributes": {"user_name": "ci", "console_access": false, "access_keys": keys},
}

key(id, status, created) := {"id": id, "status": status, "created": created, "last_used": null}

test_fail_old_active_key if {
	r := user([key("AKIAOLD", "Active", "2025-06-01T00:00:00Z"), key("AKIANEW", "Active", "2025-12-01T00:00:00Z")])
	rule.deny == {"Access key AKIAOLD was created on 2025-06-01T00:00:00Z, 214 days ago (at most 90 allowed)"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_stricter_param if {
	r := user([key("AKIANEW", "Active", "2025-12-01T00:00:00Z")])
	rule.deny == {"Access key AKIANEW was created on 2025-12-01T00:00:00Z, 31 days ago (at most 30 allowed)"} with input as r
		with data.params.access_key_max_age_days as 30
}

test_fail_wins_over_unknown if {
	r := user([key("AKIAOLD", "Active", "2025-06-01T00:00:00Z"), key(kaa, "Active", kaa)])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_recent_key if {
	r := user([key("AKIANEW", "Active", "2025-12-01T00:00:00Z")])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
	not rule.not_applicable with input as r
}

test_pass_old_key_inactive if {
	r := user([key("AKIAOLD", "Inactive", "2024-01-01T00:00:00Z"), key("AKIANEW", "Active", "2025-12-01T00:00:00Z")])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_exactly_at_the_limit if {
	r := user([key("AKIA90", "Active", "2025-10-03T00:00:00Z")])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_not_applicable_no_keys if {
	rule.not_applicable with input as user([])
	rule.not_applicable with input as user(null)
}

test_not_applicable_only_inactive_keys if {
	r := user([key("AKIAOLD", "Inactive", "2024-01-01T00:00:00Z")])
	rule.not_applicable with input as r
}

test_unknown_plan_key if {
	# aws_iam_access_key in a plan: id and create_date are known only after apply.
	r := object.union(user([key(kaa, "Active", kaa)]), {"id": "aws_iam_user.ci", "source": "terraform-plan", "account": null})
	rule.unknown == {"Access key [0]: its creation date is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_unknown_created_missing if {
	r := user([key("AKIAX", "Active", null)])
	rule.unknown == {"Access key AKIAX: its creation date is not known (null)"} with input as r
	not rule.compliant with input as r
}

test_unknown_status_of_old_key if {
	r := user([key("AKIAOLD", kaa, "2025-01-01T00:00:00Z")])
	rule.unknown == {"Access key AKIAOLD was created more than 90 days ago and its status is not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_pass_status_unknown_but_recent if {
	r := user([key("AKIANEW", kaa, "2025-12-01T00:00:00Z")])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_key_list if {
	r := user({"$unknown": "not_collected"})
	rule.unknown == {"The user's access keys are not known (not_collected)"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_unknown_whole_key if {
	r := user([kaa])
	rule.unknown == {"Access key [0] is not known (known_after_apply)"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}
