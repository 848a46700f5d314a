package complyctl.iam.user_no_admin_privileges_test

import rego.v1

import data.complyctl.iam.user_no_admin_privileges as rule

kaa := {"$unknown": "known_after_apply"}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

admin_statement := {"Sid": "AdminAll", "Effect": "Allow", "Action": "*", "Resource": "*"}

read_statement := {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}

read_arn := "arn:aws:iam::123456789012:policy/s3-read"

ops_arn := "arn:aws:iam::123456789012:policy/ops"

live_policy(arn, document) := {
	"id": arn,
	"kind": "aws.iam.policy",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"attributes": {"policy_name": arn, "arn": arn, "aws_managed": false, "document": document},
}

inventory := {"aws.iam.policy": [
	live_policy(read_arn, doc([read_statement])),
	live_policy(ops_arn, doc([read_statement, admin_statement])),
	live_policy("arn:aws:iam::aws:policy/ReadOnlyAccess", doc([read_statement])),
]}

user(inline, attached) := {
	"id": "arn:aws:iam::123456789012:user/alice",
	"kind": "aws.iam.user",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"region": null,
	"name": "alice",
	"attributes": {"user_name": "alice", "inline_policies": inline, "attached_policies": attached},
}

test_fail_administrator_access if {
	r := user([], ["arn:aws:iam::aws:policy/AdministratorAccess"])
	rule.deny == {"Attached AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess grants full administrative access"} with input as r
		with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_fail_administrator_access_govcloud_not_in_inventory if {
	r := user([], ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess"])
	count(rule.deny) == 1 with input as r with data.inventory as {"aws.iam.policy": []}
	count(rule.unknown) == 0 with input as r with data.inventory as {"aws.iam.policy": []}
}

test_fail_customer_policy_admin_star if {
	r := user([], [read_arn, ops_arn])
	rule.deny == {`Attached policy arn:aws:iam::123456789012:policy/ops: Statement "AdminAll" allows all actions (Action "*") on Resource "*"`} with input as r
		with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_fail_inline_admin if {
	r := user([{"name": "break-glass", "document": doc([{"Effect": "Allow", "Action": "*:*", "Resource": ["*"]}])}], [])
	rule.deny == {`Inline policy "break-glass": Statement[0] allows all actions (Action "*") on Resource "*"`} with input as r
		with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_fail_wins_over_unknown_arn if {
	r := user([], [kaa, "arn:aws:iam::aws:policy/AdministratorAccess"])
	count(rule.deny) == 1 with input as r with data.inventory as inventory
	rule.unknown == {"Attached policy [0] is not known (known_after_apply)"} with input as r with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_pass_scoped_policies if {
	r := user([{"name": "s3", "document": doc([read_statement])}], [read_arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"])
	rule.compliant with input as r with data.inventory as inventory
	count(rule.deny) == 0 with input as r with data.inventory as inventory
	count(rule.unknown) == 0 with input as r with data.inventory as inventory
}

test_pass_no_policies if {
	r := user([], [])
	rule.compliant with input as r with data.inventory as inventory
	count(rule.unknown) == 0 with input as r with data.inventory as inventory
}

test_pass_deny_star_inline if {
	r := user([{"name": "deny", "document": doc([{"Effect": "Deny", "Action": "*", "Resource": "*"}])}], [])
	rule.compliant with input as r with data.inventory as inventory
}

test_unknown_attached_arn if {
	# A plan attaching a policy created in the same apply: the ARN is unknown.
	r := object.union(user([], [kaa]), {"id": "aws_iam_user.alice", "source": "terraform-plan", "source_path": "plan.json", "account": null})
	rule.unknown == {"Attached policy [0] is not known (known_after_apply)"} with input as r with data.inventory as inventory
	count(rule.deny) == 0 with input as r with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_unknown_policy_not_in_inventory if {
	r := user([], ["arn:aws:iam::123456789012:policy/elsewhere"])
	rule.unknown == {"Attached policy arn:aws:iam::123456789012:policy/elsewhere is not in the inventory, so its document cannot be checked"} with input as r
		with data.inventory as inventory
	count(rule.deny) == 0 with input as r with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

test_unknown_inline_document if {
	r := user([{"name": "generated", "document": kaa}], [])
	rule.unknown == {`Inline policy "generated": the document is not known (known_after_apply)`} with input as r
		with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
}

plan_policy(address, document) := {
	"id": address,
	"kind": "aws.iam.policy",
	"source": "terraform-plan",
	"source_path": "plan.json",
	"account": null,
	"attributes": {"policy_name": "p", "arn": kaa, "aws_managed": false, "document": document},
}

plan_user(attached) := object.union(user([], attached), {"id": "aws_iam_user.alice", "source": "terraform-plan", "source_path": "plan.json", "account": null})

test_fail_plan_policy_by_address if {
	i := {"aws.iam.policy": [plan_policy("module.iam.aws_iam_policy.admin", doc([admin_statement]))]}
	r := plan_user(["module.iam.aws_iam_policy.admin"])
	rule.deny == {`Attached policy module.iam.aws_iam_policy.admin: Statement "AdminAll" allows all actions (Action "*") on Resource "*"`} with input as r
		with data.inventory as i
}

test_pass_plan_policy_by_address if {
	i := {"aws.iam.policy": [plan_policy("aws_iam_policy.read", doc([read_statement]))]}
	r := plan_user(["aws_iam_policy.read"])
	rule.compliant with input as r with data.inventory as i
	count(rule.unknown) == 0 with input as r with data.inventory as i
}

test_unknown_plan_policy_statement if {
	i := {"aws.iam.policy": [plan_policy("aws_iam_policy.computed", doc([{"Effect": "Allow", "Action": kaa, "Resource": "*"}]))]}
	r := plan_user(["aws_iam_policy.computed"])
	rule.unknown == {"Attached policy aws_iam_policy.computed: Statement[0] is not fully known and may allow all actions on all resources"} with input as r
		with data.inventory as i
	not rule.compliant with input as r with data.inventory as i
}

test_unknown_no_policy_inventory if {
	# data.inventory without aws.iam.policy (e.g. in tests): nothing resolves.
	r := user([], [read_arn])
	count(rule.unknown) == 1 with input as r with data.inventory as {}
	not rule.compliant with input as r with data.inventory as {}
}
