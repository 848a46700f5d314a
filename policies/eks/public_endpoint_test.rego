package complyctl.eks.public_endpoint_test

import rego.v1

import data.complyctl.eks.public_endpoint as rule

kaa := {"$unknown": "known_after_apply"}

cluster(public, cidrs) := {
	"id": "aws_eks_cluster.prod",
	"kind": "aws.eks.cluster",
	"name": "prod",
	"attributes": {
		"cluster_name": "prod",
		"version": "1.29",
		"endpoint_public_access": public,
		"endpoint_private_access": true,
		"public_access_cidrs": cidrs,
		"secrets_encryption_key": null,
		"enabled_log_types": [],
		"nodegroups": [],
	},
}

test_fail_open_to_world if {
	r := cluster(true, ["0.0.0.0/0"])
	rule.deny == {"The public API endpoint is reachable from 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_open_to_world_ipv6 if {
	r := cluster(true, ["203.0.113.0/24", "::/0"])
	rule.deny == {"The public API endpoint is reachable from ::/0"} with input as r
	not rule.compliant with input as r
}

test_fail_no_cidrs if {
	r := cluster(true, [])
	rule.deny == {"The public API endpoint has no public_access_cidrs restriction, so AWS allows 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
	count(rule.deny) == 1 with input as cluster(true, null)
}

test_fail_world_with_unknown_element if {
	r := cluster(true, ["0.0.0.0/0", kaa])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_private_only if {
	r := cluster(false, ["0.0.0.0/0"])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_private_only_cidrs_unknown if {
	r := cluster(false, kaa)
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_restricted if {
	r := cluster(true, ["203.0.113.0/24", "198.51.100.7/32"])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_public_unknown_but_restricted if {
	# Either private, or public to these ranges only.
	r := cluster(kaa, ["203.0.113.0/24"])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_cidrs if {
	r := cluster(true, kaa)
	rule.unknown == {"The CIDR ranges allowed to reach the public API endpoint are not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_cidr_element if {
	r := cluster(true, ["203.0.113.0/24", kaa])
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_public_access if {
	r := cluster(kaa, ["0.0.0.0/0"])
	rule.unknown == {"Whether the public API endpoint is enabled is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
