# METADATA
# title: IAM roles trusted by other accounts require an external ID
# description: >-
#   Checks that every Allow statement of a role's trust policy that lets another AWS
#   account assume the role (sts:AssumeRole, also through "sts:*", "*" or a NotAction
#   that does not exclude it) with an AWS principal naming that account
#   (arn:aws:iam::ACCOUNT:root, :user/..., :role/..., an STS assumed-role ARN, or a bare
#   12-digit account id) has a Condition requiring sts:ExternalId (StringEquals or
#   StringLike). Roles for third parties (SaaS vendors, auditors) without an external ID
#   are open to the confused-deputy problem: another customer of the same vendor can get
#   the vendor to act on your account. The role's own account comes from the resource's
#   account, else from its ARN; principals in that same account, Service and Federated
#   principals, and "*" (judged by IAM.ROLE_TRUST_NO_WILDCARD) are out of scope, so a role
#   trusted only by them is compliant. When the role's own account is not known (a
#   plan) and a principal names an account, the statement is unknown unless it requires
#   an external ID. Also unknown when the trust policy or a relevant statement part
#   (principals, effect, action, condition) is not known.
# custom:
#   id: IAM.ROLE_CROSS_ACCOUNT_EXTERNAL_ID
#   severity: high
#   kind: aws.iam.role
#   remediation: >-
#     Add a condition to the cross-account statement, with the external ID agreed with
#     the third party: "Condition": {"StringEquals": {"sts:ExternalId": "EXTERNAL_ID"}}.
#     Console: IAM > Roles > the role > Trust relationships > Edit trust policy. AWS CLI:
#     aws iam update-assume-role-policy --role-name ROLE --policy-document
#     file://trust.json. Terraform: in the aws_iam_policy_document of assume_role_policy
#     add condition { test = "StringEquals", variable = "sts:ExternalId", values =
#     [var.external_id] } to the statement whose principals name the other account.
package complyctl.iam.role_cross_account_external_id

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

doc := object.get(input.attributes, "assume_role_policy", null)

parsed if iam.parsed_document(doc)

statements := lib.policy_statements(doc) if parsed

# --- the role's own account ---------------------------------------------------

own_account := a if {
	a := object.get(input, "account", null)
	iam.account_id(a)
}

own_account := a if {
	not iam.account_id(object.get(input, "account", null))
	a := iam.arn_account(object.get(input.attributes, "arn", null))
}

# --- principals ---------------------------------------------------------------

# The AWS principals of a statement (Service, Federated and "*" are not AWS accounts).
aws_principals(s) := [s.Principal] if lib.is_marker(s.Principal)

aws_principals(s) := lib.as_list(object.get(s.Principal, "AWS", [])) if {
	is_object(s.Principal)
	not lib.is_marker(s.Principal)
}

aws_principals(s) := [] if not is_object(object.get(s, "Principal", null))

# The account a principal names: a bare account id or an IAM/STS ARN.
principal_account(p) := p if iam.account_id(p)

principal_account(p) := iam.arn_account(p) if not iam.account_id(p)

named_accounts(s) := {a | some p in aws_principals(s); a := principal_account(p)}

foreign_accounts(s) := {a | some a in named_accounts(s); a != own_account}

unknown_principals(s) if {
	some p in aws_principals(s)
	lib.is_unknown(p)
}

principal_ok(p) if {
	lib.known(p)
	not principal_account(p)
}

principal_ok(p) if {
	lib.known(p)
	principal_account(p) == own_account
}

# --- effect and action --------------------------------------------------------

covers_assume_role(a) if {
	is_string(a)
	pattern := lower(a)
	regex.match(`^[a-z0-9:*?_-]+$`, pattern)
	glob.match(pattern, null, "sts:assumerole")
}

actions_cover(s) if {
	some a in lib.as_list(s.Action)
	covers_assume_role(a)
}

actions_cover(s) if {
	object.get(s, "Action", null) == null
	not_actions := object.get(s, "NotAction", null)
	not_actions != null
	lib.known(not_actions)
	not excludes_assume_role(not_actions)
}

excludes_assume_role(not_actions) if {
	some n in lib.as_list(not_actions)
	covers_assume_role(n)
}

