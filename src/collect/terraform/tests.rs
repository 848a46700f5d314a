//! Plan reader tests on small plans shaped like terraform's own output.

use serde_json::{json, Value};

use super::parse_plan;
use crate::inventory::{Inventory, Kind};

/// A resource_changes entry for a create.
fn rc(
    address: &str,
    module: Option<&str>,
    rtype: &str,
    name: &str,
    index: Option<Value>,
    after: Value,
    unknown: Value,
) -> Value {
    let mut v = json!({
        "address": address, "mode": "managed", "type": rtype, "name": name,
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": ["create"], "before": null, "after": after, "after_unknown": unknown,
                   "before_sensitive": false, "after_sensitive": {}}
    });
    if let Some(m) = module {
        v["module_address"] = json!(m);
    }
    if let Some(i) = index {
        v["index"] = i;
    }
    v
}

fn cfg_res(rtype: &str, name: &str, exprs: Value) -> Value {
    json!({"address": format!("{rtype}.{name}"), "mode": "managed", "type": rtype, "name": name,
           "provider_config_key": "aws", "expressions": exprs, "schema_version": 0})
}

fn refs(r: &[&str]) -> Value {
    json!({"references": r})
}

fn plan(changes: Vec<Value>, root_module: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "format_version": "1.2", "terraform_version": "1.9.5",
        "planned_values": {"root_module": {}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
                                        "expressions": {"region": {"constant_value": "eu-west-1"}}}},
            "root_module": root_module
        }
    }))
    .unwrap()
}

fn read(bytes: Vec<u8>) -> Inventory {
    parse_plan("test.json", bytes).unwrap()
}

fn attrs<'a>(inv: &'a Inventory, id: &str) -> &'a Value {
    &inv.resources
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no resource {id}"))
        .attributes
}

const BUCKET_UNKNOWN: &str = r#"{"id": true, "arn": true, "versioning": true, "server_side_encryption_configuration": true, "logging": true, "policy": true, "acl": true}"#;

#[test]
fn split_resources_join_their_bucket_through_references_when_ids_are_unknown() {
    let bu: Value = serde_json::from_str(BUCKET_UNKNOWN).unwrap();
    let changes = vec![
        rc(
            "aws_s3_bucket.a",
            None,
            "aws_s3_bucket",
            "a",
            None,
            json!({"bucket": "a-bucket"}),
            bu.clone(),
        ),
        rc(
            "aws_s3_bucket.b",
            None,
            "aws_s3_bucket",
            "b",
            None,
            json!({"bucket": "b-bucket"}),
            bu,
        ),
        rc(
            "aws_s3_bucket_versioning.a",
            None,
            "aws_s3_bucket_versioning",
            "a",
            None,
            json!({"versioning_configuration": [{"status": "Enabled", "mfa_delete": null}]}),
            json!({"bucket": true, "id": true, "versioning_configuration": [{"mfa_delete": true}]}),
        ),
    ];
    let root = json!({"resources": [
        cfg_res("aws_s3_bucket", "a", json!({"bucket": {"constant_value": "a-bucket"}})),
        cfg_res("aws_s3_bucket", "b", json!({"bucket": {"constant_value": "b-bucket"}})),
        cfg_res("aws_s3_bucket_versioning", "a", json!({"bucket": refs(&["aws_s3_bucket.a.id", "aws_s3_bucket.a"]),
            "versioning_configuration": [{"status": {"constant_value": "Enabled"}}]})),
    ]});
    let inv = read(plan(changes, root));
    assert_eq!(inv.resources.len(), 3, "two buckets and the plan's account");
    assert_eq!(
        attrs(&inv, "aws_s3_bucket.a")["versioning"]["status"],
        json!("Enabled")
    );
    // v4+ computed inline blocks not set in configuration are absent, not unknown
    assert_eq!(
        attrs(&inv, "aws_s3_bucket.b")["versioning"],
        json!({"status": "Disabled", "mfa_delete": false})
    );
    assert_eq!(attrs(&inv, "aws_s3_bucket.b")["encryption"], Value::Null);
    assert_eq!(attrs(&inv, "aws_s3_bucket.b")["policy"], Value::Null);
    // ids stay unknown: they are results, not settings
    let b = inv
        .resources
        .iter()
        .find(|r| r.id == "aws_s3_bucket.a")
        .unwrap();
    assert_eq!(b.region.as_deref(), Some("eu-west-1"));
    assert_eq!(b.name, "a-bucket");
}

