package complyctl.iam.access_keys_single_active_test

import rego.v1

import data.complyctl.iam.access_keys_single_active as rule

kaa := {"$unknown": "known_after_apply"}

user(keys) := {
	"id": "arn:aws:iam::123456789012:user/ci",
	"kind": "aws.iam.user",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "ci",
	"attributes": {"user_name": "ci", "access_keys": keys},
}

key(id, status) := {"id": id, "status": status, "created": "2025-12-01T00:00:00Z", "last_used": null}

test_fail_two_active_keys if {
	r := user([key("AKIAONE", "Active"), key("AKIATWO", "Active")])
	rule.deny == {"The user has 2 active access keys: Access key AKIAONE, Access key AKIATWO"} with input as r
	not rule.compliant with input as r
}

test_fail_two_plan_keys if {
	# Two aws_iam_access_key resources in a plan (ids known after apply, status defaults to Active).
	r := user([key(kaa, "Active"), key(kaa, "Active")])
	rule.deny == {"The user has 2 active access keys: Access key [0], Access key [1]"} with input as r
}

test_pass_one_active_key if {
	r := user([key("AKIAONE", "Active"), key("AKIAOLD", "Inactive")])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_no_keys if {
	rule.compliant with input as user([])
	rule.compliant with input as user(null)
}

test_pass_two_inactive_keys if {
	r := user([key("AKIAONE", "Inactive"), key("AKIATWO", "Inactive")])
	rule.compliant with input as r
}

test_unknown_status if {
	r := user([key("AKIAONE", "Active"), key("AKIATWO", kaa)])
	rule.unknown == {"The status of Access key AKIATWO is not known; the user may have 2 active access keys"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_pass_single_key_status_unknown if {
	r := user([key("AKIAONE", kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_key_list if {
	r := user({"$unknown": "not_collected"})
	rule.unknown == {"The user's access keys are not known (not_collected)"} with input as r
	not rule.compliant with input as r
}
