# METADATA
# title: Customer-managed KMS keys are not scheduled for deletion
# description: >-
#   Checks that customer-managed KMS keys (key_manager CUSTOMER) are not pending deletion
#   (key_state PendingDeletion, or PendingReplicaDeletion for a multi-Region replica).
#   Once the waiting period ends the key material is destroyed for good, and every object,
#   volume, snapshot, secret or backup encrypted under the key becomes unreadable - a
#   scheduled deletion is either a mistake, an attack on availability, or a decision that
#   should be confirmed before the window closes. AWS-managed keys are out of scope (AWS
#   manages their lifecycle). Unknown when the key state is not known, or when a key
#   pending deletion may or may not be customer managed.
# custom:
#   id: KMS.KEY_NOT_PENDING_DELETION
#   severity: medium
#   kind: aws.kms.key
#   remediation: >-
#     If the key is still needed, cancel the deletion before the waiting period ends and
#     re-enable it. Console: KMS > Customer managed keys > the key > Key actions > Cancel
#     key deletion, then Enable. AWS CLI: aws kms cancel-key-deletion --key-id KEY_ID, then
#     aws kms enable-key --key-id KEY_ID. Terraform: keep the aws_kms_key in the
#     configuration (removing it schedules deletion; deletion_window_in_days = 30 gives the
#     longest window to notice) and import a key whose deletion was cancelled. If the
#     deletion is intended, first confirm in CloudTrail (kms:Decrypt events) that nothing
#     still uses the key.
package complyctl.kms.key_not_pending_deletion

import rego.v1

import data.complyctl.lib

attrs := input.attributes

deletion_states := {"PendingDeletion", "PendingReplicaDeletion"}

manager := object.get(attrs, "key_manager", null)

state := object.get(attrs, "key_state", null)

not_applicable if manager == "AWS"

pending if state in deletion_states

deny contains sprintf("The customer-managed key is scheduled for deletion (key_state %v)", [state]) if {
	manager == "CUSTOMER"
	pending
}

unknown contains sprintf("The key state is not known (%v)", [lib.unknown_reason(state)]) if {
	lib.is_marker(state)
}

unknown contains "The key state is not reported" if state == null

unknown contains sprintf("The key is scheduled for deletion (key_state %v), and whether it is customer managed is not known (key_manager %v)", [state, manager_text]) if {
	pending
	not manager in {"CUSTOMER", "AWS"}
	manager_text := _manager_text
}

_manager_text := lib.unknown_reason(manager) if {
	lib.is_marker(manager)
} else := json.marshal(manager)

compliant if {
	is_string(state)
	not pending
}
