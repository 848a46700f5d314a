package complyctl.lib.ec2_test

import rego.v1

import data.complyctl.lib.ec2

kaa := {"$unknown": "known_after_apply"}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

test_port_label if {
	ec2.port_label(22) == "22 (SSH)"
	ec2.port_label(8443) == "8443"
}

test_ports_text if {
	ec2.ports_text({3389}) == "port 3389 (RDP)"
	ec2.ports_text({3389, 22, 8443}) == "ports 22 (SSH), 3389 (RDP), 8443"
	ec2.ports_text([5432]) == "port 5432 (PostgreSQL)"
	not ec2.ports_text(set())
}

test_valid_port_list if {
	ec2.valid_port_list([22, 3389])
	ec2.valid_port_list([])
	not ec2.valid_port_list(["22"])
	not ec2.valid_port_list([70000])
	not ec2.valid_port_list(22)
	not ec2.valid_port_list(null)
}

test_port_set if {
	ec2.port_set([22, 22, 3389]) == {22, 3389}
	ec2.port_set(["x", 22]) == {22}
	ec2.port_set(null) == set()
}

test_world_cidrs_of if {
	ec2.world_cidrs_of(perm("tcp", 22, 22, ["10.0.0.0/8", "0.0.0.0/0"], ["::/0"])) == {"0.0.0.0/0", "::/0"}
	ec2.world_cidrs_of(perm("tcp", 22, 22, kaa, null)) == set()
	ec2.world_cidrs_of({"$unknown": "ambiguous"}) == set()
}

test_exposes_port if {
	ec2.exposes_port(perm("tcp", 20, 30, ["0.0.0.0/0"], []), 22)
	ec2.exposes_port(perm("-1", null, null, [], ["::/0"]), 3389)
	not ec2.exposes_port(perm("tcp", 20, 30, ["10.0.0.0/8"], []), 22)
	not ec2.exposes_port(perm("udp", 0, 65535, ["0.0.0.0/0"], []), 22)
	not ec2.exposes_port(perm("tcp", kaa, 30, ["0.0.0.0/0"], []), 22)
}

test_may_expose_port if {
	ec2.may_expose_port(perm("tcp", kaa, 30, ["0.0.0.0/0"], []), 22)
	ec2.may_expose_port(perm("tcp", 22, 22, kaa, []), 22)
	ec2.may_expose_port(perm(kaa, 443, 443, ["0.0.0.0/0"], []), 22)
	ec2.may_expose_port({"$unknown": "ambiguous"}, 22)
	not ec2.may_expose_port(perm("tcp", 443, 443, kaa, kaa), 22)
	not ec2.may_expose_port(perm("tcp", 23, kaa, ["0.0.0.0/0"], []), 22)
}

test_may_be_all_ports if {
	ec2.may_be_all_ports(perm("-1", null, null, [], []))
	ec2.may_be_all_ports(perm("tcp", 0, 65535, [], []))
	ec2.may_be_all_ports(perm("udp", kaa, kaa, [], []))
	ec2.may_be_all_ports(perm(kaa, 80, 80, [], []))
	ec2.may_be_all_ports({"$unknown": "ambiguous"})
	not ec2.may_be_all_ports(perm("tcp", 1, 65535, [], []))
	ec2.may_be_all_ports(perm("tcp", 0, kaa, [], []))
	not ec2.may_be_all_ports(perm("tcp", 1, kaa, [], []))
	not ec2.may_be_all_ports(perm("icmp", -1, -1, [], []))
}

test_may_be_all_protocols if {
	ec2.may_be_all_protocols(perm("-1", null, null, [], []))
	ec2.may_be_all_protocols(perm(kaa, null, null, [], []))
	ec2.may_be_all_protocols({"$unknown": "ambiguous"})
	not ec2.may_be_all_protocols(perm("tcp", 0, 65535, [], []))
}

test_permission_text if {
	ec2.permission_text(perm("tcp", 22, 22, [], [])) == "tcp 22"
	ec2.permission_text(perm("tcp", 0, 65535, [], [])) == "tcp 0-65535"
	ec2.permission_text(perm("-1", null, null, [], [])) == "all traffic"
	ec2.permission_text(object.union(perm("tcp", 22, 22, [], []), {"description": "admin"})) == `tcp 22, "admin"`
	ec2.permission_text(perm("tcp", 1024, kaa, [], [])) == "tcp 1024-?"
	ec2.permission_text(perm(kaa, 22, 22, [], [])) == "? 22-22"
	ec2.permission_text(perm("50", null, null, [], [])) == "50"
	ec2.permission_text({"$unknown": "ambiguous"}) == "not known"
	ec2.permission_text({"from_port": 22, "to_port": 22}) == "null 22-22"
	ec2.permission_text({}) == "null"
}