actions_may_cover(s) if actions_cover(s)

actions_may_cover(s) if {
	some a in lib.as_list(s.Action)
	lib.is_unknown(a)
}

actions_may_cover(s) if {
	object.get(s, "Action", null) == null
	lib.is_unknown(object.get(s, "NotAction", null))
}

allows_assume_role(s) if {
	s.Effect == "Allow"
	actions_cover(s)
}

may_allow_assume_role(s) if {
	may_allow(s)
	actions_may_cover(s)
}

may_allow(s) if s.Effect == "Allow"

may_allow(s) if lib.is_unknown(s.Effect)

# --- the external ID condition ------------------------------------------------

external_id_operators := {"stringequals", "stringlike"}

has_external_id(s) if {
	c := object.get(s, "Condition", null)
	is_object(c)
	not lib.is_marker(c)
	some op, block in c
	lower(op) in external_id_operators
	is_object(block)
	not lib.is_marker(block)
	some key, values in block
	lower(key) == "sts:externalid"
	present(values)
}

# The value may be computed or sensitive in a plan: the condition is there all the same.
present(v) if lib.is_marker(v)

present(v) if {
	is_string(v)
	v != ""
}

present(v) if {
	is_array(v)
	count(v) > 0
}

maybe_external_id(s) if lib.is_marker(object.get(s, "Condition", null))

maybe_external_id(s) if {
	c := object.get(s, "Condition", null)
	is_object(c)
	some op, block in c
	lower(op) in external_id_operators
	lib.is_marker(block)
}

# --- decisions ----------------------------------------------------------------

statement(s) if {
	is_object(s)
	not lib.is_marker(s)
}

# Lets another account assume the role without an external ID, for certain.
violation(s) if {
	statement(s)
	allows_assume_role(s)
	not has_external_id(s)
	not maybe_external_id(s)
	count(foreign_accounts(s)) > 0
}

# Might let another account in without an external ID.
open_question(s) if {
	statement(s)
	not violation(s)
	not has_external_id(s)
	may_allow_assume_role(s)
	some p in aws_principals(s)
	not principal_ok(p)
}

accounts_text(accts) := concat(", ", sort([a | some a in accts]))

deny contains msg if {
	some i, s in statements
	violation(s)
	msg := sprintf("%v lets account %v assume the role without an sts:ExternalId condition", [lib.statement_name(i, s), accounts_text(foreign_accounts(s))])
}

unknown contains sprintf("The trust policy is not known (%v)", [lib.unknown_reason(doc)]) if lib.is_marker(doc)

unknown contains "The role has no trust policy in the inventory" if doc == null

unknown contains "The trust policy is not a parsed JSON policy" if {
	doc != null
	not is_object(doc)
}

unknown contains sprintf("%v is not known (%v)", [lib.statement_name(i, s), lib.unknown_reason(s)]) if {
	some i, s in statements
	lib.is_marker(s)
}

unknown contains msg if {
	some i, s in statements
	open_question(s)
	count(foreign_accounts(s)) > 0
	msg := sprintf("%v may let account %v assume the role without an sts:ExternalId condition (its effect, action or condition is not fully known)", [lib.statement_name(i, s), accounts_text(foreign_accounts(s))])
}

unknown contains msg if {
	some i, s in statements
	open_question(s)
	not own_account
	count(named_accounts(s)) > 0
	msg := sprintf("The role's own account is not known, so it cannot be told whether account %v in %v is another account (the statement has no sts:ExternalId condition)", [accounts_text(named_accounts(s)), lib.statement_name(i, s)])
}

unknown contains msg if {
	some i, s in statements
	open_question(s)
	unknown_principals(s)
	msg := sprintf("%v has AWS principals that are not known and no sts:ExternalId condition", [lib.statement_name(i, s)])
}

statement_ok(s) if {
	statement(s)
	not may_allow_assume_role(s)
}

statement_ok(s) if {
	statement(s)
	has_external_id(s)
}

statement_ok(s) if {
	statement(s)
	every p in aws_principals(s) {
		principal_ok(p)
	}
}

compliant if {
	parsed
	every s in statements {
		statement_ok(s)
	}
}
