# METADATA
# title: Default security groups allow no inbound or outbound traffic
# description: >-
#   Checks that the default security group of each VPC (is_default) has no ingress and no
#   egress permissions. AWS creates the default group with rules that let its members
#   reach each other and anywhere on the internet, and attaches it to any instance,
#   interface or endpoint launched without an explicit group, so resources silently end up
#   with connectivity nobody designed or reviewed. With the default group emptied, every
#   resource must use a purpose-built group. Other security groups are not applicable.
#   Unknown when the rules of a default group, or whether a group that has rules is the
#   default group, are not known.
# custom:
#   id: EC2.DEFAULT_SG_NO_TRAFFIC
#   severity: medium
#   kind: aws.ec2.security_group
#   remediation: >-
#     Move resources that use the default group to purpose-built security groups, then
#     delete every inbound and outbound rule of the default group (the group itself
#     cannot be deleted). Console: VPC > Security groups > the group named "default" >
#     Inbound rules / Outbound rules > Edit, delete all rules. AWS CLI: aws ec2
#     revoke-security-group-ingress --group-id DEFAULT_SG_ID --ip-permissions
#     '<the current rules>' and aws ec2 revoke-security-group-egress likewise. Terraform:
#     manage it with an aws_default_security_group resource (vpc_id = aws_vpc.main.id)
#     with no ingress or egress blocks, which makes Terraform remove all of its rules.
package complyctl.ec2.default_sg_no_traffic

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.ec2

is_default := object.get(input.attributes, "is_default", null)

directions := {"ingress": "inbound", "egress": "outbound"}

# The permissions of each direction; a direction whose list is not known is left out.
perms := {dir: list |
	some dir, _ in directions
	list := lib.list_or_empty(object.get(input.attributes, dir, []))
	is_array(list)
}

has_rules if {
	some dir, _ in directions
	count(perms[dir]) > 0
}

not_applicable if is_default == false

deny contains msg if {
	is_default == true
	some dir, traffic in directions
	some i, perm in perms[dir]
	msg := sprintf("The default security group allows %v traffic: %v[%v] (%v %v %v)", [traffic, dir, i, ec2.permission_text(perm), peer_word[dir], ec2.peers_text(perm)])
}

peer_word := {"ingress": "from", "egress": "to"}

# (Also when the group may be the default group: not_applicable handles the others.)
unknown contains sprintf("The %v rules of the default security group are not known (%v)", [dir, lib.unknown_reason(value)]) if {
	is_default != false
	some dir, _ in directions
	value := object.get(input.attributes, dir, [])
	lib.is_marker(value)
}

unknown contains sprintf("The group has rules and whether it is the VPC's default security group is not known (%v)", [reason]) if {
	lib.is_unknown(is_default)
	has_rules
	reason := object.get(is_default, "$unknown", "not known")
}

unknown contains "The group has rules and whether it is the VPC's default security group is not recorded" if {
	is_default == null
	has_rules
}

# The default group, or a group that may be it, with no rules in either direction.
# Both lists known (perms leaves out a direction whose list is not), and neither has a rule.
# Not `every dir ... { count(perms[dir]) == 0 }`: regorus's VM holds that true whatever the
# counts (docs/rules-authoring.md).
compliant if {
	is_default != false
	count(perms) == count(directions)
	not has_rules
}
