# METADATA
# title: IAM users have no directly attached managed policies
# description: >-
#   Checks that no managed policy (AWS or customer managed) is attached directly to an
#   IAM user (attached_policies is empty). Granting permissions through groups, or better
#   through roles assumed by federated identities, keeps access consistent per job
#   function and easy to review and revoke; per-user attachments drift and are missed in
#   access reviews. An attachment whose ARN is not known yet still counts. Unknown when
#   the user's attachments are not known.
# custom:
#   id: IAM.USER_NO_ATTACHED_POLICIES
#   severity: low
#   kind: aws.iam.user
#   remediation: >-
#     Add the user to a group that carries the policy, then detach it from the user.
#     Console: IAM > Users > the user > Permissions > Remove. AWS CLI: aws iam
#     add-user-to-group --group-name GROUP --user-name USER; aws iam detach-user-policy
#     --user-name USER --policy-arn ARN. Terraform: replace aws_iam_user_policy_attachment
#     (and users = [...] in aws_iam_policy_attachment) with aws_iam_group_policy_attachment
#     plus aws_iam_user_group_membership or aws_iam_group_membership.
package complyctl.iam.user_no_attached_policies

import rego.v1

import data.complyctl.lib

attached_attr := object.get(input.attributes, "attached_policies", null)

attached := lib.list_or_empty(attached_attr)

policy_text(a) := a if is_string(a)

policy_text(a) := sprintf("(ARN %v)", [lib.unknown_reason(a)]) if lib.is_marker(a)

policy_text(a) := json.marshal(a) if {
	not is_string(a)
	not lib.is_marker(a)
}

deny contains msg if {
	count(attached) > 0
	names := [policy_text(a) | some a in attached]
	msg := sprintf("%v managed %v attached directly to the user: %v", [count(attached), plural(count(attached)), concat(", ", names)])
}

plural(1) := "policy is"

plural(n) := "policies are" if n != 1

unknown contains sprintf("The user's attached policies are not known (%v)", [lib.unknown_reason(attached_attr)]) if {
	lib.is_marker(attached_attr)
}

unknown contains sprintf("attached_policies is not a list: %v", [json.marshal(attached_attr)]) if {
	not lib.is_marker(attached_attr)
	not lib.list_or_empty(attached_attr)
}

compliant if count(attached) == 0
