# METADATA
# title: IAM policies do not grant full administrative privileges
# description: >-
#   Checks that no Allow statement of the policy's default version grants every action
#   ("*" or "*:*") on every resource (Resource "*", or a NotResource that excludes only
#   some resources). Such a policy gives whoever holds it full control of the account,
#   including creating new credentials, disabling logging and deleting data; least
#   privilege means granting only the actions and resources a job needs. An unattached
#   policy fails too: it is one attachment away from use. NotAction statements are
#   deliberately not judged here (Allow with NotAction is broad, but not full admin). AWS
#   managed policies such as AdministratorAccess are evaluated when they are attached.
#   Unknown when the document, or a statement that could grant "*" on "*", is not known.
# custom:
#   id: IAM.POLICY_ADMIN_STAR
#   severity: critical
#   kind: aws.iam.policy
#   remediation: >-
#     Replace "Action": "*" with the specific services and actions needed and scope
#     "Resource" to specific ARNs. Console: IAM > Policies > the policy > Edit, then save a
#     new default version (and delete old versions that still grant "*"), or detach it
#     (Entities attached > Detach). AWS CLI: aws iam create-policy-version --policy-arn
#     POLICY_ARN --policy-document file://least-privilege.json --set-as-default; aws iam
#     detach-user-policy / detach-group-policy / detach-role-policy to remove
#     attachments. Terraform: in the aws_iam_policy (or its aws_iam_policy_document)
#     replace actions = ["*"] / resources = ["*"] with explicit actions and ARNs.
package complyctl.iam.policy_no_admin_star

import rego.v1

import data.complyctl.lib

doc := object.get(input.attributes, "document", null)

parsed if {
	is_object(doc)
	not lib.is_marker(doc)
}

statements := lib.policy_statements(doc) if parsed

star_actions := {"*", "*:*"}

admin(s) if {
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

# The statement might be an admin statement once its unknown parts are known.
maybe_admin(s) if admin(s)

maybe_admin(s) if lib.is_marker(s)

maybe_admin(s) if {
	lib.is_unknown(s)
	may_allow(s)
	may_grant_all_actions(s)
	may_cover_all_resources(s)
}

may_allow(s) if s.Effect == "Allow"

may_allow(s) if lib.is_unknown(s.Effect)

may_grant_all_actions(s) if {
	some a in lib.as_list(s.Action)
	a in star_actions
}

may_grant_all_actions(s) if {
	some a in lib.as_list(s.Action)
	lib.is_unknown(a)
}

may_cover_all_resources(s) if all_resources(s)

may_cover_all_resources(s) if {
	some r in lib.as_list(s.Resource)
	lib.is_unknown(r)
}

deny contains msg if {
	some i, s in statements
	admin(s)
	msg := sprintf(`%v allows all actions (Action "*") on %v`, [lib.statement_name(i, s), resources_text(s)])
}

unknown contains sprintf("The policy document is not known (%v)", [lib.unknown_reason(doc)]) if {
	lib.is_marker(doc)
}

unknown contains "The policy has no document" if doc == null

unknown contains msg if {
	some i, s in statements
	not admin(s)
	maybe_admin(s)
	msg := sprintf(`%v is not fully known and may allow all actions on all resources`, [lib.statement_name(i, s)])
}

# Every statement is known not to grant "*" on "*".
compliant if {
	parsed
	every s in statements {
		not maybe_admin(s)
	}
}
