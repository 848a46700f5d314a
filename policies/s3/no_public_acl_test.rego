package complyctl.s3.no_public_acl_test

import rego.v1

import data.complyctl.s3.no_public_acl as rule

kaa := {"$unknown": "known_after_apply"}

bucket(attrs) := {"id": "aws_s3_bucket.media", "kind": "aws.s3.bucket", "name": "media", "attributes": attrs}

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

authenticated_users := "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"

owner_grant := {"grantee_type": "CanonicalUser", "grantee": "79a59df900b949e55d96a1e698fbaced", "permission": "FULL_CONTROL"}

enforced := {"object_ownership": "BucketOwnerEnforced"}

test_fail_public_read if {
	r := bucket({"acl": {"canned": "public-read", "grants": []}, "ownership_controls": null})
	rule.deny == {"The bucket ACL makes the bucket public: canned ACL public-read"} with input as r
	not rule.compliant with input as r
}

test_fail_public_read_write_and_authenticated_read if {
	count(rule.deny) == 1 with input as bucket({"acl": {"canned": "public-read-write", "grants": []}})
	count(rule.deny) == 1 with input as bucket({"acl": {"canned": "authenticated-read", "grants": []}})
}

test_fail_all_users_grant if {
	r := bucket({
		"acl": {"canned": null, "grants": [owner_grant, {"grantee_type": "Group", "grantee": all_users, "permission": "READ"}]},
		"ownership_controls": {"object_ownership": "BucketOwnerPreferred"},
	})
	rule.deny == {"The bucket ACL makes the bucket public: ACL grant of READ to AllUsers (everyone)"} with input as r
	not rule.compliant with input as r
}

test_fail_authenticated_users_grant if {
	r := bucket({"acl": {"canned": null, "grants": [{"grantee_type": "Group", "grantee": authenticated_users, "permission": "WRITE"}]}})
	rule.deny == {"The bucket ACL makes the bucket public: ACL grant of WRITE to AuthenticatedUsers (any AWS account)"} with input as r
}

test_fail_public_wins_over_unknown_grant if {
	r := bucket({"acl": {"canned": "public-read", "grants": [{"grantee_type": "Group", "grantee": kaa, "permission": "READ"}]}})
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_private if {
	r := bucket({"acl": {"canned": "private", "grants": [owner_grant]}, "ownership_controls": null})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_plan_without_acl if {
	r := bucket({"acl": {"canned": null, "grants": []}, "ownership_controls": null})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_log_delivery_group if {
	r := bucket({"acl": {"canned": "log-delivery-write", "grants": [{"grantee_type": "Group", "grantee": "http://acs.amazonaws.com/groups/s3/LogDelivery", "permission": "WRITE"}]}})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
}

test_pass_acls_disabled if {
	# BucketOwnerEnforced: S3 ignores the ACL, even a public one.
	r := bucket({"acl": {"canned": "public-read", "grants": []}, "ownership_controls": enforced})
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_acls_disabled_acl_unknown if {
	r := bucket({"acl": kaa, "ownership_controls": enforced})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_private_ownership_unknown if {
	r := bucket({"acl": {"canned": "private", "grants": []}, "ownership_controls": kaa})
	rule.compliant with input as r
	count(rule.unknown) == 0 with input as r
}

test_unknown_acl if {
	r := bucket({"acl": kaa})
	rule.unknown == {"The bucket ACL could be public: the bucket ACL is not known (known_after_apply)"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_canned if {
	r := bucket({"acl": {"canned": {"$unknown": "ambiguous"}, "grants": []}})
	rule.unknown == {"The bucket ACL could be public: the canned ACL is not known (ambiguous)"} with input as r
	count(rule.deny) == 0 with input as r
}

test_unknown_grantee if {
	r := bucket({"acl": {"canned": null, "grants": [owner_grant, {"grantee_type": "Group", "grantee": kaa, "permission": "READ"}]}})
	rule.unknown == {"The bucket ACL could be public: the grantee of ACL grant 1 is not known"} with input as r
	not rule.compliant with input as r
}

test_unknown_ownership_with_public_acl if {
	r := bucket({"acl": {"canned": "public-read", "grants": []}, "ownership_controls": {"object_ownership": kaa}})
	rule.unknown == {"The bucket ACL is public (canned ACL public-read), and whether ACLs are disabled (Object Ownership BucketOwnerEnforced) is not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}
