# METADATA
# title: Test rule for bad inputs
# description: A rule that exists to test how complyctl reports broken policies.
# custom:
#   id: BAD.SLOW
#   severity: low
#   kind: aws.s3.bucket
#   remediation: Fix the policy file so that it loads.
package bad.slow

import rego.v1

deny contains "never" if {
	some i in numbers.range(1, 5000)
	some j in numbers.range(1, 5000)
	i == j + 100000
}

compliant if true
