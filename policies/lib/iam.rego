# Helpers shared by the IAM rules (policies/iam/). Not a rule itself: it has no METADATA block.
#
# Like policies/lib/lib.rego, the helpers check types before they iterate or call
# builtins: regorus raises an error (not "undefined") on a wrong argument type.
package complyctl.lib.iam

import rego.v1

import data.complyctl.lib

# ---------------------------------------------------------------------------
# Accounts and sources
# ---------------------------------------------------------------------------

# A 12-digit AWS account id.
account_id(x) if {
	is_string(x)
	regex.match(`^[0-9]{12}$`, x)
}

# The account id in an IAM or STS ARN (arn:aws:iam::123456789012:role/x,
# arn:aws-us-gov:iam::123456789012:root, arn:aws:sts::123456789012:assumed-role/r/s).
arn_account(arn) := m[1] if {
	is_string(arn)
	some m in regex.find_all_string_submatch_n(`^arn:aws(?:-[a-z]+)*:(?:iam|sts)::([0-9]{12}):`, arn, 1)
}

# Resource `r` (from data.inventory) belongs to the same account as resource `res`
# (the rule's input). Both accounts are null for plans, so a plan resource also has to
# come from the same plan file: with several --plan, one plan's password policy says
# nothing about another plan's account.
same_account(r, res) if {
	object.get(r, "account", null) == object.get(res, "account", null)
	object.get(r, "source_path", null) == object.get(res, "source_path", null)
}

# The password policies (aws.iam.password_policy resources) of the account of `res`.
password_policies(res, inventory) := [p |
	some p in object.get(inventory, "aws.iam.password_policy", [])
	same_account(p, res)
]

# ---------------------------------------------------------------------------
# Time
# ---------------------------------------------------------------------------

ns_per_day := 86400000000000

