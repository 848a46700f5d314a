package complyctl.ec2.nacl_no_open_admin_ports_test

import rego.v1

import data.complyctl.ec2.nacl_no_open_admin_ports as rule

kaa := {"$unknown": "known_after_apply"}

nacl(entries) := {
	"id": "arn:aws:ec2:us-east-1:123456789012:network-acl/acl-0a1",
	"kind": "aws.ec2.network_acl",
	"name": "acl-0a1",
	"attributes": {"network_acl_id": "acl-0a1", "vpc_id": "vpc-0main", "is_default": false, "entries": entries},
}

# An inbound entry from an IPv4 range.
in4(n, action, protocol, from, to, cidr) := {
	"rule_number": n, "egress": false, "protocol": protocol, "action": action,
	"cidr_ipv4": cidr, "cidr_ipv6": null, "from_port": from, "to_port": to,
}

# An inbound entry from an IPv6 range.
in6(n, action, protocol, from, to, cidr) := {
	"rule_number": n, "egress": false, "protocol": protocol, "action": action,
	"cidr_ipv4": null, "cidr_ipv6": cidr, "from_port": from, "to_port": to,
}

out4(n, action, protocol, from, to, cidr) := object.union(in4(n, action, protocol, from, to, cidr), {"egress": true})

# What AWS puts in a default network ACL of a dual-stack VPC.
default_entries := [
	in4(100, "allow", "-1", 0, 0, "0.0.0.0/0"),
	in6(101, "allow", "-1", 0, 0, "::/0"),
	in4(32767, "deny", "-1", 0, 0, "0.0.0.0/0"),
	in6(32768, "deny", "-1", 0, 0, "::/0"),
	out4(100, "allow", "-1", 0, 0, "0.0.0.0/0"),
]

all_admin := "ports 22 (SSH), 23 (Telnet), 3389 (RDP), 5900 (VNC), 5985 (WinRM HTTP), 5986 (WinRM HTTPS)"

test_fail_default_allow_all if {
	r := nacl(default_entries)
	rule.deny == {
		sprintf("inbound rule 100 (all traffic) allows remote administration %v from 0.0.0.0/0", [all_admin]),
		sprintf("inbound rule 101 (all traffic) allows remote administration %v from ::/0", [all_admin]),
	} with input as r
	count(rule.unknown) == 0 with input as r
	not rule.compliant with input as r
}

