# METADATA
# title: S3 buckets have versioning enabled
# description: >-
#   Checks that the bucket's versioning status is Enabled. Versioning keeps every
#   version of an object, so an overwrite or delete - by mistake, by a faulty
#   deployment or by ransomware using stolen credentials - can be undone, and it is a
#   prerequisite for replication and Object Lock. Suspended or never-enabled
#   versioning fails; a status that is not known until apply is unknown.
# custom:
#   id: S3.VERSIONING
#   severity: medium
#   kind: aws.s3.bucket
#   remediation: >-
#     Console: S3 > the bucket > Properties > Bucket Versioning > Edit > Enable.
#     AWS CLI: aws s3api put-bucket-versioning --bucket BUCKET
#     --versioning-configuration Status=Enabled. Terraform: add an
#     aws_s3_bucket_versioning with bucket = aws_s3_bucket.b.id and
#     versioning_configuration { status = "Enabled" }. Pair it with a lifecycle rule
#     that expires noncurrent versions to control cost.
package complyctl.s3.versioning

import rego.v1

import data.complyctl.lib

versioning := object.get(input.attributes, "versioning", null)

configured if {
	is_object(versioning)
	not lib.is_marker(versioning)
}

status := object.get(versioning, "status", null) if configured

deny contains "Bucket versioning is not configured" if versioning == null

deny contains sprintf("Bucket versioning is %v, not Enabled", [status]) if {
	configured
	not lib.is_unknown(status)
	status != "Enabled"
}

unknown contains sprintf("The versioning configuration is not known (%v)", [lib.unknown_reason(versioning)]) if {
	lib.is_marker(versioning)
}

unknown contains sprintf("The versioning status is not known (%v)", [lib.unknown_reason(status)]) if {
	configured
	lib.is_marker(status)
}

compliant if status == "Enabled"
