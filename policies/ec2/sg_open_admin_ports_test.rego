package complyctl.ec2.sg_open_admin_ports_test

import rego.v1

import data.complyctl.ec2.sg_open_admin_ports as rule

kaa := {"$unknown": "known_after_apply"}

sg(ingress) := {
	"id": "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b",
	"kind": "aws.ec2.security_group",
	"name": "jump",
	"attributes": {"group_id": "sg-0a1b", "group_name": "jump", "is_default": false, "ingress": ingress, "egress": []},
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

test_fail_ssh if {
	r := sg([perm("tcp", 22, 22, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 22) opens remote administration port 22 (SSH) to 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_each_port_named if {
	r := sg([perm("tcp", 0, 6000, [], ["::/0"])])
	rule.deny == {"ingress[0] (tcp 0-6000) opens remote administration ports 22 (SSH), 23 (Telnet), 3389 (RDP), 5900 (VNC), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) to ::/0"} with input as r
}

test_fail_range_with_some_ports if {
	r := sg([perm("tcp", 5900, 5985, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 5900-5985) opens remote administration ports 5900 (VNC), 5985 (WinRM HTTP) to 0.0.0.0/0"} with input as r
}

test_fail_all_traffic_both_families if {
	r := sg([perm("-1", null, null, ["0.0.0.0/0"], ["::/0"])])
	count(rule.deny) == 2 with input as r
	not rule.compliant with input as r
}

test_fail_several_permissions if {
	r := sg([perm("tcp", 3389, 3389, ["0.0.0.0/0"], []), perm("tcp", 443, 443, ["0.0.0.0/0"], []), perm("tcp", 23, 23, ["0.0.0.0/0"], [])])
	rule.deny == {
		"ingress[0] (tcp 3389) opens remote administration port 3389 (RDP) to 0.0.0.0/0",
		"ingress[2] (tcp 23) opens remote administration port 23 (Telnet) to 0.0.0.0/0",
	} with input as r
}

test_fail_param_override if {
	r := sg([perm("tcp", 8443, 8443, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 8443) opens remote administration port 8443 to 0.0.0.0/0"} with input as r
		with data.params.admin_ports as [22, 8443]
	rule.compliant with input as r
}

test_fail_wins_over_unknown if {
	r := sg([perm("tcp", 22, 22, ["0.0.0.0/0"], []), perm("tcp", 3389, 3389, kaa, [])])
	count(rule.deny) == 1 with input as r
	rule.unknown == {"ingress[1] (tcp 3389) may open remote administration port 3389 (RDP) to the internet: cidr_ipv4 not known"} with input as r
	not rule.compliant with input as r
}

test_pass_restricted_sources if {
	p := object.union(perm("tcp", 22, 22, ["203.0.113.0/24"], ["2001:db8::/32"]), {"security_groups": ["sg-0bastion"]})
	r := sg([p, perm("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_range_between_ports if {
	r := sg([perm("tcp", 24, 3388, ["0.0.0.0/0"], []), perm("tcp", 5987, 65535, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
}

test_pass_udp if {
	r := sg([perm("udp", 3389, 3389, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
}

test_pass_no_ingress if {
	rule.compliant with input as sg([])
	rule.compliant with input as sg(null)
}

test_pass_empty_param if {
	r := sg([perm("tcp", 22, 22, ["0.0.0.0/0"], [])])
	rule.compliant with input as r with data.params.admin_ports as []
	count(rule.deny) == 0 with input as r with data.params.admin_ports as []
}

test_pass_unknown_source_other_port if {
	r := sg([perm("tcp", 443, 443, kaa, kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_cidrs if {
	r := sg([perm("tcp", 22, 22, kaa, kaa)])
	rule.unknown == {"ingress[0] (tcp 22) may open remote administration port 22 (SSH) to the internet: cidr_ipv4, cidr_ipv6 not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_upper_port if {
	r := sg([perm("tcp", 5000, kaa, ["0.0.0.0/0"], [])])
	rule.unknown == {"ingress[0] (tcp 5000-?) may open remote administration ports 5900 (VNC), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) to the internet: to_port not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_protocol if {
	r := sg([perm(kaa, 80, 80, ["0.0.0.0/0"], [])])
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_whole_permission if {
	r := sg([{"$unknown": "ambiguous"}])
	rule.unknown == {"ingress[0] is not known (ambiguous) and may open remote administration ports to the internet"} with input as r
	not rule.compliant with input as r
}

test_unknown_ingress_list if {
	r := sg({"$unknown": "not_collected"})
	rule.unknown == {"The ingress rules are not known (not_collected)"} with input as r
	not rule.compliant with input as r
}

test_unknown_bad_param if {
	r := sg([])
	rule.unknown == {`The admin_ports parameter must be a list of TCP port numbers, not ["22"]`} with input as r with data.params.admin_ports as ["22"]
	not rule.compliant with input as r with data.params.admin_ports as ["22"]
}
