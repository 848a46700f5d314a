# Helpers shared by the EC2 network rules (security groups and network ACLs). Not a
# rule itself: it has no METADATA block.
#
# Like complyctl.lib, every helper checks types before it iterates or calls a builtin:
# regorus raises an error on `some .. in` over a null, a string or a number.
#
# Calling functions of complyctl.lib through the `lib` import works here, but regorus
# evaluates a membership test or lookup on one of its rules (`c in lib.world_cidrs`)
# from this sub-package of complyctl.lib as undefined (a "recursion detected" error
# inside), so such references spell out the full path: data.complyctl.lib.world_cidrs.
package complyctl.lib.ec2

import rego.v1

import data.complyctl.lib

# Well-known services behind the ports of the admin_ports and database_ports
# parameters, for messages. A port not listed here is named by its number only.
port_services := {
	22: "SSH",
	23: "Telnet",
	1433: "SQL Server",
	1521: "Oracle",
	3306: "MySQL",
	3389: "RDP",
	5432: "PostgreSQL",
	5900: "VNC",
	5984: "CouchDB",
	5985: "WinRM HTTP",
	5986: "WinRM HTTPS",
	6379: "Redis",
	7000: "Cassandra inter-node",
	7001: "Cassandra inter-node TLS",
	8020: "HDFS NameNode",
	9042: "Cassandra CQL",
	9200: "Elasticsearch HTTP",
	9300: "Elasticsearch transport",
	11211: "Memcached",
	27017: "MongoDB",
	27018: "MongoDB shard",
	50070: "HDFS NameNode web UI",
}

# "22 (SSH)", or "8443" for a port without a well-known service.
port_label(p) := sprintf("%v (%v)", [p, name]) if {
	name := port_services[p]
	is_string(name)
} else := sprintf("%v", [p])

# "port 22 (SSH)" / "ports 22 (SSH), 3389 (RDP)" for a set or list of port numbers.
ports_text(ports) := sprintf("port %v", [port_label(p)]) if {
	count(ports) == 1
	some p in ports
} else := sprintf("ports %v", [concat(", ", [port_label(p) | some p in sort(ports)])]) if {
	count(ports) > 1
}

# A port-list parameter (admin_ports, database_ports) is a list of TCP port numbers.
valid_port_list(x) if {
	is_array(x)
	every p in x {
		is_number(p)
		p >= 0
		p <= 65535
	}
}

# The ports of a port-list parameter, as a set; empty when the parameter is malformed
# (rules report that as unknown through valid_port_list).
port_set(x) := {p | some p in x; is_number(p)} if is_array(x) else := set()

# The permission fields that decide whether it exposes something to the internet.
permission_fields := ["protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6"]

# The decisive fields of a permission that are not known, in permission_fields order.
unknown_fields(perm) := [f | some f in permission_fields; lib.is_unknown(perm[f])]

# The internet-wide ranges (0.0.0.0/0, ::/0) among the permission's address ranges.
world_cidrs_of(perm) := {c |
	some key in ["cidr_ipv4", "cidr_ipv6"]
	some c in lib.list_or_empty(perm[key])
	c in data.complyctl.lib.world_cidrs
}

# The permission opens TCP `port` to the internet.
exposes_port(perm, port) if {
	lib.covers_port(perm, port)
	lib.open_to_world(perm)
}

# The permission may open TCP `port` to the internet: it does, or a value that is not
# known could make it do so.
may_expose_port(perm, port) if {
	lib.may_be_open_to_world(perm)
	lib.may_cover_port(perm, port)
}

# The permission covers every port of every protocol, or every TCP or UDP port
# (lib.all_ports), or may once its unknown values are known.
may_be_all_ports(perm) if lib.all_ports(perm)

may_be_all_ports(perm) if lib.is_marker(perm)

may_be_all_ports(perm) if lib.is_unknown(perm.protocol)

may_be_all_ports(perm) if {
	perm.protocol in {"tcp", "udp", "6", "17", 6, 17}
	_may_be_at_most(perm.from_port, 0)
	_may_be_at_least(perm.to_port, 65535)
}

# The permission is for all protocols, or may be once its protocol is known.
may_be_all_protocols(perm) if lib.all_protocols(perm)

may_be_all_protocols(perm) if lib.is_marker(perm)

may_be_all_protocols(perm) if lib.is_unknown(perm.protocol)

_may_be_at_most(x, _) if lib.is_unknown(x)

_may_be_at_most(x, n) if {
	is_number(x)
	x <= n
}

_may_be_at_least(x, _) if lib.is_unknown(x)

_may_be_at_least(x, n) if {
	is_number(x)
	x >= n
}

# How a message names a permission: `tcp 22`, `all traffic`, `tcp 0-65535, "web"`
# (with its description when it has one). Values that are not known print as `?`
# (`tcp 1024-?`); a permission that is not known at all is `not known`.
permission_text(perm) := sprintf("%v%v", [_range_text(perm), _description(perm)])

_range_text(perm) := "not known" if {
	lib.is_marker(perm)
} else := lib.port_range_text(perm) if {
	_range_printable(perm)
} else := _field_text(perm, "protocol") if {
	_no_ports(perm)
} else := sprintf("%v %v-%v", [_field_text(perm, "protocol"), _field_text(perm, "from_port"), _field_text(perm, "to_port")])

_range_printable(perm) if lib.all_protocols(perm)

_range_printable(perm) if {
	lib.known(perm.protocol)
	is_number(perm.from_port)
	is_number(perm.to_port)
}

_no_ports(perm) if {
	object.get(perm, "from_port", null) == null
	object.get(perm, "to_port", null) == null
}

# A field of a permission for messages; a missing field prints as null.
_field_text(perm, key) := _text(object.get(perm, key, null))

