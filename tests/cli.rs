//! The command line: exit codes, error messages, list/show commands.

mod common;

use common::{complyctl, corpus_dir, path_str, repo, run_json};
use predicates::prelude::*;

#[test]
fn usage_errors_exit_2() {
    complyctl()
        .arg("scan")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to scan"));
    complyctl()
        .args(["scan", "--plan", "x.json", "--fail-on", "sometimes"])
        .assert()
        .code(2);
    complyctl().args(["scan", "--bogus"]).assert().code(2);
    complyctl()
        .args(["scan", "--plan", "does-not-exist.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does-not-exist.json: cannot read"));
    complyctl()
        .args(["scan", "--plan", path_str(&repo().join("fixtures"))])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
    complyctl()
        .args(["scan", "--plan", path_str(&repo().join("Cargo.toml"))])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("Cargo.toml")
                .and(predicate::str::contains("not a Terraform plan")),
        );
    complyctl()
        .args([
            "scan",
            "--plan",
            path_str(&repo().join("Cargo.toml")),
            "--framework",
            "nope",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown framework `nope`"));
}

#[test]
fn a_state_file_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    std::fs::write(&state, r#"{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"resources":[]}}}"#).unwrap();
    complyctl()
        .args(["scan", "--plan", path_str(&state)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("looks like a state file"));
}

#[test]
fn fail_on_decides_the_exit_code() {
    let Some(dir) = corpus_dir() else { return };
    // KMS key rotation is medium: fails the build at --fail-on medium only.
    let plan = dir.join("regula__kms-key-rotation.json");
    complyctl()
        .args(["scan", "--plan", path_str(&plan)])
        .assert()
        .code(0);
    complyctl()
        .args(["scan", "--plan", path_str(&plan), "--fail-on", "medium"])
        .assert()
        .code(1);
    complyctl()
        .args(["scan", "--plan", path_str(&plan), "--fail-on", "none"])
        .assert()
        .code(0);
}

#[test]
fn json_report_has_the_documented_fields_and_is_deterministic() {
    let Some(dir) = corpus_dir() else { return };
    let plan = dir.join("checkov__s3-acl-public-access-block-nested-modules-tf1.2.json");
    let args = [
        "scan",
        "--plan",
        path_str(&plan),
        "--format",
        "json",
        "--workers",
        "2",
    ];
    let (code, r, _) = run_json(&args);
    assert_eq!(code, 1);
    for key in [
        "schema_version",
        "tool",
        "scan",
        "summary",
        "findings",
        "errors",
        "frameworks",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    for key in ["started_at", "finished_at", "sources"] {
        assert!(r["scan"].get(key).is_some(), "missing scan.{key}");
    }
    for key in ["pass", "fail", "unknown", "error", "waived"] {
        assert!(
            r["summary"]["by_status"][key].is_u64(),
            "missing by_status.{key}"
        );
    }
    let f = &r["findings"][0];
    for key in [
        "rule_id",
        "title",
        "severity",
        "status",
        "message",
        "resource",
        "controls",
        "fingerprint",
    ] {
        assert!(f.get(key).is_some(), "missing finding.{key}");
    }
    for key in [
        "id", "kind", "source", "name", "account", "region", "location",
    ] {
        assert!(f["resource"].get(key).is_some(), "missing resource.{key}");
    }
    // same input, same bytes (SOURCE_DATE_EPOCH pins the timestamps), whatever the thread count
    let a = complyctl().args(args).output().unwrap().stdout;
    let b = complyctl()
        .args([
            "scan",
            "--plan",
            path_str(&plan),
            "--format",
            "json",
            "--workers",
            "1",
        ])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, b);
}

#[test]
fn output_files_are_written_in_the_requested_format() {
    let Some(dir) = corpus_dir() else { return };
    let plan = dir.join("regula__vpc-flow-log.json");
    let tmp = tempfile::tempdir().unwrap();
    let json_path = tmp.path().join("report.json");
    let table_path = tmp.path().join("report.txt");
    complyctl()
        .args([
            "scan",
            "--plan",
            path_str(&plan),
            "--output",
            &format!("json={}", json_path.display()),
            "-o",
            path_str(&table_path),
        ])
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(
        v["summary"]["resources"], 4,
        "3 resources and the plan account"
    );
    let table = std::fs::read_to_string(&table_path).unwrap();
    assert!(table.contains("EC2.VPC_FLOW_LOGS"), "{table}");
    assert!(!table.contains('\u{1b}'), "files never get colour");
    // nothing else left behind (atomic writes use a temp file in the same directory)
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2);
    complyctl()
        .args(["scan", "--plan", path_str(&plan), "--output", "xml=out.xml"])
        .assert()
        .code(2);
}

#[test]
fn table_colour_follows_color_flag_and_no_color() {
    let Some(dir) = corpus_dir() else { return };
    let plan = dir.join("regula__kms-key-rotation.json");
    let plain = complyctl()
        .args(["scan", "--plan", path_str(&plan)])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&plain.stdout).contains('\u{1b}'),
        "not a terminal: no colour"
    );
    let forced = complyctl()
        .args(["--color", "always", "scan", "--plan", path_str(&plan)])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'));
    let never = complyctl()
        .args(["--color", "never", "scan", "--plan", path_str(&plan)])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\u{1b}'));
}

