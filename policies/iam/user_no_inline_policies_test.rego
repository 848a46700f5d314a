package complyctl.iam.user_no_inline_policies_test

import rego.v1

import data.complyctl.iam.user_no_inline_policies as rule

kaa := {"$unknown": "known_after_apply"}

user(inline) := {
	"id": "arn:aws:iam::123456789012:user/alice",
	"kind": "aws.iam.user",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "alice",
	"attributes": {"user_name": "alice", "groups": [], "attached_policies": [], "inline_policies": inline},
}

read_doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}

test_fail_inline_policy if {
	r := user([{"name": "s3-read", "document": read_doc}])
	rule.deny == {`The user has 1 inline policy: "s3-read"`} with input as r
	not rule.compliant with input as r
}

test_fail_unknown_name_and_whole_entry if {
	r := user([{"name": kaa, "document": kaa}, kaa, {"name": "ok", "document": read_doc}])
	rule.deny == {`The user has 3 inline policies: [0], [1], "ok"`} with input as r
	count(rule.unknown) == 0 with input as r
	not rule.compliant with input as r
}

test_pass_no_inline_policies if {
	r := user([])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_null_is_none if {
	rule.compliant with input as user(null)
}

test_unknown_inline_policies if {
	r := user({"$unknown": "not_collected"})
	rule.unknown == {"The user's inline policies are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
