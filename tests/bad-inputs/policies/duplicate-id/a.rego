# METADATA
# title: Test rule for bad inputs
# description: A rule that exists to test how complyctl reports broken policies.
# custom:
#   id: BAD.RULE
#   severity: low
#   kind: aws.s3.bucket
#   remediation: Fix the policy file so that it loads.
package bad.dup_a

import rego.v1

compliant if true
