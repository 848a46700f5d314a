# METADATA
# title: S3 buckets have ACLs disabled (Object Ownership BucketOwnerEnforced)
# description: >-
#   Checks that the bucket's S3 Object Ownership setting is BucketOwnerEnforced. It
#   disables access control lists: the bucket owner owns every object and access is
#   governed by policies alone, so a forgotten public ACL or an object uploaded with a
#   grant to another account cannot open data up, and there is one place (IAM and the
#   bucket policy) to review access. BucketOwnerPreferred and ObjectWriter keep ACLs in
#   force. A bucket without an ownership controls configuration fails: declare the
#   setting explicitly (new buckets default to BucketOwnerEnforced, older ones do not).
#   Unknown when the setting is not known.
# custom:
#   id: S3.ACLS_DISABLED
#   severity: medium
#   kind: aws.s3.bucket
#   remediation: >-
#     First move any access still granted by ACLs into the bucket policy (S3 refuses the
#     change while the bucket ACL grants access to others). Console: S3 > the bucket >
#     Permissions > Object Ownership > Edit > "ACLs disabled (recommended)". AWS CLI: aws
#     s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls
#     'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'. Terraform: add an
#     aws_s3_bucket_ownership_controls with bucket = aws_s3_bucket.b.id and rule {
#     object_ownership = "BucketOwnerEnforced" }, and remove any aws_s3_bucket_acl.
package complyctl.s3.acls_disabled

import rego.v1

import data.complyctl.lib

controls := object.get(input.attributes, "ownership_controls", null)

configured if {
	is_object(controls)
	not lib.is_marker(controls)
}

ownership := object.get(controls, "object_ownership", null) if configured

deny contains "Bucket has no S3 Object Ownership setting, so ACLs are not disabled (declare BucketOwnerEnforced)" if {
	controls == null
}

deny contains sprintf("S3 Object Ownership is %v, so ACLs are enabled; it must be BucketOwnerEnforced", [ownership]) if {
	configured
	not lib.is_unknown(ownership)
	ownership != "BucketOwnerEnforced"
}

unknown contains sprintf("The S3 Object Ownership setting is not known (%v)", [lib.unknown_reason(controls)]) if {
	lib.is_marker(controls)
}

unknown contains sprintf("The S3 Object Ownership setting is not known (%v)", [lib.unknown_reason(ownership)]) if {
	configured
	lib.is_marker(ownership)
}

compliant if ownership == "BucketOwnerEnforced"
