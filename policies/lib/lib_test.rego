package complyctl.lib_test

import rego.v1

import data.complyctl.lib

kaa := {"$unknown": "known_after_apply"}

test_is_unknown_marker if lib.is_unknown(kaa)

test_is_unknown_nested if {
	lib.is_unknown({"a": [1, {"b": kaa}]})
	lib.is_unknown([kaa])
	lib.contains_unknown({"a": kaa})
}

test_is_unknown_plain_values if {
	not lib.is_unknown({"a": [1, {"b": "x"}]})
	not lib.is_unknown("known_after_apply")
	not lib.is_unknown(null)
	not lib.is_unknown([])
}

test_known if {
	lib.known("x")
	lib.known(false)
	lib.known([])
	not lib.known(null)
	not lib.known(kaa)
	not lib.known({"a": [kaa]})
}

test_unknown_reason if {
	lib.unknown_reason(kaa) == "known_after_apply"
	not lib.unknown_reason("x")
}

test_set_but_unknown if {
	lib.set_but_unknown(kaa)
	lib.set_but_unknown({"$unknown": "sensitive"})
	not lib.set_but_unknown({"$unknown": "not_collected"})
	not lib.set_but_unknown({"$unknown": "ambiguous"})
	not lib.set_but_unknown(null)
	not lib.set_but_unknown("arn:aws:kms:us-east-1:123456789012:key/x")
}

test_as_list if {
	lib.as_list("a") == ["a"]
	lib.as_list(["a", "b"]) == ["a", "b"]
}

test_list_or_empty if {
	lib.list_or_empty(null) == []
	lib.list_or_empty(["a"]) == ["a"]
	not lib.list_or_empty(kaa)
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
}

test_open_to_world if {
	lib.open_to_world(perm("tcp", 22, 22, ["10.0.0.0/8", "0.0.0.0/0"], []))
	lib.open_to_world(perm("tcp", 22, 22, [], ["::/0"]))
	not lib.open_to_world(perm("tcp", 22, 22, ["10.0.0.0/8"], ["2001:db8::/32"]))
	not lib.open_to_world(perm("tcp", 22, 22, null, null))
	not lib.open_to_world(perm("tcp", 22, 22, kaa, []))
}

test_may_be_open_to_world if {
	lib.may_be_open_to_world(perm("tcp", 22, 22, ["0.0.0.0/0"], []))
	lib.may_be_open_to_world(perm("tcp", 22, 22, kaa, []))
	lib.may_be_open_to_world(perm("tcp", 22, 22, ["10.0.0.0/8", kaa], []))
	lib.may_be_open_to_world(perm("tcp", 22, 22, [], kaa))
	lib.may_be_open_to_world(kaa)
	not lib.may_be_open_to_world(perm("tcp", 22, 22, ["10.0.0.0/8"], []))
}

test_covers_port if {
	lib.covers_port(perm("tcp", 22, 22, [], []), 22)
	lib.covers_port(perm("tcp", 0, 65535, [], []), 22)
	lib.covers_port(perm("-1", null, null, [], []), 22)
	lib.covers_port(perm("6", 20, 30, [], []), 22)
	not lib.covers_port(perm("udp", 0, 65535, [], []), 22)
	not lib.covers_port(perm("tcp", 23, 25, [], []), 22)
	not lib.covers_port(perm("tcp", 0, kaa, [], []), 22)
	not lib.covers_port(perm("tcp", kaa, kaa, [], []), 22)
}

test_may_cover_port if {
	lib.may_cover_port(perm("tcp", 22, 22, [], []), 22)
	lib.may_cover_port(perm(kaa, 80, 80, [], []), 22)
	lib.may_cover_port(perm("tcp", 0, kaa, [], []), 22)
	lib.may_cover_port(perm("tcp", kaa, 100, [], []), 22)
	lib.may_cover_port(perm("tcp", kaa, kaa, [], []), 22)
	lib.may_cover_port(kaa, 22)
	not lib.may_cover_port(perm("tcp", kaa, 21, [], []), 22)
	not lib.may_cover_port(perm("tcp", 23, kaa, [], []), 22)
	not lib.may_cover_port(perm("udp", kaa, kaa, [], []), 22)
}

test_all_ports if {
	lib.all_ports(perm("-1", null, null, [], []))
	lib.all_ports(perm("-1", 0, 0, [], []))
	lib.all_ports(perm("tcp", 0, 65535, [], []))
	not lib.all_ports(perm("tcp", 1, 65535, [], []))
	not lib.all_ports(perm("tcp", 0, kaa, [], []))
}

test_port_range_text if {
	lib.port_range_text(perm("-1", null, null, [], [])) == "all traffic"
	lib.port_range_text(perm("tcp", 22, 22, [], [])) == "tcp 22"
	lib.port_range_text(perm("tcp", 0, 65535, [], [])) == "tcp 0-65535"
}

test_policy_statements if {
	s := {"Effect": "Allow", "Action": "*", "Resource": "*"}
	lib.policy_statements({"Statement": [s]}) == [s]
	lib.policy_statements({"Statement": s}) == [s]
	lib.policy_statements({"Version": "2012-10-17"}) == []
	lib.policy_statements({"Statement": null}) == []
	lib.policy_statements(null) == []
	lib.policy_statements(kaa) == [kaa]
	lib.policy_statements({"Statement": kaa}) == [kaa]
}

test_statement_name if {
	lib.statement_name(0, {"Sid": "AdminAll", "Effect": "Allow"}) == `Statement "AdminAll"`
	lib.statement_name(2, {"Effect": "Allow"}) == "Statement[2]"
	lib.statement_name(1, {"Sid": "", "Effect": "Allow"}) == "Statement[1]"
	lib.statement_name(3, kaa) == "Statement[3]"
}
