# METADATA
# title: Active IAM access keys are rotated
# description: >-
#   Checks that every active access key of an IAM user was created within the last
#   access_key_max_age_days days (default 90, measured from the scan's start). Long-lived
#   keys accumulate exposure (copies in scripts, CI variables, laptops and logs); rotating
#   them regularly limits how long a leaked key stays usable. Inactive keys are ignored;
#   users without active keys are not applicable. Unknown when a key's creation date, or
#   the status of a key that would be too old, is not known (a plan's new keys get their
#   creation date only at apply).
# custom:
#   id: IAM.ACCESS_KEY_ROTATION
#   severity: medium
#   kind: aws.iam.user
#   remediation: >-
#     Create a second key, switch every consumer to it, then deactivate and delete the old
#     key. Console: IAM > Users > the user > Security credentials > Access keys. AWS CLI:
#     aws iam create-access-key --user-name USER; aws iam update-access-key --user-name
#     USER --access-key-id OLD_KEY --status Inactive; aws iam delete-access-key
#     --user-name USER --access-key-id OLD_KEY. Terraform: replace the aws_iam_access_key
#     (e.g. terraform apply -replace=aws_iam_access_key.this, or a time_rotating resource
#     in its keepers). Prefer IAM roles (instance profiles, IRSA, OIDC federation for CI)
#     over long-lived keys.
#   params:
#     access_key_max_age_days: 90
package complyctl.iam.access_key_rotation

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

max_days := data.params.access_key_max_age_days

keys_attr := object.get(input.attributes, "access_keys", null)

keys := lib.list_or_empty(keys_attr)

# No key is (or may be) active.
not_applicable if {
	every k in keys {
		iam.key_known_inactive(k)
	}
}

too_old(k) if iam.older_than_days(k.created, max_days, data.now_ns)

deny contains msg if {
	some i, k in keys
	iam.key_active(k)
	too_old(k)
	msg := sprintf("%v was created on %v, %v days ago (at most %v allowed)", [iam.key_name(i, k), k.created, iam.age_days(k.created, data.now_ns), max_days])
}

unknown contains sprintf("The user's access keys are not known (%v)", [lib.unknown_reason(keys_attr)]) if {
	lib.is_marker(keys_attr)
}

unknown contains sprintf("access_keys is not a list: %v", [json.marshal(keys_attr)]) if {
	not lib.is_marker(keys_attr)
	not lib.list_or_empty(keys_attr)
}

unknown contains sprintf("%v is not known (%v)", [iam.key_name(i, k), lib.unknown_reason(k)]) if {
	some i, k in keys
	lib.is_marker(k)
}

unknown contains msg if {
	some i, k in keys
	is_object(k)
	not lib.is_marker(k)
	iam.key_maybe_active(k)
	not iam.timestamp(object.get(k, "created", null))
	msg := sprintf("%v: its creation date is not known (%v)", [iam.key_name(i, k), created_text(k.created)])
}

unknown contains msg if {
	some i, k in keys
	not iam.key_active(k)
	iam.key_maybe_active(k)
	too_old(k)
	msg := sprintf("%v was created more than %v days ago and its status is not known", [iam.key_name(i, k), max_days])
}

created_text(c) := lib.unknown_reason(c) if lib.is_marker(c)

created_text(c) := json.marshal(c) if not lib.is_marker(c)

compliant if {
	every k in keys {
		rotated_or_inactive(k)
	}
}

rotated_or_inactive(k) if iam.key_known_inactive(k)

rotated_or_inactive(k) if iam.within_days(k.created, max_days, data.now_ns)
