package complyctl.iam.role_no_admin_privileges_test

import rego.v1

import data.complyctl.iam.role_no_admin_privileges as rule

kaa := {"$unknown": "known_after_apply"}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

admin_statement := {"Sid": "AdminAll", "Effect": "Allow", "Action": "*", "Resource": "*"}

read_statement := {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::media/*"}

read_arn := "arn:aws:iam::123456789012:policy/media-read"

inventory := {"aws.iam.policy": [{
	"id": read_arn,
	"kind": "aws.iam.policy",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"attributes": {"policy_name": "media-read", "arn": read_arn, "aws_managed": false, "document": doc([read_statement])},
}]}

trust := doc([{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}])

role(attrs) := {
	"id": "arn:aws:iam::123456789012:role/app",
	"kind": "aws.iam.role",
	"source": "aws",
	"source_path": null,
	"account": "123456789012",
	"region": null,
	"name": "app",
	"attributes": object.union(
		{
			"role_name": "app",
			"arn": "arn:aws:iam::123456789012:role/app",
			"path": "/",
			"assume_role_policy": trust,
			"attached_policies": [],
			"inline_policies": [],
			"service_linked": false,
		},
		attrs,
	),
}

test_fail_administrator_access if {
	r := role({"attached_policies": [read_arn, "arn:aws:iam::aws:policy/AdministratorAccess"]})
	rule.deny == {"Attached AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess grants full administrative access"} with input as r
		with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
	not rule.not_applicable with input as r with data.inventory as inventory
}

test_fail_inline_not_resource if {
	r := role({"inline_policies": [{"name": "almost-all", "document": doc([{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::audit/*"}])}]})
	rule.deny == {`Inline policy "almost-all": Statement[0] allows all actions (Action "*") on every resource but NotResource "arn:aws:s3:::audit/*"`} with input as r
		with data.inventory as inventory
}

test_pass_scoped_role if {
	r := role({"attached_policies": [read_arn], "inline_policies": [{"name": "read", "document": doc([read_statement])}]})
	rule.compliant with input as r with data.inventory as inventory
	count(rule.deny) == 0 with input as r with data.inventory as inventory
	count(rule.unknown) == 0 with input as r with data.inventory as inventory
}

test_not_applicable_service_linked if {
	r := role({
		"role_name": "AWSServiceRoleForECS",
		"path": "/aws-service-role/ecs.amazonaws.com/",
		"service_linked": true,
		"attached_policies": ["arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy"],
	})
	rule.not_applicable with input as r with data.inventory as inventory
}

test_unknown_plan_role if {
	# aws_iam_role with managed_policy_arns = [aws_iam_policy.x.arn] in a plan.
	r := object.union(role({"arn": kaa, "attached_policies": [kaa]}), {"id": "aws_iam_role.app", "source": "terraform-plan", "source_path": "plan.json", "account": null})
	rule.unknown == {"Attached policy [0] is not known (known_after_apply)"} with input as r with data.inventory as inventory
	count(rule.deny) == 0 with input as r with data.inventory as inventory
	not rule.compliant with input as r with data.inventory as inventory
	not rule.not_applicable with input as r with data.inventory as inventory
}

test_unknown_service_linked_unknown if {
	# Not known to be service-linked: evaluated.
	r := role({"service_linked": kaa, "inline_policies": kaa})
	rule.unknown == {"The inline policies are not known (known_after_apply)"} with input as r with data.inventory as inventory
	not rule.not_applicable with input as r with data.inventory as inventory
}
