# METADATA
# title: AWS Config records all resource types in every scanned region
# description: >-
#   Checks that the account has, in the region of this account resource, an AWS Config
#   configuration recorder that is recording, records all supported resource types
#   (all_supported) and includes global resource types such as IAM
#   (include_global_resource_types). AWS Config keeps the configuration history of every
#   resource - what changed, when and how it related to other resources - which incident
#   response, change audits and Config rules depend on; a region without a recorder is a
#   blind spot. A recorder that exists but is stopped (in a plan: without an
#   aws_config_configuration_recorder_status with is_enabled = true) does not count.
#   Unknown when no recorder is known to qualify and one could once its values are known.
# custom:
#   id: CONFIG.RECORDER_ENABLED
#   severity: high
#   kind: aws.account
#   requires: [aws.config.recorder]
#   remediation: >-
#     Console: AWS Config > Settings (or Get started) in each region: record all resource
#     types supported in this region, include globally recorded resource types, choose the
#     delivery S3 bucket and the service-linked role, and start recording. AWS CLI: aws
#     configservice put-configuration-recorder --configuration-recorder
#     name=default,roleARN=ROLE_ARN --recording-group
#     allSupported=true,includeGlobalResourceTypes=true, aws configservice
#     put-delivery-channel ..., then aws configservice start-configuration-recorder
#     --configuration-recorder-name default. Terraform, per region: an
#     aws_config_configuration_recorder with recording_group { all_supported = true,
#     include_global_resource_types = true }, an aws_config_delivery_channel and an
#     aws_config_configuration_recorder_status with is_enabled = true.
package complyctl.config.recorder_enabled

import rego.v1

import data.complyctl.lib

# What a qualifying recorder has, and how messages say it lacks it.
requirements := [
	["recording", "is not recording"],
	["all_supported", "does not record all supported resource types"],
	["include_global_resource_types", "does not include global resource types"],
]

# The recorders of this account and region (both are null for plans: null == null).
recorders := [r |
	some r in data.inventory["aws.config.recorder"]
	object.get(r, "account", null) == object.get(input, "account", null)
	object.get(r, "region", null) == object.get(input, "region", null)
]

where := sprintf("region %v", [input.region]) if {
	is_string(input.region)
} else := "this region"

label(r) := r.name if {
	is_string(r.name)
	r.name != ""
} else := r.id

value(r, key) := object.get(object.get(r, "attributes", {}), key, null)

qualifies(r) if {
	every req in requirements {
		value(r, req[0]) == true
	}
}

may_qualify(r) if {
	every req in requirements {
		_true_or_unknown(value(r, req[0]))
	}
}

_true_or_unknown(v) if v == true

_true_or_unknown(v) if lib.is_unknown(v)

enabled if {
	some r in recorders
	qualifies(r)
}

undecided if {
	some r in recorders
	may_qualify(r)
}

deny contains sprintf("AWS Config has no configuration recorder in %v", [where]) if count(recorders) == 0

deny contains sprintf("No AWS Config recorder in %v records all resource types: recorder %v %v", [where, label(r), concat(" and ", lacks)]) if {
	not undecided
	some r in recorders
	lacks := [req[1] |
		some req in requirements
		v := value(r, req[0])
		not lib.is_unknown(v)
		v != true
	]
}

unknown contains sprintf("Recorder %v could qualify, but %v not known", [label(r), concat(", ", unknown_keys)]) if {
	not enabled
	some r in recorders
	may_qualify(r)
	unknown_keys := [req[0] | some req in requirements; lib.is_unknown(value(r, req[0]))]
}

compliant if enabled
