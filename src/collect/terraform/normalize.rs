//! Terraform resource types -> normalized kinds and attributes (parents only; split
//! resources are joined into them by `link`). Shapes are documented in docs/inventory.md.

use serde_json::{json, Map, Value};

use super::values::{list_or_empty, parse_document, Attrs};
use crate::inventory::unknown::is_marker;
use crate::inventory::Kind;

/// What a parent resource type becomes.
pub struct Normalized {
    pub kind: Kind,
    /// Human name when known (bucket name, group name...).
    pub name: Option<String>,
    pub attributes: Map<String, Value>,
}

/// The kind a Terraform type normalizes to, if it is a parent type.
pub fn parent_kind(rtype: &str) -> Option<Kind> {
    Some(match rtype {
        "aws_s3_bucket" => Kind::S3Bucket,
        "aws_s3_account_public_access_block" => Kind::S3AccountPublicAccessBlock,
        "aws_security_group" | "aws_default_security_group" => Kind::Ec2SecurityGroup,
        "aws_vpc" | "aws_default_vpc" => Kind::Ec2Vpc,
        "aws_subnet" | "aws_default_subnet" => Kind::Ec2Subnet,
        "aws_network_acl" | "aws_default_network_acl" => Kind::Ec2NetworkAcl,
        "aws_iam_user" => Kind::IamUser,
        "aws_iam_group" => Kind::IamGroup,
        "aws_iam_role" => Kind::IamRole,
        "aws_iam_policy" => Kind::IamPolicy,
        "aws_iam_account_password_policy" => Kind::IamPasswordPolicy,
        "aws_eks_cluster" => Kind::EksCluster,
        "aws_eks_node_group" => Kind::EksNodegroup,
        "aws_cloudtrail" => Kind::CloudtrailTrail,
        "aws_config_configuration_recorder" => Kind::ConfigRecorder,
        "aws_guardduty_detector" => Kind::GuarddutyDetector,
        "aws_securityhub_account" => Kind::SecurityhubHub,
        "aws_kms_key" => Kind::KmsKey,
        _ => return None,
    })
}

