# METADATA
# title: Security groups do not allow all outbound traffic to the internet
# description: >-
#   Checks that no egress permission of the security group allows all protocols (-1) to
#   0.0.0.0/0 or ::/0, the rule AWS adds to every new group. Unrestricted egress lets
#   malware or an attacker on a compromised host download tooling, reach command and
#   control servers and exfiltrate data over any port; limiting egress to the
#   destinations and ports a workload needs (or to a proxy or VPC endpoints) contains a
#   compromise. Many teams accept open egress for some tiers, hence the low severity.
#   Egress to specific ports (for example TCP 443 to 0.0.0.0/0) is not flagged. Default
#   security groups are not applicable: EC2.DEFAULT_SG_NO_TRAFFIC requires them to have
#   no rules at all. Unknown when the egress rules, or the protocol or destination of a
#   rule that could be unrestricted, are not known, unless another rule definitely fails.
# custom:
#   id: EC2.SG_NO_UNRESTRICTED_EGRESS
#   severity: low
#   kind: aws.ec2.security_group
#   remediation: >-
#     Replace the allow-all outbound rule with rules for the protocols, ports and
#     destinations the workload needs (for example TCP 443 to a proxy, a prefix list or
#     VPC endpoint security groups). Console: EC2 > Security Groups > the group >
#     Outbound rules > Edit outbound rules, delete the "All traffic" rule to 0.0.0.0/0 or
#     ::/0 and add narrow rules. AWS CLI: aws ec2 revoke-security-group-egress
#     --group-id GROUP_ID --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}].
#     Terraform: in the aws_security_group remove the egress block with protocol "-1"
#     and cidr_blocks = ["0.0.0.0/0"] (an aws_security_group with no egress blocks has
#     no outbound rules: Terraform removes the default one), or the
#     aws_vpc_security_group_egress_rule with ip_protocol = "-1", and declare narrow
#     egress rules instead.
package complyctl.ec2.sg_no_unrestricted_egress

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.ec2

is_default := object.get(input.attributes, "is_default", null)

egress := object.get(input.attributes, "egress", [])

perms := lib.list_or_empty(egress)

unrestricted(perm) if {
	lib.all_protocols(perm)
	lib.open_to_world(perm)
}

# The permissions that may allow all outbound traffic to the internet, by index: a rule,
# so the unknown and compliant decisions share one computation per evaluation.
may_be_unrestricted contains i if {
	some i, perm in perms
	ec2.may_be_all_protocols(perm)
	lib.may_be_open_to_world(perm)
}

not_applicable if is_default == true

deny contains msg if {
	some i, perm in perms
	lib.all_protocols(perm)
	some cidr in ec2.world_cidrs_of(perm)
	msg := sprintf("egress[%v] (%v) allows all outbound traffic to %v", [i, ec2.permission_text(perm), cidr])
}

unknown contains sprintf("The egress rules are not known (%v)", [lib.unknown_reason(egress)]) if {
	lib.is_marker(egress)
}

unknown contains sprintf("egress[%v] is not known (%v) and may allow all outbound traffic to the internet", [i, lib.unknown_reason(perm)]) if {
	some i, perm in perms
	lib.is_marker(perm)
}

unknown contains msg if {
	some i in may_be_unrestricted
	perm := perms[i]
	not lib.is_marker(perm)
	not unrestricted(perm)
	fields := [f | some f in ["protocol", "cidr_ipv4", "cidr_ipv6"]; lib.is_unknown(perm[f])]
	msg := sprintf("egress[%v] (%v) may allow all outbound traffic to the internet: %v not known", [i, ec2.permission_text(perm), concat(", ", fields)])
}

# Every egress permission is known not to allow all traffic to the internet.
compliant if {
	is_array(perms)
	count(may_be_unrestricted) == 0
}
