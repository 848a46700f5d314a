//! Pipelines: config file, waivers (config and tags), baselines, and the CLI polish.

mod common;

use std::path::Path;

use common::{complyctl, example_plan, path_str};
use predicates::prelude::*;
use serde_json::{json, Value};

fn plan_json() -> Value {
    serde_json::from_slice(&std::fs::read(example_plan()).unwrap()).unwrap()
}

fn write_json(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_vec(v).unwrap()).unwrap();
}

/// The example plan plus one new security group that opens SSH to the world.
fn plan_with_new_open_sg() -> Value {
    let mut plan = plan_json();
    let changes = plan["resource_changes"].as_array_mut().unwrap();
    changes.push(json!({
        "address": "aws_security_group.debug", "mode": "managed", "type": "aws_security_group", "name": "debug",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": ["create"], "before": null,
            "after": {"name": "debug", "description": "temporary", "vpc_id": "vpc-0abc1234def567890", "tags": null, "timeouts": null,
                "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 22, "ipv6_cidr_blocks": [], "prefix_list_ids": [],
                             "protocol": "tcp", "security_groups": [], "self": false, "to_port": 22}]},
            "after_unknown": {"arn": true, "egress": true, "id": true, "ingress": [{"cidr_blocks": [false], "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": []}],
                              "name_prefix": true, "owner_id": true, "tags_all": true},
            "before_sensitive": false, "after_sensitive": {"egress": [], "ingress": [{"cidr_blocks": [false], "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": []}], "tags_all": {}}}
    }));
    // Unrelated churn: resources listed in another order must not change fingerprints.
    changes.reverse();
    plan
}

#[test]
fn waivers_apply_expire_and_warn_when_stale() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".complyctl.yaml"),
        r#"fail_on: high
waivers:
  - rule: S3.VERSIONING
    resource: module.media["raw"].aws_s3_bucket.this
    reason: raw media is re-derivable from the camera masters
    owner: media-eng@example.com
    expires: 2099-12-31
  - rule: KMS.KEY_ROTATION
    resource: aws_kms_key.legacy
    reason: legacy key, retiring
    expires: 2020-01-01
  - rule: EKS.*
    resource: aws_eks_cluster.does_not_exist
    reason: typo'd address
"#,
    )
    .unwrap();
    let out = complyctl()
        .current_dir(dir.path())
        .args([
            "scan",
            "--plan",
            path_str(&example_plan()),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let waived: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "waived")
        .collect();
    assert_eq!(waived.len(), 1, "{waived:#?}");
    assert_eq!(waived[0]["rule_id"], "S3.VERSIONING");
    assert_eq!(
        waived[0]["waiver"]["reason"],
        "raw media is re-derivable from the camera masters"
    );
    assert_eq!(waived[0]["waiver"]["owner"], "media-eng@example.com");
    assert_eq!(waived[0]["waiver"]["source"], "config");
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0]
        .as_str()
        .unwrap()
        .contains("expired on 2020-01-01"));
    assert!(warnings[1]
        .as_str()
        .unwrap()
        .contains("matched no failing finding"));
    assert_eq!(stderr.matches("warning: ").count(), 2, "{stderr}");
    // the expired waiver no longer applies
    let kms = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "KMS.KEY_ROTATION" && f["resource"]["id"] == "aws_kms_key.legacy")
        .unwrap();
    assert_eq!(kms["status"], "fail");
    assert_eq!(report["summary"]["by_status"]["waived"], 1);
}

#[test]
fn tag_waivers_work_unless_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = plan_json();
    for rc in plan["resource_changes"].as_array_mut().unwrap() {
        if rc["address"] == "aws_kms_key.legacy" {
            rc["change"]["after"]["tags"] =
                json!({"complyctl:waive:KMS.KEY_ROTATION": "HSM-backed rotation runs outside AWS"});
        }
    }
    let path = dir.path().join("plan.json");
    write_json(&path, &plan);
    let status_of = |extra: &[&str]| -> String {
        let mut args = vec![
            "--no-config",
            "scan",
            "--plan",
            path_str(&path),
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = complyctl().args(&args).output().unwrap();
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        let f = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                f["rule_id"] == "KMS.KEY_ROTATION" && f["resource"]["id"] == "aws_kms_key.legacy"
            })
            .cloned()
            .unwrap();
        if f["status"] == "waived" {
            assert_eq!(f["waiver"]["source"], "tag");
            assert_eq!(
                f["waiver"]["reason"],
                "HSM-backed rotation runs outside AWS"
            );
        }
        f["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status_of(&[]), "waived");
    assert_eq!(status_of(&["--no-inline-waivers"]), "fail");
}

/// The example plan plus one new KMS key without rotation: exactly one new misconfiguration.
fn plan_with_new_unrotated_key() -> Value {
    let mut plan = plan_json();
    let changes = plan["resource_changes"].as_array_mut().unwrap();
    changes.push(json!({
        "address": "aws_kms_key.archive", "mode": "managed", "type": "aws_kms_key", "name": "archive",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": ["create"], "before": null,
            "after": {"bypass_policy_lockout_safety_check": false, "custom_key_store_id": null, "customer_master_key_spec": "SYMMETRIC_DEFAULT",
                      "deletion_window_in_days": 30, "description": "archive", "enable_key_rotation": false, "is_enabled": true,
                      "key_usage": "ENCRYPT_DECRYPT", "tags": null, "timeouts": null, "xks_key_id": null},
            "after_unknown": {"arn": true, "id": true, "key_id": true, "multi_region": true, "policy": true, "rotation_period_in_days": true, "tags_all": true},
            "before_sensitive": false, "after_sensitive": {"tags_all": {}}}
    }));
    plan
}

