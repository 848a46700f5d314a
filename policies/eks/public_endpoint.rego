# METADATA
# title: EKS cluster API endpoints are not open to the internet
# description: >-
#   Checks that the cluster's Kubernetes API server endpoint is either private only
#   (endpoint_public_access false) or, when public, restricted to specific CIDR ranges:
#   public_access_cidrs must be set and must not include 0.0.0.0/0 or ::/0. An API
#   server reachable from anywhere is exposed to credential stuffing, token leaks and
#   any Kubernetes or EKS authentication flaw. A public endpoint with no CIDR list fails,
#   since AWS then allows 0.0.0.0/0. Unknown when public access, or the CIDR list of a
#   public endpoint, is not known.
# custom:
#   id: EKS.PUBLIC_ENDPOINT
#   severity: high
#   kind: aws.eks.cluster
#   remediation: >-
#     Enable private access and disable public access, or limit public access to your
#     corporate or VPN ranges. Console: EKS > the cluster > Networking > Manage endpoint
#     access. AWS CLI: aws eks update-cluster-config --name CLUSTER
#     --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false (or
#     endpointPublicAccess=true,publicAccessCidrs="203.0.113.0/24"). Terraform: in the
#     aws_eks_cluster vpc_config set endpoint_private_access = true and
#     endpoint_public_access = false, or public_access_cidrs = ["203.0.113.0/24"].
package complyctl.eks.public_endpoint

import rego.v1

import data.complyctl.lib

public := object.get(input.attributes, "endpoint_public_access", null)

cidrs_attr := object.get(input.attributes, "public_access_cidrs", null)

cidrs := lib.list_or_empty(cidrs_attr)

world_cidrs contains c if {
	some c in cidrs
	c in data.complyctl.lib.world_cidrs
}

# A known, non-empty allow list without an internet-wide range.
restricted if {
	lib.known(cidrs)
	count(cidrs) > 0
	count(world_cidrs) == 0
}

deny contains sprintf("The public API endpoint is reachable from %v", [c]) if {
	public == true
	some c in world_cidrs
}

deny contains "The public API endpoint has no public_access_cidrs restriction, so AWS allows 0.0.0.0/0" if {
	public == true
	count(cidrs) == 0
}

unknown contains sprintf("Whether the public API endpoint is enabled is not known (%v)", [lib.unknown_reason(public)]) if {
	lib.is_marker(public)
	not restricted
}

unknown contains "The CIDR ranges allowed to reach the public API endpoint are not known" if {
	public == true
	lib.is_unknown(cidrs_attr)
	count(world_cidrs) == 0
}

compliant if public == false

compliant if restricted
