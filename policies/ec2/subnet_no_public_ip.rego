# METADATA
# title: Subnets do not assign public IPv4 addresses on launch
# description: >-
#   Checks that the subnet's map_public_ip_on_launch setting is false, so network
#   interfaces launched into it do not get a public IPv4 address automatically. With
#   auto-assignment on, every instance started in the subnet is directly addressable from
#   the internet, and only its security groups and the network ACL stand between a service
#   listening on it and the world; public addresses should be a deliberate per-resource
#   choice (a load balancer, a NAT gateway, an Elastic IP). Default subnets have the
#   setting on. Unknown when the setting is not known.
# custom:
#   id: EC2.SUBNET_NO_PUBLIC_IP
#   severity: medium
#   kind: aws.ec2.subnet
#   remediation: >-
#     Turn off auto-assignment and give public addresses only to resources that need them
#     (put internet-facing services behind a load balancer). Console: VPC > Subnets > the
#     subnet > Actions > Edit subnet settings, clear "Enable auto-assign public IPv4
#     address". AWS CLI: aws ec2 modify-subnet-attribute --subnet-id SUBNET_ID
#     --no-map-public-ip-on-launch. Terraform: set map_public_ip_on_launch = false (the
#     default) on the aws_subnet, or on the aws_default_subnet for default subnets.
package complyctl.ec2.subnet_no_public_ip

import rego.v1

import data.complyctl.lib

value := object.get(input.attributes, "map_public_ip_on_launch", null)

deny contains "The subnet assigns a public IPv4 address to every network interface launched in it (map_public_ip_on_launch is true)" if {
	value == true
}

unknown contains sprintf("Whether the subnet assigns public IPv4 addresses on launch is not known (%v)", [lib.unknown_reason(value)]) if {
	lib.is_marker(value)
}

unknown contains "Whether the subnet assigns public IPv4 addresses on launch is not recorded (map_public_ip_on_launch is missing)" if {
	value == null
}

compliant if value == false
