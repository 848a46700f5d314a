# METADATA
# title: S3 buckets block all public access at the bucket level
# description: >-
#   Checks that the bucket's own S3 Block Public Access configuration has all four
#   settings on - block_public_acls, ignore_public_acls, block_public_policy and
#   restrict_public_buckets. Together they stop public ACLs and public bucket policies
#   from being added and neutralise any that exist, the most common cause of data
#   leaks from S3. The account-wide block is a separate resource
#   (aws.s3.account_public_access_block) and is not considered here, so a bucket must
#   carry its own block. Unknown when the block or any of the settings is not known.
# custom:
#   id: S3.PUBLIC_ACCESS_BLOCK
#   severity: high
#   kind: aws.s3.bucket
#   remediation: >-
#     Console: S3 > the bucket > Permissions > Block public access (bucket settings) >
#     Edit, tick "Block all public access" and save. AWS CLI: aws s3api
#     put-public-access-block --bucket BUCKET --public-access-block-configuration
#     BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true.
#     Terraform: add an aws_s3_bucket_public_access_block with bucket = aws_s3_bucket.b.id
#     and block_public_acls, ignore_public_acls, block_public_policy and
#     restrict_public_buckets all set to true.
package complyctl.s3.public_access_block

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.s3

# By full path: a library value through the import alias compiles to a lookup of the whole
# package (docs/rules-authoring.md).
settings := data.complyctl.lib.s3.bpa_settings

pab := object.get(input.attributes, "public_access_block", null)

configured if {
	is_object(pab)
	not lib.is_marker(pab)
}

deny contains "Bucket has no bucket-level S3 Block Public Access configuration" if pab == null

deny contains sprintf("Block Public Access setting %v is %v, must be true", [name, value]) if {
	configured
	some name in settings
	value := object.get(pab, name, null)
	not lib.is_unknown(value)
	value != true
}

unknown contains sprintf("The Block Public Access configuration is not known (%v)", [lib.unknown_reason(pab)]) if {
	lib.is_marker(pab)
}

unknown contains sprintf("Block Public Access setting %v is not known (%v)", [name, lib.unknown_reason(value)]) if {
	configured
	some name in settings
	value := object.get(pab, name, null)
	lib.is_marker(value)
}

compliant if {
	configured
	s3.blocks_all_public_access(pab)
}