# An RFC 3339 timestamp that time.parse_rfc3339_ns accepts (checked first, because
# the builtin raises an error on anything else).
timestamp(x) if {
	is_string(x)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`, x)
}

# `ts` lies at most `days` days before `now_ns` (or after it).
within_days(ts, days, now_ns) if {
	timestamp(ts)
	now_ns - time.parse_rfc3339_ns(ts) <= days * ns_per_day
}

# `ts` lies more than `days` days before `now_ns`.
older_than_days(ts, days, now_ns) if {
	timestamp(ts)
	now_ns - time.parse_rfc3339_ns(ts) > days * ns_per_day
}

# Whole days from `ts` to `now_ns`, for messages.
age_days(ts, now_ns) := floor((now_ns - time.parse_rfc3339_ns(ts)) / ns_per_day) if timestamp(ts)

# ---------------------------------------------------------------------------
# Access keys (aws.iam.user access_keys elements)
# ---------------------------------------------------------------------------

# `Access key AKIA...`, or `Access key [i]` when the id is not known (plans).
key_name(i, k) := sprintf("Access key %v", [k.id]) if _has_key_id(k)

key_name(i, k) := sprintf("Access key [%v]", [i]) if not _has_key_id(k)

_has_key_id(k) if {
	is_object(k)
	is_string(k.id)
	k.id != ""
}

key_active(k) if {
	is_object(k)
	k.status == "Active"
}

# The key's status is known and is not Active.
key_known_inactive(k) if {
	is_object(k)
	not lib.is_marker(k)
	is_string(k.status)
	k.status != "Active"
}

# The key is active, or its status (or the whole key) is not known.
key_maybe_active(k) if not key_known_inactive(k)

# ---------------------------------------------------------------------------
# Policy documents: "grants full administrative privileges"
# ---------------------------------------------------------------------------

# A policy document that is parsed JSON (not an unknown marker, not null).
parsed_document(doc) if {
	is_object(doc)
	not lib.is_marker(doc)
}

star_actions := {"*", "*:*"}

# The statement allows every action ("*" or "*:*") on every resource (Resource "*",
# or a NotResource that only excludes some resources). Same meaning as
# IAM.POLICY_ADMIN_STAR; NotAction statements are not judged.
grants_admin(s) if {
	s.Effect == "Allow"
	some a in lib.as_list(s.Action)
	a in star_actions
	all_resources(s)
}

all_resources(s) if {
	some r in lib.as_list(s.Resource)
	r == "*"
}

all_resources(s) if {
	not s.Resource
	s.NotResource
}

resources_text(s) := `Resource "*"` if {
	some r in lib.as_list(s.Resource)
	r == "*"
}

resources_text(s) := sprintf("every resource but NotResource %v", [json.marshal(s.NotResource)]) if {
	not s.Resource
	s.NotResource
}

# The statement might grant admin once its unknown parts are known.
maybe_grants_admin(s) if grants_admin(s)

maybe_grants_admin(s) if lib.is_marker(s)

maybe_grants_admin(s) if {
	lib.is_unknown(s)
	_may_allow(s)
	_may_grant_all_actions(s)
	_may_cover_all_resources(s)
}

_may_allow(s) if s.Effect == "Allow"

_may_allow(s) if lib.is_unknown(s.Effect)

_may_grant_all_actions(s) if {
	some a in lib.as_list(s.Action)
	a in star_actions
}

_may_grant_all_actions(s) if {
	some a in lib.as_list(s.Action)
	lib.is_unknown(a)
}

_may_cover_all_resources(s) if all_resources(s)

_may_cover_all_resources(s) if {
	some r in lib.as_list(s.Resource)
	lib.is_unknown(r)
}

# Messages for the statements of `doc` that grant admin (empty unless parsed).
admin_statements(doc) := {msg |
	parsed_document(doc)
	some i, s in lib.policy_statements(doc)
	grants_admin(s)
	msg := sprintf(`%v allows all actions (Action "*") on %v`, [lib.statement_name(i, s), resources_text(s)])
}

# Names of the statements of `doc` that are not fully known and may grant admin.
undecided_statements(doc) := {lib.statement_name(i, s) |
	parsed_document(doc)
	some i, s in lib.policy_statements(doc)
	not grants_admin(s)
	maybe_grants_admin(s)
}

# Every statement of the document is known not to grant admin.
document_not_admin(doc) if {
	parsed_document(doc)
	every s in lib.policy_statements(doc) {
		not maybe_grants_admin(s)
	}
}

# Why a document cannot be judged at all (unknown, absent, not JSON).
document_problem(doc) := sprintf("the document is not known (%v)", [lib.unknown_reason(doc)]) if lib.is_marker(doc)

document_problem(doc) := "it has no document" if doc == null

document_problem(doc) := "its document is not a parsed JSON policy" if {
	doc != null
	not is_object(doc)
}

# ---------------------------------------------------------------------------
# Principals (users, groups, roles): inline and attached policies granting admin
# ---------------------------------------------------------------------------

# The AWS managed AdministratorAccess policy, in any partition.
administrator_access_arn(a) if {
	is_string(a)
	regex.match(`^arn:aws(-[a-z]+)*:iam::aws:policy/AdministratorAccess$`, a)
}

# The aws.iam.policy resources by id and by ARN, `{key: [policy, ...]}`: what
# resolve_policy looks entries up in. Rules take it by its full path
# (data.complyctl.lib.iam.policy_index). In a scan it is the engine's data.inventory_index,
# built once; rule tests that set data.inventory get the same built here.
policy_index := data.inventory_index["aws.iam.policy"] if {
	# A condition, not `idx := ...`: regorus's VM does not fail a body on the assignment
	# of an undefined value (docs/rules-authoring.md).
	data.inventory_index["aws.iam.policy"]
} else := index_of(object.get(data.inventory, "aws.iam.policy", []))

# `resources` by id and by attributes.arn, `{key: [resource, ...]}` in list order: the
# shape of data.inventory_index[kind].
index_of(resources) := {key: [r | some r in resources; key in _index_keys(r)] |
	some r0 in resources
	some key in _index_keys(r0)
}

_index_keys(r) := {k | k := r.id; is_string(k)} | {k |
	is_object(r.attributes)
	k := r.attributes.arn
	is_string(k)
}

# The aws.iam.policy resources an attached_policies entry of `res` names: by ARN, or by
# resource id (a plan's Terraform address, when the policy's ARN is only known after
# apply) for a policy from the same source as `res`. `index` is policy_index: a lookup,
# not a scan of every policy, since it runs for every entry of every principal.
resolve_policy(entry, res, index) := [p |
	is_string(entry)
	some p in object.get(index, entry, [])
	_names_policy(entry, res, p)
]

_names_policy(entry, _, p) if {
	is_string(entry)
	object.get(p.attributes, "arn", null) == entry
}

_names_policy(entry, res, p) if {
	is_string(entry)
	p.id == entry
	object.get(p, "source", null) == object.get(res, "source", null)
	object.get(p, "source_path", null) == object.get(res, "source_path", null)
}

inline_name(i, p) := sprintf("Inline policy %v", [json.marshal(p.name)]) if _named_inline(p)

inline_name(i, p) := sprintf("Inline policy [%v]", [i]) if not _named_inline(p)

_named_inline(p) if {
	is_object(p)
	is_string(p.name)
	p.name != ""
}

_inline_document(p) := object.get(p, "document", null) if {
	is_object(p)
	not lib.is_marker(p)
}

_policy_document(p) := object.get(object.get(p, "attributes", {}), "document", null)

_inline_list(res) := lib.list_or_empty(object.get(res.attributes, "inline_policies", null))

_attached_list(res) := lib.list_or_empty(object.get(res.attributes, "attached_policies", null))

# Failure messages: inline or attached policies of `res` that grant admin. `policies` is
# policy_index.
admin_denials(res, policies) := ((inline_denials | managed_denials) | attached_denials) if {
	inline_denials := {msg |
		some i, p in _inline_list(res)
		some m in admin_statements(_inline_document(p))
		msg := sprintf("%v: %v", [inline_name(i, p), m])
	}
	managed_denials := {msg |
		some a in _attached_list(res)
		administrator_access_arn(a)
		msg := sprintf("Attached AWS managed policy %v grants full administrative access", [a])
	}
	attached_denials := {msg |
		some a in _attached_list(res)
		not administrator_access_arn(a)
		some p in resolve_policy(a, res, policies)
		some m in admin_statements(_policy_document(p))
		msg := sprintf("Attached policy %v: %v", [a, m])
	}
}

# Why it cannot be decided whether `res` has admin privileges.
admin_unknowns(res, policies) := (((lists | inline_unknown) | attached_unknown) | unresolved) if {
	lists := {msg |
		some key in ["inline_policies", "attached_policies"]
		v := object.get(res.attributes, key, null)
		not lib.list_or_empty(v)
		msg := _list_problem(key, v)
	}
	inline_unknown := {msg |
		some i, p in _inline_list(res)
		some msg in _inline_problems(i, p)
	}
	attached_unknown := {msg |
		some a in _attached_list(res)
		not administrator_access_arn(a)
		some p in resolve_policy(a, res, policies)
		some msg in _attached_problems(a, _policy_document(p))
	}
	unresolved := {msg |
		some i, a in _attached_list(res)
		not administrator_access_arn(a)
		count(resolve_policy(a, res, policies)) == 0
		msg := _unresolved_problem(i, a)
	}
}

_list_problem(key, v) := sprintf("The %v are not known (%v)", [replace(key, "_", " "), lib.unknown_reason(v)]) if lib.is_marker(v)

_list_problem(key, v) := sprintf("The %v are not a list", [replace(key, "_", " ")]) if not lib.is_marker(v)

_inline_problems(i, p) := {sprintf("%v is not known (%v)", [inline_name(i, p), lib.unknown_reason(p)])} if lib.is_marker(p)

_inline_problems(i, p) := {sprintf("%v is not a policy: %v", [inline_name(i, p), json.marshal(p)])} if not is_object(p)

_inline_problems(i, p) := {sprintf("%v: %v", [inline_name(i, p), document_problem(doc)])} if {
	doc := _inline_document(p)
	not parsed_document(doc)
}

_inline_problems(i, p) := {sprintf("%v: %v is not fully known and may allow all actions on all resources", [inline_name(i, p), name]) |
	some name in undecided_statements(doc)
} if {
	doc := _inline_document(p)
	parsed_document(doc)
}

_attached_problems(a, doc) := {sprintf("Attached policy %v: %v", [a, document_problem(doc)])} if not parsed_document(doc)

_attached_problems(a, doc) := {sprintf("Attached policy %v: %v is not fully known and may allow all actions on all resources", [a, name]) |
	some name in undecided_statements(doc)
} if parsed_document(doc)

_unresolved_problem(i, a) := sprintf("Attached policy [%v] is not known (%v)", [i, lib.unknown_reason(a)]) if lib.is_marker(a)

_unresolved_problem(i, a) := sprintf("Attached policy %v is not in the inventory, so its document cannot be checked", [a]) if is_string(a)

_unresolved_problem(i, a) := sprintf("Attached policy [%v] is not a policy ARN: %v", [i, json.marshal(a)]) if {
	not lib.is_marker(a)
	not is_string(a)
}

# Positive evidence: every inline and attached policy of `res` is known and none grants admin.
no_admin(res, policies) if {
	inline := _inline_list(res)
	attached := _attached_list(res)
	every p in inline {
		document_not_admin(_inline_document(p))
	}
	every a in attached {
		_attached_not_admin(a, res, policies)
	}
}

_attached_not_admin(a, res, policies) if {
	is_string(a)
	not administrator_access_arn(a)
	found := resolve_policy(a, res, policies)
	count(found) > 0
	every p in found {
		document_not_admin(_policy_document(p))
	}
}
