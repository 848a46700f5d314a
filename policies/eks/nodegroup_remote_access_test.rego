package complyctl.eks.nodegroup_remote_access_test

import rego.v1

import data.complyctl.eks.nodegroup_remote_access as rule

kaa := {"$unknown": "known_after_apply"}

nodegroup(remote) := {
	"id": "aws_eks_node_group.workers",
	"kind": "aws.eks.nodegroup",
	"name": "workers",
	"attributes": {"nodegroup_name": "workers", "cluster_name": "prod", "remote_access": remote},
}

msg := "Remote access uses an EC2 key pair with no source security groups, so EKS opens the nodes' SSH port (RDP on Windows) to 0.0.0.0/0"

test_fail_key_without_sources if {
	r := nodegroup({"ec2_ssh_key": "ops", "source_security_group_ids": []})
	rule.deny == {msg} with input as r
	not rule.compliant with input as r
}

test_fail_key_sources_null if {
	r := nodegroup({"ec2_ssh_key": "ops", "source_security_group_ids": null})
	rule.deny == {msg} with input as r
	count(rule.deny) == 1 with input as nodegroup({"ec2_ssh_key": "ops"})
}

test_fail_key_created_in_plan if {
	r := nodegroup({"ec2_ssh_key": kaa, "source_security_group_ids": []})
	rule.deny == {msg} with input as r
	count(rule.unknown) == 0 with input as r
	not rule.compliant with input as r
}

test_pass_no_remote_access if {
	r := nodegroup(null)
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_remote_access_absent if {
	r := {"id": "arn:aws:eks:us-east-1:123456789012:nodegroup/prod/workers/abc", "kind": "aws.eks.nodegroup", "attributes": {"nodegroup_name": "workers"}}
	rule.compliant with input as r
}

test_pass_source_security_groups if {
	r := nodegroup({"ec2_ssh_key": "ops", "source_security_group_ids": ["sg-0bastion"]})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_source_group_created_in_plan if {
	r := nodegroup({"ec2_ssh_key": "ops", "source_security_group_ids": [kaa]})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_no_key if {
	rule.compliant with input as nodegroup({"ec2_ssh_key": null, "source_security_group_ids": []})
	rule.compliant with input as nodegroup({"ec2_ssh_key": "", "source_security_group_ids": kaa})
}

test_pass_key_not_collected_but_restricted if {
	r := nodegroup({"ec2_ssh_key": {"$unknown": "not_collected"}, "source_security_group_ids": ["sg-0bastion"]})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_remote_access if {
	r := nodegroup({"$unknown": "ambiguous"})
	rule.unknown == {"The remote access configuration is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_sources if {
	r := nodegroup({"ec2_ssh_key": "ops", "source_security_group_ids": kaa})
	rule.unknown == {"The source security groups for remote access are not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_key_not_collected if {
	r := nodegroup({"ec2_ssh_key": {"$unknown": "not_collected"}, "source_security_group_ids": []})
	rule.unknown == {"The remote access key pair is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
