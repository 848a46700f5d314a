# METADATA
# title: GuardDuty is enabled in every scanned region
# description: >-
#   Checks that the account has, in the region of this account resource, a GuardDuty
#   detector whose status is ENABLED. GuardDuty analyses CloudTrail, VPC flow logs and DNS
#   logs for threats - compromised credentials, crypto-mining, calls from known malicious
#   addresses, reconnaissance - and it only sees the region it runs in, so an attacker
#   simply works in a region without a detector. Each region of each account is a separate
#   account resource. Unknown when no detector is known to be enabled and the status of
#   one is not known.
# custom:
#   id: GUARDDUTY.ENABLED
#   severity: high
#   kind: aws.account
#   requires: [aws.guardduty.detector]
#   remediation: >-
#     Console: GuardDuty > Get started > Enable GuardDuty, in every region (or from the
#     delegated administrator account, enable it for the whole organization with
#     auto-enable). AWS CLI, per region: aws guardduty create-detector --enable
#     --finding-publishing-frequency FIFTEEN_MINUTES (aws guardduty update-detector
#     --detector-id ID --enable for a suspended one). Terraform: an aws_guardduty_detector
#     with enable = true in each region (a provider alias per region), or
#     aws_guardduty_organization_configuration with auto_enable_organization_members = "ALL".
package complyctl.guardduty.enabled

import rego.v1

import data.complyctl.lib

# The detectors of this account and region (both are null for plans: null == null).
detectors := [d |
	some d in data.inventory["aws.guardduty.detector"]
	object.get(d, "account", null) == object.get(input, "account", null)
	object.get(d, "region", null) == object.get(input, "region", null)
]

where := sprintf("region %v", [input.region]) if {
	is_string(input.region)
} else := "this region"

label(d) := d.name if {
	is_string(d.name)
	d.name != ""
} else := d.id

status(d) := object.get(object.get(d, "attributes", {}), "status", null)

enabled if {
	some d in detectors
	status(d) == "ENABLED"
}

undecided contains sprintf("The status of GuardDuty detector %v is not known (%v)", [label(d), lib.unknown_reason(status(d))]) if {
	some d in detectors
	lib.is_marker(status(d))
}

deny contains sprintf("GuardDuty has no detector in %v", [where]) if count(detectors) == 0

deny contains sprintf("GuardDuty is not enabled in %v: detector %v is %v", [where, label(d), status(d)]) if {
	not enabled
	count(undecided) == 0
	some d in detectors
}

unknown contains u if {
	not enabled
	some u in undecided
}

compliant if enabled
