# METADATA
# title: Security groups do not allow all traffic or all ports from the internet
# description: >-
#   Checks that no ingress permission of the security group is open to 0.0.0.0/0 or ::/0
#   for all protocols (-1) or for every TCP or UDP port (0-65535). Such a rule exposes
#   every service on every instance, load balancer or endpoint the group is attached to,
#   including databases, admin interfaces and debug ports nobody meant to publish, so one
#   forgotten listener becomes an internet-facing attack surface. Narrow ranges open to
#   the world (for example TCP 443 on a web tier) are not flagged here. A permission
#   whose address ranges, protocol or ports are not known (for example computed in the
#   same plan) and could be world-open on all ports makes the result unknown, unless
#   another permission definitely fails.
# custom:
#   id: EC2.SG_OPEN_ALL
#   severity: critical
#   kind: aws.ec2.security_group
#   remediation: >-
#     Replace the rule with rules for the specific ports the workload serves, open to the
#     internet only where it must be (for example TCP 443 on a load balancer), and use
#     security group references or private ranges for everything else. Console: EC2 >
#     Security Groups > the group > Inbound rules > Edit inbound rules, delete the "All
#     traffic" / "All TCP" / "All UDP" rule with source 0.0.0.0/0 or ::/0. AWS CLI: aws
#     ec2 revoke-security-group-ingress --group-id GROUP_ID --ip-permissions
#     IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}] (and Ipv6Ranges=[{CidrIpv6=::/0}]).
#     Terraform: remove the ingress block, aws_security_group_rule or
#     aws_vpc_security_group_ingress_rule with protocol "-1" (or from_port 0, to_port
#     65535) and cidr_blocks = ["0.0.0.0/0"] / ipv6_cidr_blocks = ["::/0"], and add
#     narrow rules instead.
package complyctl.ec2.sg_open_all

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.ec2

ingress := object.get(input.attributes, "ingress", [])

perms := lib.list_or_empty(ingress)

exposed(perm) if {
	lib.all_ports(perm)
	lib.open_to_world(perm)
}

# The permissions that may open all ports to the internet, by index: a rule, so the
# unknown and compliant decisions share one computation per evaluation.
may_be_exposed contains i if {
	some i, perm in perms
	lib.may_be_open_to_world(perm)
	ec2.may_be_all_ports(perm)
}

deny contains msg if {
	some i, perm in perms
	lib.all_ports(perm)
	some cidr in ec2.world_cidrs_of(perm)
	msg := sprintf("ingress[%v] (%v) allows %v from %v", [i, ec2.permission_text(perm), what(perm), cidr])
}

what(perm) := "every protocol and port" if {
	lib.all_protocols(perm)
} else := sprintf("every %v port", [upper(perm.protocol)]) if {
	is_string(perm.protocol)
	perm.protocol in {"tcp", "udp"}
} else := "every port"

unknown contains sprintf("The ingress rules are not known (%v)", [lib.unknown_reason(ingress)]) if {
	lib.is_marker(ingress)
}

unknown contains sprintf("ingress[%v] is not known (%v) and may allow all traffic from the internet", [i, lib.unknown_reason(perm)]) if {
	some i, perm in perms
	lib.is_marker(perm)
}

unknown contains msg if {
	some i in may_be_exposed
	perm := perms[i]
	not lib.is_marker(perm)
	not exposed(perm)
	msg := sprintf("ingress[%v] (%v) may allow all ports from the internet: %v not known", [i, ec2.permission_text(perm), concat(", ", ec2.unknown_fields(perm))])
}

# Every permission is known not to open all ports to the internet.
compliant if {
	is_array(perms)
	count(may_be_exposed) == 0
}