fn known_str(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn obj(pairs: Vec<(&str, Value)>) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// Normalize a parent resource's planned values.
pub fn normalize(rtype: &str, a: &Attrs) -> Option<Normalized> {
    let kind = parent_kind(rtype)?;
    let (name_key, attributes) = match kind {
        Kind::S3Bucket => ("bucket", s3_bucket(a)),
        Kind::S3AccountPublicAccessBlock => ("account_id", public_access_block(a)),
        Kind::Ec2SecurityGroup => ("name", security_group(rtype, a)),
        Kind::Ec2Vpc => (
            "id",
            obj(vec![
                ("vpc_id", a.get("id")),
                ("cidr_block", a.get("cidr_block")),
                ("is_default", json!(rtype == "aws_default_vpc")),
                ("flow_logs", json!([])),
            ]),
        ),
        Kind::Ec2Subnet => (
            "id",
            obj(vec![
                ("subnet_id", a.get("id")),
                ("vpc_id", a.get("vpc_id")),
                ("cidr_block", a.get("cidr_block")),
                (
                    "map_public_ip_on_launch",
                    a.or(
                        "map_public_ip_on_launch",
                        json!(rtype == "aws_default_subnet"),
                    ),
                ),
            ]),
        ),
        Kind::Ec2NetworkAcl => ("id", network_acl(rtype, a)),
        Kind::IamUser => (
            "name",
            obj(vec![
                ("user_name", a.get("name")),
                ("arn", a.get("arn")),
                ("path", a.or("path", json!("/"))),
                ("console_access", json!(false)),
                // MFA devices are enrolled interactively; a plan cannot say.
                ("mfa_active", json!({"$unknown": "known_after_apply"})),
                ("mfa_devices", json!([])),
                ("password_last_used", Value::Null),
                ("access_keys", json!([])),
                ("groups", json!([])),
                ("attached_policies", json!([])),
                ("inline_policies", json!([])),
                ("created", Value::Null),
            ]),
        ),
        Kind::IamGroup => (
            "name",
            obj(vec![
                ("group_name", a.get("name")),
                ("arn", a.get("arn")),
                ("attached_policies", json!([])),
                ("inline_policies", json!([])),
                ("members", json!([])),
            ]),
        ),
        Kind::IamRole => ("name", iam_role(a)),
        Kind::IamPolicy => (
            "name",
            obj(vec![
                ("policy_name", a.get("name")),
                ("arn", a.get("arn")),
                ("aws_managed", json!(false)),
                ("document", parse_document(a.get("policy"))),
                ("attachment_count", json!(0)),
                ("attached_to", json!([])),
            ]),
        ),
        Kind::IamPasswordPolicy => (
            "",
            obj(vec![
                (
                    "minimum_password_length",
                    a.or("minimum_password_length", json!(6)),
                ),
                (
                    "require_uppercase_characters",
                    a.or("require_uppercase_characters", json!(false)),
                ),
                (
                    "require_lowercase_characters",
                    a.or("require_lowercase_characters", json!(false)),
                ),
                ("require_numbers", a.or("require_numbers", json!(false))),
                ("require_symbols", a.or("require_symbols", json!(false))),
                ("max_password_age", a.or("max_password_age", json!(0))),
                (
                    "password_reuse_prevention",
                    a.or("password_reuse_prevention", json!(0)),
                ),
                (
                    "allow_users_to_change_password",
                    a.or("allow_users_to_change_password", json!(true)),
                ),
                ("hard_expiry", a.or("hard_expiry", json!(false))),
            ]),
        ),
        Kind::EksCluster => ("name", eks_cluster(a)),
        Kind::EksNodegroup => (
            "node_group_name",
            obj(vec![
                ("nodegroup_name", a.get("node_group_name")),
                ("cluster_name", a.get("cluster_name")),
                (
                    "remote_access",
                    match a.block("remote_access") {
                        None => Value::Null,
                        Some(v) if is_marker(v) => v.clone(),
                        Some(v) => {
                            let r = a.nested(v, "remote_access");
                            json!({
                                "ec2_ssh_key": r.get("ec2_ssh_key"),
                                "source_security_group_ids": list_or_empty(r.get("source_security_group_ids")),
                            })
                        }
                    },
                ),
            ]),
        ),
        Kind::CloudtrailTrail => (
            "name",
            obj(vec![
                ("trail_name", a.get("name")),
                ("arn", a.get("arn")),
                (
                    "is_multi_region",
                    a.or("is_multi_region_trail", json!(false)),
                ),
                (
                    "include_global_service_events",
                    a.or("include_global_service_events", json!(true)),
                ),
                (
                    "log_file_validation",
                    a.or("enable_log_file_validation", json!(false)),
                ),
                ("kms_key_id", a.get("kms_key_id")),
                ("s3_bucket_name", a.get("s3_bucket_name")),
                ("is_logging", a.or("enable_logging", json!(true))),
                ("home_region", a.get("home_region")),
                (
                    "cloudwatch_logs_log_group_arn",
                    a.get("cloud_watch_logs_group_arn"),
                ),
                ("event_selectors", list_or_empty(a.get("event_selector"))),
            ]),
        ),
        Kind::ConfigRecorder => {
            let group = a.block("recording_group");
            let g = group.map(|v| a.nested(v, "recording_group"));
            (
                "name",
                obj(vec![
                    ("recorder_name", a.or("name", json!("default"))),
                    (
                        "all_supported",
                        g.map(|g| g.or("all_supported", json!(true)))
                            .unwrap_or(json!(true)),
                    ),
                    (
                        "include_global_resource_types",
                        g.map(|g| g.or("include_global_resource_types", json!(false)))
                            .unwrap_or(json!(false)),
                    ),
                    // Set by aws_config_configuration_recorder_status; a recorder alone does not record.
                    ("recording", json!(false)),
                    ("last_status", Value::Null),
                    ("role_arn", a.get("role_arn")),
                ]),
            )
        }
        Kind::GuarddutyDetector => {
            let enable = a.or("enable", json!(true));
            let status = match enable {
                Value::Bool(true) => json!("ENABLED"),
                Value::Bool(false) => json!("DISABLED"),
                other => other,
            };
            (
                "id",
                obj(vec![
                    ("detector_id", a.get("id")),
                    ("status", status),
                    (
                        "finding_publishing_frequency",
                        a.get("finding_publishing_frequency"),
                    ),
                ]),
            )
        }
        Kind::SecurityhubHub => (
            "id",
            obj(vec![
                ("hub_arn", a.get("arn")),
                ("enabled", json!(true)),
                // enable_default_standards (default true) subscribes AWS Foundational Security
                // Best Practices and CIS; their ARNs are only known after apply.
                (
                    "standards",
                    match a.or("enable_default_standards", json!(true)) {
                        Value::Bool(true) => {
                            json!([{"arn": {"$unknown": "known_after_apply"}, "status": "READY"}])
                        }
                        Value::Bool(false) => json!([]),
                        other => json!([{"arn": other.clone(), "status": other}]),
                    },
                ),
                (
                    "auto_enable_controls",
                    a.or("auto_enable_controls", json!(true)),
                ),
            ]),
        ),
        Kind::KmsKey => {
            let state = match a.or("is_enabled", json!(true)) {
                Value::Bool(true) => json!("Enabled"),
                Value::Bool(false) => json!("Disabled"),
                other => other,
            };
            let spec = match a.get("customer_master_key_spec") {
                Value::Null => a.or("key_spec", json!("SYMMETRIC_DEFAULT")),
                v => v,
            };
            (
                "key_id",
                obj(vec![
                    ("key_id", a.get("key_id")),
                    ("arn", a.get("arn")),
                    ("key_manager", json!("CUSTOMER")),
                    ("key_spec", spec),
                    ("key_usage", a.or("key_usage", json!("ENCRYPT_DECRYPT"))),
                    ("key_state", state),
                    (
                        "rotation_enabled",
                        a.or("enable_key_rotation", json!(false)),
                    ),
                    ("multi_region", a.or("multi_region", json!(false))),
                ]),
            )
        }
        Kind::Account => return None,
    };
    let name = if name_key.is_empty() {
        None
    } else {
        known_str(a.raw(name_key))
    };
    Some(Normalized {
        kind,
        name,
        attributes,
    })
}

pub fn public_access_block(a: &Attrs) -> Map<String, Value> {
    obj(vec![
        ("block_public_acls", a.or("block_public_acls", json!(false))),
        (
            "ignore_public_acls",
            a.or("ignore_public_acls", json!(false)),
        ),
        (
            "block_public_policy",
            a.or("block_public_policy", json!(false)),
        ),
        (
            "restrict_public_buckets",
            a.or("restrict_public_buckets", json!(false)),
        ),
    ])
}

fn s3_bucket(a: &Attrs) -> Map<String, Value> {
    // Provider v3 configured these inline; v4+ keeps them as deprecated computed attributes,
    // which `Attrs::block` reads as absent unless the configuration sets them.
    let encryption = match a.block("server_side_encryption_configuration") {
        None => Value::Null,
        Some(v) if is_marker(v) => v.clone(),
        Some(v) => sse_from_configuration(&a.nested(v, "server_side_encryption_configuration")),
    };
    let versioning = match a.block("versioning") {
        None => json!({"status": "Disabled", "mfa_delete": false}),
        Some(v) if is_marker(v) => v.clone(),
        Some(v) => {
            let vb = a.nested(v, "versioning");
            json!({
                "status": match vb.or("enabled", json!(false)) {
                    Value::Bool(true) => json!("Enabled"),
                    Value::Bool(false) => json!("Disabled"),
                    other => other,
                },
                "mfa_delete": vb.or("mfa_delete", json!(false)),
            })
        }
    };
    let logging = match a.block("logging") {
        None => Value::Null,
        Some(v) if is_marker(v) => v.clone(),
        Some(v) => {
            let l = a.nested(v, "logging");
            json!({"target_bucket": l.get("target_bucket"), "target_prefix": l.get("target_prefix")})
        }
    };
    let lifecycle_rules = match a.blocks("lifecycle_rule") {
        Err(m) => m,
        Ok(rules) => Value::Array(
            rules
                .iter()
                .map(|r| lifecycle_rule(&a.nested(r, "lifecycle_rule"), "enabled", "prefix"))
                .collect(),
        ),
    };
    let grants = match a.blocks("grant") {
        Err(m) => m,
        Ok(gs) => Value::Array(
            gs.iter()
                .flat_map(|g| acl_grants_v3(&a.nested(g, "grant")))
                .collect(),
        ),
    };
    let object_lock = match (
        a.setting("object_lock_enabled"),
        a.block("object_lock_configuration"),
    ) {
        (_, Some(v)) if is_marker(v) => v.clone(),
        (_, Some(v)) => {
            let ol = a.nested(v, "object_lock_configuration");
            let mut out = object_lock_rule(&ol);
            out["enabled"] = match ol.get("object_lock_enabled") {
                Value::String(s) => json!(s == "Enabled"),
                Value::Null => json!(true),
                other => other,
            };
            out
        }
        (Value::Bool(true), None) => {
            json!({"enabled": true, "mode": null, "days": null, "years": null})
        }
        (v, None) if is_marker(&v) => v,
        _ => Value::Null,
    };
    let replication = match a.block("replication_configuration") {
        None => Value::Null,
        Some(v) if is_marker(v) => v.clone(),
        Some(v) => replication(&a.nested(v, "replication_configuration")),
    };
    obj(vec![
        ("bucket", a.get("bucket")),
        ("encryption", encryption),
        ("public_access_block", Value::Null),
        ("versioning", versioning),
        ("logging", logging),
        ("lifecycle_rules", lifecycle_rules),
        ("policy", parse_document(a.setting("policy"))),
        ("acl", json!({"canned": a.setting("acl"), "grants": grants})),
        ("object_lock", object_lock),
        ("replication", replication),
        ("ownership_controls", Value::Null),
    ])
}

/// `server_side_encryption_configuration` / `rule` / `apply_server_side_encryption_by_default`,
/// the same nesting in the v3 inline block and the v4 split resource.
pub fn sse_from_configuration(cfg: &Attrs) -> Value {
    let Some(rule) = cfg.block("rule") else {
        return Value::Null;
    };
    if is_marker(rule) {
        return rule.clone();
    }
    let r = cfg.nested(rule, "rule");
    let Some(def) = r.block("apply_server_side_encryption_by_default") else {
        return Value::Null;
    };
    if is_marker(def) {
        return def.clone();
    }
    let d = r.nested(def, "apply_server_side_encryption_by_default");
    json!({
        "algorithm": d.get("sse_algorithm"),
        "kms_key_id": d.get("kms_master_key_id"),
        "bucket_key_enabled": r.get("bucket_key_enabled"),
    })
}

/// A lifecycle rule, from v3 inline `lifecycle_rule` or v4 `aws_s3_bucket_lifecycle_configuration.rule`.
pub fn lifecycle_rule(r: &Attrs, enabled_key: &str, _prefix_key: &str) -> Value {
    let enabled = match r.get(enabled_key) {
        Value::String(s) => json!(s == "Enabled"),
        Value::Null => json!(false),
        other => other,
    };
    let transitions = match r.blocks("transition") {
        Err(m) => m,
        Ok(ts) => Value::Array(
            ts.iter()
                .map(|t| {
                    let t = r.nested(t, "transition");
                    json!({"days": t.get("days"), "storage_class": t.get("storage_class")})
                })
                .collect(),
        ),
    };
    let noncurrent_transitions = match r.blocks("noncurrent_version_transition") {
        Err(m) => m,
        Ok(ts) => Value::Array(
            ts.iter()
                .map(|t| {
                    let t = r.nested(t, "noncurrent_version_transition");
                    let days = match t.get("noncurrent_days") {
                        Value::Null => t.get("days"),
                        v => v,
                    };
                    json!({"days": days, "storage_class": t.get("storage_class")})
                })
                .collect(),
        ),
    };
    let expiration_days = match r.block("expiration") {
        None => Value::Null,
        Some(v) if is_marker(v) => v.clone(),
        Some(v) => r.nested(v, "expiration").get("days"),
    };
    let noncurrent_expiration_days = match r.block("noncurrent_version_expiration") {
        None => Value::Null,
        Some(v) if is_marker(v) => v.clone(),
        Some(v) => {
            let e = r.nested(v, "noncurrent_version_expiration");
            match e.get("noncurrent_days") {
                Value::Null => e.get("days"),
                d => d,
            }
        }
    };
    let abort = match r.get("abort_incomplete_multipart_upload_days") {
        Value::Null => match r.block("abort_incomplete_multipart_upload") {
            Some(v) if !is_marker(v) => r
                .nested(v, "abort_incomplete_multipart_upload")
                .get("days_after_initiation"),
            Some(v) => v.clone(),
            None => Value::Null,
        },
        v => v,
    };
    json!({
        "id": r.get("id"),
        "enabled": enabled,
        "transitions": transitions,
        "expiration_days": expiration_days,
        "noncurrent_transitions": noncurrent_transitions,
        "noncurrent_expiration_days": noncurrent_expiration_days,
        "abort_incomplete_multipart_days": abort,
    })
}

fn acl_grants_v3(g: &Attrs) -> Vec<Value> {
    let grantee_type = g.get("type");
    let grantee = match g.get("uri") {
        Value::Null => g.get("id"),
        v => v,
    };
    match g.get("permissions") {
        Value::Array(perms) => perms
            .into_iter()
            .map(|p| json!({"grantee_type": grantee_type, "grantee": grantee, "permission": p}))
            .collect(),
        other => {
            vec![json!({"grantee_type": grantee_type, "grantee": grantee, "permission": other})]
        }
    }
}

pub fn object_lock_rule(ol: &Attrs) -> Value {
    let retention = ol
        .block("rule")
        .filter(|v| !is_marker(v))
        .map(|rule| ol.nested(rule, "rule"))
        .and_then(|r| r.block("default_retention").map(|d| (r, d)));
    match retention {
        Some((_, d)) if is_marker(d) => {
            json!({"enabled": true, "mode": d.clone(), "days": d.clone(), "years": d.clone()})
        }
        Some((r, d)) => {
            let d = r.nested(d, "default_retention");
            json!({"enabled": true, "mode": d.get("mode"), "days": d.get("days"), "years": d.get("years")})
        }
        None => json!({"enabled": true, "mode": null, "days": null, "years": null}),
    }
}

pub fn replication(r: &Attrs) -> Value {
    let rules = match r.blocks("rule").or_else(|_| r.blocks("rules")) {
        Err(m) => m,
        Ok(rs) => Value::Array(
            rs.iter()
                .map(|x| {
                    let x = r.nested(x, "rule");
                    let dest = x.block("destination");
                    let (bucket, class) = match dest {
                        Some(d) if is_marker(d) => (d.clone(), d.clone()),
                        Some(d) => {
                            let d = x.nested(d, "destination");
                            (d.get("bucket"), d.get("storage_class"))
                        }
                        None => (Value::Null, Value::Null),
                    };
                    json!({"id": x.get("id"), "status": x.get("status"), "destination_bucket": bucket, "storage_class": class})
                })
                .collect(),
        ),
    };
    json!({"role": r.get("role"), "rules": rules})
}

/// Normalize one SG permission from inline `ingress`/`egress` (or `aws_security_group_rule`).
pub fn sg_permission(p: &Attrs, cidr4: &str, cidr6: &str, sgs: &str) -> Value {
    let protocol = normalize_protocol(p.get("protocol"));
    let all = protocol == json!("-1");
    let port = |k: &str| if all { Value::Null } else { p.get(k) };
    let mut groups = list_or_empty(p.get(sgs));
    if let (Value::Array(g), Value::String(s)) = (&mut groups, p.get("source_security_group_id")) {
        g.push(Value::String(s));
    }
    json!({
        "protocol": protocol,
        "from_port": port("from_port"),
        "to_port": port("to_port"),
        "cidr_ipv4": list_or_empty(p.get(cidr4)),
        "cidr_ipv6": list_or_empty(p.get(cidr6)),
        "prefix_lists": list_or_empty(p.get("prefix_list_ids")),
        "security_groups": groups,
        "self": p.or("self", json!(false)),
        "description": p.get("description"),
    })
}

/// `-1`, `all` -> `-1`; protocol numbers 6/17/1/58 -> names; names lower-cased.
pub fn normalize_protocol(v: Value) -> Value {
    match &v {
        Value::String(s) => json!(match s.to_ascii_lowercase().as_str() {
            "-1" | "all" => "-1".to_string(),
            "6" => "tcp".to_string(),
            "17" => "udp".to_string(),
            "1" => "icmp".to_string(),
            "58" => "icmpv6".to_string(),
            other => other.to_string(),
        }),
        Value::Number(n) => normalize_protocol(Value::String(n.to_string())),
        _ => v,
    }
}

fn security_group(rtype: &str, a: &Attrs) -> Map<String, Value> {
    let perms = |key: &str| match a.blocks(key) {
        Err(m) => Value::Array(vec![m]),
        Ok(ps) => Value::Array(
            ps.iter()
                .map(|p| {
                    sg_permission(
                        &a.nested(p, key),
                        "cidr_blocks",
                        "ipv6_cidr_blocks",
                        "security_groups",
                    )
                })
                .collect(),
        ),
    };
    let name = match rtype {
        "aws_default_security_group" => json!("default"),
        _ => a.get("name"),
    };
    obj(vec![
        ("group_id", a.get("id")),
        ("group_name", name.clone()),
        ("vpc_id", a.get("vpc_id")),
        ("description", a.get("description")),
        (
            "is_default",
            json!(rtype == "aws_default_security_group" || name == json!("default")),
        ),
        ("ingress", perms("ingress")),
        ("egress", perms("egress")),
    ])
}

pub fn nacl_entry(e: &Attrs, egress: bool, number_key: &str) -> Value {
    json!({
        "rule_number": e.get(number_key),
        "egress": egress,
        "protocol": normalize_protocol(e.get("protocol")),
        "action": match e.get(if number_key == "rule_no" { "action" } else { "rule_action" }) {
            Value::String(s) => json!(s.to_ascii_lowercase()),
            other => other,
        },
        "cidr_ipv4": e.get("cidr_block"),
        "cidr_ipv6": e.get("ipv6_cidr_block"),
        "from_port": e.get("from_port"),
        "to_port": e.get("to_port"),
    })
}

fn network_acl(rtype: &str, a: &Attrs) -> Map<String, Value> {
    let mut entries = Vec::new();
    for (key, egress) in [("ingress", false), ("egress", true)] {
        match a.blocks(key) {
            Err(m) => entries.push(m),
            Ok(es) => entries.extend(
                es.iter()
                    .map(|e| nacl_entry(&a.nested(e, key), egress, "rule_no")),
            ),
        }
    }
    obj(vec![
        ("network_acl_id", a.get("id")),
        ("vpc_id", a.get("vpc_id")),
        ("is_default", json!(rtype == "aws_default_network_acl")),
        ("entries", Value::Array(entries)),
    ])
}

fn iam_role(a: &Attrs) -> Map<String, Value> {
    let attached = match a.setting("managed_policy_arns") {
        Value::Null => json!([]),
        v => v,
    };
    let inline = match a.blocks("inline_policy") {
        Err(m) => Value::Array(vec![m]),
        Ok(ps) => Value::Array(
            ps.iter()
                .map(|p| {
                    let p = a.nested(p, "inline_policy");
                    json!({"name": p.get("name"), "document": parse_document(p.get("policy"))})
                })
                .filter(|p| p["name"] != Value::Null || p["document"] != Value::Null)
                .collect(),
        ),
    };
    obj(vec![
        ("role_name", a.get("name")),
        ("arn", a.get("arn")),
        ("path", a.or("path", json!("/"))),
        (
            "assume_role_policy",
            parse_document(a.get("assume_role_policy")),
        ),
        ("attached_policies", attached),
        ("inline_policies", inline),
        ("service_linked", json!(false)),
    ])
}

fn eks_cluster(a: &Attrs) -> Map<String, Value> {
    let (public, private, cidrs) = match a.block("vpc_config") {
        Some(v) if is_marker(v) => (v.clone(), v.clone(), v.clone()),
        Some(v) => {
            let vc = a.nested(v, "vpc_config");
            let public = vc.or("endpoint_public_access", json!(true));
            // EKS opens a public endpoint to 0.0.0.0/0 unless public_access_cidrs narrows it.
            let cidrs = match vc.setting("public_access_cidrs") {
                Value::Null => json!(["0.0.0.0/0"]),
                c => c,
            };
            (
                public,
                vc.or("endpoint_private_access", json!(false)),
                cidrs,
            )
        }
        None => (json!(true), json!(false), json!(["0.0.0.0/0"])),
    };
    let key = match a.blocks("encryption_config") {
        Err(m) => m,
        Ok(cfgs) => {
            let mut key = Value::Null;
            for c in cfgs {
                let c = a.nested(c, "encryption_config");
                let resources = c.get("resources");
                let covers_secrets = match &resources {
                    Value::Array(r) => r.iter().any(|x| x == "secrets"),
                    v => is_marker(v),
                };
                if covers_secrets {
                    key = match c.block("provider") {
                        Some(p) if is_marker(p) => p.clone(),
                        Some(p) => c.nested(p, "provider").get("key_arn"),
                        None => Value::Null,
                    };
                    if is_marker(&resources) {
                        key = resources;
                    }
                }
            }
            key
        }
    };
    obj(vec![
        ("cluster_name", a.get("name")),
        ("version", a.get("version")),
        ("endpoint_public_access", public),
        ("endpoint_private_access", private),
        ("public_access_cidrs", cidrs),
        ("secrets_encryption_key", key),
        (
            "enabled_log_types",
            list_or_empty(a.get("enabled_cluster_log_types")),
        ),
        ("nodegroups", json!([])),
    ])
}
