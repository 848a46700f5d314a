# METADATA
# title: IAM groups do not have full administrative privileges
# description: >-
#   Checks that no inline policy of an IAM group, and no managed policy attached to it,
#   has an Allow statement granting every action ("*" or "*:*") on every resource
#   (Resource "*", or a NotResource that excludes only some resources), and that the AWS
#   managed AdministratorAccess policy (any partition) is not attached. Every member of
#   such a group has full control of the account with long-lived user credentials;
#   administrators should instead assume a role, with MFA, when needed. The group fails
#   whether or not it has members (a member is one command away). Attached policies are
#   looked up by ARN among the inventory's aws.iam.policy resources (or, in a plan, by
#   Terraform address when the entry is one). NotAction statements are not judged, as in
#   IAM.POLICY_ADMIN_STAR. Unknown when an inline document, an attached ARN, or an
#   attached policy's document is not known or not in the inventory (and no other policy
#   grants admin).
# custom:
#   id: IAM.GROUP_NO_ADMIN_PRIVILEGES
#   severity: high
#   kind: aws.iam.group
#   requires: [aws.iam.policy]
#   remediation: >-
#     Remove the admin grant from the group and give administrators a role to assume
#     (with MFA) or an IAM Identity Center permission set. Console: IAM > User groups >
#     the group > Permissions: remove AdministratorAccess or the "*"-on-"*" policy. AWS
#     CLI: aws iam detach-group-policy --group-name GROUP --policy-arn ARN; aws iam
#     delete-group-policy --group-name GROUP --policy-name NAME. Terraform: remove the
#     aws_iam_group_policy_attachment / aws_iam_group_policy (or groups = [...] in
#     aws_iam_policy_attachment) granting "*" on "*".
package complyctl.iam.group_no_admin_privileges

import rego.v1

import data.complyctl.lib.iam

policies := data.complyctl.lib.iam.policy_index

deny contains msg if some msg in iam.admin_denials(input, policies)

unknown contains msg if some msg in iam.admin_unknowns(input, policies)

compliant if iam.no_admin(input, policies)
