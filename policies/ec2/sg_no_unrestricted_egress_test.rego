package complyctl.ec2.sg_no_unrestricted_egress_test

import rego.v1

import data.complyctl.ec2.sg_no_unrestricted_egress as rule

kaa := {"$unknown": "known_after_apply"}

sg(is_default, egress) := {
	"id": "aws_security_group.app",
	"kind": "aws.ec2.security_group",
	"name": "app",
	"attributes": {"group_id": kaa, "group_name": "app", "is_default": is_default, "ingress": [], "egress": egress},
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

test_fail_aws_default_egress if {
	r := sg(false, [perm("-1", null, null, ["0.0.0.0/0"], [])])
	rule.deny == {"egress[0] (all traffic) allows all outbound traffic to 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_ipv6_and_ipv4 if {
	r := sg(false, [perm("tcp", 443, 443, ["0.0.0.0/0"], []), perm("-1", 0, 0, ["0.0.0.0/0"], ["::/0"])])
	rule.deny == {
		"egress[1] (all traffic) allows all outbound traffic to 0.0.0.0/0",
		"egress[1] (all traffic) allows all outbound traffic to ::/0",
	} with input as r
}

test_fail_wins_over_unknown if {
	r := sg(false, [perm(kaa, null, null, ["0.0.0.0/0"], []), perm("-1", null, null, [], ["::/0"])])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_https_only if {
	r := sg(false, [perm("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"]), perm("tcp", 0, 65535, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_all_traffic_to_private_ranges if {
	p := object.union(perm("-1", null, null, ["10.0.0.0/8"], []), {"prefix_lists": ["pl-0s3"], "security_groups": ["sg-0db"]})
	r := sg(false, [p])
	rule.compliant with input as r
}

test_pass_no_egress if {
	rule.compliant with input as sg(false, [])
	rule.compliant with input as sg(false, null)
}

test_pass_unknown_destination_of_narrow_rule if {
	r := sg(false, [perm("tcp", 443, 443, kaa, kaa)])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_not_applicable_default_group if {
	r := sg(true, [perm("-1", null, null, ["0.0.0.0/0"], [])])
	rule.not_applicable with input as r
}

test_unknown_destination if {
	r := sg(false, [perm("-1", null, null, kaa, [])])
	rule.unknown == {"egress[0] (all traffic) may allow all outbound traffic to the internet: cidr_ipv4 not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_protocol if {
	r := sg(false, [perm(kaa, null, null, [], ["::/0"])])
	rule.unknown == {"egress[0] (?) may allow all outbound traffic to the internet: protocol not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_whole_permission if {
	r := sg(false, [{"$unknown": "ambiguous"}])
	rule.unknown == {"egress[0] is not known (ambiguous) and may allow all outbound traffic to the internet"} with input as r
	not rule.compliant with input as r
}

test_unknown_egress_list if {
	r := sg(false, {"$unknown": "not_collected"})
	rule.unknown == {"The egress rules are not known (not_collected)"} with input as r
	not rule.compliant with input as r
}

test_unknown_is_default_not_known if {
	# Either EC2.DEFAULT_SG_NO_TRAFFIC or this rule judges it; this one still does.
	r := sg(kaa, [perm("-1", null, null, ["0.0.0.0/0"], [])])
	not rule.not_applicable with input as r
	count(rule.deny) == 1 with input as r
}
