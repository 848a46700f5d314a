# METADATA
# title: VPCs have flow logs that capture rejected traffic
# description: >-
#   Checks that the VPC has at least one flow log whose traffic type is ALL or REJECT
#   (CIS AWS Foundations recommends at least REJECT). Flow logs are the network audit
#   trail of a VPC: without them there is no record of port scans, blocked connection
#   attempts or data leaving the network to investigate an incident with. Flow logs
#   that only capture ACCEPT traffic do not count. Unknown when the flow logs, or the
#   traffic type of one that could qualify, are not known.
# custom:
#   id: EC2.VPC_FLOW_LOGS
#   severity: medium
#   kind: aws.ec2.vpc
#   remediation: >-
#     Console: VPC > Your VPCs > the VPC > Flow logs > Create flow log, filter "All" (or
#     "Reject"), destination CloudWatch Logs or S3. AWS CLI: aws ec2 create-flow-logs
#     --resource-type VPC --resource-ids VPC_ID --traffic-type ALL
#     --log-destination-type s3 --log-destination arn:aws:s3:::LOG_BUCKET/vpc/. Terraform:
#     add an aws_flow_log with vpc_id = aws_vpc.main.id, traffic_type = "ALL" (or
#     "REJECT") and log_destination_type = "s3" with log_destination = the bucket ARN, or
#     "cloud-watch-logs" with log_destination and iam_role_arn.
package complyctl.ec2.vpc_flow_logs

import rego.v1

import data.complyctl.lib

capturing_types := {"ALL", "REJECT"}

flow_logs := object.get(input.attributes, "flow_logs", [])

logs := lib.list_or_empty(flow_logs)

captures_rejects(fl) if fl.traffic_type in capturing_types

may_capture_rejects(fl) if captures_rejects(fl)

may_capture_rejects(fl) if lib.is_marker(fl)

may_capture_rejects(fl) if lib.is_unknown(fl.traffic_type)

# How a message names a flow log: its id, or its position when the id is not known yet.
log_name(_, fl) := fl.id if has_id(fl)

log_name(i, fl) := sprintf("flow_logs[%v]", [i]) if not has_id(fl)

has_id(fl) if {
	is_string(fl.id)
	fl.id != ""
}

enabled if {
	some fl in logs
	captures_rejects(fl)
}

undecided if {
	some fl in logs
	may_capture_rejects(fl)
}

deny contains "The VPC has no flow logs" if count(logs) == 0

deny contains msg if {
	not undecided
	some i, fl in logs
	msg := sprintf("Flow log %v captures %v traffic only; it must capture ALL or REJECT", [log_name(i, fl), fl.traffic_type])
}

unknown contains sprintf("The VPC's flow logs are not known (%v)", [lib.unknown_reason(flow_logs)]) if {
	lib.is_marker(flow_logs)
}

unknown contains msg if {
	not enabled
	some i, fl in logs
	not captures_rejects(fl)
	may_capture_rejects(fl)
	msg := sprintf("The traffic type of flow log %v is not known", [log_name(i, fl)])
}

compliant if enabled
