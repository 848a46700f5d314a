# Helpers for the rules about S3 buckets (the S3 rules and the CloudTrail rules that
# look at a trail's bucket). Not a rule itself: it has no METADATA block.
#
# Functions take the resource (or its attributes) as an argument so rules and tests
# can use them on any bucket, not only `input`.
package complyctl.lib.s3

import rego.v1

import data.complyctl.lib

# ------------------------------------------------------------------ evidence buckets
#
# An evidence bucket holds logs, audit trails or other records an auditor relies on.
# A bucket is one when its name matches one of the glob patterns of the parameter
# evidence_bucket_patterns (case-insensitive; `*` also matches dots), or when it has the
# tag complyctl:evidence = "true". It is not one when its name is known and matches no
# pattern and its tags are known and do not mark it. Otherwise it is undecided (the name
# or the tags are only known after apply, or the parameter is not a list of patterns).

evidence_tag := "complyctl:evidence"

# The bucket's name, when it is a known non-empty string.
bucket_name(r) := name if {
	name := r.attributes.bucket
	is_string(name)
	name != ""
}

# The patterns as a list of strings; undefined when the parameter is not a string or a
# list of strings.
patterns_list(patterns) := patterns if {
	is_array(patterns)
	every p in patterns {
		is_string(p)
	}
} else := [patterns] if {
	is_string(patterns)
}

name_matches(name, patterns) if {
	is_string(name)
	lname := lower(name)
	some p in patterns_list(patterns)
	_pattern_matches(lower(p), lname)
}

# `*word*` is a substring test: this runs for every bucket, and glob.match goes through a
# locked cache of compiled matchers (a compile on a miss), so the common form skips it.
# Each pattern is read once.
_pattern_matches(p, name) := contains(name, inner) if {
	inner := _substring_inner(p)
	is_string(inner)
} else := glob.match(p, null, name)

# The `word` of a `*word*` pattern whose word has no glob syntax; undefined for other
# patterns. One replace_n call tests for the four metacharacters.
_substring_inner(p) := inner if {
	startswith(p, "*")
	endswith(p, "*")
	n := count(p)
	n >= 2
	inner := substring(p, 1, n - 2)
	strings.replace_n(_glob_syntax, inner) == inner
}

_glob_syntax := {"*": "", "?": "", "[": "", "{": ""}

_evidence_tag_value(r) := v if {
	is_object(r.tags)
	not lib.is_marker(r.tags)
	v := r.tags[evidence_tag]
	is_string(v)
}

tagged_evidence(r) if lower(_evidence_tag_value(r)) == "true"

# The tags could still carry the evidence tag: the tag map, or the tag's value, is not known.
_tags_undecided(r) if lib.is_marker(r.tags)

_tags_undecided(r) if {
	is_object(r.tags)
	lib.is_marker(r.tags[evidence_tag])
}

is_evidence_bucket(r, _) if tagged_evidence(r)

is_evidence_bucket(r, patterns) if name_matches(bucket_name(r), patterns)

not_evidence_bucket(r, patterns) if {
	not is_evidence_bucket(r, patterns)
	_decidable(r, patterns)
}

# Whether the bucket is an evidence bucket can be decided: its name, its tags and the
# patterns are known.
_decidable(r, patterns) if {
	bucket_name(r)
	patterns_list(patterns)
	not _tags_undecided(r)
}

# The same three questions about the rule's input under the evidence_bucket_patterns
# parameter, for the rules about evidence buckets. These are rules, not functions, on
# purpose: an evaluation computes a rule once and every rule that reads it shares the
# value, while each function call computes it again, and three rules ask about every
# bucket, several times each.
input_evidence_patterns := object.get(data.params, "evidence_bucket_patterns", null)

input_is_evidence if is_evidence_bucket(input, input_evidence_patterns)

input_not_evidence if {
	not input_is_evidence
	_decidable(input, input_evidence_patterns)
}

input_undecided_reason := _undecided_text(input, input_evidence_patterns) if {
	not input_is_evidence
	not input_not_evidence
}

# Why it is not known whether the bucket is an evidence bucket; undefined when it is known.
evidence_undecided_reason(r, patterns) := _undecided_text(r, patterns) if {
	not is_evidence_bucket(r, patterns)
	not not_evidence_bucket(r, patterns)
}

_undecided_text(r, patterns) := concat("; ", reasons) if {
	reasons := array.concat(array.concat(_name_reasons(r), _tag_reasons(r)), _pattern_reasons(patterns))
}

