package complyctl.eks.supported_version_test

import rego.v1

import data.complyctl.eks.supported_version as rule

cluster(version) := {
	"id": "arn:aws:eks:eu-west-1:123456789012:cluster/prod",
	"kind": "aws.eks.cluster",
	"name": "prod",
	"attributes": {"cluster_name": "prod", "version": version, "enabled_log_types": []},
}

test_fail_old_version if {
	r := cluster("1.29")
	rule.deny == {"Kubernetes version 1.29 is older than 1.31, the oldest version this check accepts (eks_min_supported_version)"} with input as r
	not rule.compliant with input as r
}

test_fail_numeric_not_lexical if {
	# "1.9" sorts after "1.31" as text but is far older.
	r := cluster("1.9")
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_fail_older_major if {
	count(rule.deny) == 1 with input as cluster("0.99")
}

test_fail_param_raised if {
	r := cluster("1.31")
	rule.deny == {"Kubernetes version 1.31 is older than 1.33, the oldest version this check accepts (eks_min_supported_version)"} with input as r
		with data.params.eks_min_supported_version as "1.33"
}

test_pass_minimum if {
	r := cluster("1.31")
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_newer if {
	rule.compliant with input as cluster("1.33")
	rule.compliant with input as cluster("2.0")
	rule.compliant with input as cluster("1.100")
}

test_pass_patch_version_ignored if {
	rule.compliant with input as cluster("1.31.4")
}

test_unknown_not_pinned if {
	r := cluster({"$unknown": "known_after_apply"})
	rule.unknown == {"The Kubernetes version is not known (known_after_apply); pin version on the cluster so it can be checked"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_null if {
	r := cluster(null)
	rule.unknown == {"The Kubernetes version is not recorded; pin version on the cluster so it can be checked"} with input as r
	not rule.compliant with input as r
}

test_unknown_malformed if {
	r := cluster("1.31-eks")
	rule.unknown == {`The Kubernetes version "1.31-eks" is not a major.minor version`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	count(rule.unknown) == 1 with input as cluster("1.09")
	count(rule.unknown) == 1 with input as cluster(1.31)
}

test_unknown_bad_param if {
	# YAML reads an unquoted 1.30 as the number 1.3.
	r := cluster("1.31")
	rule.unknown == {`The eks_min_supported_version parameter must be a quoted major.minor version such as "1.31", not 1.3`} with input as r
		with data.params.eks_min_supported_version as 1.3
	count(rule.deny) == 0 with input as r with data.params.eks_min_supported_version as 1.3
	not rule.compliant with input as r with data.params.eks_min_supported_version as 1.3
}
