# METADATA
# title: S3 bucket ACLs grant no access to everyone or to all AWS users
# description: >-
#   Checks that the bucket's access control list is not a public canned ACL (public-read,
#   public-read-write, authenticated-read) and has no grant to the AllUsers
#   (http://acs.amazonaws.com/groups/global/AllUsers) or AuthenticatedUsers
#   (.../AuthenticatedUsers, any AWS account in the world) group. Such an ACL lets anyone
#   list, read or even overwrite the bucket's objects, whatever IAM and the bucket policy
#   say. When Object Ownership is BucketOwnerEnforced, ACLs are disabled and S3 ignores
#   them, so the bucket complies. Block Public Access is checked by separate rules, not
#   here. Unknown when the ACL is not known, or when it is public and whether ACLs are
#   disabled is not known.
# custom:
#   id: S3.NO_PUBLIC_ACL
#   severity: critical
#   kind: aws.s3.bucket
#   remediation: >-
#     Best: disable ACLs. Console: S3 > the bucket > Permissions > Object Ownership > Edit >
#     "ACLs disabled (recommended)". AWS CLI: aws s3api put-bucket-ownership-controls
#     --bucket BUCKET --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'.
#     Terraform: add an aws_s3_bucket_ownership_controls with bucket = aws_s3_bucket.b.id
#     and rule { object_ownership = "BucketOwnerEnforced" }, and remove any
#     aws_s3_bucket_acl. If ACLs must stay enabled, make the ACL private: aws s3api
#     put-bucket-acl --bucket BUCKET --acl private, or in Terraform set acl = "private" on
#     the aws_s3_bucket_acl and drop grants to the AllUsers and AuthenticatedUsers groups.
package complyctl.s3.no_public_acl

import rego.v1

import data.complyctl.lib.s3

attrs := input.attributes

grants := s3.public_acl_grants(attrs)

unknown_parts := s3.acl_unknown_parts(attrs)

# Rules, not repeated function calls: every decision below asks these.
acls_disabled if s3.acls_disabled(attrs)

ownership_unknown if s3.ownership_unknown(attrs)

deny contains sprintf("The bucket ACL makes the bucket public: %v", [g]) if {
	not acls_disabled
	not ownership_unknown
	some g in grants
}

unknown contains sprintf("The bucket ACL is public (%v), and whether ACLs are disabled (Object Ownership BucketOwnerEnforced) is not known", [concat("; ", grants)]) if {
	ownership_unknown
	count(grants) > 0
}

unknown contains sprintf("The bucket ACL could be public: %v", [p]) if {
	not acls_disabled
	count(grants) == 0
	some p in unknown_parts
}

compliant if acls_disabled

compliant if {
	count(grants) == 0
	count(unknown_parts) == 0
}