#[test]
fn a_baseline_fails_with_exactly_the_one_new_misconfiguration() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join(".complyctl-baseline.json");
    complyctl()
        .args([
            "--no-config",
            "baseline",
            "create",
            "--plan",
            path_str(&example_plan()),
            "-o",
            path_str(&baseline),
        ])
        .assert()
        .code(0);
    let changed = dir.path().join("plan-v2.json");
    write_json(&changed, &plan_with_new_unrotated_key());
    let out = complyctl()
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(&changed),
            "--baseline",
            path_str(&baseline),
            "--fail-on",
            "medium",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let failing: Vec<(String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "fail")
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["resource"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        failing,
        vec![(
            "KMS.KEY_ROTATION".to_string(),
            "aws_kms_key.archive".to_string()
        )]
    );
}

#[test]
fn a_baseline_fails_only_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join(".complyctl-baseline.json");
    complyctl()
        .args([
            "--no-config",
            "baseline",
            "create",
            "--plan",
            path_str(&example_plan()),
            "-o",
            path_str(&baseline),
        ])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("failing findings recorded"));
    // same plan against its own baseline: nothing new, the build passes
    complyctl()
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(&example_plan()),
            "--baseline",
            path_str(&baseline),
        ])
        .assert()
        .code(0);
    let changed = dir.path().join("plan-v2.json");
    write_json(&changed, &plan_with_new_open_sg());
    let out = complyctl()
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(&changed),
            "--baseline",
            path_str(&baseline),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let failing: Vec<(String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "fail")
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["resource"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(!failing.is_empty());
    assert!(
        failing
            .iter()
            .all(|(_, id)| id == "aws_security_group.debug"),
        "{failing:?}"
    );
    assert!(
        failing.iter().any(|(rule, _)| rule == "EC2.SG_OPEN_SSH"),
        "{failing:?}"
    );
    assert!(r["summary"]["by_status"]["baseline"].as_u64().unwrap() >= 15);
}

#[test]
fn config_errors_are_precise() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.yaml");
    let refused = |yaml: &str, message: &str| {
        std::fs::write(&cfg, yaml).unwrap();
        complyctl()
            .args([
                "--config",
                path_str(&cfg),
                "scan",
                "--plan",
                path_str(&example_plan()),
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message.to_string()));
    };
    refused(
        "frameworks: [soc2]\nfial_on: high\n",
        "c.yaml:2:1: unknown key `fial_on` (did you mean `fail_on`?)",
    );
    refused("fail_on: high\nfail_on: low\n", "c.yaml:2:");
    refused("workers: many\n", "c.yaml:1:10");
    refused(
        "waivers:\n  - rule: S3.X\n    reason: ''\n",
        "waivers[0].reason",
    );
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        bomb.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    refused(&bomb, "c.yaml");
}

#[test]
fn flags_override_the_config_file_found_by_walking_up() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".complyctl.yaml"),
        "fail_on: none\nformat: json\nrules:\n  disable: [S3.*]\n",
    )
    .unwrap();
    let sub = dir.path().join("infra/prod");
    std::fs::create_dir_all(&sub).unwrap();
    let out = complyctl()
        .current_dir(&sub)
        .args(["scan", "--plan", path_str(&example_plan())])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "fail_on: none from the file");
    let r: Value = serde_json::from_slice(&out.stdout).expect("format: json from the file");
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| !f["rule_id"].as_str().unwrap().starts_with("S3.")));
    complyctl()
        .current_dir(&sub)
        .args([
            "scan",
            "--plan",
            path_str(&example_plan()),
            "--fail-on",
            "high",
            "--format",
            "table",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Framework"));
}

#[test]
fn init_completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    complyctl()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(0);
    assert!(dir.path().join(".complyctl.yaml").is_file());
    complyctl()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    // the starter config is valid and used
    complyctl()
        .current_dir(dir.path())
        .args(["scan", "--plan", path_str(&example_plan())])
        .assert()
        .code(1);
    for shell in ["bash", "zsh", "fish", "powershell"] {
        complyctl()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("complyctl"));
    }
    complyctl()
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(".ie").or(predicate::str::contains(".TH complyctl")));
    // every command's --help carries examples
    for cmd in [
        "scan",
        "inventory",
        "policy",
        "policy list",
        "policy show",
        "policy docs",
        "policy test",
        "framework",
        "framework list",
        "framework show",
        "baseline",
        "baseline create",
        "init",
        "completions",
        "man",
        "diff",
        "evidence",
        "evidence verify",
    ] {
        let mut cmd: Vec<&str> = cmd.split(' ').collect();
        cmd.push("--help");
        complyctl()
            .args(&cmd)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Example"));
    }
}
