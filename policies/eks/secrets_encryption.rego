# METADATA
# title: EKS clusters encrypt Kubernetes secrets with a KMS key
# description: >-
#   Checks that the cluster has envelope encryption of Kubernetes secrets configured
#   with an AWS KMS key. Without it, secrets in etcd are protected only by EKS's default
#   volume encryption; envelope encryption adds a customer-managed key whose use is
#   logged in CloudTrail and can be revoked, so a leaked etcd backup or over-broad read
#   access does not expose the secrets. A key created in the same Terraform plan (its
#   ARN known only after apply) counts as configured. Unknown when the key could not be
#   read or the plan link is ambiguous.
# custom:
#   id: EKS.SECRETS_ENCRYPTION
#   severity: high
#   kind: aws.eks.cluster
#   remediation: >-
#     Create a symmetric customer-managed KMS key and associate it with the cluster (this
#     cannot be undone). Console: EKS > the cluster > Overview > Secrets encryption >
#     Enable. AWS CLI: aws eks associate-encryption-config --cluster-name CLUSTER
#     --encryption-config '[{"resources":["secrets"],"provider":{"keyArn":"KEY_ARN"}}]'.
#     Terraform: in the aws_eks_cluster add encryption_config { resources = ["secrets"]
#     provider { key_arn = aws_kms_key.eks.arn } }.
package complyctl.eks.secrets_encryption

import rego.v1

import data.complyctl.lib

key := object.get(input.attributes, "secrets_encryption_key", null)

deny contains "Kubernetes secrets are not encrypted with a KMS key (no encryption_config for secrets)" if {
	key in {null, ""}
}

unknown contains sprintf("The secrets encryption key is not known (%v)", [lib.unknown_reason(key)]) if {
	lib.is_marker(key)
	not lib.set_but_unknown(key)
}

compliant if {
	is_string(key)
	key != ""
}

# The key is set but created in the same plan.
compliant if lib.set_but_unknown(key)
