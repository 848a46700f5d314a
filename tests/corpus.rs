//! Every real plan in ../shared/corpus scans without an input error or a panic.

mod common;

use common::{corpus_plans, path_str, run_json};

#[test]
fn every_corpus_plan_scans_with_exit_0_or_1() {
    let plans = corpus_plans();
    for plan in &plans {
        let (code, report, stderr) =
            run_json(&["scan", "--plan", path_str(plan), "--format", "json"]);
        let name = plan.file_name().unwrap().to_string_lossy().to_string();
        assert!(code == 0 || code == 1, "{name}: exit {code}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert_eq!(report["schema_version"], 1, "{name}");
        // the non-AWS plans (terraform-json's null/local fixtures) hold no AWS resources
        if name.starts_with("tfjson__") {
            assert_eq!(report["summary"]["resources"], 0, "{name}");
            assert!(report["findings"].as_array().unwrap().is_empty(), "{name}");
        }
        // a finding never passes on a value terraform only knows at apply time: spot-check
        // that every pass message is the plain "compliant"
        for f in report["findings"].as_array().unwrap() {
            if f["status"] == "pass" {
                assert_eq!(f["message"], "compliant", "{name}: {f}");
            }
        }
    }
}

fn findings_of<'a>(report: &'a serde_json::Value, rule: &str) -> Vec<(&'a str, &'a str)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .map(|f| {
            (
                f["resource"]["id"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
            )
        })
        .collect()
}

fn scan_corpus(name: &str) -> Option<serde_json::Value> {
    let dir = common::corpus_dir()?;
    let (_, report, _) = run_json(&[
        "scan",
        "--plan",
        path_str(&dir.join(name)),
        "--format",
        "json",
    ]);
    Some(report)
}

/// Sensible findings on the corpus: the fixtures' own valid/invalid naming agrees with ours.
#[test]
fn corpus_findings_agree_with_the_fixture_authors() {
    let Some(r) = scan_corpus("regula__vpc-flow-log.json") else {
        return;
    };
    assert_eq!(
        findings_of(&r, "EC2.VPC_FLOW_LOGS"),
        vec![
            ("aws_vpc.invalid_vpc", "fail"),
            ("aws_vpc.valid_vpc", "pass")
        ]
    );
    let Some(r) = scan_corpus("regula__kms-key-rotation.json") else {
        return;
    };
    let kms = findings_of(&r, "KMS.KEY_ROTATION");
    assert_eq!(
        kms.iter().filter(|(_, s)| *s == "fail").count(),
        2,
        "{kms:?}"
    );
    assert_eq!(
        kms.iter().filter(|(_, s)| *s == "pass").count(),
        1,
        "{kms:?}"
    );
    let Some(r) = scan_corpus("regula__s3-versioning-lifecycle-v4-tf1.5.json") else {
        return;
    };
    let v = findings_of(&r, "S3.VERSIONING");
    for (id, status) in &v {
        let expected = if id.contains("allow_") {
            "pass"
        } else {
            "fail"
        };
        assert_eq!(*status, expected, "{id}: {v:?}");
    }
    // UTF-16 with a BOM, as Windows PowerShell writes it
    let Some(r) = scan_corpus("checkov__s3-bucket-utf16-bom-tf1.2.json") else {
        return;
    };
    assert_eq!(
        r["summary"]["resources"], 2,
        "the bucket and the plan account"
    );
    // deletes are counted, not evaluated
    let Some(r) = scan_corpus("snyk-cli__destroy-iam-s3-codebuild-tf0.15.json") else {
        return;
    };
    assert_eq!(r["summary"]["resources"], 0);
    assert_eq!(r["summary"]["skipped"]["deleted"], 8);
}
