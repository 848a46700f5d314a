# METADATA
# title: Security groups do not allow remote administration ports from the internet
# description: >-
#   Checks that no ingress permission of the security group allows any of the remote
#   administration ports of the admin_ports parameter (by default TCP 22 SSH, 23 Telnet,
#   3389 RDP, 5900 VNC, 5985/5986 WinRM) from 0.0.0.0/0 or ::/0, including port ranges
#   that contain them and permissions for all protocols (-1). Admin services reachable
#   from anywhere are scanned and brute-forced continuously, and a weak password, leaked
#   key or pre-authentication flaw in one of them gives an attacker control of the host;
#   Telnet and VNC also send credentials without strong protection. The message names
#   every port that is open. Only TCP is checked, the transport these services need to
#   accept a session. A permission whose address ranges, protocol or ports are not known
#   (for example computed in the same plan) and could cover one of the ports from the
#   internet makes the result unknown, unless another permission definitely fails.
# custom:
#   id: EC2.SG_OPEN_ADMIN_PORTS
#   severity: high
#   kind: aws.ec2.security_group
#   params:
#     admin_ports: [22, 23, 3389, 5900, 5985, 5986]
#   remediation: >-
#     Remove the rules or restrict their sources to known address ranges, and reach hosts
#     through AWS Systems Manager Session Manager / Fleet Manager, EC2 Instance Connect
#     Endpoint or a VPN instead of exposing admin ports. Console: EC2 > Security Groups >
#     the group > Inbound rules > Edit inbound rules, delete or narrow each rule that
#     allows a listed port from 0.0.0.0/0 or ::/0. AWS CLI: aws ec2
#     revoke-security-group-ingress --group-id GROUP_ID --protocol tcp --port PORT
#     --cidr 0.0.0.0/0 (and --ip-permissions with Ipv6Ranges for ::/0). Terraform: in the
#     aws_security_group ingress block, aws_security_group_rule or
#     aws_vpc_security_group_ingress_rule, replace cidr_blocks = ["0.0.0.0/0"] /
#     ipv6_cidr_blocks = ["::/0"] (cidr_ipv4 / cidr_ipv6) with specific ranges or a
#     source security group, or remove the rule.
package complyctl.ec2.sg_open_admin_ports

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.ec2

param := data.params.admin_ports

ports := ec2.port_set(param)

# A rule, not a repeated function call: the unknown and compliant decisions share it.
valid_param if ec2.valid_port_list(param)

ingress := object.get(input.attributes, "ingress", [])

perms := lib.list_or_empty(ingress)

deny contains msg if {
	some msg in ec2.open_port_messages(perms, ports, "remote administration")
}

unknown contains sprintf("The admin_ports parameter must be a list of TCP port numbers, not %v", [json.marshal(param)]) if {
	not valid_param
}

unknown contains sprintf("The ingress rules are not known (%v)", [lib.unknown_reason(ingress)]) if {
	lib.is_marker(ingress)
}

# The permissions that may open some of the ports (lib/ec2.rego): read by both decisions.
candidates := ec2.exposure_candidates(perms, ports)

unknown contains msg if {
	some msg in ec2.candidate_messages(perms, candidates, "remote administration")
}

compliant if {
	valid_param
	is_array(perms)
	count(candidates) == 0
}
