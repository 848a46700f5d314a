# METADATA
# title: EKS clusters send all control plane logs to CloudWatch Logs
# description: >-
#   Checks that the cluster has all five control plane log types enabled: api, audit,
#   authenticator, controllerManager and scheduler. EKS keeps no control plane logs
#   unless they are turned on: the audit log is the only record of who did what through
#   the Kubernetes API (reading secrets, creating privileged pods, changing RBAC), the
#   authenticator log maps AWS identities to Kubernetes users, and the api, controller
#   manager and scheduler logs are needed to investigate incidents and outages. The
#   message names the log types that are missing. Unknown when the enabled log types, or
#   enough of them to cover the missing ones, are not known.
# custom:
#   id: EKS.CONTROL_PLANE_LOGGING
#   severity: medium
#   kind: aws.eks.cluster
#   remediation: >-
#     Enable every control plane log type (and set a retention period on the
#     /aws/eks/CLUSTER/cluster log group). Console: EKS > the cluster > Observability >
#     Control plane logging > Manage logging, turn on API server, Audit, Authenticator,
#     Controller manager and Scheduler. AWS CLI: aws eks update-cluster-config --name
#     CLUSTER --logging
#     '{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}'.
#     Terraform: set enabled_cluster_log_types = ["api", "audit", "authenticator",
#     "controllerManager", "scheduler"] on the aws_eks_cluster (and manage the log group
#     with an aws_cloudwatch_log_group with retention_in_days).
package complyctl.eks.control_plane_logging

import rego.v1

import data.complyctl.lib

# In the order AWS lists them.
required := ["api", "audit", "authenticator", "controllerManager", "scheduler"]

types_attr := object.get(input.attributes, "enabled_log_types", [])

types := lib.list_or_empty(types_attr)

# Undefined when the list itself is not known.
missing := [t | some t in required; not t in types] if is_array(types)

# Elements of the list that are not known: each may be one missing type.
unknown_count := count([t | some t in types; lib.is_unknown(t)]) if is_array(types)

unknown_text := "1 entry of enabled_log_types is not known" if unknown_count == 1

unknown_text := sprintf("%v entries of enabled_log_types are not known", [unknown_count]) if unknown_count > 1

deny contains sprintf("Control plane logging is not enabled for: %v", [concat(", ", missing)]) if {
	count(missing) > 0
	unknown_count == 0
}

deny contains msg if {
	unknown_count > 0
	count(missing) > unknown_count
	msg := sprintf(
		"At least %v of these control plane log types are not enabled: %v (%v)",
		[count(missing) - unknown_count, concat(", ", missing), unknown_text],
	)
}

unknown contains sprintf("The enabled control plane log types are not known (%v)", [lib.unknown_reason(types_attr)]) if {
	lib.is_marker(types_attr)
}

unknown contains msg if {
	unknown_count > 0
	count(missing) > 0
	count(missing) <= unknown_count
	msg := sprintf("Control plane logging may not be enabled for: %v (%v)", [concat(", ", missing), unknown_text])
}

compliant if {
	is_array(types)
	count(missing) == 0
}
