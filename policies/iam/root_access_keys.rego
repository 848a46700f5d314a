# METADATA
# title: The root user has no access keys
# description: >-
#   Checks that the root user has no access keys (root_access_keys_present, active or
#   inactive). Root access keys give programmatic, MFA-less access with every permission
#   in the account and cannot be restricted by IAM policies; a leaked key is a full
#   account compromise. Day-to-day and automated access should use IAM roles or users
#   with least privilege instead. Live accounts only: the rule does not run on Terraform
#   plans. Unknown when the inventory does not say.
# custom:
#   id: IAM.ROOT_ACCESS_KEYS
#   severity: critical
#   kind: aws.account
#   remediation: >-
#     Sign in as the root user, open the account menu > Security credentials > Access
#     keys, deactivate each key, confirm nothing breaks, then delete it (with root
#     credentials: aws iam delete-access-key --access-key-id KEY_ID). Move any automation
#     that used it to an IAM role. Terraform cannot manage root access keys; never create
#     them. Check with aws iam get-account-summary (AccountAccessKeysPresent = 0).
package complyctl.iam.root_access_keys

import rego.v1

import data.complyctl.lib

present := object.get(input.attributes, "root_access_keys_present", null)

deny contains "The root user has access keys" if present == true

unknown contains sprintf("Whether the root user has access keys is not known (%v)", [lib.unknown_reason(present)]) if {
	lib.is_marker(present)
}

unknown contains "The inventory does not say whether the root user has access keys (no root_access_keys_present)" if {
	present == null
}

compliant if present == false

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
