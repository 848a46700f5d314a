package complyctl.iam.user_no_attached_policies_test

import rego.v1

import data.complyctl.iam.user_no_attached_policies as rule

kaa := {"$unknown": "known_after_apply"}

user(attached) := {
	"id": "arn:aws:iam::123456789012:user/alice",
	"kind": "aws.iam.user",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "alice",
	"attributes": {"user_name": "alice", "groups": ["developers"], "attached_policies": attached, "inline_policies": []},
}

test_fail_attached_policy if {
	r := user(["arn:aws:iam::aws:policy/ReadOnlyAccess"])
	rule.deny == {"1 managed policy is attached directly to the user: arn:aws:iam::aws:policy/ReadOnlyAccess"} with input as r
	not rule.compliant with input as r
}

test_fail_attachment_with_unknown_arn if {
	# A plan's aws_iam_user_policy_attachment to a new policy: the ARN is unknown, the attachment is not.
	r := object.union(user(["arn:aws:iam::aws:policy/ReadOnlyAccess", kaa]), {"id": "aws_iam_user.alice", "source": "terraform-plan", "account": null})
	rule.deny == {"2 managed policies are attached directly to the user: arn:aws:iam::aws:policy/ReadOnlyAccess, (ARN known_after_apply)"} with input as r
	count(rule.unknown) == 0 with input as r
	not rule.compliant with input as r
}

test_pass_no_attached_policies if {
	r := user([])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_null_is_none if {
	rule.compliant with input as user(null)
}

test_unknown_attachments if {
	r := user({"$unknown": "not_collected"})
	rule.unknown == {"The user's attached policies are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
