# Helpers shared by all rules. Not a rule itself: it has no METADATA block.
#
# regorus raises an error (not "undefined") when `some .. in` walks a null, a
# string or a number, and when a builtin gets an argument of the wrong type, so
# the helpers check types before they iterate or call builtins.
#
# A function whose cases give different values is one definition with `else`
# branches, not one definition per case: regorus evaluates every definition of a
# function on each call (to detect conflicting values) unless all of them give the
# same constant, while an `else` chain stops at the first case that holds.
package complyctl.lib

import rego.v1

# A value complyctl could not know: Terraform's "known after apply", a sensitive
# value, a value the collector could not read, or an ambiguous plan link.
is_marker(x) if {
	is_object(x)
	x["$unknown"]
}

# is_marker inlined: rules call this on every field they read, and a function call costs
# regorus's VM far more than the two checks it makes.
is_unknown(x) if {
	is_object(x)
	x["$unknown"]
}

# (A marker's own value is a string: walking into a marker finds nothing more.)
is_unknown(x) if {
	is_object(x)
	some v in x
	is_unknown(v)
}

is_unknown(x) if {
	is_array(x)
	some v in x
	is_unknown(v)
}

# The name docs/inventory.md also uses for is_unknown.
contains_unknown(x) if is_unknown(x)

# Defined, not null and free of unknown markers.
known(x) if {
	x != null
	not is_unknown(x)
}

# The reason of a marker ("known_after_apply", "sensitive", "not_collected", "ambiguous").
unknown_reason(x) := x["$unknown"] if is_marker(x)

# A marker for a value that the configuration sets but that is not known yet
# (Terraform computes it at apply time, or hides it as sensitive): the value will
# exist. A value the collector could not read, or an ambiguous plan link, is not.
set_but_unknown(x) if unknown_reason(x) in {"known_after_apply", "sensitive"}

world_cidrs := {"0.0.0.0/0", "::/0"}

as_list(x) := x if is_array(x) else := [x]

# A list-valued attribute, with null (not configured) as []. Undefined for
# anything else (a marker, a string...), so callers check is_unknown separately.
list_or_empty(x) := x if is_array(x) else := [] if x == null

open_to_world(perm) if {
	some key in ["cidr_ipv4", "cidr_ipv6"]
	some c in list_or_empty(perm[key])
	c in world_cidrs
}

# The permission may be open to the whole internet: it is, or its address ranges
# (or the whole permission) are not known.
may_be_open_to_world(perm) if open_to_world(perm)

may_be_open_to_world(perm) if is_marker(perm)

may_be_open_to_world(perm) if {
	some key in ["cidr_ipv4", "cidr_ipv6"]
	is_unknown(perm[key])
}

all_protocols(perm) if perm.protocol in {"-1", -1, "all"}

is_tcp(perm) if perm.protocol in {"tcp", "6", 6}

all_ports(perm) if all_protocols(perm)

all_ports(perm) if {
	perm.protocol in {"tcp", "udp", "6", "17", 6, 17}
	is_number(perm.from_port)
	is_number(perm.to_port)
	perm.from_port <= 0
	perm.to_port >= 65535
}

covers_port(perm, _) if all_protocols(perm)

covers_port(perm, port) if {
	is_tcp(perm)
	is_number(perm.from_port)
	is_number(perm.to_port)
	perm.from_port <= port
	perm.to_port >= port
}

# The permission may cover TCP port `port`: it does, or its protocol or port range
# (or the whole permission) is not known and a value it could take would.
may_cover_port(perm, port) if covers_port(perm, port)

may_cover_port(perm, _) if is_marker(perm)

may_cover_port(perm, _) if is_unknown(perm.protocol)

may_cover_port(perm, port) if {
	is_tcp(perm)
	_may_be_at_most(perm.from_port, port)
	_may_be_at_least(perm.to_port, port)
}

_may_be_at_most(x, _) if is_unknown(x)

_may_be_at_most(x, n) if {
	is_number(x)
	x <= n
}

_may_be_at_least(x, _) if is_unknown(x)

_may_be_at_least(x, n) if {
	is_number(x)
	x >= n
}

# "tcp 22", "tcp 0-65535", "all traffic": for messages.
port_range_text(perm) := "all traffic" if {
	all_protocols(perm)
} else := sprintf("%v %v", [perm.protocol, perm.from_port]) if {
	perm.from_port == perm.to_port
} else := sprintf("%v %v-%v", [perm.protocol, perm.from_port, perm.to_port]) if {
	perm.from_port != perm.to_port
}

# How a message names statement `i` of a policy document: `Statement "Sid"` when
# it has a Sid, else `Statement[i]`.
statement_name(i, s) := sprintf("Statement %v", [json.marshal(s.Sid)]) if {
	_has_sid(s)
} else := sprintf("Statement[%v]", [i])

_has_sid(s) if {
	is_string(s.Sid)
	s.Sid != ""
}

# The statements of a policy document as a list (a single statement object becomes
# a one-element list; no Statement gives []). A document that is an unknown marker
# gives [marker], so a rule walking the statements sees one unknown statement.
policy_statements(doc) := [doc] if {
	is_marker(doc)
} else := as_list(doc.Statement) if {
	is_object(doc)
	object.get(doc, "Statement", null) != null
} else := []

# Live scans have one aws.account resource per scanned region. Account-wide facts (the
# root user, the password policy, S3's account settings) are judged once, on the account
# resource of the home region (`home_region: true`), not repeated in every region.
# Plans and saved inventories without the attribute are their own home.
other_region_of_account if input.attributes.home_region == false