#[test]
fn module_for_each_instances_link_within_their_instance_and_through_vars() {
    let bu: Value = serde_json::from_str(BUCKET_UNKNOWN).unwrap();
    let mut changes = vec![rc(
        "aws_s3_bucket.logs",
        None,
        "aws_s3_bucket",
        "logs",
        None,
        json!({"bucket": "logs"}),
        bu.clone(),
    )];
    for key in ["raw", "final"] {
        let m = format!("module.media[\"{key}\"]");
        changes.push(rc(
            &format!("{m}.aws_s3_bucket.this"),
            Some(&m),
            "aws_s3_bucket",
            "this",
            None,
            json!({"bucket": key}),
            bu.clone(),
        ));
        changes.push(rc(
            &format!("{m}.aws_s3_bucket_logging.this"),
            Some(&m),
            "aws_s3_bucket_logging",
            "this",
            None,
            json!({"target_prefix": key}),
            json!({"bucket": true, "target_bucket": true, "id": true}),
        ));
    }
    let module = json!({"resources": [
        cfg_res("aws_s3_bucket", "this", json!({"bucket": refs(&["var.name"])})),
        cfg_res("aws_s3_bucket_logging", "this", json!({
            "bucket": refs(&["aws_s3_bucket.this.id", "aws_s3_bucket.this"]),
            "target_bucket": refs(&["var.log_bucket"]), "target_prefix": refs(&["var.name"])})),
    ]});
    let root = json!({
        "resources": [cfg_res("aws_s3_bucket", "logs", json!({"bucket": {"constant_value": "logs"}}))],
        "module_calls": {"media": {"source": "./modules/media_bucket", "for_each_expression": {"constant_value": {}},
            "expressions": {"log_bucket": refs(&["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"])},
            "module": module}}
    });
    let inv = read(plan(changes, root));
    for key in ["raw", "final"] {
        let a = attrs(&inv, &format!("module.media[\"{key}\"].aws_s3_bucket.this"));
        assert_eq!(
            a["logging"]["target_prefix"],
            json!(key),
            "{key} got the other instance's logging"
        );
        assert_eq!(
            a["logging"]["target_bucket"],
            json!({"$unknown": "known_after_apply"})
        );
    }
    assert_eq!(attrs(&inv, "aws_s3_bucket.logs")["logging"], Value::Null);
    let r = inv
        .resources
        .iter()
        .find(|r| r.id == "module.media[\"raw\"].aws_s3_bucket.this")
        .unwrap();
    assert_eq!(
        r.terraform.as_ref().unwrap().module.as_deref(),
        Some("module.media[\"raw\"]")
    );
}