test_peers_text if {
	ec2.peers_text(perm("-1", null, null, ["0.0.0.0/0"], ["::/0"])) == "0.0.0.0/0, ::/0"
	ec2.peers_text(object.union(perm("-1", null, null, [], []), {"self": true, "security_groups": ["sg-1"]})) == "sg-1, itself"
	ec2.peers_text(perm("-1", null, null, kaa, [])) == "?"
	ec2.peers_text(perm("-1", null, null, [], [])) == "no peers"
	ec2.peers_text({"$unknown": "ambiguous"}) == "not known"
}

test_open_port_messages if {
	perms := [
		perm("tcp", 443, 443, ["0.0.0.0/0"], []),
		perm("tcp", 0, 65535, ["0.0.0.0/0"], ["::/0"]),
		perm("tcp", 22, 22, ["10.0.0.0/8"], []),
	]
	ec2.open_port_messages(perms, {22, 3389}, "admin") == {
		"ingress[1] (tcp 0-65535) opens admin ports 22 (SSH), 3389 (RDP) to 0.0.0.0/0",
		"ingress[1] (tcp 0-65535) opens admin ports 22 (SSH), 3389 (RDP) to ::/0",
	}
	ec2.open_port_messages([], {22}, "admin") == set()
}

test_maybe_open_port_messages if {
	perms := [perm("tcp", 3000, kaa, ["0.0.0.0/0"], []), {"$unknown": "ambiguous"}, perm("tcp", 22, 22, ["0.0.0.0/0"], [])]
	ec2.maybe_open_port_messages(perms, {22, 3389}, "admin") == {
		"ingress[0] (tcp 3000-?) may open admin port 3389 (RDP) to the internet: to_port not known",
		"ingress[1] is not known (ambiguous) and may open admin ports to the internet",
	}
	ec2.maybe_open_port_messages(perms, set(), "admin") == set()
}

test_ports_closed if {
	ec2.ports_closed([perm("tcp", 443, 443, ["0.0.0.0/0"], [])], {22})
	ec2.ports_closed([], {22})
	not ec2.ports_closed([perm("tcp", 22, 22, kaa, [])], {22})
	not ec2.ports_closed({"$unknown": "not_collected"}, {22})
}

# Permissions of every shape the port-set functions distinguish: known ranges of each
# protocol, unknown bounds, protocol or addresses, a whole unknown permission, junk.
sample_perms := [
	perm("tcp", 20, 30, ["0.0.0.0/0"], []),
	perm("tcp", 23, 3389, [], ["::/0"]),
	perm("6", 0, 65535, ["10.0.0.0/8"], []),
	perm("-1", null, null, ["0.0.0.0/0"], []),
	perm("udp", 0, 65535, ["0.0.0.0/0"], []),
	perm("tcp", kaa, 30, ["0.0.0.0/0"], []),
	perm("tcp", 22, kaa, ["0.0.0.0/0"], []),
	perm("tcp", kaa, kaa, kaa, []),
	perm("tcp", null, 30, ["0.0.0.0/0"], []),
	perm(kaa, 443, 443, ["0.0.0.0/0"], []),
	perm("tcp", 22, 22, kaa, []),
	{"$unknown": "known_after_apply"},
	"not a permission",
]

# The set functions answer for all ports at once what the per-port functions answer for
# each port; the port rules rely on the first for speed and on the second for meaning.
test_port_sets_agree_with_the_per_port_functions if {
	ports := {0, 20, 21, 22, 30, 31, 443, 3389, 65535, 70000}
	every pm in sample_perms {
		ec2.covered_ports(pm, ports) == {p | some p in ports; data.complyctl.lib.covers_port(pm, p)}
		ec2.exposed_ports(pm, ports) == {p | some p in ports; ec2.exposes_port(pm, p)}
		ec2.maybe_covered_ports(pm, ports) == {p | some p in ports; data.complyctl.lib.may_cover_port(pm, p)}
	}
}

test_port_sets_of_a_tcp_range if {
	ec2.covered_ports(perm("tcp", 20, 30, ["0.0.0.0/0"], []), {21, 22, 3389}) == {21, 22}
	ec2.exposed_ports(perm("tcp", 20, 30, ["10.0.0.0/8"], []), {22}) == set()
	ec2.maybe_covered_ports(perm("tcp", kaa, 30, [], []), {22, 3389}) == {22}
	ec2.maybe_covered_ports(perm("tcp", 3000, kaa, [], []), {22, 3389}) == {3389}
}
