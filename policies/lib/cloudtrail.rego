# Helpers for the CloudTrail rules. Not a rule itself: it has no METADATA block.
package complyctl.lib.cloudtrail

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.s3

# How messages name a trail or a bucket resource: its name, or its id.
label(r) := r.name if {
	is_string(r.name)
	r.name != ""
} else := r.id

# The name of the S3 bucket the trail delivers its log files to, when known.
bucket_name(trail) := name if {
	name := trail.attributes.s3_bucket_name
	is_string(name)
	name != ""
}

# The buckets of data.inventory (kind aws.s3.bucket, which the rule must require) that the
# trail delivers to; [] when the name is not known or no such bucket is in the inventory.
log_buckets(trail) := s3.buckets_named(bucket_name(trail), trail) if {
	bucket_name(trail)
} else := []

# Why the trail's bucket cannot be examined; undefined when it can.
bucket_unknown_reason(trail) := sprintf("The trail's S3 bucket name is not known (%v)", [lib.unknown_reason(trail.attributes.s3_bucket_name)]) if {
	lib.is_marker(trail.attributes.s3_bucket_name)
} else := "The trail names no S3 bucket" if {
	not bucket_name(trail)
} else := sprintf("The trail's S3 bucket %v is not in scope of this scan (not in the inventory), so it cannot be checked", [bucket_name(trail)]) if {
	count(log_buckets(trail)) == 0
}

# How messages name a bucket: its name, and the resource id when that says more (a plan address).
bucket_label(b) := b.attributes.bucket if {
	b.id == sprintf("arn:aws:s3:::%v", [b.attributes.bucket])
} else := sprintf("%v (%v)", [b.attributes.bucket, b.id])
