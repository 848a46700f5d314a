# METADATA
# title: EKS managed node groups do not open remote access to the internet
# description: >-
#   Checks the node group's remote access configuration. When a managed node group is
#   given an EC2 SSH key pair but no source security groups, EKS opens the remote access
#   port of every node (SSH, TCP 22; RDP on Windows nodes) to 0.0.0.0/0, putting each
#   worker, with its instance role and access to pod secrets, one leaked key or sshd
#   flaw away from compromise. Compliant when remote access is not configured, when no
#   key pair is set, or when source_security_group_ids limits who can connect. A key
#   created in the same plan (known only after apply) counts as set. Unknown when the
#   remote access configuration, the key, or the source security groups are not known.
# custom:
#   id: EKS.NODEGROUP_REMOTE_ACCESS
#   severity: high
#   kind: aws.eks.nodegroup
#   remediation: >-
#     Prefer no remote access at all and reach nodes with AWS Systems Manager Session
#     Manager (the AmazonSSMManagedInstanceCore policy on the node role); otherwise list
#     the security groups of a bastion or VPN as sources. The remote access configuration
#     of a managed node group cannot be changed in place: create a replacement node group
#     and delete the old one. Console: EKS > the cluster > Compute > Add node group, and
#     under "Configure remote access to nodes" either leave it off or choose "Selected
#     security groups". AWS CLI: aws eks create-nodegroup ... --remote-access
#     ec2SshKey=KEY,sourceSecurityGroups=sg-0123. Terraform: remove the remote_access
#     block of the aws_eks_node_group, or set source_security_group_ids =
#     [aws_security_group.bastion.id] in it (this replaces the node group).
package complyctl.eks.nodegroup_remote_access

import rego.v1

import data.complyctl.lib

remote := object.get(input.attributes, "remote_access", null)

configured if {
	is_object(remote)
	not lib.is_marker(remote)
}

key := object.get(remote, "ec2_ssh_key", null) if configured

sources_attr := object.get(remote, "source_security_group_ids", []) if configured

sources := lib.list_or_empty(sources_attr)

# A key pair is set: a name, or a value the configuration sets that is known only
# after apply (a key pair created in the same plan).
has_key if {
	is_string(key)
	key != ""
}

has_key if lib.set_but_unknown(key)

no_key if key in {null, ""}

# Source security groups restrict access: any entry, even one whose id is known only
# after apply, is a security group and not the internet.
restricted if count(sources) > 0

deny contains "Remote access uses an EC2 key pair with no source security groups, so EKS opens the nodes' SSH port (RDP on Windows) to 0.0.0.0/0" if {
	has_key
	count(sources) == 0
}

unknown contains sprintf("The remote access configuration is not known (%v)", [lib.unknown_reason(remote)]) if {
	lib.is_marker(remote)
}

unknown contains sprintf("The remote access key pair is not known (%v)", [lib.unknown_reason(key)]) if {
	lib.is_marker(key)
	not lib.set_but_unknown(key)
	not restricted
}

unknown contains sprintf("The source security groups for remote access are not known (%v)", [lib.unknown_reason(sources_attr)]) if {
	lib.is_marker(sources_attr)
	not no_key
}

compliant if remote == null

compliant if {
	configured
	no_key
}

compliant if {
	configured
	restricted
}
