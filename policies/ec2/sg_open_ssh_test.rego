package complyctl.ec2.sg_open_ssh_test

import rego.v1

import data.complyctl.ec2.sg_open_ssh as rule

kaa := {"$unknown": "known_after_apply"}

sg(ingress) := {
	"id": "aws_security_group.bastion",
	"kind": "aws.ec2.security_group",
	"name": "bastion",
	"attributes": {"group_id": "sg-0123", "group_name": "bastion", "ingress": ingress, "egress": []},
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

test_fail_ssh_open_ipv4 if {
	r := sg([perm("tcp", 22, 22, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 22) opens SSH (TCP 22) to 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_message_names_description if {
	r := sg([object.union(perm("tcp", 22, 22, ["0.0.0.0/0"], []), {"description": "ssh from anywhere"})])
	rule.deny == {`ingress[0] (tcp 22, "ssh from anywhere") opens SSH (TCP 22) to 0.0.0.0/0`} with input as r
}

test_fail_ssh_open_ipv6 if {
	r := sg([perm("tcp", 22, 22, [], ["::/0"])])
	rule.deny == {"ingress[0] (tcp 22) opens SSH (TCP 22) to ::/0"} with input as r
	not rule.compliant with input as r
}

test_fail_all_ports_range if {
	r := sg([perm("tcp", 443, 443, ["0.0.0.0/0"], []), perm("tcp", 0, 65535, ["10.0.0.0/8", "0.0.0.0/0"], ["::/0"])])
	rule.deny == {
		"ingress[1] (tcp 0-65535) opens SSH (TCP 22) to 0.0.0.0/0",
		"ingress[1] (tcp 0-65535) opens SSH (TCP 22) to ::/0",
	} with input as r
	not rule.compliant with input as r
}

test_fail_range_containing_22 if {
	r := sg([perm("tcp", 20, 30, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 20-30) opens SSH (TCP 22) to 0.0.0.0/0"} with input as r
}

test_fail_all_protocols if {
	r := sg([perm("-1", null, null, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (all traffic) opens SSH (TCP 22) to 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_all_protocols_zero_ports if {
	r := sg([perm("-1", 0, 0, [], ["::/0"])])
	count(rule.deny) == 1 with input as r
}

test_fail_protocol_number if {
	r := sg([perm("6", 22, 22, ["0.0.0.0/0"], [])])
	count(rule.deny) == 1 with input as r
}

test_fail_wins_over_unknown if {
	r := sg([perm("tcp", 22, 22, kaa, []), perm("tcp", 22, 22, ["0.0.0.0/0"], [])])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_restricted_source if {
	r := sg([perm("tcp", 22, 22, ["10.0.0.0/8"], ["2001:db8::/32"])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_other_ports_open if {
	r := sg([perm("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"]), perm("tcp", 23, 1024, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_udp_22 if {
	r := sg([perm("udp", 0, 65535, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_security_group_source if {
	p := object.union(perm("tcp", 22, 22, [], []), {"security_groups": ["sg-0456"]})
	r := sg([p])
	rule.compliant with input as r
}

test_pass_no_ingress if {
	rule.compliant with input as sg([])
	rule.compliant with input as sg(null)
	count(rule.deny) == 0 with input as sg(null)
}

test_pass_unknown_source_on_other_port if {
	# An unknown source does not matter when the port cannot be 22.
	r := sg([perm("tcp", 443, 443, kaa, kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_unknown_ports_private_source if {
	r := sg([perm("tcp", kaa, kaa, ["10.0.0.0/8"], [])])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_cidrs if {
	r := sg([perm("tcp", 22, 22, kaa, [])])
	rule.unknown == {"ingress[0] may open SSH (TCP 22) to the internet: cidr_ipv4 not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_cidr_element if {
	r := sg([perm("tcp", 22, 22, ["10.0.0.0/8", kaa], [])])
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_unknown_ports if {
	r := sg([perm("tcp", kaa, kaa, ["0.0.0.0/0"], [])])
	rule.unknown == {"ingress[0] may open SSH (TCP 22) to the internet: from_port, to_port not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_protocol if {
	r := sg([perm(kaa, 80, 80, ["0.0.0.0/0"], [])])
	rule.unknown == {"ingress[0] may open SSH (TCP 22) to the internet: protocol not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_upper_port_only if {
	r := sg([perm("tcp", 0, kaa, [], ["::/0"])])
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_unknown_upper_port_above_22 if {
	r := sg([perm("tcp", 23, kaa, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_whole_permission if {
	r := sg([perm("tcp", 443, 443, ["0.0.0.0/0"], []), {"$unknown": "ambiguous"}])
	rule.unknown == {"ingress[1] is not known (ambiguous) and may open SSH (TCP 22) to the internet"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ingress_list if {
	r := sg({"$unknown": "not_collected"})
	rule.unknown == {"The ingress rules are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
