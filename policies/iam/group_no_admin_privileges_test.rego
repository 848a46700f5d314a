package complyctl.iam.group_no_admin_privileges_test

import rego.v1

import data.complyctl.iam.group_no_admin_privileges as rule

kaa := {"$unknown": "known_after_apply"}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

read_statement := {"Effect": "Allow", "Action": ["ec2:Describe*"], "Resource": "*"}

ro_arn := "arn:aws:iam::aws:policy/ReadOnlyAccess"

inventory := {"aws.iam.policy": [{
	"id": ro_arn,
	"kind": "aws.iam.policy",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"attributes": {"policy_name": "ReadOnlyAccess", "arn": ro_arn, "aws_managed": true, "document": doc([read_statement])},
}]}

group(inline, attached) := {
	"id": "arn:aws:iam::123456789012:group/admins",
	"kind": "aws.iam.group",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"region": null,
	"name": "admins",
	"attributes": {"group_name": "admins", "inline_policies": inline, "attached_policies": attached, "members": ["alice"]},
}

test_fail_administrator_access if {
	r := group([], ["arn:aws:iam::aws:policy/AdministratorAccess"])
	rule.deny == {"Attached AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess grants full administrative access"} with input as r
		with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_fail_inline_admin if {
	r := group([{"name": "all", "document": doc({"Sid": "All", "Effect": "Allow", "Action": ["*"], "Resource": "*"})}], [ro_arn])
	rule.deny == {`Inline policy "all": Statement "All" allows all actions (Action "*") on Resource "*"`} with input as r
		with data.inventory as inventory
}

test_pass_read_only if {
	r := group([], [ro_arn])
	rule.compliant with input as r with data.inventory as inventory
	count(rule.deny) == 0 with input as r with data.inventory as inventory
	count(rule.unknown) == 0 with input as r with data.inventory as inventory
}

test_unknown_inline_statement if {
	r := group([{"name": "computed", "document": doc([{"Sid": "Maybe", "Effect": "Allow", "Action": "*", "Resource": [kaa]}])}], [])
	rule.unknown == {`Inline policy "computed": Statement "Maybe" is not fully known and may allow all actions on all resources`} with input as r
		with data.inventory as inventory
	count(rule.deny) == 0 with input as r with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_unknown_managed_policy_not_in_inventory if {
	r := group([], ["arn:aws:iam::aws:policy/PowerUserAccess"])
	rule.unknown == {"Attached policy arn:aws:iam::aws:policy/PowerUserAccess is not in the inventory, so its document cannot be checked"} with input as r
		with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}
