package complyctl.iam.role_trust_no_wildcard_test

import rego.v1

import data.complyctl.iam.role_trust_no_wildcard as rule

kaa := {"$unknown": "known_after_apply"}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

role(trust) := {
	"id": "arn:aws:iam::123456789012:role/shared",
	"kind": "aws.iam.role",
	"source": "aws",
	"account": "123456789012",
	"region": null,
	"name": "shared",
	"attributes": {
		"role_name": "shared",
		"arn": "arn:aws:iam::123456789012:role/shared",
		"assume_role_policy": trust,
		"attached_policies": [],
		"inline_policies": [],
		"service_linked": false,
	},
}

ec2_trust := {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}

test_fail_principal_star if {
	r := role(doc([ec2_trust, {"Sid": "Anyone", "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]))
	rule.deny == {`Statement "Anyone" allows every principal (Principal "*") to assume the role without a Condition`} with input as r
	not rule.compliant with input as r
}

test_fail_aws_star if {
	r := role(doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}))
	rule.deny == {`Statement[0] allows every principal (Principal {"AWS":"*"}) to assume the role without a Condition`} with input as r
	not rule.compliant with input as r
}

test_fail_aws_list_with_star if {
	r := role(doc([{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::210987654321:root", "*"]}, "Action": "sts:AssumeRole"}]))
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_fail_empty_condition if {
	r := role(doc([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {}}]))
	count(rule.deny) == 1 with input as r
}

test_pass_service_principal if {
	r := role(doc([ec2_trust]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_star_with_condition if {
	s := {
		"Effect": "Allow",
		"Principal": {"AWS": "*"},
		"Action": "sts:AssumeRole",
		"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123def4"}},
	}
	r := role(doc([s]))
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_condition_with_unknown_value if {
	# The condition exists; only its value is computed at apply.
	s := {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": kaa}}}
	r := role(doc([s]))
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_deny_star if {
	r := role(doc([ec2_trust, {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}]))
	rule.compliant with input as r
}

test_unknown_computed_principal if {
	# A principal computed at apply could be "*".
	r := role(doc([{"Effect": "Allow", "Principal": {"AWS": kaa}, "Action": "sts:AssumeRole"}]))
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_unknown_trust_policy if {
	r := role(kaa)
	rule.unknown == {"The trust policy is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_condition_of_star if {
	r := role(doc([{"Sid": "Maybe", "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": kaa}]))
	rule.unknown == {`Statement "Maybe" is not fully known and may allow every principal to assume the role`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_no_trust_policy if {
	r := role(null)
	rule.unknown == {"The role has no trust policy in the inventory"} with input as r
	not rule.compliant with input as r
}

test_pass_unknown_principal_with_condition if {
	s := {"Effect": "Allow", "Principal": {"AWS": [kaa]}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}
	r := role(doc([s]))
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}
