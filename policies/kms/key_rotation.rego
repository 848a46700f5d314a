# METADATA
# title: Customer-managed symmetric KMS keys have automatic rotation enabled
# description: >-
#   Checks that automatic key rotation is enabled on customer-managed (key_manager
#   CUSTOMER), symmetric (key_spec SYMMETRIC_DEFAULT) encryption (key_usage
#   ENCRYPT_DECRYPT) KMS keys. Rotation regularly replaces the key material behind the
#   key, limiting how much data any one version protects and how long compromised
#   material stays useful, without changing the key id or breaking decryption of old
#   data. Other keys (AWS managed, asymmetric, HMAC) and keys pending deletion are out of
#   scope and compliant. Unknown when rotation of an in-scope key, or whether a key
#   without rotation is in scope, is not known.
# custom:
#   id: KMS.KEY_ROTATION
#   severity: medium
#   kind: aws.kms.key
#   remediation: >-
#     Console: KMS > Customer managed keys > the key > Key rotation > tick "Automatically
#     rotate this KMS key every year" (or set a rotation period) and save. AWS CLI: aws
#     kms enable-key-rotation --key-id KEY_ID [--rotation-period-in-days 365].
#     Terraform: set enable_key_rotation = true (optionally rotation_period_in_days) on
#     the aws_kms_key. Keys with imported key material cannot be rotated automatically:
#     rotate them manually.
package complyctl.kms.key_rotation

import rego.v1

import data.complyctl.lib

attrs := input.attributes

# The attribute values that put a key in scope.
scope := {"key_manager": "CUSTOMER", "key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT"}

deletion_states := {"PendingDeletion", "PendingReplicaDeletion"}

rotation := object.get(attrs, "rotation_enabled", null)

# Why the key is out of scope; empty when it is, or may be, in scope.
out_of_scope contains sprintf("%v is %v", [name, value]) if {
	some name, want in scope
	value := object.get(attrs, name, null)
	lib.known(value)
	value != want
}

out_of_scope contains sprintf("key_state is %v", [attrs.key_state]) if {
	attrs.key_state in deletion_states
}

# A key_state that is not known yet (a key created by the plan) is not pending deletion.
in_scope if {
	count(out_of_scope) == 0
	every name, want in scope {
		# object.get, not attrs[name]: regorus's VM reads `x[v]` with the every variable
		# `v` as `some v` (docs/rules-authoring.md).
		object.get(attrs, name, null) == want
	}
}

deny contains "Automatic key rotation is not enabled on this customer-managed symmetric key" if {
	in_scope
	not lib.is_unknown(rotation)
	rotation != true
}

unknown contains sprintf("Whether key rotation is enabled is not known (%v)", [lib.unknown_reason(rotation)]) if {
	in_scope
	lib.is_marker(rotation)
}

unknown contains msg if {
	count(out_of_scope) == 0
	not in_scope
	rotation != true
	undecided := [name | some name, _ in scope; not lib.known(object.get(attrs, name, null))]
	msg := sprintf("Rotation is not enabled and it is not known whether the key is a customer-managed symmetric key: %v not known", [concat(", ", undecided)])
}

compliant if count(out_of_scope) > 0

compliant if rotation == true
