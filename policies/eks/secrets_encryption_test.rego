package complyctl.eks.secrets_encryption_test

import rego.v1

import data.complyctl.eks.secrets_encryption as rule

cluster(key) := {
	"id": "arn:aws:eks:eu-west-1:123456789012:cluster/prod",
	"kind": "aws.eks.cluster",
	"name": "prod",
	"attributes": {"cluster_name": "prod", "endpoint_public_access": false, "secrets_encryption_key": key},
}

test_fail_no_key if {
	r := cluster(null)
	rule.deny == {"Kubernetes secrets are not encrypted with a KMS key (no encryption_config for secrets)"} with input as r
	not rule.compliant with input as r
}

test_fail_empty_key if {
	r := cluster("")
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_fail_attribute_absent if {
	r := {"id": "aws_eks_cluster.dev", "kind": "aws.eks.cluster", "attributes": {"cluster_name": "dev"}}
	count(rule.deny) == 1 with input as r
}

test_pass_key_arn if {
	r := cluster("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_key_known_after_apply if {
	r := cluster({"$unknown": "known_after_apply"})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_not_collected if {
	r := cluster({"$unknown": "not_collected"})
	rule.unknown == {"The secrets encryption key is not known (not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ambiguous if {
	r := cluster({"$unknown": "ambiguous"})
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}
