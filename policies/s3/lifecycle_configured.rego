# METADATA
# title: S3 buckets have an enabled lifecycle rule that moves or expires data
# description: >-
#   Checks that the bucket has at least one enabled lifecycle rule that transitions
#   objects to another storage class (STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING,
#   GLACIER, GLACIER_IR or DEEP_ARCHIVE) or expires them; actions on noncurrent versions
#   count too. Lifecycle rules put the organisation's retention and disposal policy into
#   practice: data that is no longer needed is deleted instead of piling up (and staying
#   exposed), and old data moves to cheaper storage. A rule that only aborts incomplete
#   multipart uploads does not count. Unknown when the lifecycle rules, or a part of one
#   that could qualify, are not known.
# custom:
#   id: S3.LIFECYCLE_CONFIGURED
#   severity: low
#   kind: aws.s3.bucket
#   remediation: >-
#     Console: S3 > the bucket > Management > Create lifecycle rule, choose the scope and
#     add "Transition current versions of objects between storage classes" and/or "Expire
#     current versions of objects". AWS CLI: aws s3api put-bucket-lifecycle-configuration
#     --bucket BUCKET --lifecycle-configuration
#     '{"Rules":[{"ID":"archive","Status":"Enabled","Filter":{},"Transitions":[{"Days":90,"StorageClass":"GLACIER"}],"Expiration":{"Days":730}}]}'.
#     Terraform: add an aws_s3_bucket_lifecycle_configuration with bucket =
#     aws_s3_bucket.b.id and a rule { id = "archive", status = "Enabled", filter {},
#     transition { days = 90, storage_class = "GLACIER" }, expiration { days = 730 } }.
#     Keep expirations of log and evidence buckets at least as long as the required
#     retention.
package complyctl.s3.lifecycle_configured

import rego.v1

import data.complyctl.lib

storage_classes := {"STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE"}

lifecycle_rules := object.get(input.attributes, "lifecycle_rules", [])

rules := lib.list_or_empty(lifecycle_rules)

# How a message names lifecycle rule i: its id, or its position.
rule_name(i, r) := sprintf("Lifecycle rule %v", [json.marshal(r.id)]) if {
	is_string(r.id)
	r.id != ""
} else := sprintf("Lifecycle rule lifecycle_rules[%v]", [i])

# The rule moves or deletes data (known values only).
acts(r) if {
	some key in ["transitions", "noncurrent_transitions"]
	some t in lib.list_or_empty(object.get(r, key, []))
	t.storage_class in storage_classes
}

acts(r) if {
	some key in ["expiration_days", "noncurrent_expiration_days"]
	days := object.get(r, key, null)
	is_number(days)
	days > 0
}

# Unknown parts that could make the rule act once known.
unknown_actions(r) := [key |
	some key in ["transitions", "noncurrent_transitions", "expiration_days", "noncurrent_expiration_days"]
	lib.is_marker(object.get(r, key, null))
] if {
	not acts(r)
}

unknown_transition_classes(r) := [key |
	some key in ["transitions", "noncurrent_transitions"]
	some t in lib.list_or_empty(object.get(r, key, []))
	_transition_may_act(t)
] if {
	not acts(r)
}

_transition_may_act(t) if lib.is_marker(t)

_transition_may_act(t) if lib.is_unknown(t.storage_class)

rule_object(r) if {
	is_object(r)
	not lib.is_marker(r)
}

qualifies(r) if {
	rule_object(r)
	r.enabled == true
	acts(r)
}

configured if {
	some r in rules
	qualifies(r)
}

# Why each rule that could qualify is not known to.
undecided contains sprintf("Lifecycle rule lifecycle_rules[%v] is not known (%v)", [i, lib.unknown_reason(r)]) if {
	some i, r in rules
	lib.is_marker(r)
}

undecided contains sprintf("Whether %v is enabled is not known (%v)", [rule_name(i, r), lib.unknown_reason(r.enabled)]) if {
	some i, r in rules
	rule_object(r)
	lib.is_marker(r.enabled)
	may_act(r)
}

undecided contains sprintf("What %v does is not known: %v", [rule_name(i, r), concat(", ", parts)]) if {
	some i, r in rules
	rule_object(r)
	not r.enabled == false
	classes := {key | some key in unknown_transition_classes(r)}
	parts := array.concat(unknown_actions(r), [sprintf("storage class of %v", [key]) | some key in classes])
	count(parts) > 0
}

may_act(r) if acts(r)

may_act(r) if count(unknown_actions(r)) > 0

may_act(r) if count(unknown_transition_classes(r)) > 0

deny contains "Bucket has no lifecycle rules" if {
	lifecycle_rules in {null, []}
}

deny contains sprintf("None of the bucket's %v lifecycle rules is enabled and transitions objects to another storage class or expires them", [count(rules)]) if {
	count(rules) > 0
	not configured
	count(undecided) == 0
}

unknown contains sprintf("The lifecycle rules are not known (%v)", [lib.unknown_reason(lifecycle_rules)]) if {
	lib.is_marker(lifecycle_rules)
}

unknown contains u if {
	not configured
	some u in undecided
}

compliant if configured
