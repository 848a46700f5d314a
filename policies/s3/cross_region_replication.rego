# METADATA
# title: S3 buckets replicate their objects to another bucket
# description: >-
#   Checks that the bucket has a replication configuration with at least one rule whose
#   status is Enabled. Replicating objects to a bucket in another region (cross-region
#   replication) keeps a copy of the data available when a region fails and, with the
#   destination in another account, out of reach of whoever compromises the source
#   account - a backup and availability control. The destination's region is not in the
#   inventory, so a replication rule to a bucket of the same region also passes. Unknown
#   when the replication configuration, or the status of a rule that could be enabled, is
#   not known.
# custom:
#   id: S3.CROSS_REGION_REPLICATION
#   severity: low
#   kind: aws.s3.bucket
#   remediation: >-
#     Versioning must be enabled on both buckets. Console: S3 > the bucket > Management >
#     Replication rules > Create replication rule, choose a destination bucket in another
#     region (optionally another account) and an IAM role S3 can assume. AWS CLI: aws
#     s3api put-bucket-replication --bucket BUCKET --replication-configuration
#     '{"Role":"ROLE_ARN","Rules":[{"ID":"dr","Status":"Enabled","Priority":1,"Filter":{},"DeleteMarkerReplication":{"Status":"Disabled"},"Destination":{"Bucket":"arn:aws:s3:::DEST_BUCKET"}}]}'.
#     Terraform: add an aws_s3_bucket_replication_configuration with bucket =
#     aws_s3_bucket.b.id, role = aws_iam_role.replication.arn and rule { id = "dr", status
#     = "Enabled", filter {}, delete_marker_replication { status = "Disabled" }, destination
#     { bucket = aws_s3_bucket.replica.arn } }, the replica bucket using a provider alias
#     for the other region.
package complyctl.s3.cross_region_replication

import rego.v1

import data.complyctl.lib

replication := object.get(input.attributes, "replication", null)

configured if {
	is_object(replication)
	not lib.is_marker(replication)
}

rules_value := object.get(replication, "rules", null) if configured

rules := lib.list_or_empty(rules_value)

# How a message names replication rule i: its id, or its position.
rule_name(i, r) := sprintf("Replication rule %v", [json.marshal(r.id)]) if {
	is_string(r.id)
	r.id != ""
} else := sprintf("Replication rule rules[%v]", [i])

enabled if {
	some r in rules
	r.status == "Enabled"
}

undecided contains sprintf("Replication rule rules[%v] is not known (%v)", [i, lib.unknown_reason(r)]) if {
	some i, r in rules
	lib.is_marker(r)
}

undecided contains sprintf("The status of %v is not known (%v)", [rule_name(i, r), lib.unknown_reason(r.status)]) if {
	some i, r in rules
	not lib.is_marker(r)
	lib.is_marker(r.status)
}

deny contains "Bucket has no replication configuration" if replication == null

deny contains "The replication configuration has no rules" if {
	configured
	rules_value in {null, []}
}

deny contains sprintf("No replication rule is Enabled (%v)", [concat(", ", statuses)]) if {
	count(rules) > 0
	not enabled
	count(undecided) == 0
	statuses := [sprintf("%v: %v", [rule_name(i, r), r.status]) | some i, r in rules]
}

unknown contains sprintf("The replication configuration is not known (%v)", [lib.unknown_reason(replication)]) if {
	lib.is_marker(replication)
}

unknown contains sprintf("The replication rules are not known (%v)", [lib.unknown_reason(rules_value)]) if {
	lib.is_marker(rules_value)
}

unknown contains u if {
	not enabled
	some u in undecided
}

compliant if enabled
