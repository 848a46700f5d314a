# METADATA
# title: Network ACLs do not allow remote administration ports from the internet
# description: >-
#   Checks that the network ACL does not let traffic from 0.0.0.0/0 or ::/0 reach any of
#   the remote administration ports of the admin_ports parameter (by default TCP 22 SSH,
#   23 Telnet, 3389 RDP, 5900 VNC, 5985/5986 WinRM). A network ACL is the subnet-wide
#   layer in front of security groups; allowing admin ports from anywhere there leaves a
#   single misconfigured security group between every host in the subnet and internet-wide
#   brute forcing. AWS evaluates inbound entries in rule_number order and the first entry
#   matching the traffic decides, so an allow entry (protocol all or TCP,
#   from_port..to_port covering the port, source 0.0.0.0/0 or ::/0) fails only when no
#   lower-numbered deny entry covers the same port from the same whole address family. The
#   default network ACL's allow-all entry fails. Unknown when the entries, or the source,
#   protocol, ports, action or rule number of an entry that could decide, are not known,
#   unless another entry definitely fails.
# custom:
#   id: EC2.NACL_NO_OPEN_ADMIN_PORTS
#   severity: medium
#   kind: aws.ec2.network_acl
#   params:
#     admin_ports: [22, 23, 3389, 5900, 5985, 5986]
#   remediation: >-
#     Replace the allow entry with entries for the ports the subnet must serve, or add
#     lower-numbered deny entries for the admin ports from 0.0.0.0/0 and ::/0 (keep
#     allowing return traffic on ephemeral ports, since network ACLs are stateless).
#     Console: VPC > Network ACLs > the ACL > Inbound rules > Edit inbound rules. AWS CLI:
#     aws ec2 create-network-acl-entry --network-acl-id ACL_ID --ingress --rule-number 50
#     --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny
#     (aws ec2 replace-network-acl-entry to narrow an existing entry). Terraform: in the
#     aws_network_acl / aws_default_network_acl ingress blocks or aws_network_acl_rule
#     resources, narrow the allow entries' from_port/to_port and cidr_block /
#     ipv6_cidr_block, or add a lower-numbered rule_action = "deny" entry for each admin
#     port.
package complyctl.ec2.nacl_no_open_admin_ports

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.ec2

param := data.params.admin_ports

ports := ec2.port_set(param)

# A rule, not a repeated function call: the unknown and compliant decisions share it.
valid_param if ec2.valid_port_list(param)

entries_attr := object.get(input.attributes, "entries", [])

entries := lib.list_or_empty(entries_attr)

# The whole internet per address family, and the entry field holding that family's source.
families := {"0.0.0.0/0": "cidr_ipv4", "::/0": "cidr_ipv6"}

entry_fields := ["rule_number", "egress", "protocol", "action", "cidr_ipv4", "cidr_ipv6", "from_port", "to_port"]

# --- what an entry is, and may be once its unknown values are known -------------------

# Inbound: egress false (an entry without the field is inbound, like aws_network_acl_rule).
is_ingress(e) if {
	is_object(e)
	not lib.is_marker(e)
	v := object.get(e, "egress", false)
	not lib.is_unknown(v)
	v != true
}

may_be_ingress(e) if is_ingress(e)

may_be_ingress(e) if lib.is_marker(e)

may_be_ingress(e) if lib.is_unknown(e.egress)

# The source of an entry as a list: a string (the normal form), a list, or nothing.
sources(e, key) := [] if object.get(e, key, null) == null

sources(e, key) := lib.as_list(e[key]) if e[key] != null

# The entry's source is the whole address family `world`.
from_world(e, world) if {
	some c in sources(e, families[world])
	c == world
}

may_be_from_world(e, world) if from_world(e, world)

may_be_from_world(e, world) if lib.is_marker(e)

may_be_from_world(e, world) if lib.is_unknown(e[families[world]])

# The entry matches TCP traffic to `port` from all of `world`.
matches(e, world, port) if {
	is_ingress(e)
	from_world(e, world)
	lib.covers_port(e, port)
}

may_match(e, world, port) if {
	may_be_ingress(e)
	may_be_from_world(e, world)
	lib.may_cover_port(e, port)
}

action(e) := lower(e.action) if is_string(e.action)

is_allow(e) if action(e) == "allow"

is_deny(e) if action(e) == "deny"

may_allow(e) if is_allow(e)

may_allow(e) if lib.is_marker(e)

may_allow(e) if lib.is_unknown(e.action)

may_deny(e) if is_deny(e)

may_deny(e) if lib.is_marker(e)

may_deny(e) if lib.is_unknown(e.action)

number(e) := e.rule_number if {
	not lib.is_marker(e)
	is_number(e.rule_number)
}

# The entry may be evaluated before rule number n: its own number is lower or not known.
may_precede(e, _) if not number(e)