#[test]
fn count_instances_link_by_index_and_ambiguous_links_fail_closed() {
    let bu: Value = serde_json::from_str(BUCKET_UNKNOWN).unwrap();
    let mut changes = Vec::new();
    for i in 0..2 {
        changes.push(rc(
            &format!("aws_s3_bucket.b[{i}]"),
            None,
            "aws_s3_bucket",
            "b",
            Some(json!(i)),
            json!({"bucket": format!("b{i}")}),
            bu.clone(),
        ));
        changes.push(rc(
            &format!("aws_s3_bucket_public_access_block.b[{i}]"), None, "aws_s3_bucket_public_access_block", "b", Some(json!(i)),
            json!({"block_public_acls": i == 0, "ignore_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}),
            json!({"bucket": true, "id": true}),
        ));
    }
    // one policy pointing at "some" bucket of the pair, without an index
    changes.push(rc(
        "aws_s3_bucket_policy.p",
        None,
        "aws_s3_bucket_policy",
        "p",
        None,
        json!({"policy": "{\"Statement\":[]}"}),
        json!({"bucket": true, "id": true}),
    ));
    let root = json!({"resources": [
        cfg_res("aws_s3_bucket", "b", json!({})),
        cfg_res("aws_s3_bucket_public_access_block", "b", json!({"bucket": refs(&["aws_s3_bucket.b[count.index].id", "aws_s3_bucket.b", "count.index"]),
            "block_public_acls": {"constant_value": true}})),
        cfg_res("aws_s3_bucket_policy", "p", json!({"bucket": refs(&["aws_s3_bucket.b", "local.which"])})),
    ]});
    let inv = read(plan(changes, root));
    assert_eq!(
        attrs(&inv, "aws_s3_bucket.b[0]")["public_access_block"]["block_public_acls"],
        json!(true)
    );
    assert_eq!(
        attrs(&inv, "aws_s3_bucket.b[1]")["public_access_block"]["block_public_acls"],
        json!(false)
    );
    for i in 0..2 {
        assert_eq!(
            attrs(&inv, &format!("aws_s3_bucket.b[{i}]"))["policy"],
            json!({"$unknown": "ambiguous"})
        );
    }
}

#[test]
fn literal_ids_link_existing_parents_and_deletes_are_counted_not_evaluated() {
    let mut sg = rc(
        "aws_security_group.bastion",
        None,
        "aws_security_group",
        "bastion",
        None,
        json!({"id": "sg-0123", "name": "bastion", "vpc_id": "vpc-1", "ingress": [], "egress": []}),
        json!({}),
    );
    sg["change"]["actions"] = json!(["no-op"]);
    let rule = rc(
        "aws_security_group_rule.ssh",
        None,
        "aws_security_group_rule",
        "ssh",
        None,
        json!({"type": "ingress", "security_group_id": "sg-0123", "protocol": "tcp", "from_port": 22, "to_port": 22,
               "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": null, "prefix_list_ids": null, "self": false}),
        json!({"id": true}),
    );
    let mut gone = rc(
        "aws_s3_bucket.old",
        None,
        "aws_s3_bucket",
        "old",
        None,
        Value::Null,
        json!({}),
    );
    gone["change"]["actions"] = json!(["delete"]);
    let lonely = rc(
        "aws_s3_bucket_versioning.elsewhere",
        None,
        "aws_s3_bucket_versioning",
        "elsewhere",
        None,
        json!({"bucket": "not-in-this-plan", "versioning_configuration": [{"status": "Enabled"}]}),
        json!({}),
    );
    let other = json!({"address": "null_resource.x", "mode": "managed", "type": "null_resource", "name": "x",
        "provider_name": "registry.terraform.io/hashicorp/null", "change": {"actions": ["create"], "after": {}, "after_unknown": {"id": true}}});
    let inv = read(plan(vec![sg, rule, gone, lonely, other], json!({})));
    let ingress = &attrs(&inv, "aws_security_group.bastion")["ingress"];
    assert_eq!(ingress[0]["cidr_ipv4"], json!(["0.0.0.0/0"]));
    assert_eq!(ingress[0]["from_port"], json!(22));
    assert_eq!(inv.skipped.deleted, 1);
    assert_eq!(inv.skipped.non_aws, 1);
    assert_eq!(
        inv.skipped.unlinked.get("aws_s3_bucket_versioning"),
        Some(&1)
    );
    let kinds: Vec<Kind> = inv.resources.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![Kind::Account, Kind::Ec2SecurityGroup]);
}

#[test]
fn sensitive_values_never_reach_the_inventory() {
    let mut r = rc(
        "aws_iam_policy.p",
        None,
        "aws_iam_policy",
        "p",
        None,
        json!({"name": "p", "policy": "{\"Statement\":[{\"Sid\":\"s3cr3t-sentinel\"}]}", "tags": {"owner": "s3cr3t-tag"}}),
        json!({"arn": true}),
    );
    r["change"]["after_sensitive"] = json!({"policy": true, "tags": {"owner": true}});
    let inv = read(plan(vec![r], json!({})));
    let text = serde_json::to_string(&inv).unwrap();
    assert!(!text.contains("s3cr3t"), "{text}");
    assert_eq!(
        attrs(&inv, "aws_iam_policy.p")["document"],
        json!({"$unknown": "sensitive"})
    );
}

#[test]
fn not_a_plan_and_broken_json_get_clear_errors() {
    let e = parse_plan(
        "state.json",
        br#"{"format_version":"1.0","terraform_version":"1.5.0","values":{"root_module":{}}}"#
            .to_vec(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("looks like a state file"), "{e}");
    let e = parse_plan("x.json", br#"{"a": 1}"#.to_vec()).unwrap_err();
    assert!(
        e.to_string().contains("this is not a Terraform plan"),
        "{e}"
    );
    let e = parse_plan(
        "x.json",
        b"{\"format_version\": \"1.2\",\n \"resource_changes\": [".to_vec(),
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("x.json:2:"), "{e}");
    let e = parse_plan("x.json", br#"{"format_version":"1.2","resource_changes":[{"address":"a","type":"aws_s3_bucket","name":"a","change":{"actions":"create"}}]}"#.to_vec()).unwrap_err();
    assert_eq!(e.to_string(), "x.json: at `resource_changes[0].change.actions`: invalid type: string \"create\", expected a sequence");
    let e = parse_plan("x.json", b"[1,2]".to_vec()).unwrap_err();
    assert!(e.to_string().contains("not a Terraform plan"), "{e}");
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    // Skipped sections are skipped without recursion; materialized ones hit serde_json's limit.
    let inv = parse_plan(
        "deep.json",
        format!(
            "{{\"format_version\":\"1.2\",\"planned_values\": {deep}, \"resource_changes\": []}}"
        )
        .into_bytes(),
    )
    .unwrap();
    assert!(inv.resources.is_empty());
    let doc = format!("{{\"resource_changes\": [{{\"address\":\"a\",\"type\":\"aws_s3_bucket\",\"name\":\"a\",\"change\":{{\"actions\":[\"create\"],\"after\":{{\"x\":{deep}}}}}}}]}}");
    let e = parse_plan("deep.json", doc.into_bytes()).unwrap_err();
    assert!(e.to_string().contains("recursion limit"), "{e}");
}

#[test]
fn attachments_name_plan_policies_by_address_and_policies_know_their_principals() {
    let changes = vec![
        rc(
            "aws_iam_user.u",
            None,
            "aws_iam_user",
            "u",
            None,
            json!({"name": "u", "path": "/"}),
            json!({"arn": true, "id": true}),
        ),
        rc(
            "aws_iam_policy.p",
            None,
            "aws_iam_policy",
            "p",
            None,
            json!({"name": "p", "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}),
            json!({"arn": true, "id": true}),
        ),
        rc(
            "aws_iam_user_policy_attachment.a",
            None,
            "aws_iam_user_policy_attachment",
            "a",
            None,
            json!({"user": "u"}),
            json!({"id": true, "policy_arn": true}),
        ),
    ];
    let root = json!({"resources": [
        cfg_res("aws_iam_user", "u", json!({"name": {"constant_value": "u"}})),
        cfg_res("aws_iam_policy", "p", json!({"name": {"constant_value": "p"}})),
        cfg_res("aws_iam_user_policy_attachment", "a", json!({
            "user": refs(&["aws_iam_user.u.name", "aws_iam_user.u"]),
            "policy_arn": refs(&["aws_iam_policy.p.arn", "aws_iam_policy.p"])})),
    ]});
    let inv = read(plan(changes, root));
    assert_eq!(
        attrs(&inv, "aws_iam_user.u")["attached_policies"],
        json!(["aws_iam_policy.p"])
    );
    assert_eq!(
        attrs(&inv, "aws_iam_policy.p")["attached_to"],
        json!([{"kind": "aws.iam.user", "id": "aws_iam_user.u"}])
    );
    assert_eq!(
        attrs(&inv, "aws_iam_policy.p")["attachment_count"],
        json!(1)
    );
}
