package complyctl.ec2.subnet_no_public_ip_test

import rego.v1

import data.complyctl.ec2.subnet_no_public_ip as rule

subnet(value) := {
	"id": "aws_subnet.private[\"a\"]",
	"kind": "aws.ec2.subnet",
	"name": "aws_subnet.private[\"a\"]",
	"attributes": {"subnet_id": {"$unknown": "known_after_apply"}, "vpc_id": "vpc-0main", "cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": value},
}

test_fail_public_ip_on_launch if {
	r := subnet(true)
	rule.deny == {"The subnet assigns a public IPv4 address to every network interface launched in it (map_public_ip_on_launch is true)"} with input as r
	not rule.compliant with input as r
}

test_pass_no_public_ip if {
	r := subnet(false)
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_after_apply if {
	r := subnet({"$unknown": "known_after_apply"})
	rule.unknown == {"Whether the subnet assigns public IPv4 addresses on launch is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_missing if {
	r := {"id": "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0a", "kind": "aws.ec2.subnet", "attributes": {"subnet_id": "subnet-0a"}}
	rule.unknown == {"Whether the subnet assigns public IPv4 addresses on launch is not recorded (map_public_ip_on_launch is missing)"} with input as r
	not rule.compliant with input as r
}

test_unknown_not_a_bool if {
	# A value of the wrong type proves nothing either way.
	r := subnet("true")
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
