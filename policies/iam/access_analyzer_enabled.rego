# METADATA
# title: IAM Access Analyzer is enabled
# description: >-
#   Checks that an IAM Access Analyzer analyzer is active for the account and region
#   (access_analyzer_enabled). Access Analyzer continuously finds resources (S3 buckets,
#   KMS keys, IAM roles, queues, secrets...) shared with principals outside the account
#   or organization, so unintended external or public access is noticed. Evaluated only
#   where the inventory has the attribute: when it is absent (null, as in a Terraform plan
#   or an inventory that does not collect it) the rule is not applicable. Unknown when
#   it could not be collected.
# custom:
#   id: IAM.ACCESS_ANALYZER_ENABLED
#   severity: low
#   kind: aws.account
#   remediation: >-
#     Console: IAM > Access analyzer > Create analyzer (zone of trust: the account, or
#     the organization from the management or delegated administrator account), in every
#     region you use. AWS CLI: aws accessanalyzer create-analyzer --analyzer-name
#     account-analyzer --type ACCOUNT --region REGION. Terraform: resource
#     "aws_accessanalyzer_analyzer" "this" { analyzer_name = "account-analyzer", type =
#     "ACCOUNT" } (one per region, e.g. with a provider per region).
package complyctl.iam.access_analyzer_enabled

import rego.v1

import data.complyctl.lib

enabled := object.get(input.attributes, "access_analyzer_enabled", null)

# The inventory does not have the attribute.
not_applicable if enabled == null

deny contains "IAM Access Analyzer is not enabled in this account and region" if enabled == false

unknown contains sprintf("Whether IAM Access Analyzer is enabled is not known (%v)", [lib.unknown_reason(enabled)]) if {
	lib.is_marker(enabled)
}

compliant if enabled == true
