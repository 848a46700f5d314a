package complyctl.ec2.default_sg_no_traffic_test

import rego.v1

import data.complyctl.ec2.default_sg_no_traffic as rule

kaa := {"$unknown": "known_after_apply"}

sg(is_default, ingress, egress) := {
	"id": "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0def",
	"kind": "aws.ec2.security_group",
	"name": "default",
	"attributes": {
		"group_id": "sg-0def", "group_name": "default", "vpc_id": "vpc-0main",
		"is_default": is_default, "ingress": ingress, "egress": egress,
	},
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

self_all := object.union(perm("-1", null, null, [], []), {"self": true})

test_fail_aws_defaults if {
	# What AWS creates: all traffic from members of the group, all traffic out.
	r := sg(true, [self_all], [perm("-1", null, null, ["0.0.0.0/0"], [])])
	rule.deny == {
		"The default security group allows inbound traffic: ingress[0] (all traffic from itself)",
		"The default security group allows outbound traffic: egress[0] (all traffic to 0.0.0.0/0)",
	} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_ingress_only if {
	r := sg(true, [perm("tcp", 443, 443, ["10.0.0.0/8"], [])], [])
	rule.deny == {"The default security group allows inbound traffic: ingress[0] (tcp 443 from 10.0.0.0/8)"} with input as r
}

test_fail_unknown_permission_is_still_a_permission if {
	r := sg(true, [], [{"$unknown": "known_after_apply"}, perm("tcp", 443, 443, kaa, [])])
	rule.deny == {
		"The default security group allows outbound traffic: egress[0] (not known to not known)",
		"The default security group allows outbound traffic: egress[1] (tcp 443 to ?)",
	} with input as r
	not rule.compliant with input as r
}

test_fail_egress_known_ingress_unknown if {
	r := sg(true, kaa, [perm("-1", null, null, ["0.0.0.0/0"], [])])
	count(rule.deny) == 1 with input as r
	rule.unknown == {"The ingress rules of the default security group are not known (known_after_apply)"} with input as r
}

test_pass_no_rules if {
	r := sg(true, [], [])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
	not rule.not_applicable with input as r
}

test_pass_null_rules if {
	r := sg(true, null, null)
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_maybe_default_without_rules if {
	r := sg(kaa, [], [])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_not_applicable_other_group if {
	r := sg(false, [self_all], [perm("-1", null, null, ["0.0.0.0/0"], [])])
	rule.not_applicable with input as r
}

test_unknown_rules if {
	r := sg(true, {"$unknown": "not_collected"}, [])
	rule.unknown == {"The ingress rules of the default security group are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_whether_default if {
	r := sg({"$unknown": "not_collected"}, [self_all], [])
	rule.unknown == {"The group has rules and whether it is the VPC's default security group is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_unknown_rules_and_whether_default if {
	r := sg({"$unknown": "not_collected"}, {"$unknown": "not_collected"}, [])
	rule.unknown == {"The ingress rules of the default security group are not known (not_collected)"} with input as r
	not rule.compliant with input as r
}

test_unknown_is_default_missing if {
	r := {"id": "sg-0x", "kind": "aws.ec2.security_group", "attributes": {"ingress": [self_all], "egress": []}}
	rule.unknown == {"The group has rules and whether it is the VPC's default security group is not recorded"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}
