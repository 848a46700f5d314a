package complyctl.iam.role_cross_account_external_id_test

import rego.v1

import data.complyctl.iam.role_cross_account_external_id as rule

kaa := {"$unknown": "known_after_apply"}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

role(trust) := {
	"id": "arn:aws:iam::123456789012:role/vendor",
	"kind": "aws.iam.role",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "vendor",
	"attributes": {
		"role_name": "vendor",
		"arn": "arn:aws:iam::123456789012:role/vendor",
		"assume_role_policy": trust,
		"attached_policies": [],
		"inline_policies": [],
		"service_linked": false,
	},
}

plan_role(trust) := {
	"id": "aws_iam_role.vendor",
	"kind": "aws.iam.role",
	"source": "terraform-plan",
	"account": null,
	"region": null,
	"name": "vendor",
	"attributes": {"role_name": "vendor", "arn": kaa, "assume_role_policy": trust, "service_linked": false},
}

vendor_statement := {"Sid": "Vendor", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole"}

external_id := {"StringEquals": {"sts:ExternalId": "d1f3c0a2-7b7e-4c55-9d3f-0c4b1f2e8a61"}}

test_fail_other_account_without_external_id if {
	r := role(doc([vendor_statement]))
	rule.deny == {`Statement "Vendor" lets account 999988887777 assume the role without an sts:ExternalId condition`} with input as r
	not rule.compliant with input as r
}

test_fail_principal_forms if {
	# A bare account id, a user and a role of other accounts; the own account's role is fine.
	s := {"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"], "Principal": {"AWS": [
		"111122223333",
		"arn:aws:iam::444455556666:user/auditor",
		"arn:aws:iam::777788889999:role/path/ci",
		"arn:aws:iam::123456789012:role/admin",
	]}}
	r := role(doc([s]))
	rule.deny == {"Statement[0] lets account 111122223333, 444455556666, 777788889999 assume the role without an sts:ExternalId condition"} with input as r
}

test_fail_action_wildcards if {
	s1 := object.union(vendor_statement, {"Sid": "StsStar", "Action": "sts:*"})
	s2 := object.union(vendor_statement, {"Sid": "Star", "Action": ["*"]})
	s3 := object.union(vendor_statement, {"Sid": "Glob", "Action": "STS:Assume*"})
	r := role(doc([s1, s2, s3]))
	count(rule.deny) == 3 with input as r
}

test_fail_other_condition_is_not_external_id if {
	s := object.union(vendor_statement, {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})
	r := role(doc([s]))
	count(rule.deny) == 1 with input as r
}

test_fail_if_exists_is_not_enough if {
	# StringEqualsIfExists passes when the caller sends no external id.
	s := object.union(vendor_statement, {"Condition": {"StringEqualsIfExists": {"sts:ExternalId": "x"}}})
	r := role(doc([s]))
	count(rule.deny) == 1 with input as r
}

test_fail_own_account_from_arn if {
	r := object.union(role(doc([vendor_statement])), {"account": null})
	count(rule.deny) == 1 with input as r
}

test_pass_external_id if {
	r := role(doc([object.union(vendor_statement, {"Condition": external_id})]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_external_id_string_like_list if {
	s := object.union(vendor_statement, {"Condition": {"StringLike": {"sts:externalid": ["vendor-*"]}}})
	r := role(doc([s]))
	rule.compliant with input as r
}

test_pass_same_account if {
	s := object.union(vendor_statement, {"Principal": {"AWS": ["arn:aws:iam::123456789012:root", "123456789012"]}})
	r := role(doc([s]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_service_and_federated_principals if {
	r := role(doc([
		{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]}, "Action": "sts:AssumeRole"},
		{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity"},
	]))
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_other_action_or_deny if {
	r := role(doc([
		object.union(vendor_statement, {"Action": "sts:TagSession"}),
		object.union(vendor_statement, {"Effect": "Deny"}),
	]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_fail_not_action if {
	s := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "NotAction": "iam:*"}
	count(rule.deny) == 1 with input as role(doc([s]))
	t := object.union(s, {"NotAction": ["sts:*"]})
	rule.compliant with input as role(doc([t]))
}

test_unknown_plan_role_names_an_account if {
	r := plan_role(doc([vendor_statement]))
	rule.unknown == {`The role's own account is not known, so it cannot be told whether account 999988887777 in Statement "Vendor" is another account (the statement has no sts:ExternalId condition)`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_pass_plan_role_with_external_id if {
	# The external id usually comes from a sensitive variable.
	s := object.union(vendor_statement, {"Condition": {"StringEquals": {"sts:ExternalId": {"$unknown": "sensitive"}}}})
	r := plan_role(doc([s]))
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_plan_role_service_principal if {
	r := plan_role(doc([{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]))
	rule.compliant with input as r
}

test_unknown_principal if {
	s := object.union(vendor_statement, {"Principal": {"AWS": [kaa]}})
	r := role(doc([s]))
	rule.unknown == {`Statement "Vendor" has AWS principals that are not known and no sts:ExternalId condition`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_condition if {
	s := object.union(vendor_statement, {"Condition": kaa})
	r := role(doc([s]))
	rule.unknown == {`Statement "Vendor" may let account 999988887777 assume the role without an sts:ExternalId condition (its effect, action or condition is not fully known)`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_action if {
	s := object.union(vendor_statement, {"Action": [kaa]})
	r := role(doc([s]))
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_trust_policy if {
	r := role(kaa)
	rule.unknown == {"The trust policy is not known (known_after_apply)"} with input as r
	not rule.compliant with input as r
}

test_unknown_statement if {
	r := role(doc([kaa]))
	rule.unknown == {"Statement[0] is not known (known_after_apply)"} with input as r
	not rule.compliant with input as r
}

test_fail_wins_over_unknown if {
	r := role(doc([vendor_statement, object.union(vendor_statement, {"Sid": "Other", "Principal": {"AWS": kaa}})]))
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}
