//! Split resources (AWS provider v4+ style, SG rules, attachments) joined into their parents.

use serde_json::{json, Value};

use super::normalize::{
    lifecycle_rule, nacl_entry, normalize_protocol, object_lock_rule, public_access_block,
    replication, sg_permission, sse_from_configuration,
};
use super::values::{list_or_empty, parse_document, Attrs};
use crate::inventory::unknown::is_marker;

/// How a child changes its parent.
pub enum Op {
    /// Replace an attribute.
    Set(&'static str, Value),
    /// Append values to a list attribute.
    Append(&'static str, Vec<Value>),
}

/// One link of a split resource: the argument naming the parent, the parent types it may
/// name, whether it names several (a list), and what it does to each parent.
pub struct Patch {
    pub attr: &'static str,
    pub parents: &'static [&'static str],
    pub multi: bool,
    pub op: Op,
}

const BUCKET: &[&str] = &["aws_s3_bucket"];
const SG: &[&str] = &["aws_security_group", "aws_default_security_group"];
const VPC: &[&str] = &["aws_vpc", "aws_default_vpc"];
const NACL: &[&str] = &["aws_network_acl", "aws_default_network_acl"];
const USER: &[&str] = &["aws_iam_user"];
const GROUP: &[&str] = &["aws_iam_group"];
const ROLE: &[&str] = &["aws_iam_role"];
pub const POLICY: &[&str] = &["aws_iam_policy"];
const EKS: &[&str] = &["aws_eks_cluster"];
const RECORDER: &[&str] = &["aws_config_configuration_recorder"];
const HUB: &[&str] = &["aws_securityhub_account"];

/// Is this a type that is joined into a parent (rather than being a resource of its own)?
pub fn is_split(rtype: &str) -> bool {
    matches!(
        rtype,
        "aws_s3_bucket_server_side_encryption_configuration"
            | "aws_s3_bucket_public_access_block"
            | "aws_s3_bucket_versioning"
            | "aws_s3_bucket_logging"
            | "aws_s3_bucket_lifecycle_configuration"
            | "aws_s3_bucket_policy"
            | "aws_s3_bucket_acl"
            | "aws_s3_bucket_ownership_controls"
            | "aws_s3_bucket_object_lock_configuration"
            | "aws_s3_bucket_replication_configuration"
            | "aws_security_group_rule"
            | "aws_vpc_security_group_ingress_rule"
            | "aws_vpc_security_group_egress_rule"
            | "aws_flow_log"
            | "aws_network_acl_rule"
            | "aws_iam_user_policy"
            | "aws_iam_group_policy"
            | "aws_iam_role_policy"
            | "aws_iam_user_policy_attachment"
            | "aws_iam_group_policy_attachment"
            | "aws_iam_role_policy_attachment"
            | "aws_iam_policy_attachment"
            | "aws_iam_user_login_profile"
            | "aws_iam_access_key"
            | "aws_iam_group_membership"
            | "aws_iam_user_group_membership"
            | "aws_eks_node_group"
            | "aws_config_configuration_recorder_status"
            | "aws_securityhub_standards_subscription"
    )
}

fn one(attr: &'static str, parents: &'static [&'static str], op: Op) -> Vec<Patch> {
    vec![Patch {
        attr,
        parents,
        multi: false,
        op,
    }]
}

fn inline_policy(a: &Attrs) -> Value {
    json!({"name": a.get("name"), "document": parse_document(a.get("policy"))})
}

/// The patches a split resource applies. Policy attachments also record the principal on the
/// policy; that half is done by the caller, which knows the principal's id.
pub fn patches(rtype: &str, a: &Attrs) -> Vec<Patch> {
    match rtype {
        "aws_s3_bucket_server_side_encryption_configuration" => one(
            "bucket",
            BUCKET,
            Op::Set("encryption", sse_from_configuration(a)),
        ),
        "aws_s3_bucket_public_access_block" => one(
            "bucket",
            BUCKET,
            Op::Set("public_access_block", Value::Object(public_access_block(a))),
        ),
        "aws_s3_bucket_versioning" => {
            let v = match a.block("versioning_configuration") {
                None => json!({"status": "Disabled", "mfa_delete": false}),
                Some(m) if is_marker(m) => m.clone(),
                Some(v) => {
                    let c = a.nested(v, "versioning_configuration");
                    json!({
                        "status": c.get("status"),
                        // Optional and computed: unset means AWS's default, Disabled.
                        "mfa_delete": match c.setting("mfa_delete") {
                            Value::String(s) => json!(s == "Enabled"),
                            Value::Null => json!(false),
                            other => other,
                        },
                    })
                }
            };
            one("bucket", BUCKET, Op::Set("versioning", v))
        }
        "aws_s3_bucket_logging" => one(
            "bucket",
            BUCKET,
            Op::Set(
                "logging",
                json!({"target_bucket": a.get("target_bucket"), "target_prefix": a.get("target_prefix")}),
            ),
        ),
        "aws_s3_bucket_lifecycle_configuration" => {
            let rules = match a.blocks("rule") {
                Err(m) => m,
                Ok(rs) => Value::Array(
                    rs.iter()
                        .map(|r| lifecycle_rule(&a.nested(r, "rule"), "status", "filter"))
                        .collect(),
                ),
            };
            one("bucket", BUCKET, Op::Set("lifecycle_rules", rules))
        }
        "aws_s3_bucket_policy" => one(
            "bucket",
            BUCKET,
            Op::Set("policy", parse_document(a.get("policy"))),
        ),
        "aws_s3_bucket_acl" => {
            let grants = match a.block("access_control_policy") {
                None => json!([]),
                Some(m) if is_marker(m) => m.clone(),
                Some(acp) => {
                    let acp = a.nested(acp, "access_control_policy");
                    match acp.blocks("grant") {
                        Err(m) => m,
                        Ok(gs) => Value::Array(
                            gs.iter()
                                .map(|g| {
                                    let g = acp.nested(g, "grant");
                                    let (t, who) = match g.block("grantee") {
                                        Some(m) if is_marker(m) => (m.clone(), m.clone()),
                                        Some(ge) => {
                                            let ge = g.nested(ge, "grantee");
                                            let who = match ge.get("uri") {
                                                Value::Null => match ge.get("id") {
                                                    Value::Null => ge.get("email_address"),
                                                    v => v,
                                                },
                                                v => v,
                                            };
                                            (ge.get("type"), who)
                                        }
                                        None => (Value::Null, Value::Null),
                                    };
                                    json!({"grantee_type": t, "grantee": who, "permission": g.get("permission")})
                                })
                                .collect(),
                        ),
                    }
                }
            };
            one(
                "bucket",
                BUCKET,
                Op::Set("acl", json!({"canned": a.get("acl"), "grants": grants})),
            )
        }
        "aws_s3_bucket_ownership_controls" => {
            let v = match a.block("rule") {
                None => Value::Null,
                Some(m) if is_marker(m) => m.clone(),
                Some(r) => json!({"object_ownership": a.nested(r, "rule").get("object_ownership")}),
            };
            one("bucket", BUCKET, Op::Set("ownership_controls", v))
        }
        "aws_s3_bucket_object_lock_configuration" => one(
            "bucket",
            BUCKET,
            Op::Set("object_lock", object_lock_rule(a)),
        ),
        "aws_s3_bucket_replication_configuration" => {
            one("bucket", BUCKET, Op::Set("replication", replication(a)))
        }
        "aws_security_group_rule" => {
            let key = match a.str("type") {
                Some("egress") => "egress",
                _ => "ingress",
            };
            let perm = sg_permission(a, "cidr_blocks", "ipv6_cidr_blocks", "__none__");
            one("security_group_id", SG, Op::Append(key, vec![perm]))
        }
        "aws_vpc_security_group_ingress_rule" | "aws_vpc_security_group_egress_rule" => {
            let key = if rtype.ends_with("ingress_rule") {
                "ingress"
            } else {
                "egress"
            };
            let protocol = normalize_protocol(a.get("ip_protocol"));
            let all = protocol == json!("-1");
            let single = |k: &str| match a.get(k) {
                Value::Null => json!([]),
                v => json!([v]),
            };
            let perm = json!({
                "protocol": protocol,
                "from_port": if all { Value::Null } else { a.get("from_port") },
                "to_port": if all { Value::Null } else { a.get("to_port") },
                "cidr_ipv4": single("cidr_ipv4"),
                "cidr_ipv6": single("cidr_ipv6"),
                "prefix_lists": single("prefix_list_id"),
                "security_groups": single("referenced_security_group_id"),
                "self": false,
                "description": a.get("description"),
            });
            one("security_group_id", SG, Op::Append(key, vec![perm]))
        }
        "aws_flow_log" => one(
            "vpc_id",
            VPC,
            Op::Append(
                "flow_logs",
                vec![json!({
                    "id": a.get("id"),
                    "traffic_type": a.get("traffic_type"),
                    "destination_type": a.or("log_destination_type", json!("cloud-watch-logs")),
                    "status": "ACTIVE",
                })],
            ),
        ),
        "aws_network_acl_rule" => {
            let egress = a.or("egress", json!(false)) == json!(true);
            one(
                "network_acl_id",
                NACL,
                Op::Append("entries", vec![nacl_entry(a, egress, "rule_number")]),
            )
        }
        "aws_iam_user_policy" => one(
            "user",
            USER,
            Op::Append("inline_policies", vec![inline_policy(a)]),
        ),
        "aws_iam_group_policy" => one(
            "group",
            GROUP,
            Op::Append("inline_policies", vec![inline_policy(a)]),
        ),
        "aws_iam_role_policy" => one(
            "role",
            ROLE,
            Op::Append("inline_policies", vec![inline_policy(a)]),
        ),
        "aws_iam_user_policy_attachment" => one(
            "user",
            USER,
            Op::Append("attached_policies", vec![a.get("policy_arn")]),
        ),
        "aws_iam_group_policy_attachment" => one(
            "group",
            GROUP,
            Op::Append("attached_policies", vec![a.get("policy_arn")]),
        ),
        "aws_iam_role_policy_attachment" => one(
            "role",
            ROLE,
            Op::Append("attached_policies", vec![a.get("policy_arn")]),
        ),
        "aws_iam_policy_attachment" => ["users", "groups", "roles"]
            .into_iter()
            .zip([USER, GROUP, ROLE])
            .filter(|(k, _)| {
                a.get(k).as_array().is_some_and(|l| !l.is_empty()) || is_marker(&a.get(k))
            })
            .map(|(k, parents)| Patch {
                attr: k,
                parents,
                multi: true,
                op: Op::Append("attached_policies", vec![a.get("policy_arn")]),
            })
            .collect(),
        "aws_iam_user_login_profile" => one("user", USER, Op::Set("console_access", json!(true))),
        "aws_iam_access_key" => one(
            "user",
            USER,
            Op::Append(
                "access_keys",
                vec![json!({
                    "id": a.get("id"),
                    "status": a.or("status", json!("Active")),
                    "created": a.get("create_date"),
                    "last_used": null,
                })],
            ),
        ),
        "aws_iam_group_membership" => {
            let users = list_or_empty(a.get("users"));
            let members = match &users {
                Value::Array(u) => u.clone(),
                m => vec![m.clone()],
            };
            vec![
                Patch {
                    attr: "group",
                    parents: GROUP,
                    multi: false,
                    op: Op::Append("members", members),
                },
                Patch {
                    attr: "users",
                    parents: USER,
                    multi: true,
                    op: Op::Append("groups", vec![a.get("group")]),
                },
            ]
        }
        "aws_iam_user_group_membership" => {
            let groups = match list_or_empty(a.get("groups")) {
                Value::Array(g) => g,
                m => vec![m],
            };
            one("user", USER, Op::Append("groups", groups))
        }
        "aws_eks_node_group" => one(
            "cluster_name",
            EKS,
            Op::Append("nodegroups", vec![a.get("node_group_name")]),
        ),
        "aws_config_configuration_recorder_status" => one(
            "name",
            RECORDER,
            Op::Set("recording", a.or("is_enabled", json!(false))),
        ),
        "aws_securityhub_standards_subscription" => one(
            "",
            HUB,
            Op::Append(
                "standards",
                vec![json!({"arn": a.get("standards_arn"), "status": "READY"})],
            ),
        ),
        _ => Vec::new(),
    }
}
