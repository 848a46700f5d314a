# METADATA
# title: The root user uses a hardware MFA device
# description: >-
#   Checks that the root user's MFA is a hardware device (root_hardware_mfa): a FIDO
#   security key or a hardware TOTP token rather than a virtual (app-based) MFA. A
#   virtual MFA lives on a phone or computer that can be lost, backed up to the cloud or
#   compromised along with the password; a dedicated hardware device kept in a safe
#   gives the most privileged identity of the account the strongest protection. A root
#   user with no MFA at all fails too (see also IAM.ROOT_MFA). Live accounts only: the
#   rule does not run on Terraform plans. Unknown when the inventory does not say.
# custom:
#   id: IAM.ROOT_HARDWARE_MFA
#   severity: high
#   kind: aws.account
#   remediation: >-
#     Sign in as the root user, open the account menu > Security credentials >
#     Multi-factor authentication (MFA) > Assign MFA device, choose "Passkey or security
#     key" or "Hardware TOTP token", register it, then remove any virtual MFA device of
#     the root user. Root MFA cannot be managed with the AWS CLI or Terraform. Check with
#     aws iam list-virtual-mfa-devices (no device whose user is the root user) and
#     aws iam get-account-summary (AccountMFAEnabled = 1).
package complyctl.iam.root_hardware_mfa

import rego.v1

import data.complyctl.lib

hardware := object.get(input.attributes, "root_hardware_mfa", null)

deny contains "The root user does not use a hardware MFA device" if hardware == false

unknown contains sprintf("Whether the root user has a hardware MFA device is not known (%v)", [lib.unknown_reason(hardware)]) if {
	lib.is_marker(hardware)
}

unknown contains "The inventory does not say whether the root user has a hardware MFA device (no root_hardware_mfa)" if {
	hardware == null
}

compliant if hardware == true

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