test_fail_ssh_allow if {
	r := nacl([in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])
	rule.deny == {"inbound rule 100 (tcp 22) allows remote administration port 22 (SSH) from 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_range_names_covered_ports if {
	r := nacl([in4(120, "allow", "tcp", 3000, 5900, "0.0.0.0/0")])
	rule.deny == {"inbound rule 120 (tcp 3000-5900) allows remote administration ports 3389 (RDP), 5900 (VNC) from 0.0.0.0/0"} with input as r
}

test_fail_protocol_number_and_upper_case_action if {
	r := nacl([in4(100, "ALLOW", "6", 22, 22, "0.0.0.0/0")])
	count(rule.deny) == 1 with input as r
}

test_fail_deny_covers_only_some_ports if {
	# The deny shadows SSH only; RDP and the rest stay open.
	r := nacl([in4(90, "deny", "tcp", 22, 22, "0.0.0.0/0"), in4(100, "allow", "-1", 0, 0, "0.0.0.0/0")])
	rule.deny == {"inbound rule 100 (all traffic) allows remote administration ports 23 (Telnet), 3389 (RDP), 5900 (VNC), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) from 0.0.0.0/0"} with input as r
}

test_fail_deny_after_allow_does_not_shadow if {
	r := nacl([in4(200, "deny", "tcp", 22, 22, "0.0.0.0/0"), in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])
	rule.deny == {"inbound rule 100 (tcp 22) allows remote administration port 22 (SSH) from 0.0.0.0/0"} with input as r
}

test_fail_deny_for_partial_range_does_not_shadow if {
	# A deny for part of the internet leaves the rest of it allowed.
	r := nacl([in4(90, "deny", "tcp", 22, 22, "198.51.100.0/24"), in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 0 with input as r
}

test_fail_ipv4_deny_does_not_shadow_ipv6 if {
	r := nacl([in4(90, "deny", "-1", 0, 0, "0.0.0.0/0"), in6(100, "allow", "tcp", 22, 22, "::/0")])
	rule.deny == {"inbound rule 100 (tcp 22) allows remote administration port 22 (SSH) from ::/0"} with input as r
}

test_fail_first_allow_reported if {
	r := nacl([in4(200, "allow", "tcp", 0, 65535, "0.0.0.0/0"), in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])
	rule.deny == {
		"inbound rule 100 (tcp 22) allows remote administration port 22 (SSH) from 0.0.0.0/0",
		"inbound rule 200 (tcp 0-65535) allows remote administration ports 23 (Telnet), 3389 (RDP), 5900 (VNC), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) from 0.0.0.0/0",
	} with input as r
}

test_fail_wins_over_unknown if {
	r := nacl([in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), in4(110, "allow", "tcp", 3389, 3389, kaa)])
	rule.deny == {"inbound rule 100 (tcp 22) allows remote administration port 22 (SSH) from 0.0.0.0/0"} with input as r
	rule.unknown == {"Whether remote administration port 3389 (RDP) can be reached from 0.0.0.0/0 is not known: inbound rule 110 has cidr_ipv4 not known"} with input as r
	not rule.compliant with input as r
}

test_fail_unknown_entry_after_allow_cannot_shadow if {
	r := nacl([in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), in4(200, "deny", "tcp", 22, 22, kaa)])
	count(rule.deny) == 1 with input as r
}

test_fail_param_override if {
	r := nacl([in4(100, "allow", "tcp", 8443, 8443, "0.0.0.0/0")])
	rule.deny == {"inbound rule 100 (tcp 8443) allows remote administration port 8443 from 0.0.0.0/0"} with input as r
		with data.params.admin_ports as [8443]
	rule.compliant with input as r
}

test_pass_lower_deny_shadows_allow_all if {
	r := nacl([
		in4(10, "deny", "tcp", 0, 1023, "0.0.0.0/0"),
		in4(20, "deny", "tcp", 3389, 3389, "0.0.0.0/0"),
		in4(30, "deny", "tcp", 5900, 5986, "0.0.0.0/0"),
		in6(40, "deny", "-1", 0, 0, "::/0"),
		in4(100, "allow", "-1", 0, 0, "0.0.0.0/0"),
		in6(101, "allow", "-1", 0, 0, "::/0"),
	])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_web_and_ephemeral_ports if {
	r := nacl([
		in4(100, "allow", "tcp", 443, 443, "0.0.0.0/0"),
		in6(101, "allow", "tcp", 443, 443, "::/0"),
		in4(110, "allow", "tcp", 32768, 65535, "0.0.0.0/0"),
		in4(120, "allow", "tcp", 22, 22, "10.0.0.0/8"),
		in4(130, "allow", "udp", 0, 65535, "0.0.0.0/0"),
		in4(140, "allow", "icmp", -1, -1, "0.0.0.0/0"),
		in4(32767, "deny", "-1", 0, 0, "0.0.0.0/0"),
	])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_egress_allow_all if {
	r := nacl([out4(100, "allow", "-1", 0, 0, "0.0.0.0/0")])
	rule.compliant with input as r
}

test_pass_no_entries if {
	rule.compliant with input as nacl([])
	rule.compliant with input as nacl(null)
}

test_pass_unknown_entry_cannot_allow_after_deny if {
	# An entry after a deny of everything cannot change anything.
	r := nacl([in4(1, "deny", "-1", 0, 0, "0.0.0.0/0"), in6(2, "deny", "-1", 0, 0, "::/0"), in4(100, kaa, kaa, kaa, kaa, kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_unknown_source_on_other_ports if {
	r := nacl([in4(100, "allow", "tcp", 443, 443, kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_source if {
	r := nacl([in4(100, "allow", "tcp", 22, 22, kaa)])
	rule.unknown == {"Whether remote administration port 22 (SSH) can be reached from 0.0.0.0/0 is not known: inbound rule 100 has cidr_ipv4 not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ports if {
	r := nacl([in6(100, "allow", "tcp", 5000, kaa, "::/0")])
	rule.unknown == {"Whether remote administration ports 5900 (VNC), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) can be reached from ::/0 is not known: inbound rule 100 has to_port not known"} with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_protocol if {
	# Protocol -1 would cover every port, whatever from_port and to_port say.
	r := nacl([in4(100, "allow", kaa, 22, 22, "0.0.0.0/0")])
	rule.unknown == {sprintf("Whether remote administration %v can be reached from 0.0.0.0/0 is not known: inbound rule 100 has protocol not known", [all_admin])} with input as r
	not rule.compliant with input as r
}

test_unknown_action if {
	r := nacl([in4(100, kaa, "tcp", 22, 22, "0.0.0.0/0")])
	rule.unknown == {"Whether remote administration port 22 (SSH) can be reached from 0.0.0.0/0 is not known: inbound rule 100 has action not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_direction if {
	r := nacl([object.union(in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), {"egress": kaa})])
	rule.unknown == {"Whether remote administration port 22 (SSH) can be reached from 0.0.0.0/0 is not known: entries[0] has egress not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_deny_number_may_shadow if {
	# The deny may come first (then nothing is open) or not.
	r := nacl([in4(kaa, "deny", "tcp", 22, 22, "0.0.0.0/0"), in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])
	rule.unknown == {"Whether remote administration port 22 (SSH) can be reached from 0.0.0.0/0 is not known: entries[0] has rule_number not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_deny_source_may_shadow if {
	r := nacl([in4(50, "deny", "tcp", 22, 22, kaa), in4(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_allow_before_deny if {
	# A lower-numbered entry that may allow SSH from anywhere comes before the deny.
	r := nacl([in4(50, "allow", "tcp", kaa, kaa, "0.0.0.0/0"), in4(60, "deny", "-1", 0, 0, "0.0.0.0/0")])
	rule.unknown == {"Whether remote administration ports 22 (SSH), 23 (Telnet), 3389 (RDP), 5900 (VNC), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) can be reached from 0.0.0.0/0 is not known: inbound rule 50 has from_port, to_port not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_whole_entry if {
	r := nacl([in4(100, "allow", "tcp", 443, 443, "0.0.0.0/0"), {"$unknown": "ambiguous"}])
	rule.unknown == {
		sprintf("Whether remote administration %v can be reached from 0.0.0.0/0 is not known: entries[1] is not known (ambiguous)", [all_admin]),
		sprintf("Whether remote administration %v can be reached from ::/0 is not known: entries[1] is not known (ambiguous)", [all_admin]),
	} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_entries if {
	r := nacl({"$unknown": "not_collected"})
	rule.unknown == {"The network ACL entries are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_bad_param if {
	r := nacl([])
	count(rule.unknown) == 1 with input as r with data.params.admin_ports as null
	not rule.compliant with input as r with data.params.admin_ports as null
}

test_unknown_entry_that_is_not_an_object if {
	r := nacl([in4(100, "deny", "-1", 0, 0, "0.0.0.0/0"), 1, "a"])
	rule.unknown == {"entries[1] is not a network ACL entry: 1", `entries[2] is not a network ACL entry: "a"`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
