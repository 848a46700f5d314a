# METADATA
# title: CloudTrail trails send their events to CloudWatch Logs
# description: >-
#   Checks that the trail delivers its events to a CloudWatch Logs log group
#   (cloudwatch_logs_log_group_arn set). S3 delivery alone is batched and only good for
#   after-the-fact investigation; in CloudWatch Logs the events arrive within minutes, so
#   metric filters and alarms can alert on root account use, IAM policy changes, console
#   logins without MFA or CloudTrail being stopped while it happens. A log group that is
#   set but only known after apply counts. Unknown when the setting could not be read.
# custom:
#   id: CLOUDTRAIL.CLOUDWATCH_LOGS
#   severity: low
#   kind: aws.cloudtrail.trail
#   remediation: >-
#     Create a log group and an IAM role that cloudtrail.amazonaws.com can assume with
#     logs:CreateLogStream and logs:PutLogEvents on it. Console: CloudTrail > Trails > the
#     trail > CloudWatch Logs > Edit > Enabled, choose the log group and role. AWS CLI: aws
#     cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn
#     "arn:aws:logs:REGION:ACCOUNT_ID:log-group:GROUP:*" --cloud-watch-logs-role-arn
#     ROLE_ARN. Terraform: set cloud_watch_logs_group_arn =
#     "${aws_cloudwatch_log_group.trail.arn}:*" and cloud_watch_logs_role_arn =
#     aws_iam_role.cloudtrail_logs.arn on the aws_cloudtrail, then add metric filters and
#     alarms for the events that matter.
package complyctl.cloudtrail.cloudwatch_logs

import rego.v1

import data.complyctl.lib

group := object.get(input.attributes, "cloudwatch_logs_log_group_arn", null)

has_group if {
	is_string(group)
	group != ""
}

# A log group set by the configuration but only known at apply time.
has_group if lib.set_but_unknown(group)

deny contains "The trail does not send its events to CloudWatch Logs (no log group)" if {
	group in {null, ""}
}

unknown contains sprintf("The trail's CloudWatch Logs log group is not known (%v)", [lib.unknown_reason(group)]) if {
	lib.is_marker(group)
	not has_group
}

compliant if has_group
