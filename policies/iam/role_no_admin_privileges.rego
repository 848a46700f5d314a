# METADATA
# title: IAM roles do not have full administrative privileges
# description: >-
#   Checks that no inline policy of an IAM role, and no managed policy attached to it,
#   has an Allow statement granting every action ("*" or "*:*") on every resource
#   (Resource "*", or a NotResource that excludes only some resources), and that the AWS
#   managed AdministratorAccess policy (any partition) is not attached. Whoever can
#   assume such a role (a workload, a CI pipeline, a trusted account) controls the whole
#   account; roles should carry only the permissions their job needs. Service-linked
#   roles are managed by AWS and not applicable. Attached policies are looked up by ARN
#   among the inventory's aws.iam.policy resources (or, in a plan, by Terraform address
#   when the entry is one). NotAction statements are not judged, as in
#   IAM.POLICY_ADMIN_STAR. Unknown when an inline document, an attached ARN, or an
#   attached policy's document is not known or not in the inventory (and no other policy
#   grants admin).
# custom:
#   id: IAM.ROLE_NO_ADMIN_PRIVILEGES
#   severity: high
#   kind: aws.iam.role
#   requires: [aws.iam.policy]
#   remediation: >-
#     Replace the admin grant with the actions and resources the role's workload needs
#     (IAM Access Analyzer can generate a policy from CloudTrail activity). Console: IAM >
#     Roles > the role > Permissions: remove AdministratorAccess or the "*"-on-"*"
#     policy. AWS CLI: aws iam detach-role-policy --role-name ROLE --policy-arn ARN; aws
#     iam delete-role-policy --role-name ROLE --policy-name NAME. Terraform: remove the
#     aws_iam_role_policy_attachment / aws_iam_role_policy / managed_policy_arns /
#     inline_policy entry granting "*" on "*", and grant scoped permissions instead.
package complyctl.iam.role_no_admin_privileges

import rego.v1

import data.complyctl.lib.iam

policies := data.complyctl.lib.iam.policy_index

# Service-linked roles' permissions are defined by the AWS service.
not_applicable if input.attributes.service_linked == true

deny contains msg if some msg in iam.admin_denials(input, policies)

unknown contains msg if some msg in iam.admin_unknowns(input, policies)

compliant if iam.no_admin(input, policies)
