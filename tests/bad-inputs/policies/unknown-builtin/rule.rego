# METADATA
# title: Test rule for bad inputs
# description: A rule that exists to test how complyctl reports broken policies.
# custom:
#   id: BAD.RULE
#   severity: low
#   kind: aws.s3.bucket
#   remediation: Fix the policy file so that it loads.
package bad.builtin

import rego.v1

deny contains msg if {
	msg := acme.frobnicate(input.name)
}

compliant if true