_name_reasons(r) := [sprintf("the bucket name is not known (%v)", [lib.unknown_reason(r.attributes.bucket)])] if {
	lib.is_marker(r.attributes.bucket)
} else := ["the bucket name is not known"] if {
	not bucket_name(r)
} else := []

_tag_reasons(r) := [sprintf("its tags are not known (%v)", [lib.unknown_reason(r.tags)])] if {
	lib.is_marker(r.tags)
} else := [sprintf("its %v tag is not known", [evidence_tag])] if {
	_tags_undecided(r)
} else := []

_pattern_reasons(patterns) := [] if {
	patterns_list(patterns)
} else := ["the parameter evidence_bucket_patterns is not a list of glob patterns"]

# ---------------------------------------------------------------- Block Public Access

bpa_settings := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

# A Block Public Access configuration (bucket or account level) with all four settings on.
blocks_all_public_access(pab) if {
	is_object(pab)
	every name in bpa_settings {
		# object.get, not pab[name]: regorus's VM reads `x[v]` with the every variable `v`
		# as `some v`, true when any one setting is on (docs/rules-authoring.md).
		object.get(pab, name, null) == true
	}
}

# ------------------------------------------------------------------------------ ACLs

public_canned_acls := {"public-read", "public-read-write", "authenticated-read"}

# The grantee groups that make a grant public, with how messages name them.
public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers (everyone)",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers (any AWS account)",
}

_acl(attrs) := object.get(attrs, "acl", null)

# The ACL when it is a known object; undefined otherwise.
_known_acl(attrs) := acl if {
	acl := _acl(attrs)
	is_object(acl)
	not lib.is_marker(acl)
}

_ownership(attrs) := object.get(attrs, "ownership_controls", null)

# Object Ownership is BucketOwnerEnforced: ACLs are disabled and S3 ignores them.
acls_disabled(attrs) if _ownership(attrs).object_ownership == "BucketOwnerEnforced"

# Object Ownership is not known, so ACLs may be disabled.
ownership_unknown(attrs) if {
	not acls_disabled(attrs)
	lib.is_unknown(_ownership(attrs))
}

# What in the bucket ACL grants public access (known values only); [] when nothing does.
public_acl_grants(attrs) := array.concat(canned, grants) if {
	acl := _known_acl(attrs)
	is_object(acl)
	canned := [sprintf("canned ACL %v", [c]) |
		c := object.get(acl, "canned", null)
		c in public_canned_acls
	]
	grants := [sprintf("ACL grant of %v to %v", [_permission_text(g), public_groups[g.grantee]]) |
		some g in lib.list_or_empty(object.get(acl, "grants", null))
		is_object(g)
		public_groups[g.grantee]
	]
} else := []

_permission_text(g) := g.permission if is_string(g.permission) else := "a permission not known yet"

# Parts of the ACL that are not known and could grant public access; [] when none (an
# ACL that is neither a marker nor an object has nothing that could be public).
acl_unknown_parts(attrs) := [sprintf("the bucket ACL is not known (%v)", [lib.unknown_reason(_acl(attrs))])] if {
	lib.is_marker(_acl(attrs))
} else := array.concat(canned, array.concat(grant_list, grants)) if {
	acl := _acl(attrs)
	is_object(acl)
	c := object.get(acl, "canned", null)
	canned := [sprintf("the canned ACL is not known (%v)", [lib.unknown_reason(c)]) | lib.is_marker(c)]
	gs := object.get(acl, "grants", null)
	grant_list := [sprintf("the ACL grants are not known (%v)", [lib.unknown_reason(gs)]) | lib.is_marker(gs)]
	grants := [sprintf("the grantee of ACL grant %v is not known", [i]) |
		some i, g in lib.list_or_empty(gs)
		_grant_may_be_public(g)
	]
} else := []

_grant_may_be_public(g) if lib.is_marker(g)

_grant_may_be_public(g) if {
	is_object(g)
	not lib.is_marker(g)
	lib.is_unknown(object.get(g, "grantee", null))
}

# "public", "not_public" or "unknown": does the ACL make the bucket public? Disabled ACLs
# (BucketOwnerEnforced) never do; with `ignore_acls` (Block Public Access
# ignore_public_acls) S3 ignores public ACLs too.
acl_status(attrs, ignore_acls) := "not_public" if {
	_acls_ineffective(attrs, ignore_acls)
} else := "public" if {
	count(public_acl_grants(attrs)) > 0
	not ownership_unknown(attrs)
	not lib.is_unknown(ignore_acls)
} else := "not_public" if {
	count(public_acl_grants(attrs)) == 0
	count(acl_unknown_parts(attrs)) == 0
} else := "unknown"

