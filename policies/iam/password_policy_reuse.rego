# METADATA
# title: The account password policy prevents password reuse
# description: >-
#   Checks that the account has an IAM password policy that remembers at least
#   password_reuse_prevention previous passwords (default 24, the AWS maximum) and
#   refuses them as new passwords. Without it a user forced to change a password can
#   switch back to an old (possibly leaked) one. An account without a password policy
#   fails (AWS then allows reuse). On a Terraform plan the rule runs only when the plan
#   declares an aws_iam_account_password_policy. Unknown when the setting is not known.
# custom:
#   id: IAM.PASSWORD_POLICY_REUSE
#   severity: medium
#   kind: aws.account
#   requires: [aws.iam.password_policy]
#   remediation: >-
#     Console: IAM > Account settings > Password policy > Edit, tick "Prevent password
#     reuse" and remember 24 passwords. AWS CLI: aws iam update-account-password-policy
#     --password-reuse-prevention 24 (the command replaces the whole policy: pass the
#     other settings too). Terraform: resource "aws_iam_account_password_policy" "this"
#     { password_reuse_prevention = 24 }.
#   params:
#     password_reuse_prevention: 24
package complyctl.iam.password_policy_reuse

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

policies := iam.password_policies(input, data.inventory)

required := data.params.password_reuse_prevention

deny contains "The account has no IAM password policy, so passwords can be reused" if count(policies) == 0

deny contains "The password policy does not prevent password reuse" if {
	some p in policies
	p.attributes.password_reuse_prevention == 0
}

deny contains msg if {
	some p in policies
	v := p.attributes.password_reuse_prevention
	is_number(v)
	v > 0
	v < required
	msg := sprintf("The password policy remembers only %v previous passwords (at least %v required)", [v, required])
}

unknown contains msg if {
	some p in policies
	v := object.get(p.attributes, "password_reuse_prevention", null)
	lib.is_marker(v)
	msg := sprintf("The password reuse prevention setting is not known (%v)", [lib.unknown_reason(v)])
}

unknown contains "The password policy does not give a password reuse prevention setting" if {
	some p in policies
	object.get(p.attributes, "password_reuse_prevention", null) == null
}

compliant if {
	count(policies) > 0
	every p in policies {
		v := p.attributes.password_reuse_prevention
		is_number(v)
		v >= required
	}
}

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
