package complyctl.eks.control_plane_logging_test

import rego.v1

import data.complyctl.eks.control_plane_logging as rule

kaa := {"$unknown": "known_after_apply"}

all_types := ["api", "audit", "authenticator", "controllerManager", "scheduler"]

cluster(types) := {
	"id": "aws_eks_cluster.prod",
	"kind": "aws.eks.cluster",
	"name": "prod",
	"attributes": {
		"cluster_name": "prod",
		"version": "1.31",
		"endpoint_public_access": false,
		"endpoint_private_access": true,
		"public_access_cidrs": [],
		"secrets_encryption_key": null,
		"enabled_log_types": types,
		"nodegroups": [],
	},
}

test_fail_no_logging if {
	r := cluster([])
	rule.deny == {"Control plane logging is not enabled for: api, audit, authenticator, controllerManager, scheduler"} with input as r
	not rule.compliant with input as r
	rule.deny == {"Control plane logging is not enabled for: api, audit, authenticator, controllerManager, scheduler"} with input as cluster(null)
}

test_fail_attribute_absent if {
	r := {"id": "arn:aws:eks:us-east-1:123456789012:cluster/dev", "kind": "aws.eks.cluster", "attributes": {"cluster_name": "dev"}}
	count(rule.deny) == 1 with input as r
}

test_fail_names_missing_types if {
	r := cluster(["audit", "api", "authenticator"])
	rule.deny == {"Control plane logging is not enabled for: controllerManager, scheduler"} with input as r
	not rule.compliant with input as r
}

test_fail_audit_only_missing if {
	r := cluster(["api", "authenticator", "controllerManager", "scheduler"])
	rule.deny == {"Control plane logging is not enabled for: audit"} with input as r
}

test_fail_case_matters if {
	# AWS spells the types exactly; "Audit" is not a log type.
	r := cluster(["api", "Audit", "authenticator", "controllerManager", "scheduler"])
	rule.deny == {"Control plane logging is not enabled for: audit"} with input as r
}

test_fail_more_missing_than_unknown if {
	r := cluster(["api", "audit", kaa])
	rule.deny == {"At least 2 of these control plane log types are not enabled: authenticator, controllerManager, scheduler (1 entry of enabled_log_types is not known)"} with input as r
	count(rule.unknown) == 0 with input as r
	not rule.compliant with input as r
}

test_fail_two_missing_one_unknown if {
	r := cluster(["api", "audit", "authenticator", kaa])
	rule.deny == {"At least 1 of these control plane log types are not enabled: controllerManager, scheduler (1 entry of enabled_log_types is not known)"} with input as r
}

test_pass_all_types if {
	r := cluster(all_types)
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_all_types_any_order_with_unknown_extra if {
	r := cluster(["scheduler", kaa, "controllerManager", "authenticator", "audit", "api"])
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_list if {
	r := cluster({"$unknown": "not_collected"})
	rule.unknown == {"The enabled control plane log types are not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_elements_could_cover_missing if {
	r := cluster(["api", "audit", "authenticator", kaa, kaa])
	rule.unknown == {"Control plane logging may not be enabled for: controllerManager, scheduler (2 entries of enabled_log_types are not known)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
