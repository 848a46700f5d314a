# METADATA
# title: The account blocks all public access to S3 at the account level
# description: >-
#   Checks that the account has an account-level S3 Block Public Access configuration
#   (aws.s3.account_public_access_block of the same account) with all four settings on -
#   block_public_acls, ignore_public_acls, block_public_policy and
#   restrict_public_buckets. The account-wide block overrides every bucket's own settings,
#   so a bucket created later, by hand or by a tool that forgets its bucket-level block,
#   cannot be made public by an ACL or a bucket policy. An account with no such
#   configuration fails. The setting is global: the same result is reported for every
#   region of the account. Unknown when a setting that could decide it is not known.
# custom:
#   id: S3.ACCOUNT_PUBLIC_ACCESS_BLOCK
#   severity: high
#   kind: aws.account
#   requires: [aws.s3.account_public_access_block]
#   remediation: >-
#     Console: S3 > Block Public Access settings for this account > Edit, tick "Block all
#     public access" and confirm. AWS CLI: aws s3control put-public-access-block
#     --account-id ACCOUNT_ID --public-access-block-configuration
#     BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true.
#     Terraform: add an aws_s3_account_public_access_block with block_public_acls,
#     ignore_public_acls, block_public_policy and restrict_public_buckets all set to true.
#     Buckets that must serve public content should do so through CloudFront with an
#     origin access control instead.
package complyctl.s3.account_public_access_block

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.s3

settings := data.complyctl.lib.s3.bpa_settings

# The account's blocks (account is null for plans: null == null).
blocks := [b |
	some b in data.inventory["aws.s3.account_public_access_block"]
	object.get(b, "account", null) == object.get(input, "account", null)
]

# The settings of a block that are known and not on.
off_settings(b) := [sprintf("%v is %v", [name, value]) |
	some name in settings
	value := object.get(b.attributes, name, null)
	not lib.is_unknown(value)
	value != true
]

unknown_settings(b) := [name |
	some name in settings
	lib.is_unknown(object.get(b.attributes, name, null))
]

blocks_all if {
	some b in blocks
	s3.blocks_all_public_access(b.attributes)
}

# A block whose unknown settings could all turn out to be on.
undecided contains b if {
	some b in blocks
	count(off_settings(b)) == 0
	count(unknown_settings(b)) > 0
}

deny contains "The account has no account-level S3 Block Public Access configuration" if count(blocks) == 0

deny contains sprintf("The account-level S3 Block Public Access configuration %v does not block all public access: %v", [b.id, concat(", ", off_settings(b))]) if {
	not blocks_all
	count(undecided) == 0
	some b in blocks
	count(off_settings(b)) > 0
}

unknown contains sprintf("Account-level S3 Block Public Access settings of %v are not known: %v", [b.id, concat(", ", unknown_settings(b))]) if {
	not blocks_all
	some b in undecided
}

compliant if blocks_all

# An account-wide fact: judged on the home region's account resource only.
not_applicable if data.complyctl.lib.other_region_of_account
