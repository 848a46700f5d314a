# METADATA
# title: IAM users have at most one active access key
# description: >-
#   Checks that an IAM user has no more than one active access key. Two keys are meant
#   only for the short overlap of a rotation; two long-lived active keys double the
#   credentials to protect and usually mean an old key was never retired. Inactive keys
#   are ignored. Unknown when the keys, or the status of keys that could make a second
#   active one, are not known.
# custom:
#   id: IAM.ACCESS_KEYS_SINGLE_ACTIVE
#   severity: low
#   kind: aws.iam.user
#   remediation: >-
#     Find which key is still in use (IAM > Users > the user > Security credentials >
#     Access keys, "Last used"; or aws iam get-access-key-last-used --access-key-id KEY),
#     then deactivate and delete the other: aws iam update-access-key --user-name USER
#     --access-key-id KEY --status Inactive; aws iam delete-access-key --user-name USER
#     --access-key-id KEY. Terraform: keep a single aws_iam_access_key per user (set
#     status = "Inactive" on, or remove, the extra one).
package complyctl.iam.access_keys_single_active

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

keys_attr := object.get(input.attributes, "access_keys", null)

keys := lib.list_or_empty(keys_attr)

active := [iam.key_name(i, k) | some i, k in keys; iam.key_active(k)]

maybe_active := [iam.key_name(i, k) | some i, k in keys; iam.key_maybe_active(k)]

deny contains msg if {
	count(active) > 1
	msg := sprintf("The user has %v active access keys: %v", [count(active), concat(", ", active)])
}

unknown contains sprintf("The user's access keys are not known (%v)", [lib.unknown_reason(keys_attr)]) if {
	lib.is_marker(keys_attr)
}

unknown contains sprintf("access_keys is not a list: %v", [json.marshal(keys_attr)]) if {
	not lib.is_marker(keys_attr)
	not lib.list_or_empty(keys_attr)
}

unknown contains msg if {
	count(active) <= 1
	count(maybe_active) > 1
	undecided := [name | some name in maybe_active; not name in active]
	msg := sprintf("The status of %v is not known; the user may have %v active access keys", [concat(", ", undecided), count(maybe_active)])
}

compliant if {
	is_array(keys)
	count(maybe_active) <= 1
}
