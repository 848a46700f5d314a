# METADATA
# title: The root user has not been used recently
# description: >-
#   Checks that the root user's credentials (password or access keys) were last used
#   more than root_recent_use_days days (default 90) before the scan, or never
#   (root_last_used null). The root user should only sign in for the few tasks that
#   require it; regular use means day-to-day work runs with unrestricted, unauditable
#   privileges, and an unexpected recent use can be a sign of compromise. "Within N
#   days" means at most N x 24 hours before the scan's start. Live accounts only: the
#   rule does not run on Terraform plans. Unknown when the inventory does not say or
#   the value is not an RFC 3339 timestamp.
# custom:
#   id: IAM.ROOT_RECENT_USE
#   severity: medium
#   kind: aws.account
#   remediation: >-
#     Stop using the root user: create IAM users or (better) IAM Identity Center users
#     and roles with the permissions needed, lock the root credentials away (hardware MFA,
#     no access keys) and review CloudTrail for what the root user did (eventName
#     ConsoleLogin / userIdentity.type = Root). Check the last use with
#     aws iam generate-credential-report and aws iam get-credential-report (the
#     <root_account> row's password_last_used and access_key_*_last_used_date). There is
#     nothing to change in Terraform; keep root out of automation.
#   params:
#     root_recent_use_days: 90
package complyctl.iam.root_recent_use

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

days := data.params.root_recent_use_days

attrs := input.attributes

last_used := attrs.root_last_used

deny contains msg if {
	iam.within_days(last_used, days, data.now_ns)
	msg := sprintf("The root user was last used on %v, within the last %v days", [last_used, days])
}

unknown contains "The inventory does not say when the root user was last used (no root_last_used)" if {
	not "root_last_used" in object.keys(attrs)
}

unknown contains sprintf("When the root user was last used is not known (%v)", [lib.unknown_reason(last_used)]) if {
	lib.is_marker(last_used)
}

unknown contains sprintf("root_last_used is not an RFC 3339 timestamp: %v", [json.marshal(last_used)]) if {
	last_used != null
	not lib.is_marker(last_used)
	not iam.timestamp(last_used)
}

# Never used.
compliant if last_used == null

compliant if iam.older_than_days(last_used, days, data.now_ns)

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
