# METADATA
# title: The account password policy requires complex passwords
# description: >-
#   Checks that the account has an IAM password policy that requires at least one
#   uppercase letter, one lowercase letter, one number and one symbol. Mixing character
#   classes enlarges the search space of IAM users' console passwords against guessing
#   and brute force, and several frameworks (CIS AWS Foundations v1.x, PCI DSS, FedRAMP)
#   require it. An account without a password policy fails. On a Terraform plan the rule
#   runs only when the plan declares an aws_iam_account_password_policy. Unknown when a
#   setting that is not already failing is not known.
# custom:
#   id: IAM.PASSWORD_POLICY_COMPLEXITY
#   severity: medium
#   kind: aws.account
#   requires: [aws.iam.password_policy]
#   remediation: >-
#     Console: IAM > Account settings > Password policy > Edit, tick "Require at least one
#     uppercase letter", "lowercase letter", "number" and "non-alphanumeric character".
#     AWS CLI: aws iam update-account-password-policy --require-uppercase-characters
#     --require-lowercase-characters --require-numbers --require-symbols (the command
#     replaces the whole policy: pass the other settings too). Terraform: resource
#     "aws_iam_account_password_policy" "this" { require_uppercase_characters = true,
#     require_lowercase_characters = true, require_numbers = true, require_symbols = true }.
package complyctl.iam.password_policy_complexity

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

policies := iam.password_policies(input, data.inventory)

requirements := {
	"require_uppercase_characters": "an uppercase letter",
	"require_lowercase_characters": "a lowercase letter",
	"require_numbers": "a number",
	"require_symbols": "a symbol",
}

deny contains "The account has no IAM password policy, so passwords need not be complex" if count(policies) == 0

deny contains msg if {
	some p in policies
	some key, what in requirements
	p.attributes[key] == false
	msg := sprintf("The password policy does not require %v (%v is false)", [what, key])
}

unknown contains msg if {
	some p in policies
	some key, _ in requirements
	v := object.get(p.attributes, key, null)
	lib.is_marker(v)
	msg := sprintf("%v is not known (%v)", [key, lib.unknown_reason(v)])
}

unknown contains msg if {
	some p in policies
	some key, _ in requirements
	object.get(p.attributes, key, null) == null
	msg := sprintf("The password policy does not give %v", [key])
}

compliant if {
	count(policies) > 0
	every p in policies {
		every key, _ in requirements {
			# object.get, not p.attributes[key]: regorus's VM reads `x[v]` with the every
			# variable `v` as `some v` (docs/rules-authoring.md).
			object.get(p.attributes, key, null) == true
		}
	}
}

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
