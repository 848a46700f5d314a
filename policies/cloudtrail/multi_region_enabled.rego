# METADATA
# title: The account has a multi-region CloudTrail trail that is logging
# description: >-
#   Checks that at least one CloudTrail trail of the account is multi-region
#   (is_multi_region), is logging (is_logging) and records global service events such as
#   IAM and STS (include_global_service_events). Such a trail records the management
#   events of every region, including regions nobody uses where an attacker would start
#   resources, and is the primary audit trail of who did what in the account. A
#   single-region trail, a stopped trail or one without global service events does not
#   count. Unknown when no trail is known to qualify and one could once its values are
#   known.
# custom:
#   id: CLOUDTRAIL.MULTI_REGION_ENABLED
#   severity: high
#   kind: aws.account
#   requires: [aws.cloudtrail.trail]
#   remediation: >-
#     Console: CloudTrail > Trails > Create trail (or edit one): apply to all regions,
#     management events Read and Write, choose an S3 bucket, and start logging. AWS CLI:
#     aws cloudtrail create-trail --name management-events --s3-bucket-name BUCKET
#     --is-multi-region-trail --include-global-service-events
#     --enable-log-file-validation, then aws cloudtrail start-logging --name
#     management-events (update-trail --is-multi-region-trail for an existing trail).
#     Terraform: an aws_cloudtrail with is_multi_region_trail = true,
#     include_global_service_events = true, enable_logging = true and
#     enable_log_file_validation = true.
package complyctl.cloudtrail.multi_region_enabled

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.cloudtrail as ct

# What a qualifying trail has, and how messages say it lacks it.
requirements := [
	["is_multi_region", "is not multi-region"],
	["is_logging", "is not logging"],
	["include_global_service_events", "does not include global service events"],
]

# The account's trails (account is null for plans: null == null).
trails := [t |
	some t in data.inventory["aws.cloudtrail.trail"]
	object.get(t, "account", null) == object.get(input, "account", null)
]

value(t, key) := object.get(object.get(t, "attributes", {}), key, null)

qualifies(t) if {
	every req in requirements {
		value(t, req[0]) == true
	}
}

# Every requirement is met or not known.
may_qualify(t) if {
	every req in requirements {
		_true_or_unknown(value(t, req[0]))
	}
}

_true_or_unknown(v) if v == true

_true_or_unknown(v) if lib.is_unknown(v)

enabled if {
	some t in trails
	qualifies(t)
}

undecided if {
	some t in trails
	may_qualify(t)
}

deny contains "The account has no CloudTrail trail" if count(trails) == 0

deny contains sprintf("No trail is multi-region, logging and recording global service events: trail %v %v", [ct.label(t), concat(" and ", lacks)]) if {
	not undecided
	some t in trails
	lacks := [req[1] |
		some req in requirements
		v := value(t, req[0])
		not lib.is_unknown(v)
		v != true
	]
}

unknown contains sprintf("Trail %v could qualify, but %v not known", [ct.label(t), concat(", ", unknown_keys)]) if {
	not enabled
	some t in trails
	may_qualify(t)
	unknown_keys := [req[0] | some req in requirements; lib.is_unknown(value(t, req[0]))]
}

compliant if enabled
