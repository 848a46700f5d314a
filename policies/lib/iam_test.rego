package complyctl.lib.iam_test

import rego.v1

import data.complyctl.lib.iam

kaa := {"$unknown": "known_after_apply"}

now := 1767225600000000000 # 2026-01-01T00:00:00Z

admin_statement := {"Sid": "AdminAll", "Effect": "Allow", "Action": "*", "Resource": "*"}

read_statement := {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::data/*"}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

test_account_id if {
	iam.account_id("123456789012")
	not iam.account_id("12345678901")
	not iam.account_id("1234567890123")
	not iam.account_id(123456789012)
	not iam.account_id(kaa)
}

test_arn_account if {
	iam.arn_account("arn:aws:iam::123456789012:root") == "123456789012"
	iam.arn_account("arn:aws:iam::123456789012:role/path/r") == "123456789012"
	iam.arn_account("arn:aws-us-gov:iam::210987654321:user/u") == "210987654321"
	iam.arn_account("arn:aws:sts::123456789012:assumed-role/r/s") == "123456789012"
	not iam.arn_account("arn:aws:iam::aws:policy/AdministratorAccess")
	not iam.arn_account("arn:aws:s3:::bucket")
	not iam.arn_account("123456789012")
	not iam.arn_account(kaa)
}

test_same_account if {
	iam.same_account({"account": "123456789012", "source_path": null}, {"account": "123456789012", "source_path": null})
	iam.same_account({"account": null, "source_path": "plan.json"}, {"account": null, "source_path": "plan.json"})
	iam.same_account({"account": null}, {"account": null})
	not iam.same_account({"account": "123456789012"}, {"account": "210987654321"})
	not iam.same_account({"account": null, "source_path": "a.json"}, {"account": null, "source_path": "b.json"})
	not iam.same_account({"account": "123456789012"}, {"account": null})
}

test_password_policies if {
	mine := {"id": "p1", "account": "123456789012", "attributes": {}}
	other := {"id": "p2", "account": "210987654321", "attributes": {}}
	iam.password_policies({"account": "123456789012"}, {"aws.iam.password_policy": [mine, other]}) == [mine]
	iam.password_policies({"account": "123456789012"}, {}) == []
}

test_timestamp if {
	iam.timestamp("2025-12-01T10:00:00Z")
	iam.timestamp("2025-12-01T10:00:00.123+02:00")
	not iam.timestamp("2025-12-01")
	not iam.timestamp("yesterday")
	not iam.timestamp(null)
	not iam.timestamp(kaa)
	not iam.timestamp(1767225600)
}

test_within_and_older_than_days if {
	iam.within_days("2025-12-01T00:00:00Z", 90, now)
	iam.within_days("2025-10-03T00:00:00Z", 90, now) # exactly 90 days
	not iam.older_than_days("2025-10-03T00:00:00Z", 90, now)
	iam.older_than_days("2025-10-02T23:59:59Z", 90, now)
	not iam.within_days("2025-10-02T23:59:59Z", 90, now)
	iam.within_days("2026-02-01T00:00:00Z", 90, now) # in the future
	not iam.within_days("not a date", 90, now)
	not iam.older_than_days("not a date", 90, now)
}

test_age_days if {
	iam.age_days("2025-12-01T00:00:00Z", now) == 31
	iam.age_days("2025-12-01T12:00:00Z", now) == 30
	not iam.age_days(null, now)
}

test_key_name if {
	iam.key_name(0, {"id": "AKIAEXAMPLE", "status": "Active"}) == "Access key AKIAEXAMPLE"
	iam.key_name(1, {"id": kaa, "status": "Active"}) == "Access key [1]"
	iam.key_name(2, kaa) == "Access key [2]"
	iam.key_name(3, "AKIA") == "Access key [3]"
}

test_key_status if {
	iam.key_active({"status": "Active"})
	not iam.key_active({"status": "Inactive"})
	not iam.key_active({"status": kaa})
	iam.key_known_inactive({"status": "Inactive"})
	not iam.key_known_inactive({"status": "Active"})
	not iam.key_known_inactive({"status": kaa})
	not iam.key_known_inactive(kaa)
	iam.key_maybe_active({"status": "Active"})
	iam.key_maybe_active({"status": kaa})
	iam.key_maybe_active({"status": null})
	iam.key_maybe_active(kaa)
	not iam.key_maybe_active({"status": "Inactive"})
}

test_grants_admin if {
	iam.grants_admin(admin_statement)
	iam.grants_admin({"Effect": "Allow", "Action": ["s3:GetObject", "*:*"], "Resource": ["arn:aws:s3:::x", "*"]})
	iam.grants_admin({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::audit/*"})
	not iam.grants_admin(read_statement)
	not iam.grants_admin({"Effect": "Deny", "Action": "*", "Resource": "*"})
	not iam.grants_admin({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})
	not iam.grants_admin({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::x"})
	not iam.grants_admin({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})
	not iam.grants_admin(kaa)
}

test_maybe_grants_admin if {
	iam.maybe_grants_admin(admin_statement)
	iam.maybe_grants_admin(kaa)
	iam.maybe_grants_admin({"Effect": "Allow", "Action": [kaa], "Resource": "*"})
	iam.maybe_grants_admin({"Effect": "Allow", "Action": "*", "Resource": kaa})
	iam.maybe_grants_admin({"Effect": kaa, "Action": "*", "Resource": "*"})
	not iam.maybe_grants_admin({"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": kaa})
	not iam.maybe_grants_admin({"Effect": "Deny", "Action": kaa, "Resource": "*"})
	not iam.maybe_grants_admin(read_statement)
}

test_admin_statements if {
	iam.admin_statements(doc([read_statement, admin_statement])) == {`Statement "AdminAll" allows all actions (Action "*") on Resource "*"`}
	iam.admin_statements(doc({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::a"})) == {`Statement[0] allows all actions (Action "*") on every resource but NotResource "arn:aws:s3:::a"`}
	iam.admin_statements(doc([read_statement])) == set()
	iam.admin_statements(kaa) == set()
	iam.admin_statements(null) == set()
}

test_undecided_statements if {
	iam.undecided_statements(doc([read_statement, {"Effect": "Allow", "Action": kaa, "Resource": "*"}])) == {"Statement[1]"}
	iam.undecided_statements(doc(kaa)) == {"Statement[0]"}
	iam.undecided_statements(doc([admin_statement])) == set()
	iam.undecided_statements(kaa) == set()
}

test_document_not_admin if {
	iam.document_not_admin(doc([read_statement]))
	iam.document_not_admin(doc([]))
	iam.document_not_admin({"Version": "2012-10-17"})
	not iam.document_not_admin(doc([read_statement, admin_statement]))
	not iam.document_not_admin(doc([{"Effect": "Allow", "Action": kaa, "Resource": "*"}]))
	not iam.document_not_admin(kaa)
	not iam.document_not_admin(null)
	not iam.document_not_admin("{\"Statement\": []}")
}

test_document_problem if {
	iam.document_problem(kaa) == "the document is not known (known_after_apply)"
	iam.document_problem(null) == "it has no document"
	iam.document_problem("{}") == "its document is not a parsed JSON policy"
	not iam.document_problem(doc([]))
}

test_administrator_access_arn if {
	iam.administrator_access_arn("arn:aws:iam::aws:policy/AdministratorAccess")
	iam.administrator_access_arn("arn:aws-us-gov:iam::aws:policy/AdministratorAccess")
	iam.administrator_access_arn("arn:aws-cn:iam::aws:policy/AdministratorAccess")
	iam.administrator_access_arn("arn:aws-iso-b:iam::aws:policy/AdministratorAccess")
	not iam.administrator_access_arn("arn:aws:iam::aws:policy/AdministratorAccess-Amplify")
	not iam.administrator_access_arn("arn:aws:iam::123456789012:policy/AdministratorAccess")
	not iam.administrator_access_arn("arn:aws:iam::aws:policy/ReadOnlyAccess")
	not iam.administrator_access_arn(kaa)
}

# --- principals ------------------------------------------------------------

policy_resource(id, arn, document) := {
	"id": id,
	"kind": "aws.iam.policy",
	"source": "terraform-plan",
	"source_path": "plan.json",
	"account": null,
	"attributes": {"policy_name": id, "arn": arn, "aws_managed": false, "document": document},
}

user(inline, attached) := {
	"id": "aws_iam_user.u",
	"kind": "aws.iam.user",
	"source": "terraform-plan",
	"source_path": "plan.json",
	"account": null,
	"attributes": {"user_name": "u", "inline_policies": inline, "attached_policies": attached},
}

read_arn := "arn:aws:iam::123456789012:policy/read"

admin_arn := "arn:aws:iam::123456789012:policy/admin"

policy_list := [
	policy_resource("aws_iam_policy.read", read_arn, doc([read_statement])),
	policy_resource("aws_iam_policy.admin", admin_arn, doc([admin_statement])),
	policy_resource("aws_iam_policy.new", kaa, doc([read_statement])),
	policy_resource("aws_iam_policy.computed", kaa, doc([{"Effect": "Allow", "Action": [kaa], "Resource": "*"}])),
	policy_resource("aws_iam_policy.nodoc", kaa, kaa),
]

policies := iam.index_of(policy_list)

test_index_of_lists_each_resource_under_its_id_and_its_arn if {
	policies == {
		"aws_iam_policy.read": [policy_list[0]],
		read_arn: [policy_list[0]],
		"aws_iam_policy.admin": [policy_list[1]],
		admin_arn: [policy_list[1]],
		"aws_iam_policy.new": [policy_list[2]],
		"aws_iam_policy.computed": [policy_list[3]],
		"aws_iam_policy.nodoc": [policy_list[4]],
	}
}

test_index_of_keeps_list_order_and_lists_a_live_resource_once if {
	live := object.union(policy_resource(read_arn, read_arn, doc([read_statement])), {"source": "aws", "source_path": null})
	iam.index_of([policy_list[0], live, {"id": 7, "attributes": "not an object"}]) == {
		"aws_iam_policy.read": [policy_list[0]],
		read_arn: [policy_list[0], live],
	}
}

# (`x := ... with ...` then compare: regorus's interpreter does not hold
# `a == b with ...` when the rule under `with` has an else.)
test_policy_index_is_the_engines_index_when_there_is_one if {
	engine := {"aws.iam.policy": {"x": ["from the engine"]}}
	index := iam.policy_index with data.inventory_index as engine
		with data.inventory as {"aws.iam.policy": policy_list}
	index == engine["aws.iam.policy"]
}

test_policy_index_is_built_from_the_inventory_otherwise if {
	built := iam.policy_index with data.inventory as {"aws.iam.policy": policy_list}
	built == policies
	empty := iam.policy_index with data.inventory as {}
	empty == {}
}

test_resolve_policy if {
	u := user([], [])
	[p.id | some p in iam.resolve_policy(read_arn, u, policies)] == ["aws_iam_policy.read"]
	[p.id | some p in iam.resolve_policy("aws_iam_policy.new", u, policies)] == ["aws_iam_policy.new"]
	iam.resolve_policy("arn:aws:iam::123456789012:policy/missing", u, policies) == []
	iam.resolve_policy(kaa, u, policies) == []
}

test_resolve_policy_by_address_needs_same_source if {
	other_plan := object.union(user([], []), {"source_path": "other.json"})
	iam.resolve_policy("aws_iam_policy.new", other_plan, policies) == []

	# By ARN it resolves across sources.
	count(iam.resolve_policy(read_arn, other_plan, policies)) == 1
}

test_principal_no_admin if {
	u := user([{"name": "read", "document": doc([read_statement])}], [read_arn, "aws_iam_policy.new"])
	iam.no_admin(u, policies)
	iam.admin_denials(u, policies) == set()
	iam.admin_unknowns(u, policies) == set()
}

test_principal_without_policies if {
	iam.no_admin(user([], []), policies)
	iam.no_admin(user(null, null), policies)
}

test_principal_admin_inline if {
	u := user([{"name": "all", "document": doc([admin_statement])}], [])
	iam.admin_denials(u, policies) == {`Inline policy "all": Statement "AdminAll" allows all actions (Action "*") on Resource "*"`}
	not iam.no_admin(u, policies)
}

test_principal_admin_attached if {
	u := user([], [admin_arn, "arn:aws:iam::aws:policy/AdministratorAccess", "aws_iam_policy.nodoc"])
	iam.admin_denials(u, policies) == {
		`Attached policy arn:aws:iam::123456789012:policy/admin: Statement "AdminAll" allows all actions (Action "*") on Resource "*"`,
		"Attached AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess grants full administrative access",
	}
	iam.admin_unknowns(u, policies) == {"Attached policy aws_iam_policy.nodoc: the document is not known (known_after_apply)"}
	not iam.no_admin(u, policies)
}

test_principal_unknowns if {
	u := user(
		[kaa, {"name": "computed", "document": kaa}, {"name": "partly", "document": doc([{"Effect": "Allow", "Action": "*", "Resource": [kaa]}])}, {"name": "none", "document": null}],
		[kaa, "arn:aws:iam::123456789012:policy/missing", "aws_iam_policy.computed", 42],
	)
	iam.admin_denials(u, policies) == set()
	iam.admin_unknowns(u, policies) == {
		"Inline policy [0] is not known (known_after_apply)",
		`Inline policy "computed": the document is not known (known_after_apply)`,
		`Inline policy "partly": Statement[0] is not fully known and may allow all actions on all resources`,
		`Inline policy "none": it has no document`,
		"Attached policy [0] is not known (known_after_apply)",
		"Attached policy arn:aws:iam::123456789012:policy/missing is not in the inventory, so its document cannot be checked",
		"Attached policy aws_iam_policy.computed: Statement[0] is not fully known and may allow all actions on all resources",
		"Attached policy [3] is not a policy ARN: 42",
	}
	not iam.no_admin(u, policies)
}

test_principal_unknown_lists if {
	u := user(kaa, {"$unknown": "not_collected"})
	iam.admin_unknowns(u, policies) == {
		"The inline policies are not known (known_after_apply)",
		"The attached policies are not known (not_collected)",
	}
	not iam.no_admin(u, policies)
}
