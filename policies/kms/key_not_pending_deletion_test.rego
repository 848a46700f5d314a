package complyctl.kms.key_not_pending_deletion_test

import rego.v1

import data.complyctl.kms.key_not_pending_deletion as rule

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

test_fail_pending_deletion if {
	r := key({"key_state": "PendingDeletion"})
	rule.deny == {"The customer-managed key is scheduled for deletion (key_state PendingDeletion)"} with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}

test_fail_pending_replica_deletion if {
	r := key({"key_state": "PendingReplicaDeletion", "multi_region": true})
	count(rule.deny) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_enabled if {
	r := key({})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_disabled_and_other_states if {
	# Disabled keys are recoverable; other rules judge whether they should be.
	every s in ["Disabled", "PendingImport", "Creating", "Unavailable", "Updating"] {
		rule.compliant with input as key({"key_state": s})
		count(rule.deny) == 0 with input as key({"key_state": s})
	}
}

test_pass_plan_key if {
	r := object.union(key({"key_id": kaa, "arn": kaa}), {"id": "aws_kms_key.evidence"})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_manager_unknown_not_pending if {
	r := key({"key_manager": kaa})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_not_applicable_aws_managed if {
	r := key({"key_manager": "AWS", "key_state": "PendingDeletion"})
	rule.not_applicable with input as r
}

test_unknown_state if {
	# aws_kms_key with is_enabled computed from another resource.
	r := key({"key_state": kaa})
	rule.unknown == {"The key state is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_state_not_collected if {
	r := key({"key_state": {"$unknown": "not_collected"}})
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_unknown_state_missing if {
	r := key({"key_state": null})
	rule.unknown == {"The key state is not reported"} with input as r
	not rule.compliant with input as r
}

test_unknown_manager_of_pending_key if {
	r := key({"key_state": "PendingDeletion", "key_manager": {"$unknown": "not_collected"}})
	rule.unknown == {"The key is scheduled for deletion (key_state PendingDeletion), and whether it is customer managed is not known (key_manager not_collected)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
	not rule.not_applicable with input as r
}
