package complyctl.s3.cross_region_replication_test

import rego.v1

import data.complyctl.s3.cross_region_replication as rule

kaa := {"$unknown": "known_after_apply"}

bucket(replication) := {"id": "arn:aws:s3:::acme-media-final", "kind": "aws.s3.bucket", "name": "acme-media-final", "attributes": {"bucket": "acme-media-final", "replication": replication}}

repl_rule(id, status) := {"id": id, "status": status, "destination_bucket": "arn:aws:s3:::acme-media-final-dr", "storage_class": "STANDARD_IA"}

role := "arn:aws:iam::123456789012:role/s3-replication"

test_fail_no_replication if {
	r := bucket(null)
	rule.deny == {"Bucket has no replication configuration"} with input as r
	not rule.compliant with input as r
}

test_fail_attribute_absent if {
	r := {"id": "aws_s3_bucket.b", "kind": "aws.s3.bucket", "attributes": {"bucket": "b"}}
	count(rule.deny) == 1 with input as r
}

test_fail_no_rules if {
	r := bucket({"role": role, "rules": []})
	rule.deny == {"The replication configuration has no rules"} with input as r
	not rule.compliant with input as r
}

test_fail_rules_disabled if {
	r := bucket({"role": role, "rules": [repl_rule("dr", "Disabled"), repl_rule(null, "Disabled")]})
	rule.deny == {`No replication rule is Enabled (Replication rule "dr": Disabled, Replication rule rules[1]: Disabled)`} with input as r
	not rule.compliant with input as r
}

test_pass_enabled_rule if {
	r := bucket({"role": role, "rules": [repl_rule("old", "Disabled"), repl_rule("dr", "Enabled")]})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_destination_unknown if {
	# The replica bucket is created in the same plan.
	r := bucket({"role": kaa, "rules": [object.union(repl_rule("dr", "Enabled"), {"destination_bucket": kaa})]})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_despite_unknown_other_rule if {
	r := bucket({"role": role, "rules": [repl_rule("a", kaa), repl_rule("dr", "Enabled")]})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_configuration if {
	r := bucket(kaa)
	rule.unknown == {"The replication configuration is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_rules if {
	r := bucket({"role": role, "rules": {"$unknown": "ambiguous"}})
	rule.unknown == {"The replication rules are not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_status if {
	r := bucket({"role": role, "rules": [repl_rule("old", "Disabled"), repl_rule("dr", kaa)]})
	rule.unknown == {`The status of Replication rule "dr" is not known (known_after_apply)`} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_rule_element if {
	r := bucket({"role": role, "rules": [kaa]})
	rule.unknown == {"Replication rule rules[0] is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
}
