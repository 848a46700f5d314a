# METADATA
# title: Security Hub is enabled with a security standard in every scanned region
# description: >-
#   Checks that the account has, in the region of this account resource, an enabled
#   Security Hub hub with at least one subscribed security standard (AWS Foundational
#   Security Best Practices, CIS AWS Foundations, NIST SP 800-53, PCI DSS...) whose status
#   is READY. Security Hub continuously checks resources against the standard's controls
#   and gathers findings from GuardDuty, Inspector, Macie and Config into one place, so
#   drift from the baseline is noticed between audits; a hub without a ready standard
#   runs no checks. Security Hub is regional, like the account resources. Unknown when no
#   hub is known to qualify and whether one is enabled, or the status of its standards, is
#   not known.
# custom:
#   id: SECURITYHUB.ENABLED
#   severity: medium
#   kind: aws.account
#   requires: [aws.securityhub.hub]
#   remediation: >-
#     Console: Security Hub > Go to Security Hub > Enable, with at least "AWS Foundational
#     Security Best Practices" ticked, in every region (or centrally from the delegated
#     administrator with central configuration). AWS CLI, per region: aws securityhub
#     enable-security-hub --enable-default-standards, or aws securityhub
#     batch-enable-standards --standards-subscription-requests
#     StandardsArn=arn:aws:securityhub:REGION::standards/aws-foundational-security-best-practices/v/1.0.0.
#     Terraform: an aws_securityhub_account and an aws_securityhub_standards_subscription
#     (standards_arn of the standard, depends_on the account) in each region.
package complyctl.securityhub.enabled

import rego.v1

import data.complyctl.lib

# The hubs of this account and region (both are null for plans: null == null).
hubs := [h |
	some h in data.inventory["aws.securityhub.hub"]
	object.get(h, "account", null) == object.get(input, "account", null)
	object.get(h, "region", null) == object.get(input, "region", null)
]

where := sprintf("region %v", [input.region]) if {
	is_string(input.region)
} else := "this region"

label(h) := h.name if {
	is_string(h.name)
	h.name != ""
} else := h.id

attr(h, key) := object.get(object.get(h, "attributes", {}), key, null)

standards_value(h) := attr(h, "standards")

standards(h) := lib.list_or_empty(standards_value(h))

standard_status(s) := object.get(s, "status", null) if {
	is_object(s)
	not lib.is_marker(s)
}

ready(h) if {
	some s in standards(h)
	standard_status(s) == "READY"
}

qualifies(h) if {
	attr(h, "enabled") == true
	ready(h)
}

# Why a hub that could qualify is not known to: what about it is not known.
hub_unknowns(h) := array.concat(enabled_part, standards_part) if {
	enabled_part := [sprintf("whether it is enabled (%v)", [lib.unknown_reason(attr(h, "enabled"))]) |
		lib.is_marker(attr(h, "enabled"))
	]
	standards_part := [msg |
		not ready(h)
		some msg in standards_unknowns(h)
	]
}

standards_unknowns(h) := [sprintf("its standards (%v)", [lib.unknown_reason(standards_value(h))])] if {
	lib.is_marker(standards_value(h))
} else := [sprintf("the status of standard %v", [standard_name(i, s)]) |
	some i, s in standards(h)
	_status_unknown(s)
]

_status_unknown(s) if lib.is_marker(s)

_status_unknown(s) if lib.is_marker(standard_status(s))

standard_name(i, s) := s.arn if {
	is_string(s.arn)
} else := sprintf("standards[%v]", [i])

may_qualify(h) if {
	_true_or_unknown(attr(h, "enabled"))
	_may_be_ready(h)
}

_true_or_unknown(v) if v == true

_true_or_unknown(v) if lib.is_marker(v)

_may_be_ready(h) if ready(h)

_may_be_ready(h) if count(standards_unknowns(h)) > 0

enabled if {
	some h in hubs
	qualifies(h)
}

undecided if {
	some h in hubs
	may_qualify(h)
}

# Why a hub does not qualify (known values only).
hub_problems(h) := array.concat(disabled, not_ready) if {
	disabled := ["is not enabled" |
		v := attr(h, "enabled")
		not lib.is_marker(v)
		v != true
	]
	not_ready := [msg |
		count(standards_unknowns(h)) == 0
		not ready(h)
		msg := no_ready_text(h)
	]
}

no_ready_text(h) := "has no security standard enabled" if {
	count(standards(h)) == 0
} else := sprintf("has no security standard with status READY (%v)", [concat(", ", [sprintf("%v: %v", [standard_name(i, s), standard_status(s)]) | some i, s in standards(h)])])

deny contains sprintf("Security Hub is not enabled in %v (no hub)", [where]) if count(hubs) == 0

deny contains sprintf("Security Hub in %v: hub %v %v", [where, label(h), concat(" and ", hub_problems(h))]) if {
	not undecided
	some h in hubs
	count(hub_problems(h)) > 0
}

unknown contains sprintf("Security Hub hub %v could qualify, but these are not known: %v", [label(h), concat(", ", hub_unknowns(h))]) if {
	not enabled
	some h in hubs
	may_qualify(h)
}

compliant if enabled
