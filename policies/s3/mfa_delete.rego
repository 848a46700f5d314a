# METADATA
# title: Evidence buckets require MFA to delete object versions
# description: >-
#   Checks that S3 buckets holding evidence - logs, audit trails and other records an
#   auditor relies on - have MFA delete enabled on their versioning. With MFA delete,
#   permanently deleting an object version or changing the versioning state needs the root
#   user's MFA code as well as credentials, so a stolen key or a rogue administrator
#   cannot quietly erase the records of what they did. A bucket is an evidence bucket when
#   its name matches one of the glob patterns of the evidence_bucket_patterns parameter
#   or it has the tag complyctl:evidence = "true"; other buckets are out of scope. MFA
#   delete requires versioning, so an unversioned evidence bucket fails too. Unknown when
#   MFA delete is not known, or when the bucket lacks it and whether it is an evidence
#   bucket is not known (a name only known after apply).
# custom:
#   id: S3.MFA_DELETE
#   severity: medium
#   kind: aws.s3.bucket
#   params:
#     evidence_bucket_patterns: ["*log*", "*audit*", "*evidence*", "*trail*"]
#   remediation: >-
#     MFA delete can only be turned on by the root user with its MFA device, through the
#     API (not the console). AWS CLI, signed in with root credentials: aws s3api
#     put-bucket-versioning --bucket BUCKET --versioning-configuration
#     Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::ACCOUNT_ID:mfa/root-account-mfa-device
#     123456". Terraform: in the aws_s3_bucket_versioning set versioning_configuration {
#     status = "Enabled", mfa_delete = "Enabled" } and mfa = "SERIAL CODE" (applied with
#     root credentials). If a bucket only matches a pattern by accident, rename it or
#     narrow evidence_bucket_patterns.
package complyctl.s3.mfa_delete

import rego.v1

import data.complyctl.lib

evidence if data.complyctl.lib.s3.input_is_evidence

not_applicable if data.complyctl.lib.s3.input_not_evidence

undecided_reason := data.complyctl.lib.s3.input_undecided_reason

versioning := object.get(input.attributes, "versioning", null)

configured if {
	is_object(versioning)
	not lib.is_marker(versioning)
}

mfa_delete := object.get(versioning, "mfa_delete", null) if configured

status := object.get(versioning, "status", null) if configured

# MFA delete needs versioning: say so when versioning is known to be off.
status_note := sprintf(" (versioning is %v; MFA delete needs versioning)", [status]) if {
	status in {"Suspended", "Disabled"}
} else := ""

# What an evidence bucket fails for.
violation := "Versioning is not configured, so MFA delete is not enabled" if versioning == null

violation := sprintf("MFA delete is not enabled%v", [status_note]) if {
	configured
	not lib.is_unknown(mfa_delete)
	mfa_delete != true
}

# What is not known about MFA delete.
problem := sprintf("The versioning configuration is not known (%v)", [lib.unknown_reason(versioning)]) if {
	lib.is_marker(versioning)
}

problem := sprintf("Whether MFA delete is enabled is not known (%v)", [lib.unknown_reason(mfa_delete)]) if {
	configured
	lib.is_marker(mfa_delete)
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

compliant if mfa_delete == true