#[test]
fn inventory_command_prints_the_normalized_inventory() {
    let Some(dir) = corpus_dir() else { return };
    let (code, inv, _) = run_json(&[
        "inventory",
        "--plan",
        path_str(&dir.join("regula__vpc-flow-log.json")),
    ]);
    assert_eq!(code, 0);
    assert_eq!(inv["schema_version"], 1);
    let vpcs: Vec<_> = inv["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "aws.ec2.vpc")
        .collect();
    assert_eq!(vpcs.len(), 2);
    // a saved inventory scans like the plan it came from
    let tmp = tempfile::tempdir().unwrap();
    let saved = tmp.path().join("inv.json");
    std::fs::write(&saved, serde_json::to_vec(&inv).unwrap()).unwrap();
    let (_, from_plan, _) = run_json(&[
        "scan",
        "--plan",
        path_str(&dir.join("regula__vpc-flow-log.json")),
        "--format",
        "json",
    ]);
    let (_, from_inv, _) = run_json(&["scan", "--inventory", path_str(&saved), "--format", "json"]);
    assert_eq!(from_plan["findings"], from_inv["findings"]);
}

#[test]
fn policy_and_framework_commands() {
    let (code, rules, _) = run_json(&["policy", "list", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(rules.as_array().unwrap().len() >= 12);
    complyctl()
        .args(["policy", "show", "S3.ENCRYPTION_AT_REST"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Remediation:")
                .and(predicate::str::contains("fedramp-moderate: ")),
        );
    complyctl()
        .args(["policy", "show", "NOPE.NOPE"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule `NOPE.NOPE`"));
    complyctl()
        .args(["policy", "test"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(" passed, 0 failed"));
    let (code, fws, _) = run_json(&["framework", "list", "--format", "json"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = fws
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for id in ["soc2", "fedramp-moderate", "nist-csf-2.0", "mpa-tpn"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    let mpa = fws
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "mpa-tpn")
        .unwrap();
    assert_eq!(mpa["controls"], 82);
    complyctl()
        .args(["framework", "show", "mpa-tpn"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("TS-"));
}

#[test]
fn user_policy_dirs_add_rules_and_bad_policies_are_reported_at_load() {
    let tmp = tempfile::tempdir().unwrap();
    let rule = "# METADATA\n# title: Buckets are named with a team prefix\n# description: Naming.\n# custom:\n#   id: ACME.BUCKET_PREFIX\n#   severity: low\n#   kind: aws.s3.bucket\n#   remediation: Rename.\npackage acme.bucket_prefix\n\nimport rego.v1\n\ndeny contains \"no acme- prefix\" if not startswith(input.name, \"acme-\")\n\ncompliant if startswith(input.name, \"acme-\")\n";
    std::fs::write(tmp.path().join("prefix.rego"), rule).unwrap();
    let (code, rules, _) = run_json(&[
        "policy",
        "list",
        "--format",
        "json",
        "--policy-dir",
        path_str(tmp.path()),
    ]);
    assert_eq!(code, 0);
    assert!(rules
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "ACME.BUCKET_PREFIX" && r["builtin"] == false));
    // a syntax error names the file and the position
    std::fs::write(
        tmp.path().join("broken.rego"),
        "package acme.broken\n\nimport rego.v1\n\ndeny contains x if {\n",
    )
    .unwrap();
    complyctl()
        .args(["policy", "list", "--policy-dir", path_str(tmp.path())])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.rego"));
    std::fs::remove_file(tmp.path().join("broken.rego")).unwrap();
    // a duplicate id is refused
    std::fs::write(
        tmp.path().join("dup.rego"),
        rule.replace("acme.bucket_prefix", "acme.dup"),
    )
    .unwrap();
    complyctl()
        .args(["policy", "list", "--policy-dir", path_str(tmp.path())])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "duplicate rule id `ACME.BUCKET_PREFIX`",
        ));
}

#[test]
fn aws_flags_are_validated_before_any_request() {
    // AWS flags only make sense with --aws.
    complyctl()
        .args(["scan", "--profile", "audit", "--plan", "x.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--aws"));
    for (args, msg) in [
        (
            &["--concurrency", "0"][..],
            "--concurrency must be at least 1",
        ),
        (
            &["--region", "all", "--region", "us-east-1"][..],
            "`--region all` cannot be combined",
        ),
        (
            &["--role-arn", "arn:aws:iam::123456789012:user/x"][..],
            "not an IAM role ARN",
        ),
        (
            &["--service", "s3,lambda"][..],
            "invalid value 'lambda' for '--service <SERVICE>'",
        ),
    ] {
        complyctl()
            .args(["scan", "--aws"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(msg));
    }
    // The config file's list is checked as strictly as the flag.
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("complyctl.yaml");
    std::fs::write(&config, "aws:\n  services: [s3, lambda]\n").unwrap();
    complyctl()
        .args(["--config", path_str(&config), "scan", "--aws"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown service `lambda` (expected one of: cloudtrail, config, ec2",
        ));
}