_acls_ineffective(attrs, _) if acls_disabled(attrs)

_acls_ineffective(_, ignore_acls) if ignore_acls == true

# --------------------------------------------------------------------- bucket policy

_policy(attrs) := object.get(attrs, "policy", null)

# The policy document when it is a known object; undefined otherwise.
_known_policy(attrs) := doc if {
	doc := _policy(attrs)
	is_object(doc)
	not lib.is_marker(doc)
}

# An Allow statement for everyone without a Condition: anyone on the internet can use it.
# "Everyone" is Principal "*" or a principal type (usually AWS) listing "*"; an Allow with
# NotPrincipal allows everyone but the principals it names.
public_statement(s) if {
	is_object(s)
	s.Effect == "Allow"
	_everyone(s)
	_no_condition(s)
}

_everyone(s) if s.Principal == "*"

_everyone(s) if {
	is_object(s.Principal)
	some ids in s.Principal
	some id in lib.as_list(ids)
	id == "*"
}

_everyone(s) if _has_not_principal(s)

_has_not_principal(s) if {
	is_object(s)
	object.get(s, "NotPrincipal", null) != null
}

_no_condition(s) if object.get(s, "Condition", null) == null

_no_condition(s) if object.get(s, "Condition", null) == {}

# A statement with unknown parts that could be public once known.
may_be_public_statement(s) if lib.is_marker(s)

may_be_public_statement(s) if {
	is_object(s)
	not public_statement(s)
	lib.is_unknown(s)
	_may_be_allow(s)
	_may_be_everyone(s)
	_may_have_no_condition(s)
}

_may_be_allow(s) if s.Effect == "Allow"

_may_be_allow(s) if lib.is_unknown(s.Effect)

_may_be_everyone(s) if _everyone(s)

_may_be_everyone(s) if lib.is_unknown(s.Principal)

_may_have_no_condition(s) if _no_condition(s)

_may_have_no_condition(s) if lib.is_marker(s.Condition)

# Names of the policy statements that allow everyone without a condition.
public_statement_names(attrs) := [lib.statement_name(i, s) |
	some i, s in lib.policy_statements(_known_policy(attrs))
	public_statement(s)
]

# Names of statements that are not fully known and could be public.
undecided_statement_names(attrs) := [lib.statement_name(i, s) |
	some i, s in lib.policy_statements(_known_policy(attrs))
	may_be_public_statement(s)
]

# Parts of the policy that are not known and could make it public; [] when none.
policy_unknown_parts(attrs) := [sprintf("the bucket policy is not known (%v)", [lib.unknown_reason(_policy(attrs))])] if {
	lib.is_marker(_policy(attrs))
} else := [sprintf("%v of the bucket policy is not fully known and may allow everyone", [n]) |
	some n in undecided_statement_names(attrs)
]

# S3's own verdict (GetBucketPolicyStatus), carried by live inventories.
policy_reported_public(attrs) if object.get(attrs, "policy_is_public", null) == true

policy_reported_not_public(attrs) if object.get(attrs, "policy_is_public", null) == false

# "public", "not_public" or "unknown": does the bucket policy make the bucket public?
# With `restrict` (Block Public Access restrict_public_buckets) S3 limits a public
# policy to AWS services and the account's own principals.
policy_status(attrs, restrict) := "not_public" if {
	restrict == true
} else := "public" if {
	_policy_public(attrs)
	not lib.is_unknown(restrict)
} else := "unknown" if {
	# public unless Block Public Access restricts it, and that setting is not known
	_policy_public(attrs)
} else := "not_public" if {
	policy_reported_not_public(attrs)
} else := "not_public" if {
	count(policy_unknown_parts(attrs)) == 0
} else := "unknown"

_policy_public(attrs) if policy_reported_public(attrs)

_policy_public(attrs) if count(public_statement_names(attrs)) > 0

# ----------------------------------------------------------------------- the bucket

_pab(attrs) := object.get(attrs, "public_access_block", null)

# One Block Public Access setting of the bucket: its value, the marker when the whole
# configuration is not known, null when there is none.
_pab_setting(attrs, name) := _pab(attrs) if {
	lib.is_marker(_pab(attrs))
} else := object.get(_pab(attrs), name, null) if {
	is_object(_pab(attrs))
} else := null

