# METADATA
# title: The root user has MFA enabled
# description: >-
#   Checks that multi-factor authentication is enabled for the account's root user
#   (root_mfa_enabled). The root user has unrestricted access to every resource and to
#   billing and account settings, and cannot be limited by IAM policies; with MFA a
#   stolen or guessed root password alone is not enough to sign in. Live accounts only:
#   a Terraform plan cannot say how the root user signs in, so the rule does not run on
#   plans. Unknown when the inventory does not say (the attribute is missing or could not
#   be collected).
# custom:
#   id: IAM.ROOT_MFA
#   severity: critical
#   kind: aws.account
#   remediation: >-
#     Sign in as the root user, open the account menu > Security credentials >
#     Multi-factor authentication (MFA) > Assign MFA device, and register a hardware
#     security key, a hardware TOTP token or an authenticator app. Root MFA cannot be set
#     with the AWS CLI or Terraform (only the root user can enrol it); with AWS
#     Organizations, member accounts can instead have root credentials removed centrally
#     (aws iam enable-organizations-root-credentials-management). Check with
#     aws iam get-account-summary (AccountMFAEnabled = 1).
package complyctl.iam.root_mfa

import rego.v1

import data.complyctl.lib

mfa := object.get(input.attributes, "root_mfa_enabled", null)

deny contains "MFA is not enabled for the root user" if mfa == false

unknown contains sprintf("Whether the root user has MFA is not known (%v)", [lib.unknown_reason(mfa)]) if {
	lib.is_marker(mfa)
}

unknown contains "The inventory does not say whether the root user has MFA (no root_mfa_enabled)" if mfa == null

compliant if mfa == true

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
