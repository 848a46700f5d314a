# METADATA
# title: IAM users do not have full administrative privileges
# description: >-
#   Checks that no inline policy of an IAM user, and no managed policy attached to it,
#   has an Allow statement granting every action ("*" or "*:*") on every resource
#   (Resource "*", or a NotResource that excludes only some resources), and that the AWS
#   managed AdministratorAccess policy (any partition) is not attached. A user with full
#   admin rights has long-lived credentials (password, access keys) that can do anything
#   in the account; administrators should assume a role, with MFA, only when needed.
#   Attached policies are looked up by ARN among the inventory's aws.iam.policy
#   resources (or, in a plan, by Terraform address when the entry is one). Admin rights
#   the user gets through its groups are checked by IAM.GROUP_NO_ADMIN_PRIVILEGES.
#   NotAction statements are not judged, as in IAM.POLICY_ADMIN_STAR. Unknown when an
#   inline document, an attached ARN, or an attached policy's document is not known or
#   not in the inventory (and no other policy grants admin).
# custom:
#   id: IAM.USER_NO_ADMIN_PRIVILEGES
#   severity: critical
#   kind: aws.iam.user
#   requires: [aws.iam.policy]
#   remediation: >-
#     Remove the admin grant from the user and give administrators a role to assume
#     (with MFA) or an IAM Identity Center permission set. Console: IAM > Users > the
#     user > Permissions: remove AdministratorAccess or the "*"-on-"*" policy, or edit the
#     inline policy. AWS CLI: aws iam detach-user-policy --user-name USER --policy-arn
#     ARN; aws iam delete-user-policy --user-name USER --policy-name NAME. Terraform:
#     remove the aws_iam_user_policy_attachment / aws_iam_user_policy granting "*" on
#     "*", and grant scoped actions and resources instead.
package complyctl.iam.user_no_admin_privileges

import rego.v1

import data.complyctl.lib.iam

policies := data.complyctl.lib.iam.policy_index

deny contains msg if some msg in iam.admin_denials(input, policies)

unknown contains msg if some msg in iam.admin_unknowns(input, policies)

compliant if iam.no_admin(input, policies)
