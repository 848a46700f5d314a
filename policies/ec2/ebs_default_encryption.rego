# METADATA
# title: EBS encryption by default is enabled
# description: >-
#   Checks that the account's EBS encryption-by-default setting is on in the region (it is
#   a per-region setting). With it on, every new EBS volume and snapshot copy in the
#   region is encrypted with the default EBS KMS key, whatever the launch template, AMI or
#   tool that created it says; without it, one unencrypted volume slips through whenever a
#   template forgets the flag, and its data and snapshots are stored and shared in the
#   clear. Existing volumes are not changed by the setting. Evaluated on live accounts;
#   unknown when the setting is not in the inventory.
# custom:
#   id: EC2.EBS_DEFAULT_ENCRYPTION
#   severity: medium
#   kind: aws.account
#   remediation: >-
#     Enable it in every region you use (and optionally choose a customer-managed default
#     key), then replace unencrypted volumes by encrypted copies of their snapshots.
#     Console: EC2 > (region) > Settings > EBS encryption > Manage, tick "Enable" and save.
#     AWS CLI: aws ec2 enable-ebs-encryption-by-default --region REGION (optionally aws
#     ec2 modify-ebs-default-kms-key-id --kms-key-id KEY_ARN). Terraform: add an
#     aws_ebs_encryption_by_default with enabled = true per region provider (optionally
#     aws_ebs_default_kms_key).
package complyctl.ec2.ebs_default_encryption

import rego.v1

import data.complyctl.lib

value := object.get(input.attributes, "ebs_default_encryption", null)

# The region of this account resource (the setting is per region).
region := object.get(input.attributes, "region", null) if {
	object.get(input.attributes, "region", null) != null
} else := object.get(input, "region", null)

# " in us-east-1", or "" when the region is not known.
in_region := sprintf(" in %v", [region]) if {
	is_string(region)
	region != ""
} else := ""

deny contains sprintf("EBS encryption by default is not enabled%v", [in_region]) if {
	value == false
}

unknown contains sprintf("Whether EBS encryption by default is enabled%v is not known (%v)", [in_region, lib.unknown_reason(value)]) if {
	lib.is_marker(value)
}

unknown contains sprintf("Whether EBS encryption by default is enabled%v is not in the inventory", [in_region]) if {
	value == null
}

compliant if value == true