# "public", "not_public" or "unknown": can the public read or write the bucket through its
# ACL or its policy, given the bucket's own Block Public Access settings?
public_status(attrs) := "not_public" if {
	blocks_all_public_access(_pab(attrs))
} else := "public" if {
	"public" in {
		acl_status(attrs, _pab_setting(attrs, "ignore_public_acls")),
		policy_status(attrs, _pab_setting(attrs, "restrict_public_buckets")),
	}
} else := "not_public" if {
	acl_status(attrs, _pab_setting(attrs, "ignore_public_acls")) == "not_public"
	policy_status(attrs, _pab_setting(attrs, "restrict_public_buckets")) == "not_public"
} else := "unknown"

# Why the bucket is public (for messages); [] when it is not known to be.
public_reasons(attrs) := array.concat(acl_reasons, policy_reasons) if {
	acl_reasons := [r |
		acl_status(attrs, _pab_setting(attrs, "ignore_public_acls")) == "public"
		some r in public_acl_grants(attrs)
	]
	policy_reasons := array.concat(
		[sprintf("%v of the bucket policy allows everyone without a condition", [n]) |
			policy_status(attrs, _pab_setting(attrs, "restrict_public_buckets")) == "public"
			some n in public_statement_names(attrs)
		],
		["S3 reports the bucket policy as public" |
			policy_status(attrs, _pab_setting(attrs, "restrict_public_buckets")) == "public"
			policy_reported_public(attrs)
		],
	)
}

# What is not known about the bucket's public access (for messages); [] when nothing is.
public_unknown_parts(attrs) := array.concat(array.concat(acl_parts, policy_parts), pab_parts) if {
	acl_parts := array.concat(
		[p |
			acl_status(attrs, _pab_setting(attrs, "ignore_public_acls")) == "unknown"
			some p in acl_unknown_parts(attrs)
		],
		["its Object Ownership setting (whether ACLs are disabled) is not known" |
			acl_status(attrs, _pab_setting(attrs, "ignore_public_acls")) == "unknown"
			count(public_acl_grants(attrs)) > 0
			ownership_unknown(attrs)
		],
	)
	policy_parts := [p |
		policy_status(attrs, _pab_setting(attrs, "restrict_public_buckets")) == "unknown"
		some p in policy_unknown_parts(attrs)
	]
	pab_parts := [sprintf("its Block Public Access setting %v is not known", [name]) |
		some name, status in {
			"ignore_public_acls": acl_status(attrs, _pab_setting(attrs, "ignore_public_acls")),
			"restrict_public_buckets": policy_status(attrs, _pab_setting(attrs, "restrict_public_buckets")),
		}
		status == "unknown"
		lib.is_unknown(_pab_setting(attrs, name))
	]
}

# --------------------------------------------------------------------------- logging

_logging(attrs) := object.get(attrs, "logging", null)

_logging_configured(attrs) if {
	is_object(_logging(attrs))
	not lib.is_marker(_logging(attrs))
}

_log_target(attrs) := object.get(_logging(attrs), "target_bucket", null) if _logging_configured(attrs)

# Server access logging is configured with a target bucket (or one only known after apply).
logging_enabled(attrs) if {
	_logging_configured(attrs)
	t := _log_target(attrs)
	is_string(t)
	t != ""
}

logging_enabled(attrs) if {
	_logging_configured(attrs)
	lib.set_but_unknown(_log_target(attrs))
}

# Why logging is known to be off; undefined otherwise.
logging_disabled_reason(attrs) := "server access logging is not enabled" if {
	_logging(attrs) == null
} else := "server access logging is configured without a target bucket" if {
	_logging_configured(attrs)
	_log_target(attrs) in {null, ""}
}

# Why it is not known whether logging is on; undefined otherwise.
logging_unknown_reason(attrs) := sprintf("the logging configuration is not known (%v)", [lib.unknown_reason(_logging(attrs))]) if {
	lib.is_marker(_logging(attrs))
} else := sprintf("the logging target bucket is not known (%v)", [lib.unknown_reason(_log_target(attrs))]) if {
	_logging_configured(attrs)
	lib.is_marker(_log_target(attrs))
	not logging_enabled(attrs)
}

# ------------------------------------------------------------------- the inventory

# The buckets of data.inventory named `name`: those from the same source as `r` (the
# same plan file, or the live account) when there are any, else those from any source.
buckets_named(name, r) := same if {
	all := _all_named(name)
	same := [b | some b in all; _same_source(b, r)]
	count(same) > 0
} else := _all_named(name)

_all_named(name) := [b |
	some b in data.inventory["aws.s3.bucket"]
	b.attributes.bucket == name
]

_same_source(a, b) if {
	object.get(a, "source", null) == object.get(b, "source", null)
	object.get(a, "source_path", null) == object.get(b, "source_path", null)
}