may_precede(e, n) if number(e) < n

# Everything about the entry that matters for (world, port) is known.
decided(e, world, port) if {
	matches(e, world, port)
	action(e) in {"allow", "deny"}
	number(e)
}

decided(e, world, port) if not may_match(e, world, port)

# --- the first matching entry ------------------------------------------------------------

# Entry i allows TCP `port` from all of `world`, and is the entry that decides: no entry
# that may deny the same traffic may come before it, and no definite allow comes before it.
opens(i, world, port) if {
	a := entries[i]
	matches(a, world, port)
	is_allow(a)
	n := number(a)
	not may_be_denied_before(i, world, port, n)
	not allowed_before(i, world, port, n)
}

may_be_denied_before(i, world, port, n) if {
	some j, e in entries
	j != i
	may_match(e, world, port)
	may_deny(e)
	may_precede(e, n)
}

allowed_before(i, world, port, n) if {
	some j, e in entries
	j != i
	matches(e, world, port)
	is_allow(e)
	number(e) < n
}

open(world, port) if {
	some i, _ in entries
	opens(i, world, port)
}

# TCP `port` from all of `world` is definitely denied: no entry may allow it (the
# implicit final deny), or a deny entry matches it before any entry that may allow it.
closed(world, port) if {
	is_array(entries)
	not may_be_allowed(world, port)
}

closed(world, port) if {
	some i, d in entries
	matches(d, world, port)
	is_deny(d)
	n := number(d)
	not may_be_allowed_before(i, world, port, n)
}

may_be_allowed(world, port) if {
	some e in entries
	may_match(e, world, port)
	may_allow(e)
}

may_be_allowed_before(i, world, port, n) if {
	some j, e in entries
	j != i
	may_match(e, world, port)
	may_allow(e)
	may_precede(e, n)
}

# --- decisions ---------------------------------------------------------------------------

# How messages name an entry.
entry_name(i, e) := sprintf("inbound rule %v", [e.rule_number]) if {
	is_ingress(e)
	number(e)
}

entry_name(i, e) := sprintf("entries[%v]", [i]) if {
	not is_ingress(e)
}

entry_name(i, e) := sprintf("entries[%v]", [i]) if {
	is_ingress(e)
	not number(e)
}

deny contains msg if {
	some i, e in entries
	some world, _ in families
	open_ports := {p | some p in ports; opens(i, world, p)}
	count(open_ports) > 0
	msg := sprintf("%v (%v) allows remote administration %v from %v", [entry_name(i, e), ec2.permission_text(e), ec2.ports_text(open_ports), world])
}

unknown contains sprintf("The admin_ports parameter must be a list of TCP port numbers, not %v", [json.marshal(param)]) if {
	not valid_param
}

unknown contains sprintf("The network ACL entries are not known (%v)", [lib.unknown_reason(entries_attr)]) if {
	lib.is_marker(entries_attr)
}

# An entry that is neither an object nor a marker says nothing about the traffic it lets in.
malformed contains i if {
	some i, e in entries
	not is_object(e)
}

unknown contains sprintf("entries[%v] is not a network ACL entry: %v", [i, json.marshal(entries[i])]) if {
	some i in malformed
}

unknown contains msg if {
	is_array(entries)
	some world, _ in families
	undecided := {p | some p in ports; not open(world, p); not closed(world, p)}
	count(undecided) > 0
	culprits := [why(i, e) | some i, e in entries; some p in undecided; not decided(e, world, p)]
	msg := sprintf("Whether remote administration %v can be reached from %v is not known: %v", [ec2.ports_text(undecided), world, concat("; ", sort({c | some c in culprits}))])
}

# Why an entry leaves the decision open.
why(i, e) := sprintf("entries[%v] is not known (%v)", [i, lib.unknown_reason(e)]) if lib.is_marker(e)

why(i, e) := sprintf("%v has %v not known", [entry_name(i, e), concat(", ", unknown_entry_fields(e))]) if {
	not lib.is_marker(e)
	count(unknown_entry_fields(e)) > 0
}

why(i, e) := sprintf("%v has action %v", [entry_name(i, e), json.marshal(object.get(e, "action", null))]) if {
	not lib.is_marker(e)
	count(unknown_entry_fields(e)) == 0
	not action(e) in {"allow", "deny"}
}

why(i, e) := sprintf("%v has rule_number %v", [entry_name(i, e), json.marshal(object.get(e, "rule_number", null))]) if {
	not lib.is_marker(e)
	count(unknown_entry_fields(e)) == 0
	action(e) in {"allow", "deny"}
	not number(e)
}

unknown_entry_fields(e) := [f | some f in entry_fields; lib.is_unknown(object.get(e, f, null))]

compliant if {
	valid_param
	count(malformed) == 0
	every world, _ in families {
		every p in ports {
			closed(world, p)
		}
	}
}
