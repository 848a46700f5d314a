package complyctl.kms.key_rotation_test

import rego.v1

import data.complyctl.kms.key_rotation as rule

kaa := {"$unknown": "known_after_apply"}

customer_key := {
	"key_id": "1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"key_manager": "CUSTOMER",
	"key_spec": "SYMMETRIC_DEFAULT",
	"key_usage": "ENCRYPT_DECRYPT",
	"key_state": "Enabled",
	"rotation_enabled": true,
	"multi_region": false,
}

key(changes) := {
	"id": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"kind": "aws.kms.key",
	"name": "1234abcd-12ab-34cd-56ef-1234567890ab",
	"attributes": object.union(customer_key, changes),
}

test_fail_rotation_disabled if {
	r := key({"rotation_enabled": false})
	rule.deny == {"Automatic key rotation is not enabled on this customer-managed symmetric key"} with input as r
	not rule.compliant with input as r
}

test_fail_disabled_key_still_in_scope if {
	r := key({"rotation_enabled": false, "key_state": "Disabled"})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_fail_plan_key_state_unknown if {
	# A key created by the plan: its state is only known after apply.
	r := key({"rotation_enabled": false, "key_state": kaa, "key_id": kaa, "arn": kaa})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_rotation_enabled if {
	r := key({})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_aws_managed_out_of_scope if {
	r := key({"key_manager": "AWS", "rotation_enabled": false})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_asymmetric_out_of_scope if {
	r := key({"key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY", "rotation_enabled": false})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_hmac_out_of_scope if {
	r := key({"key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC", "rotation_enabled": kaa})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_pending_deletion if {
	r := key({"key_state": "PendingDeletion", "rotation_enabled": false})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_rotation_on_scope_unknown if {
	r := key({"key_spec": kaa})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_rotation if {
	r := key({"rotation_enabled": kaa})
	rule.unknown == {"Whether key rotation is enabled is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_scope if {
	r := key({"key_spec": kaa, "rotation_enabled": false})
	rule.unknown == {"Rotation is not enabled and it is not known whether the key is a customer-managed symmetric key: key_spec not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
