# METADATA
# title: Evidence buckets have S3 Object Lock enabled
# description: >-
#   Checks that S3 buckets holding evidence - logs, audit trails and other records an
#   auditor relies on - have S3 Object Lock enabled. Object Lock stores objects write-once
#   read-many (WORM): a locked object version cannot be overwritten or deleted until its
#   retention period ends (in COMPLIANCE mode not even by the root user), so the records
#   survive a compromised administrator or ransomware. A bucket is an evidence bucket when
#   its name matches one of the glob patterns of the evidence_bucket_patterns parameter
#   or it has the tag complyctl:evidence = "true"; other buckets are out of scope. The
#   retention period is checked by S3.LOG_RETENTION. Unknown when the Object Lock
#   configuration is not known, or when it is off and whether the bucket is an evidence
#   bucket is not known.
# custom:
#   id: S3.OBJECT_LOCK_EVIDENCE
#   severity: medium
#   kind: aws.s3.bucket
#   params:
#     evidence_bucket_patterns: ["*log*", "*audit*", "*evidence*", "*trail*"]
#   remediation: >-
#     Object Lock can be enabled on existing versioned buckets. Console: S3 > the bucket >
#     Properties > Object Lock > Edit > Enable, and set a default retention (mode and
#     days). AWS CLI: aws s3api put-object-lock-configuration --bucket BUCKET
#     --object-lock-configuration
#     '{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"COMPLIANCE","Days":365}}}'.
#     Terraform: set object_lock_enabled = true on the aws_s3_bucket (new buckets) and add
#     an aws_s3_bucket_object_lock_configuration with bucket = aws_s3_bucket.b.id and rule
#     { default_retention { mode = "COMPLIANCE", days = 365 } }. Versioning must be enabled.
package complyctl.s3.object_lock_evidence

import rego.v1

import data.complyctl.lib

evidence if data.complyctl.lib.s3.input_is_evidence

not_applicable if data.complyctl.lib.s3.input_not_evidence

undecided_reason := data.complyctl.lib.s3.input_undecided_reason

object_lock := object.get(input.attributes, "object_lock", null)

configured if {
	is_object(object_lock)
	not lib.is_marker(object_lock)
}

enabled := object.get(object_lock, "enabled", null) if configured

# What an evidence bucket fails for.
violation := "Object Lock is not enabled" if object_lock == null

violation := "Object Lock is not enabled" if {
	configured
	not lib.is_unknown(enabled)
	enabled != true
}

# What is not known about Object Lock.
problem := sprintf("The Object Lock configuration is not known (%v)", [lib.unknown_reason(object_lock)]) if {
	lib.is_marker(object_lock)
}

problem := sprintf("Whether Object Lock is enabled is not known (%v)", [lib.unknown_reason(enabled)]) if {
	configured
	lib.is_marker(enabled)
}

deny contains sprintf("%v on this evidence bucket", [violation]) if evidence

unknown contains problem if not not_applicable

unknown contains sprintf("%v, and whether this is an evidence bucket is not known: %v", [violation, undecided_reason]) if {
	not evidence
}

unknown contains sprintf("Whether this is an evidence bucket is not known: %v", [undecided_reason]) if {
	not evidence
	problem
}

compliant if enabled == true
