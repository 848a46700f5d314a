# METADATA
# title: IAM role trust policies do not trust every principal
# description: >-
#   Checks that no Allow statement of a role's trust policy (assume_role_policy) names
#   every principal (Principal "*", {"AWS": "*"}, or a principal list containing "*")
#   without a Condition. Such a role can be assumed by any AWS identity in any account
#   (and, for sts:AssumeRoleWithWebIdentity or SAML, by anyone with a token), handing its
#   permissions to the world. Any non-empty Condition block counts as restricting the
#   statement (for example aws:PrincipalOrgID, aws:PrincipalAccount or sts:ExternalId):
#   the rule does not judge whether the condition is strong enough. Unknown when the
#   trust policy, or a statement that could trust everyone, is not fully known.
# custom:
#   id: IAM.ROLE_TRUST_NO_WILDCARD
#   severity: critical
#   kind: aws.iam.role
#   remediation: >-
#     Name the trusted principals explicitly (account root, role ARNs or a service), or
#     add a Condition such as "StringEquals": {"aws:PrincipalOrgID": "o-xxxxxxxxxx"}.
#     Console: IAM > Roles > the role > Trust relationships > Edit trust policy. AWS CLI:
#     aws iam update-assume-role-policy --role-name ROLE --policy-document
#     file://trust.json. Terraform: in the role's assume_role_policy (or
#     aws_iam_policy_document) replace principals { type = "AWS", identifiers = ["*"] }
#     with the specific ARNs, or add a condition block.
package complyctl.iam.role_trust_no_wildcard

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

doc := object.get(input.attributes, "assume_role_policy", null)

parsed if iam.parsed_document(doc)

statements := lib.policy_statements(doc) if parsed

wildcard_principal(p) if p == "*"

wildcard_principal(p) if {
	is_array(p)
	some x in p
	x == "*"
}

wildcard_principal(p) if {
	is_object(p)
	not lib.is_marker(p)
	some x in lib.as_list(p.AWS)
	x == "*"
}

may_be_wildcard(p) if wildcard_principal(p)

may_be_wildcard(p) if lib.is_unknown(p)

condition(s) := object.get(s, "Condition", null)

unconditioned(s) if condition(s) == null

unconditioned(s) if condition(s) == {}

open_statement(s) if {
	s.Effect == "Allow"
	wildcard_principal(s.Principal)
	unconditioned(s)
}

# The statement might trust everyone without a condition once its unknown parts are known.
maybe_open(s) if open_statement(s)

maybe_open(s) if lib.is_marker(s)

maybe_open(s) if {
	is_object(s)
	may_allow(s)
	may_be_wildcard(s.Principal)
	may_be_unconditioned(s)
}

may_allow(s) if s.Effect == "Allow"

may_allow(s) if lib.is_unknown(s.Effect)

may_be_unconditioned(s) if unconditioned(s)

may_be_unconditioned(s) if lib.is_marker(condition(s))

deny contains msg if {
	some i, s in statements
	open_statement(s)
	msg := sprintf("%v allows every principal (Principal %v) to assume the role without a Condition", [lib.statement_name(i, s), json.marshal(s.Principal)])
}

unknown contains sprintf("The trust policy is not known (%v)", [lib.unknown_reason(doc)]) if lib.is_marker(doc)

unknown contains "The role has no trust policy in the inventory" if doc == null

unknown contains "The trust policy is not a parsed JSON policy" if {
	doc != null
	not is_object(doc)
}

unknown contains msg if {
	some i, s in statements
	not open_statement(s)
	maybe_open(s)
	msg := sprintf("%v is not fully known and may allow every principal to assume the role", [lib.statement_name(i, s)])
}

compliant if {
	parsed
	every s in statements {
		not maybe_open(s)
	}
}
