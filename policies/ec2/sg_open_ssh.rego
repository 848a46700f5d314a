# METADATA
# title: Security groups do not allow SSH from the internet
# description: >-
#   Checks that no ingress permission of the security group allows TCP port 22 (SSH)
#   from 0.0.0.0/0 or ::/0, including port ranges that contain 22 and permissions for
#   all protocols (-1). SSH open to the world is scanned and brute-forced within minutes
#   of exposure and turns any weak key, leaked credential or sshd vulnerability into
#   remote access. A permission whose address ranges, protocol or ports are not known
#   (for example computed in the same plan) and could cover port 22 from the internet
#   makes the result unknown, unless another permission definitely fails.
# custom:
#   id: EC2.SG_OPEN_SSH
#   severity: high
#   kind: aws.ec2.security_group
#   remediation: >-
#     Remove the rule or restrict its source to known address ranges, and prefer AWS
#     Systems Manager Session Manager or EC2 Instance Connect Endpoint over direct SSH.
#     Console: EC2 > Security Groups > the group > Inbound rules > Edit inbound rules,
#     delete or narrow the rule allowing port 22 from 0.0.0.0/0 or ::/0. AWS CLI: aws ec2
#     revoke-security-group-ingress --group-id GROUP_ID --protocol tcp --port 22
#     --cidr 0.0.0.0/0 (and --ip-permissions with Ipv6Ranges for ::/0). Terraform: in the
#     aws_security_group ingress block, aws_security_group_rule or
#     aws_vpc_security_group_ingress_rule, replace cidr_blocks = ["0.0.0.0/0"] /
#     ipv6_cidr_blocks = ["::/0"] (cidr_ipv4 / cidr_ipv6) with specific ranges, or remove
#     the rule.
package complyctl.ec2.sg_open_ssh

import rego.v1

import data.complyctl.lib

port := 22

service := "SSH (TCP 22)"

ingress := object.get(input.attributes, "ingress", [])

perms := lib.list_or_empty(ingress)

fields := ["protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6"]

exposed(perm) if {
	lib.may_be_open_to_world(perm)
	lib.may_cover_port(perm, port)
}

deny contains msg if {
	some i, perm in perms
	lib.covers_port(perm, port)
	some key in ["cidr_ipv4", "cidr_ipv6"]
	some cidr in lib.list_or_empty(perm[key])
	cidr in data.complyctl.lib.world_cidrs
	msg := sprintf("ingress[%v] (%v%v) opens %v to %v", [i, lib.port_range_text(perm), description(perm), service, cidr])
}

# The permission's description, for messages.
description(perm) := sprintf(", %v", [json.marshal(perm.description)]) if {
	has_description(perm)
} else := ""

has_description(perm) if {
	is_string(perm.description)
	perm.description != ""
}

unknown contains sprintf("The ingress rules are not known (%v)", [lib.unknown_reason(ingress)]) if {
	lib.is_marker(ingress)
}

unknown contains sprintf("ingress[%v] is not known (%v) and may open %v to the internet", [i, lib.unknown_reason(perm), service]) if {
	some i, perm in perms
	lib.is_marker(perm)
}

# The permissions that may open the port to the internet, by index. The unknown and
# compliant decisions both ask, so this is a rule: computed once per evaluation.
may_be_exposed contains i if {
	some i, perm in perms
	exposed(perm)
}

unknown contains msg if {
	some i in may_be_exposed
	perm := perms[i]
	not lib.is_marker(perm)
	not definitely_exposed(perm)
	unknown_fields := [f | some f in fields; lib.is_unknown(perm[f])]
	msg := sprintf("ingress[%v] may open %v to the internet: %v not known", [i, service, concat(", ", unknown_fields)])
}

definitely_exposed(perm) if {
	lib.covers_port(perm, port)
	lib.open_to_world(perm)
}

# Every permission is known not to open the port to the internet.
compliant if {
	is_array(perms)
	count(may_be_exposed) == 0
}
