# METADATA
# title: The account password policy makes passwords expire
# description: >-
#   Checks that the account has an IAM password policy whose passwords expire after 1 to
#   password_max_age_days days (default 90). max_password_age 0 means passwords never
#   expire and fails, as does an account without a password policy. Expiry limits how
#   long a leaked or shared console password stays usable; some frameworks (FedRAMP,
#   PCI DSS, CIS AWS Foundations up to v1.x) require it even though NIST SP 800-63B
#   now prefers long passwords without forced rotation. On a Terraform plan the rule runs
#   only when the plan declares an aws_iam_account_password_policy. Unknown when the
#   setting is not known.
# custom:
#   id: IAM.PASSWORD_POLICY_MAX_AGE
#   severity: low
#   kind: aws.account
#   requires: [aws.iam.password_policy]
#   remediation: >-
#     Console: IAM > Account settings > Password policy > Edit, tick "Turn on password
#     expiration" and set 90 days or fewer. AWS CLI: aws iam update-account-password-policy
#     --max-password-age 90 (the command replaces the whole policy: pass the other
#     settings too). Terraform: resource "aws_iam_account_password_policy" "this" {
#     max_password_age = 90 }.
#   params:
#     password_max_age_days: 90
package complyctl.iam.password_policy_max_age

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

policies := iam.password_policies(input, data.inventory)

max_days := data.params.password_max_age_days

deny contains "The account has no IAM password policy, so passwords never expire" if count(policies) == 0

deny contains "The password policy does not make passwords expire (max_password_age 0)" if {
	some p in policies
	p.attributes.max_password_age == 0
}

deny contains msg if {
	some p in policies
	v := p.attributes.max_password_age
	is_number(v)
	v > max_days
	msg := sprintf("Passwords expire only after %v days (at most %v allowed)", [v, max_days])
}

unknown contains msg if {
	some p in policies
	v := object.get(p.attributes, "max_password_age", null)
	lib.is_marker(v)
	msg := sprintf("The password expiry setting is not known (%v)", [lib.unknown_reason(v)])
}

unknown contains "The password policy does not give a maximum password age" if {
	some p in policies
	object.get(p.attributes, "max_password_age", null) == null
}

compliant if {
	count(policies) > 0
	every p in policies {
		v := p.attributes.max_password_age
		is_number(v)
		v >= 1
		v <= max_days
	}
}

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
