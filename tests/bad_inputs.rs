//! Hostile and broken inputs: each is refused with exit 2 and one clear message naming the
//! file and the problem; never a panic, never a partial report.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{complyctl, example_plan, path_str, repo};

fn files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// Exit 2, stderr names `who`, stdout empty, no panic.
fn assert_refused(args: &[&str], who: &str, env: &[(&str, &str)]) -> String {
    let mut cmd = complyctl();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(
        stderr.contains(who),
        "{args:?}: the message does not name {who}: {stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "{args:?}: a partial report was written"
    );
    stderr
}

#[test]
fn broken_plans_are_refused_clearly() {
    let plans = files("tests/bad-inputs/plans");
    assert!(plans.len() >= 15);
    for p in &plans {
        let name = p.file_name().unwrap().to_str().unwrap();
        let stderr = assert_refused(&["--no-config", "scan", "--plan", path_str(p)], name, &[]);
        assert_eq!(
            stderr.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{name}: one message: {stderr}"
        );
    }
    assert_refused(
        &["--no-config", "scan", "--plan", "does/not/exist.json"],
        "does/not/exist.json: cannot read",
        &[],
    );
    assert_refused(
        &[
            "--no-config",
            "scan",
            "--plan",
            path_str(&repo().join("tests")),
        ],
        "is a directory",
        &[],
    );
}

#[test]
fn a_huge_plan_is_refused_by_size_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.json");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(1 << 30).unwrap(); // sparse: 1 GiB on paper, nothing on disk
    let start = Instant::now();
    assert_refused(
        &["--no-config", "scan", "--plan", path_str(&p)],
        "larger than the",
        &[],
    );
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn every_encoding_terraform_output_comes_in_is_read() {
    for p in files("tests/encodings") {
        let out = complyctl()
            .args([
                "--no-config",
                "scan",
                "--plan",
                path_str(&p),
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}: {stderr}",
            p.display()
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["summary"]["resources"], 2, "{}", p.display());
        if p.ends_with("future-format-version.json") {
            assert!(stderr.contains("format_version 2.0 is newer"), "{stderr}");
        }
    }
}

#[test]
fn broken_configs_are_refused_clearly() {
    let configs = files("tests/bad-inputs/configs");
    assert!(configs.len() >= 8);
    for c in &configs {
        let name = c.file_name().unwrap().to_str().unwrap();
        assert_refused(
            &[
                "--config",
                path_str(c),
                "scan",
                "--plan",
                path_str(&example_plan()),
            ],
            name,
            &[],
        );
    }
}

fn policy_dir(name: &str) -> String {
    repo()
        .join("tests/bad-inputs/policies")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn broken_policies_are_reported_at_load() {
    let plan = example_plan();
    let scan = |dir: &str| {
        vec![
            "--no-config".to_string(),
            "scan".into(),
            "--plan".into(),
            plan.display().to_string(),
            "--policy-dir".into(),
            policy_dir(dir),
        ]
    };
    let run = |dir: &str, who: &str| {
        let args = scan(dir);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_refused(&args, who, &[])
    };
    let e = run("syntax-error", "syntax-error/rule.rego:15:1");
    assert!(e.contains("expecting `}`"), "{e}");
    run("unknown-builtin", "unknown-builtin/rule.rego:14");
    run("duplicate-id", "duplicate rule id `BAD.RULE`");
    run(
        "missing-metadata",
        "missing-metadata/rule.rego:1: METADATA has no `custom` section",
    );
    run("bad-kind", "unknown resource kind `aws.s3.bukkit`");
}

#[test]
fn a_rule_that_runs_too_long_is_an_error_not_a_pass() {
    let start = Instant::now();
    let out = complyctl()
        .env("COMPLYCTL_EVAL_TIMEOUT_MS", "300")
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(&example_plan()),
            "--policy-dir",
            &policy_dir("slow"),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(3),
        "an evaluation error makes the scan incomplete: {stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let slow: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "BAD.SLOW")
        .collect();
    assert!(!slow.is_empty());
    assert!(slow.iter().all(|f| f["status"] == "error"), "{slow:#?}");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "bounded by the per-evaluation limit"
    );
}

#[test]
fn sensitive_plan_values_never_reach_any_output() {
    let Some(dir) = common::corpus_dir() else {
        return;
    };
    let plan = dir.join("snyk-pe__rds-sensitive-values-tf1.2.json");
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&plan).unwrap()).unwrap();
    // every string value Terraform marked sensitive in after_sensitive
    let mut secrets = Vec::new();
    for rc in raw["resource_changes"].as_array().unwrap() {
        collect_sensitive(
            &rc["change"]["after"],
            &rc["change"]["after_sensitive"],
            &mut secrets,
        );
    }
    assert!(!secrets.is_empty(), "the corpus plan has sensitive values");
    for args in [
        vec!["inventory"],
        vec!["scan", "--format", "json"],
        vec!["scan", "--format", "table"],
    ] {
        let mut a = vec!["--no-config"];
        a.extend(args.iter());
        a.extend(["--plan", path_str(&plan)]);
        let out = complyctl().args(&a).output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{a:?} leaked a sensitive value");
        }
    }
}

fn collect_sensitive(v: &serde_json::Value, mask: &serde_json::Value, out: &mut Vec<String>) {
    match (v, mask) {
        (serde_json::Value::String(s), serde_json::Value::Bool(true)) if s.len() >= 4 => {
            out.push(s.clone())
        }
        (serde_json::Value::Object(o), serde_json::Value::Object(m)) => {
            for (k, mv) in m {
                if let Some(x) = o.get(k) {
                    collect_sensitive(x, mv, out);
                }
            }
        }
        (serde_json::Value::Array(a), serde_json::Value::Array(m)) => {
            for (x, mv) in a.iter().zip(m) {
                collect_sensitive(x, mv, out);
            }
        }
        _ => {}
    }
}
