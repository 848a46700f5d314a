# METADATA
# title: EKS clusters run a supported Kubernetes version
# description: >-
#   Checks that the cluster's Kubernetes version (major.minor) is at least the
#   eks_min_supported_version parameter. Versions past the end of EKS standard support no
#   longer get Kubernetes or EKS security patches unless extended support is paid for,
#   and AWS eventually upgrades them automatically, which can break workloads at a
#   moment you did not choose. Versions are compared numerically (1.9 < 1.10 < 1.31).
#   The default tracks the EKS release calendar: raise it as AWS ends standard support
#   for a version. Fails closed: when the version is not known (for example a new
#   cluster without a pinned version, which gets AWS's current default) or is not a
#   major.minor version, the result is unknown; pin the version in the configuration.
# custom:
#   id: EKS.SUPPORTED_VERSION
#   severity: high
#   kind: aws.eks.cluster
#   params:
#     eks_min_supported_version: "1.31"
#   remediation: >-
#     Upgrade the control plane one minor version at a time (check deprecated APIs and
#     add-on compatibility first, for example with EKS upgrade insights), then upgrade the
#     node groups and add-ons. Console: EKS > the cluster > Upgrade now. AWS CLI: aws eks
#     update-cluster-version --name CLUSTER --kubernetes-version 1.32, then aws eks
#     update-nodegroup-version for each node group. Terraform: raise version on the
#     aws_eks_cluster one minor version per apply (and the version or release_version of
#     each aws_eks_node_group).
package complyctl.eks.supported_version

import rego.v1

import data.complyctl.lib

param := data.params.eks_min_supported_version

version := object.get(input.attributes, "version", null)

# [major, minor] of "1.31" (a patch part, "1.31.2", is ignored); undefined for anything
# else. Numbers with leading zeros are refused, since to_number rejects them.
parse(v) := [to_number(parts[0]), to_number(parts[1])] if {
	is_string(v)
	regex.match(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?$`, v)
	parts := split(v, ".")
}

minimum := parse(param)

current := parse(version)

older(a, b) if a[0] < b[0]

older(a, b) if {
	a[0] == b[0]
	a[1] < b[1]
}

deny contains sprintf("Kubernetes version %v is older than %v, the oldest version this check accepts (eks_min_supported_version)", [version, param]) if {
	older(current, minimum)
}

unknown contains sprintf("The eks_min_supported_version parameter must be a quoted major.minor version such as \"1.31\", not %v", [json.marshal(param)]) if {
	not minimum
}

unknown contains sprintf("The Kubernetes version is not known (%v); pin version on the cluster so it can be checked", [lib.unknown_reason(version)]) if {
	lib.is_marker(version)
}

unknown contains "The Kubernetes version is not recorded; pin version on the cluster so it can be checked" if {
	version == null
}

unknown contains sprintf("The Kubernetes version %v is not a major.minor version", [json.marshal(version)]) if {
	not lib.is_unknown(version)
	version != null
	not current
}

compliant if {
	minimum
	current
	not older(current, minimum)
}