# A value for messages: `?` when it is not known.
_text(x) := "?" if lib.is_unknown(x) else := sprintf("%v", [x])

_description(perm) := sprintf(", %v", [json.marshal(perm.description)]) if {
	is_string(perm.description)
	perm.description != ""
} else := ""

# Who a permission allows (ingress) or reaches (egress), for messages: its address
# ranges, prefix lists and security groups, and "itself" for a self-referencing rule.
peers_text(perm) := "not known" if {
	lib.is_marker(perm)
} else := concat(", ", peers) if {
	peers := _peers(perm)
	count(peers) > 0
} else := "no peers" if {
	count(_peers(perm)) == 0
}

_peers(perm) := array.concat(
	[_text(p) | some key in ["cidr_ipv4", "cidr_ipv6", "prefix_lists", "security_groups"]; some p in _peer_list(perm[key])],
	[t | some t in ["itself"]; perm.self == true],
)

_peer_list(x) := x if {
	is_array(x)
} else := [x] if {
	lib.is_marker(x)
} else := []

# The ingress checks of the port-list rules (EC2.SG_OPEN_ADMIN_PORTS,
# EC2.SG_OPEN_DB_PORTS). `perms` is the list of ingress permissions, `ports` a set of
# TCP ports, `what` names them in messages ("database" -> "database port 5432 (PostgreSQL)").

# Failure messages: one per permission and internet-wide range that opens some of the
# ports, naming each open port.
open_port_messages(perms, ports, what) := {msg |
	some i, perm in perms
	open := covered_ports(perm, ports)
	count(open) > 0
	some cidr in world_cidrs_of(perm)
	msg := sprintf("ingress[%v] (%v) opens %v %v to %v", [i, permission_text(perm), what, ports_text(open), cidr])
}

# The permissions that may open some of the ports to the internet, by index, with the
# ports each may open: {i: ports}. A permission not known at all may open every port. The
# port-list rules bind this once per evaluation (their unknown and compliant decisions
# both read it) and pass it to candidate_messages.
exposure_candidates(perms, ports) := {i: maybe |
	some i, perm in perms
	lib.may_be_open_to_world(perm)
	maybe := maybe_covered_ports(perm, ports)
	count(maybe) > 0
}

# Unknown messages: permissions that may open some of the ports to the internet once
# their unknown values are known (and do not definitely open them).
maybe_open_port_messages(perms, ports, what) := candidate_messages(perms, exposure_candidates(perms, ports), what)

# maybe_open_port_messages over exposure_candidates(perms, ports).
candidate_messages(perms, candidates, what) := {msg |
	some i, maybe in candidates
	msg := _candidate_message(i, perms[i], maybe, what)
}

_candidate_message(i, perm, maybe, what) := sprintf("ingress[%v] is not known (%v) and may open %v ports to the internet", [i, lib.unknown_reason(perm), what]) if {
	lib.is_marker(perm)
} else := sprintf("ingress[%v] (%v) may open %v %v to the internet: %v not known", [i, permission_text(perm), what, ports_text(rest), concat(", ", unknown_fields(perm))]) if {
	# The ports it may cover include those it covers, so `maybe` stands in for the
	# parameter's ports here.
	rest := maybe - exposed_ports(perm, maybe)
	count(rest) > 0
}

# Every permission is known not to open any of the ports to the internet.
ports_closed(perms, ports) if {
	is_array(perms)
	count(exposure_candidates(perms, ports)) == 0
}

# The port sets below give, for a whole set of TCP ports at once, the answers of
# lib.covers_port, exposes_port and lib.may_cover_port for each port. They read the
# permission's range once and compare numbers, instead of calling a function per port:
# these rules run on every security group, with a dozen or more ports each, and that
# per-port calling was most of the cost of a scan.

# The ports of `ports` (a set) that the permission covers (lib.covers_port). Most
# permissions open a single port: for them a set intersection (one builtin call) replaces
# the loop over every port of the parameter.
covered_ports(perm, ports) := ports if {
	lib.all_protocols(perm)
} else := ports & {perm.from_port} if {
	lib.is_tcp(perm)
	is_number(perm.from_port)
	perm.from_port == perm.to_port
} else := {p | some p in ports; perm.from_port <= p; p <= perm.to_port} if {
	lib.is_tcp(perm)
	is_number(perm.from_port)
	is_number(perm.to_port)
} else := set()

# The ports the permission opens to the internet (exposes_port).
exposed_ports(perm, ports) := covered_ports(perm, ports) if {
	lib.open_to_world(perm)
} else := set()

# The ports the permission may cover once its unknown values are known (lib.may_cover_port).
maybe_covered_ports(perm, ports) := ports if {
	lib.all_protocols(perm)
} else := ports if {
	lib.is_marker(perm)
} else := ports if {
	lib.is_unknown(perm.protocol)
} else := _maybe_tcp_ports(perm, ports) if {
	lib.is_tcp(perm)
} else := set()

# A TCP permission's ports, where an unknown bound may be any value.
_maybe_tcp_ports(perm, ports) := ports & {perm.from_port} if {
	is_number(perm.from_port)
	perm.from_port == perm.to_port
} else := {p | some p in ports; perm.from_port <= p; p <= perm.to_port} if {
	is_number(perm.from_port)
	is_number(perm.to_port)
} else := {p | some p in ports; p <= perm.to_port} if {
	lib.is_unknown(perm.from_port)
	is_number(perm.to_port)
} else := {p | some p in ports; perm.from_port <= p} if {
	is_number(perm.from_port)
	lib.is_unknown(perm.to_port)
} else := ports if {
	lib.is_unknown(perm.from_port)
	lib.is_unknown(perm.to_port)
} else := set()
