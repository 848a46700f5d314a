# METADATA
# title: IAM user credentials unused for a long time are removed
# description: >-
#   Checks that an IAM user's console password and active access keys have been used
#   within the last credentials_unused_days days (default 45, measured from the scan's
#   start). A credential that was never used counts from its creation: the user's
#   creation for the password (the inventory has no password creation date), the key's
#   creation for a key. Unused credentials serve no one but remain valid for an attacker
#   who finds them, and often belong to people who left; disabling them shrinks the
#   attack surface. Users with neither a console password nor an active access key are
#   not applicable. Unknown when the dates needed (a plan's users and keys get them only
#   at apply) or the status of a key that would fail are not known.
# custom:
#   id: IAM.CREDENTIALS_UNUSED
#   severity: medium
#   kind: aws.iam.user
#   remediation: >-
#     Console: IAM > Users > the user > Security credentials: under Console sign-in choose
#     Manage > Disable console access, and deactivate (then delete) unused access keys.
#     AWS CLI: aws iam delete-login-profile --user-name USER; aws iam update-access-key
#     --user-name USER --access-key-id KEY --status Inactive; aws iam delete-access-key
#     --user-name USER --access-key-id KEY. Find them with aws iam
#     generate-credential-report / get-credential-report. Terraform: remove the
#     aws_iam_user_login_profile and aws_iam_access_key resources (or set status =
#     "Inactive" on the key), or the whole user if it is no longer needed.
#   params:
#     credentials_unused_days: 45
package complyctl.iam.credentials_unused

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.iam

days := data.params.credentials_unused_days

now := data.now_ns

attrs := input.attributes

console := object.get(attrs, "console_access", null)

password_last_used := object.get(attrs, "password_last_used", null)

user_created := object.get(attrs, "created", null)

keys_attr := object.get(attrs, "access_keys", null)

keys := lib.list_or_empty(keys_attr)

# No console password and no key that is (or may be) active.
not_applicable if {
	console == false
	every k in keys {
		iam.key_known_inactive(k)
	}
}

# --- console password --------------------------------------------------------

# When the password was last used, or the user's creation if it was never used.
password_reference := password_last_used if iam.timestamp(password_last_used)

password_reference := user_created if {
	password_last_used == null
	iam.timestamp(user_created)
}

password_stale if iam.older_than_days(password_reference, days, now)

password_fresh if iam.within_days(password_reference, days, now)

deny contains msg if {
	console == true
	password_stale
	iam.timestamp(password_last_used)
	msg := sprintf("The console password was last used on %v, %v days ago (at most %v allowed)", [password_last_used, iam.age_days(password_last_used, now), days])
}

deny contains msg if {
	console == true
	password_stale
	password_last_used == null
	msg := sprintf("The console password has never been used and the user was created on %v, %v days ago (at most %v allowed)", [user_created, iam.age_days(user_created, now), days])
}

# A password might exist and might be stale.
password_undecided if {
	console != false
	not password_fresh
	not password_fails
}

password_fails if {
	console == true
	password_stale
}

unknown contains sprintf("Whether the user has a console password is not known (%v)", [lib.unknown_reason(console)]) if {
	password_undecided
	lib.is_marker(console)
}

unknown contains "The inventory does not say whether the user has a console password (no console_access)" if {
	password_undecided
	console == null
}

unknown contains msg if {
	password_undecided
	console == true
	not password_reference
	msg := sprintf("When the console password was last used is not known (password_last_used %v, created %v)", [value_text(password_last_used), value_text(user_created)])
}

# --- access keys -------------------------------------------------------------

# When the key was last used, or its creation if it was never used.
key_reference(k) := k.last_used if iam.timestamp(k.last_used)

key_reference(k) := k.created if {
	k.last_used == null
	iam.timestamp(k.created)
}

key_stale(k) if iam.older_than_days(key_reference(k), days, now)

key_fresh(k) if iam.within_days(key_reference(k), days, now)

deny contains msg if {
	some i, k in keys
	iam.key_active(k)
	key_stale(k)
	iam.timestamp(k.last_used)
	msg := sprintf("%v was last used on %v, %v days ago (at most %v allowed)", [iam.key_name(i, k), k.last_used, iam.age_days(k.last_used, now), days])
}

deny contains msg if {
	some i, k in keys
	iam.key_active(k)
	key_stale(k)
	k.last_used == null
	msg := sprintf("%v has never been used and was created on %v, %v days ago (at most %v allowed)", [iam.key_name(i, k), k.created, iam.age_days(k.created, now), days])
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
	not key_reference(k)
	msg := sprintf("%v: when it was last used is not known (last_used %v, created %v)", [iam.key_name(i, k), value_text(object.get(k, "last_used", null)), value_text(object.get(k, "created", null))])
}

unknown contains msg if {
	some i, k in keys
	not iam.key_active(k)
	iam.key_maybe_active(k)
	key_stale(k)
	msg := sprintf("%v has not been used for more than %v days and its status is not known", [iam.key_name(i, k), days])
}

value_text(v) := lib.unknown_reason(v) if lib.is_marker(v)

value_text(v) := json.marshal(v) if not lib.is_marker(v)

# --- evidence ----------------------------------------------------------------

password_ok if console == false

password_ok if password_fresh

key_ok(k) if iam.key_known_inactive(k)

key_ok(k) if key_fresh(k)

compliant if {
	password_ok
	every k in keys {
		key_ok(k)
	}
}
