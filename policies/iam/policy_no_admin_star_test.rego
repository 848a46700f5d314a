package complyctl.iam.policy_no_admin_star_test

import rego.v1

import data.complyctl.iam.policy_no_admin_star as rule

kaa := {"$unknown": "known_after_apply"}

policy(document) := {
	"id": "aws_iam_policy.ops",
	"kind": "aws.iam.policy",
	"name": "ops",
	"attributes": {
		"policy_name": "ops",
		"arn": kaa,
		"aws_managed": false,
		"document": document,
		"attachment_count": kaa,
		"attached_to": [],
	},
}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

admin_statement := {"Sid": "AdminAll", "Effect": "Allow", "Action": "*", "Resource": "*"}

read_statement := {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]}

test_fail_admin_star if {
	r := policy(doc([read_statement, admin_statement]))
	rule.deny == {`Statement "AdminAll" allows all actions (Action "*") on Resource "*"`} with input as r
	not rule.compliant with input as r
}

test_fail_single_statement_object if {
	r := policy(doc({"Effect": "Allow", "Action": "*", "Resource": "*"}))
	rule.deny == {`Statement[0] allows all actions (Action "*") on Resource "*"`} with input as r
	not rule.compliant with input as r
}

test_fail_action_list_star_colon_star if {
	s := {"Effect": "Allow", "Action": ["s3:GetObject", "*:*"], "Resource": ["arn:aws:s3:::x", "*"]}
	r := policy(doc([read_statement, s]))
	rule.deny == {`Statement[1] allows all actions (Action "*") on Resource "*"`} with input as r
	not rule.compliant with input as r
}

test_fail_not_resource if {
	s := {"Sid": "AlmostAll", "Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::audit/*"}
	r := policy(doc([s]))
	rule.deny == {`Statement "AlmostAll" allows all actions (Action "*") on every resource but NotResource "arn:aws:s3:::audit/*"`} with input as r
}

test_fail_wins_over_unknown if {
	r := policy(doc([admin_statement, {"Effect": "Allow", "Action": kaa, "Resource": "*"}]))
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_least_privilege if {
	r := policy(doc([read_statement]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_deny_star if {
	r := policy(doc([read_statement, {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_service_star if {
	# s3:* on * is broad, but not full admin.
	r := policy(doc([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_star_on_specific_resource if {
	r := policy(doc([{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::data/*"}]))
	rule.compliant with input as r
}

test_pass_not_action_is_out_of_scope if {
	r := policy(doc([{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_unknown_resource_on_scoped_action if {
	# Resource ARNs computed in the plan do not matter when the actions are scoped.
	r := policy(doc([{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [kaa]}]))
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_empty_document if {
	r := policy({"Version": "2012-10-17", "Statement": []})
	rule.compliant with input as r
}

test_unknown_document if {
	r := policy(kaa)
	rule.unknown == {"The policy document is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_action if {
	r := policy(doc([read_statement, {"Sid": "Computed", "Effect": "Allow", "Action": [kaa], "Resource": "*"}]))
	rule.unknown == {`Statement "Computed" is not fully known and may allow all actions on all resources`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_resource_with_star_action if {
	r := policy(doc([{"Effect": "Allow", "Action": "*", "Resource": kaa}]))
	rule.unknown == {"Statement[0] is not fully known and may allow all actions on all resources"} with input as r
	not rule.compliant with input as r
}

test_unknown_statement if {
	r := policy(doc([read_statement, {"$unknown": "sensitive"}]))
	rule.unknown == {"Statement[1] is not fully known and may allow all actions on all resources"} with input as r
	not rule.compliant with input as r
}

test_unknown_no_document if {
	r := policy(null)
	rule.unknown == {"The policy has no document"} with input as r
	not rule.compliant with input as r
}
