# METADATA
# title: Evidence buckets keep their objects for the required retention period
# description: >-
#   Checks that S3 buckets holding evidence - logs, audit trails and other records an
#   auditor relies on - do not delete them too early: no enabled lifecycle rule may
#   expire current objects before log_retention_days days (expiration_days null or at
#   least that many days), and an Object Lock default retention, when set, must be at
#   least that long (a year counts as 365 days). Investigations and audits need the
#   records of the whole period they look at; a lifecycle rule that expires logs after 30
#   days destroys them before anyone asks. Transitions to colder storage classes keep the
#   data and are fine. A rule's prefix or tag filter is not considered: a rule that
#   expires part of the bucket early fails too. A bucket is an evidence bucket when its
#   name matches one of the glob patterns of the evidence_bucket_patterns parameter or it
#   has the tag complyctl:evidence = "true"; other buckets are out of scope. Unknown when
#   an expiration, a lifecycle rule or the Object Lock retention that could be too short
#   is not known.
# custom:
#   id: S3.LOG_RETENTION
#   severity: medium
#   kind: aws.s3.bucket
#   params:
#     log_retention_days: 90
#     evidence_bucket_patterns: ["*log*", "*audit*", "*evidence*", "*trail*"]
#   remediation: >-
#     Raise the expiration of the bucket's lifecycle rules to at least the required number
#     of days (or remove it), and move older logs to cheaper storage with transitions
#     instead. Console: S3 > the bucket > Management > Lifecycle rules > Edit > "Expire
#     current versions of objects" after N days. AWS CLI: aws s3api
#     put-bucket-lifecycle-configuration --bucket BUCKET --lifecycle-configuration
#     file://lifecycle.json. Terraform: in the aws_s3_bucket_lifecycle_configuration set
#     expiration { days = 365 } (or more) in each rule, and transition {
#     days = 90, storage_class = "GLACIER" } to save cost. For Object Lock set
#     default_retention { mode = "COMPLIANCE", days = 365 } in the
#     aws_s3_bucket_object_lock_configuration (CLI: aws s3api
#     put-object-lock-configuration).
package complyctl.s3.log_retention

import rego.v1

import data.complyctl.lib

evidence if data.complyctl.lib.s3.input_is_evidence

not_applicable if data.complyctl.lib.s3.input_not_evidence

undecided_reason := data.complyctl.lib.s3.input_undecided_reason

min_days := object.get(data.params, "log_retention_days", null)

valid_min if is_number(min_days)

attrs := input.attributes

lifecycle_rules := object.get(attrs, "lifecycle_rules", [])

rules := lib.list_or_empty(lifecycle_rules)

# How a message names lifecycle rule i: its id, or its position.
rule_name(i, r) := sprintf("Lifecycle rule %v", [json.marshal(r.id)]) if {
	is_string(r.id)
	r.id != ""
} else := sprintf("Lifecycle rule lifecycle_rules[%v]", [i])

expiration(r) := object.get(r, "expiration_days", null) if {
	is_object(r)
	not lib.is_marker(r)
}

enabled(r) := object.get(r, "enabled", null) if {
	is_object(r)
	not lib.is_marker(r)
}

too_short(days) if {
	valid_min
	is_number(days)
	days < min_days
}

object_lock := object.get(attrs, "object_lock", null)

lock_configured if {
	is_object(object_lock)
	not lib.is_marker(object_lock)
}

lock_days := object.get(object_lock, "days", null) if lock_configured

lock_years := object.get(object_lock, "years", null) if lock_configured

# What an evidence bucket fails for.
violations contains sprintf("%v expires current objects after %v days, before the %v days they must be kept", [rule_name(i, r), expiration(r), min_days]) if {
	some i, r in rules
	enabled(r) == true
	too_short(expiration(r))
}

violations contains sprintf("The Object Lock default retention of %v days is shorter than %v days", [lock_days, min_days]) if {
	too_short(lock_days)
}

years_text := "1 year" if lock_years == 1 else := sprintf("%v years", [lock_years])

violations contains sprintf("The Object Lock default retention of %v is shorter than %v days", [years_text, min_days]) if {
	is_number(lock_years)
	too_short(lock_years * 365)
}

# What is not known and could be too short.
problems contains sprintf("The lifecycle rules are not known (%v)", [lib.unknown_reason(lifecycle_rules)]) if {
	lib.is_marker(lifecycle_rules)
}

problems contains sprintf("Lifecycle rule lifecycle_rules[%v] is not known (%v)", [i, lib.unknown_reason(r)]) if {
	some i, r in rules
	lib.is_marker(r)
}

problems contains sprintf("The expiration of %v is not known (%v)", [rule_name(i, r), lib.unknown_reason(expiration(r))]) if {
	some i, r in rules
	not enabled(r) == false
	lib.is_marker(expiration(r))
}

problems contains sprintf("Whether %v, which expires current objects after %v days, is enabled is not known (%v)", [rule_name(i, r), expiration(r), lib.unknown_reason(enabled(r))]) if {
	some i, r in rules
	lib.is_marker(enabled(r))
	too_short(expiration(r))
}

problems contains sprintf("The Object Lock configuration is not known (%v)", [lib.unknown_reason(object_lock)]) if {
	lib.is_marker(object_lock)
}

problems contains sprintf("The Object Lock default retention is not known (%v)", [lib.unknown_reason(value)]) if {
	some value in [lock_days, lock_years]
	lib.is_marker(value)
}

problems contains sprintf("The parameter log_retention_days is not a number: %v", [json.marshal(min_days)]) if {
	not valid_min
}

deny contains sprintf("%v on this evidence bucket", [v]) if {
	evidence
	some v in violations
}

unknown contains p if {
	not not_applicable
	some p in problems
}

unknown contains sprintf("%v, and whether this is an evidence bucket is not known: %v", [v, undecided_reason]) if {
	not evidence
	some v in violations
}

unknown contains sprintf("Whether this is an evidence bucket is not known: %v", [undecided_reason]) if {
	not evidence
	count(problems) > 0
}

compliant if {
	count(violations) == 0
	count(problems) == 0
}
