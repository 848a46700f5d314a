package complyctl.ec2.sg_open_rdp_test

import rego.v1

import data.complyctl.ec2.sg_open_rdp as rule

kaa := {"$unknown": "known_after_apply"}

sg(ingress) := {
	"id": "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc",
	"kind": "aws.ec2.security_group",
	"name": "windows",
	"attributes": {"group_id": "sg-0abc", "group_name": "windows", "ingress": ingress, "egress": []},
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

test_fail_rdp_open if {
	r := sg([perm("tcp", 3389, 3389, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 3389) opens RDP (TCP 3389) to 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_rdp_open_ipv6 if {
	r := sg([perm("tcp", 3389, 3389, [], ["::/0"])])
	rule.deny == {"ingress[0] (tcp 3389) opens RDP (TCP 3389) to ::/0"} with input as r
}

test_fail_full_range if {
	r := sg([perm("tcp", 0, 65535, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 0-65535) opens RDP (TCP 3389) to 0.0.0.0/0"} with input as r
}

test_fail_all_protocols if {
	r := sg([perm("-1", null, null, [], ["::/0"])])
	rule.deny == {"ingress[0] (all traffic) opens RDP (TCP 3389) to ::/0"} with input as r
	not rule.compliant with input as r
}

test_pass_ssh_open_is_not_rdp if {
	r := sg([perm("tcp", 22, 22, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_restricted if {
	r := sg([perm("tcp", 3389, 3389, ["203.0.113.0/24"], [])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_range_below if {
	r := sg([perm("tcp", 1024, 3388, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
}

test_pass_udp if {
	r := sg([perm("udp", 3389, 3389, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
}

test_unknown_cidrs if {
	r := sg([perm("tcp", 3389, 3389, kaa, kaa)])
	rule.unknown == {"ingress[0] may open RDP (TCP 3389) to the internet: cidr_ipv4, cidr_ipv6 not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ports if {
	r := sg([perm("tcp", 3000, kaa, ["0.0.0.0/0"], [])])
	rule.unknown == {"ingress[0] may open RDP (TCP 3389) to the internet: to_port not known"} with input as r
	not rule.compliant with input as r
}
