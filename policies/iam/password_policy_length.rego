# METADATA
# title: The account password policy requires long passwords
# description: >-
#   Checks that the account has an IAM password policy and that its minimum password
#   length is at least password_min_length characters (default 14). Long passwords are
#   the most effective defence against guessing and brute force of IAM users' console
#   passwords. An account without a password policy fails: AWS then allows 8-character
#   passwords. On a Terraform plan the rule runs only when the plan declares an
#   aws_iam_account_password_policy. Unknown when the length is not known.
# custom:
#   id: IAM.PASSWORD_POLICY_LENGTH
#   severity: medium
#   kind: aws.account
#   requires: [aws.iam.password_policy]
#   remediation: >-
#     Console: IAM > Account settings > Password policy > Edit, set "Enforce minimum
#     password length" to 14 or more. AWS CLI: aws iam update-account-password-policy
#     --minimum-password-length 14 (the command replaces the whole policy: pass the other
#     settings too). Terraform: resource "aws_iam_account_password_policy" "this" {
#     minimum_password_length = 14 }.
#   params:
#     password_min_length: 14
package complyctl.iam.password_policy_length

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

policies := iam.password_policies(input, data.inventory)

min_length := data.params.password_min_length

deny contains "The account has no IAM password policy (AWS then allows 8-character passwords)" if {
	count(policies) == 0
}

deny contains msg if {
	some p in policies
	v := p.attributes.minimum_password_length
	is_number(v)
	v < min_length
	msg := sprintf("The password policy requires only %v characters (at least %v required)", [v, min_length])
}

unknown contains msg if {
	some p in policies
	v := object.get(p.attributes, "minimum_password_length", null)
	lib.is_marker(v)
	msg := sprintf("The minimum password length is not known (%v)", [lib.unknown_reason(v)])
}

unknown contains "The password policy does not give a minimum password length" if {
	some p in policies
	object.get(p.attributes, "minimum_password_length", null) == null
}

compliant if {
	count(policies) > 0
	every p in policies {
		v := p.attributes.minimum_password_length
		is_number(v)
		v >= min_length
	}
}

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
