package complyctl.s3.versioning_test

import rego.v1

import data.complyctl.s3.versioning as rule

bucket(attrs) := {"id": "arn:aws:s3:::media-raw", "kind": "aws.s3.bucket", "name": "media-raw", "attributes": attrs}

test_fail_suspended if {
	r := bucket({"versioning": {"status": "Suspended", "mfa_delete": false}})
	rule.deny == {"Bucket versioning is Suspended, not Enabled"} with input as r
	not rule.compliant with input as r
}

test_fail_disabled if {
	r := bucket({"versioning": {"status": "Disabled", "mfa_delete": false}})
	rule.deny == {"Bucket versioning is Disabled, not Enabled"} with input as r
	not rule.compliant with input as r
}

test_fail_not_configured if {
	r := bucket({"versioning": null})
	rule.deny == {"Bucket versioning is not configured"} with input as r
	not rule.compliant with input as r
}

test_fail_absent if {
	r := bucket({"bucket": "media-raw"})
	count(rule.deny) == 1 with input as r
}

test_pass_enabled if {
	r := bucket({"versioning": {"status": "Enabled", "mfa_delete": false}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_mfa_delete_unknown_does_not_matter if {
	r := bucket({"versioning": {"status": "Enabled", "mfa_delete": {"$unknown": "known_after_apply"}}})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_status if {
	r := bucket({"versioning": {"status": {"$unknown": "known_after_apply"}, "mfa_delete": false}})
	rule.unknown == {"The versioning status is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_whole_configuration if {
	r := bucket({"versioning": {"$unknown": "ambiguous"}})
	rule.unknown == {"The versioning configuration is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
