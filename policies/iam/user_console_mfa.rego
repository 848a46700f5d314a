# METADATA
# title: IAM users with console access have MFA
# description: >-
#   Checks that every IAM user with a console password (console_access) has an active
#   MFA device (mfa_active). A password alone can be phished, guessed or reused from
#   another breach; MFA stops a stolen password from opening the console. Users without
#   console access are not applicable (their access keys cannot use MFA at sign-in).
#   On a Terraform plan MFA devices are enrolled interactively after apply, so a user with
#   an aws_iam_user_login_profile is unknown. Unknown when console access or MFA is not
#   known.
# custom:
#   id: IAM.USER_CONSOLE_MFA
#   severity: high
#   kind: aws.iam.user
#   remediation: >-
#     Have the user (or an administrator) enrol an MFA device: Console: IAM > Users > the
#     user > Security credentials > Multi-factor authentication (MFA) > Assign MFA
#     device. AWS CLI: aws iam create-virtual-mfa-device then aws iam enable-mfa-device
#     --user-name USER --serial-number ARN --authentication-code1 CODE1
#     --authentication-code2 CODE2. Enforce it with a policy that denies everything but
#     MFA self-management when aws:MultiFactorAuthPresent is false. If the user does not
#     need the console, remove the password (aws iam delete-login-profile --user-name
#     USER; in Terraform remove the aws_iam_user_login_profile). Better, move people to
#     IAM Identity Center with MFA required.
package complyctl.iam.user_console_mfa

import rego.v1

import data.complyctl.lib

console := object.get(input.attributes, "console_access", null)

mfa := object.get(input.attributes, "mfa_active", null)

not_applicable if console == false

deny contains "The user can sign in to the console with a password but has no active MFA device" if {
	console == true
	mfa == false
}

unknown contains sprintf("Whether the user has console access is not known (%v)", [lib.unknown_reason(console)]) if {
	lib.is_marker(console)
	mfa != true
}

unknown contains "The inventory does not say whether the user has console access (no console_access)" if {
	console == null
	mfa != true
}

unknown contains sprintf("Whether the user has an active MFA device is not known (%v)", [lib.unknown_reason(mfa)]) if {
	console != false
	lib.is_marker(mfa)
}

unknown contains "The inventory does not say whether the user has an active MFA device (no mfa_active)" if {
	console != false
	mfa == null
}

# MFA is active: compliant whether or not the user has a password.
compliant if mfa == true
