# METADATA
# title: CloudTrail trails have log file integrity validation enabled
# description: >-
#   Checks that the trail has log file validation enabled (log_file_validation). CloudTrail
#   then delivers an hourly digest file with SHA-256 hashes of the log files, signed with
#   a key only AWS holds, so anyone can prove with aws cloudtrail validate-logs that a log
#   file was not modified, deleted or forged after delivery - which makes the logs usable
#   as evidence. Unknown when the setting is not known.
# custom:
#   id: CLOUDTRAIL.LOG_FILE_VALIDATION
#   severity: medium
#   kind: aws.cloudtrail.trail
#   remediation: >-
#     Console: CloudTrail > Trails > the trail > General details > Edit > Additional
#     settings > Log file validation > Enabled. AWS CLI: aws cloudtrail update-trail --name
#     TRAIL --enable-log-file-validation. Terraform: set enable_log_file_validation = true
#     on the aws_cloudtrail. Check integrity later with aws cloudtrail validate-logs
#     --trail-arn TRAIL_ARN --start-time START.
package complyctl.cloudtrail.log_file_validation

import rego.v1

import data.complyctl.lib

validation := object.get(input.attributes, "log_file_validation", null)

deny contains "Log file integrity validation is not enabled on the trail" if {
	not lib.is_unknown(validation)
	validation != true
}

unknown contains sprintf("Whether log file validation is enabled is not known (%v)", [lib.unknown_reason(validation)]) if {
	lib.is_marker(validation)
}

compliant if validation == true
