package complyctl.ec2.ebs_default_encryption_test

import rego.v1

import data.complyctl.ec2.ebs_default_encryption as rule

account(attrs) := {
	"id": "arn:aws:iam::123456789012:root",
	"kind": "aws.account",
	"source": "aws",
	"account": "123456789012",
	"region": "eu-west-1",
	"attributes": object.union({"account_id": "123456789012", "region": "eu-west-1"}, attrs),
}

test_fail_disabled if {
	r := account({"ebs_default_encryption": false})
	rule.deny == {"EBS encryption by default is not enabled in eu-west-1"} with input as r
	not rule.compliant with input as r
}

test_fail_region_from_resource if {
	r := {"id": "arn:aws:iam::123456789012:root", "kind": "aws.account", "region": "us-east-2", "attributes": {"ebs_default_encryption": false}}
	rule.deny == {"EBS encryption by default is not enabled in us-east-2"} with input as r
}

test_fail_region_not_known if {
	r := {"id": "aws_account", "kind": "aws.account", "region": null, "attributes": {"ebs_default_encryption": false}}
	rule.deny == {"EBS encryption by default is not enabled"} with input as r
}

test_pass_enabled if {
	r := account({"ebs_default_encryption": true})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_absent if {
	r := account({})
	rule.unknown == {"Whether EBS encryption by default is enabled in eu-west-1 is not in the inventory"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_not_collected if {
	r := account({"ebs_default_encryption": {"$unknown": "not_collected"}})
	rule.unknown == {"Whether EBS encryption by default is enabled in eu-west-1 is not known (not_collected)"} with input as r
	not rule.compliant with input as r
}
