package complyctl.ec2.sg_open_all_test

import rego.v1

import data.complyctl.ec2.sg_open_all as rule

kaa := {"$unknown": "known_after_apply"}

sg(ingress) := {
	"id": "aws_security_group.web",
	"kind": "aws.ec2.security_group",
	"name": "web",
	"attributes": {"group_id": kaa, "group_name": "web", "is_default": false, "ingress": ingress, "egress": []},
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

test_fail_all_traffic_ipv4 if {
	r := sg([perm("-1", null, null, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (all traffic) allows every protocol and port from 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_all_traffic_ipv6_zero_ports if {
	r := sg([perm("-1", 0, 0, [], ["::/0"])])
	rule.deny == {"ingress[0] (all traffic) allows every protocol and port from ::/0"} with input as r
}

test_fail_all_tcp_ports if {
	p := object.union(perm("tcp", 0, 65535, ["10.0.0.0/8", "0.0.0.0/0"], ["::/0"]), {"description": "temp"})
	r := sg([perm("tcp", 443, 443, ["0.0.0.0/0"], []), p])
	rule.deny == {
		`ingress[1] (tcp 0-65535, "temp") allows every TCP port from 0.0.0.0/0`,
		`ingress[1] (tcp 0-65535, "temp") allows every TCP port from ::/0`,
	} with input as r
	not rule.compliant with input as r
}

test_fail_all_udp_ports if {
	r := sg([perm("udp", 0, 65535, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (udp 0-65535) allows every UDP port from 0.0.0.0/0"} with input as r
}

test_fail_wins_over_unknown if {
	r := sg([perm("-1", null, null, kaa, []), perm("-1", null, null, ["0.0.0.0/0"], [])])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_narrow_world_rule if {
	r := sg([perm("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"]), perm("tcp", 1, 65535, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_all_traffic_private if {
	p := object.union(perm("-1", null, null, ["10.0.0.0/8"], []), {"security_groups": ["sg-0abc"], "self": true})
	r := sg([p])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_no_ingress if {
	rule.compliant with input as sg([])
	rule.compliant with input as sg(null)
}

test_pass_unknown_source_narrow_port if {
	# An unknown source does not matter for a single port.
	r := sg([perm("tcp", 443, 443, kaa, kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_unknown_upper_port_from_1 if {
	r := sg([perm("tcp", 1, kaa, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
}

test_unknown_cidrs if {
	r := sg([perm("-1", null, null, kaa, [])])
	rule.unknown == {"ingress[0] (all traffic) may allow all ports from the internet: cidr_ipv4 not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_cidr_element if {
	r := sg([perm("tcp", 0, 65535, ["10.0.0.0/8"], [kaa])])
	rule.unknown == {"ingress[0] (tcp 0-65535) may allow all ports from the internet: cidr_ipv6 not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_protocol if {
	r := sg([perm(kaa, 0, 0, ["0.0.0.0/0"], [])])
	rule.unknown == {"ingress[0] (? 0-0) may allow all ports from the internet: protocol not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ports if {
	r := sg([perm("tcp", 0, kaa, [], ["::/0"])])
	rule.unknown == {"ingress[0] (tcp 0-?) may allow all ports from the internet: to_port not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_whole_permission if {
	r := sg([perm("tcp", 443, 443, ["0.0.0.0/0"], []), {"$unknown": "ambiguous"}])
	rule.unknown == {"ingress[1] is not known (ambiguous) and may allow all traffic from the internet"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ingress_list if {
	r := sg({"$unknown": "not_collected"})
	rule.unknown == {"The ingress rules are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
