package complyctl.ec2.vpc_flow_logs_test

import rego.v1

import data.complyctl.ec2.vpc_flow_logs as rule

kaa := {"$unknown": "known_after_apply"}

vpc(flow_logs) := {
	"id": "aws_vpc.main",
	"kind": "aws.ec2.vpc",
	"name": "main",
	"attributes": {"vpc_id": kaa, "cidr_block": "10.0.0.0/16", "is_default": false, "flow_logs": flow_logs},
}

fl(id, traffic_type) := {"id": id, "traffic_type": traffic_type, "destination_type": "s3", "status": "ACTIVE"}

test_fail_no_flow_logs if {
	r := vpc([])
	rule.deny == {"The VPC has no flow logs"} with input as r
	not rule.compliant with input as r
}

test_fail_null_flow_logs if {
	r := vpc(null)
	rule.deny == {"The VPC has no flow logs"} with input as r
}

test_fail_accept_only if {
	r := vpc([fl("fl-0a1", "ACCEPT"), fl(kaa, "ACCEPT")])
	rule.deny == {
		"Flow log fl-0a1 captures ACCEPT traffic only; it must capture ALL or REJECT",
		"Flow log flow_logs[1] captures ACCEPT traffic only; it must capture ALL or REJECT",
	} with input as r
	count(rule.unknown) == 0 with input as r
	not rule.compliant with input as r
}

test_pass_all if {
	r := vpc([fl("fl-0a1", "ALL")])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_reject if {
	r := vpc([fl("fl-0a1", "ACCEPT"), fl(kaa, "REJECT")])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_despite_unknown_other_log if {
	r := vpc([fl("fl-0a1", "ALL"), fl(kaa, kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_flow_logs if {
	r := vpc({"$unknown": "not_collected"})
	rule.unknown == {"The VPC's flow logs are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_traffic_type if {
	r := vpc([fl("fl-0a1", "ACCEPT"), fl(kaa, kaa)])
	rule.unknown == {"The traffic type of flow log flow_logs[1] is not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_flow_log_element if {
	r := vpc([{"$unknown": "ambiguous"}])
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
