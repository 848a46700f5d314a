# METADATA
# title: IAM users have no inline policies
# description: >-
#   Checks that an IAM user has no inline (embedded) policies (inline_policies is
#   empty). Inline policies live only on the one user, cannot be reused or attached to
#   anyone else, do not show up when reviewing managed policies and are easily forgotten
#   when duties change; permissions should come from groups or roles carrying managed
#   policies. An inline policy whose name or document is not known yet still counts.
#   Unknown when the user's inline policies are not known.
# custom:
#   id: IAM.USER_NO_INLINE_POLICIES
#   severity: low
#   kind: aws.iam.user
#   remediation: >-
#     Recreate the permissions as a customer managed policy attached to a group the user
#     belongs to, then delete the inline policy. Console: IAM > Users > the user >
#     Permissions > the inline policy > Remove. AWS CLI: aws iam create-policy ...; aws
#     iam attach-group-policy ...; aws iam delete-user-policy --user-name USER
#     --policy-name NAME. Terraform: replace aws_iam_user_policy with aws_iam_policy plus
#     aws_iam_group_policy_attachment and group membership.
package complyctl.iam.user_no_inline_policies

import rego.v1

import data.complyctl.lib

inline_attr := object.get(input.attributes, "inline_policies", null)

inline := lib.list_or_empty(inline_attr)

# (One else chain: object.get on an entry that is not an object is an error.)
policy_text(i, p) := json.marshal(p.name) if {
	is_object(p)
	is_string(p.name)
} else := sprintf("[%v]", [i])

deny contains msg if {
	count(inline) > 0
	names := [policy_text(i, p) | some i, p in inline]
	msg := sprintf("The user has %v inline %v: %v", [count(inline), plural(count(inline)), concat(", ", names)])
}

plural(1) := "policy"

plural(n) := "policies" if n != 1

unknown contains sprintf("The user's inline policies are not known (%v)", [lib.unknown_reason(inline_attr)]) if {
	lib.is_marker(inline_attr)
}

unknown contains sprintf("inline_policies is not a list: %v", [json.marshal(inline_attr)]) if {
	not lib.is_marker(inline_attr)
	not lib.list_or_empty(inline_attr)
}

compliant if count(inline) == 0
