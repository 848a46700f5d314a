//! The SARIF, JUnit, Markdown and ASFF reporters, and the plan locations they rely on.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{complyctl, example_plan, path_str, repo};
use complyctl::engine::{Severity, Status};
use complyctl::inventory::{CollectionError, Kind, Location, SourceInfo, SourceType};
use complyctl::report::{
    asff, json, junit, markdown, sarif, ByStatus, Finding, Report, ResourceRef, RuleInfo, ScanInfo,
    Summary, Tool, Waiver,
};
use serde_json::Value;

/// `../shared/corpus/schemas/NAME`; None (skip) when the shared corpus is absent, except in CI.
fn shared_schema(name: &str) -> Option<Value> {
    let p = repo().join("../shared/corpus/schemas").join(name);
    if !p.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing in CI",
            p.display()
        );
        eprintln!("skipping: {} is absent", p.display());
        return None;
    }
    Some(serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap())
}

/// Run a scan of the example plan from the repository root and return stdout.
fn scan_example(format: &str, extra: &[&str]) -> Vec<u8> {
    // Relative, so reports name the plan the same on every machine.
    let plan = "fixtures/plans/media-platform/plan.json";
    let mut args = vec!["scan", "--plan", plan, "--format", format];
    args.extend_from_slice(extra);
    let out = complyctl()
        .current_dir(repo())
        .args(&args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn example_report() -> Report {
    serde_json::from_slice(&scan_example("json", &[])).unwrap()
}

fn validate(schema: &Value, doc: &Value) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// A small report with every status, a waiver, long texts and a collection error.
fn sample_report() -> Report {
    let long = "x".repeat(5000);
    let rule = |id: &str, sev: Severity| RuleInfo {
        id: id.to_string(),
        title: format!("{id} title {}", "t".repeat(400)),
        description: format!("{id} description"),
        severity: sev,
        kind: Kind::S3Bucket,
        remediation: format!("Fix it. {}", "r".repeat(900)),
        controls: BTreeMap::from([(
            "soc2".to_string(),
            (0..40).map(|i| format!("CC{i}.1")).collect(),
        )])
        .into(),
        references: vec!["https://docs.aws.amazon.com/AmazonS3/latest/userguide/".to_string()],
        builtin: true,
    };
    let finding = |rule: &RuleInfo, res: &str, status: Status, i: usize| Finding {
        rule_id: rule.id.clone(),
        title: rule.title.clone(),
        severity: rule.severity,
        status,
        message: if status == Status::Pass {
            "compliant".to_string()
        } else {
            format!("problem {i}: {long}")
        },
        resource: ResourceRef {
            id: res.to_string(),
            kind: Kind::S3Bucket,
            source: SourceType::TerraformPlan,
            name: res.to_string(),
            account: None,
            region: Some("eu-west-1".to_string()),
            location: Some(Location {
                file: "infra/main.tf".to_string(),
                line: Some(10 + i as u32),
            }),
            tags: BTreeMap::from([
                ("Owner".to_string(), "team".to_string()),
                ("Empty".to_string(), String::new()),
                ("Long".to_string(), "v".repeat(400)),
            ]),
        }
        .into(),
        controls: rule.controls.clone(),
        fingerprint: format!("{i:032x}"),
        waiver: (status == Status::Waived).then(|| Waiver {
            reason: "accepted until the migration".to_string(),
            owner: Some("platform".to_string()),
            expires: Some("2027-01-31".to_string()),
            source: "config".to_string(),
        }),
    };
    let a = rule("S3.VERSIONING", Severity::Medium);
    let b = rule("S3.TLS_ONLY", Severity::High);
    let statuses = [
        Status::Fail,
        Status::Waived,
        Status::Baseline,
        Status::Unknown,
        Status::Error,
        Status::Pass,
    ];
    let mut findings = Vec::new();
    for (i, s) in statuses.iter().enumerate() {
        findings.push(finding(&a, &format!("aws_s3_bucket.b{i}"), *s, i));
        findings.push(finding(&b, &format!("aws_s3_bucket.b{i}"), *s, i + 10));
    }
    findings.sort_by(|x, y| (&x.rule_id, &x.resource.id).cmp(&(&y.rule_id, &y.resource.id)));
    let mut by_status = ByStatus::default();
    for f in &findings {
        match f.status {
            Status::Pass => by_status.pass += 1,
            Status::Fail => by_status.fail += 1,
            Status::Unknown => by_status.unknown += 1,
            Status::Error => by_status.error += 1,
            Status::Waived => by_status.waived += 1,
            Status::Baseline => by_status.baseline += 1,
        }
    }
    Report {
        schema_version: 1,
        tool: Tool {
            name: "complyctl".to_string(),
            version: "0.1.0".to_string(),
        },
        scan: ScanInfo {
            started_at: "2026-01-01T00:00:00Z".to_string(),
            finished_at: "2026-01-01T00:00:01Z".to_string(),
            sources: vec![SourceInfo {
                source_type: SourceType::TerraformPlan,
                path: Some("plan.json".to_string()),
                terraform_version: None,
                format_version: None,
                account: None,
                regions: vec![],
            }],
            policy_hash: None,
            inventory_sha256: None,
        },
        summary: Summary {
            resources: 6,
            rules: 2,
            by_status,
            skipped: Default::default(),
        },
        findings,
        frameworks: vec![],
        rules: vec![b, a],
        errors: vec![CollectionError {
            source: "aws".to_string(),
            service: "s3".to_string(),
            region: Some("eu-west-1".to_string()),
            operation: "GetBucketPolicy".to_string(),
            message: "AccessDenied <&> \"quoted\"".to_string(),
        }],
        warnings: vec![],
        trend: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Locations
// ---------------------------------------------------------------------------------------------

/// `module.media["raw"].aws_s3_bucket.this[0]` -> ("aws_s3_bucket", "this")
fn type_and_name(address: &str) -> (String, String) {
    let mut parts: Vec<&str> = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in address.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '.' if depth == 0 => {
                parts.push(&address[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&address[start..]);
    let strip = |s: &str| s.split('[').next().unwrap_or(s).to_string();
    let n = parts.len();
    (strip(parts[n - 2]), strip(parts[n - 1]))
}

/// The line `line` of `file` declares the resource block of `address`.
fn assert_block_at(root: &Path, file: &str, line: u64, address: &str) {
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let got = text.lines().nth(line as usize - 1).unwrap_or("");
    let (t, n) = type_and_name(address);
    assert_eq!(
        got.trim(),
        format!("resource \"{t}\" \"{n}\" {{"),
        "{address} at {file}:{line}"
    );
}

#[test]
fn json_report_has_locations_for_root_and_module_resources() {
    let report = example_report();
    let dir = "fixtures/plans/media-platform";
    let want: BTreeMap<&str, (String, u32)> = [
        ("aws_kms_key.legacy", (format!("{dir}/main.tf"), 45)),
        ("aws_s3_bucket.logs", (format!("{dir}/main.tf"), 120)),
        (
            "aws_s3_bucket.partner_drop",
            (format!("{dir}/main.tf"), 168),
        ),
        ("aws_iam_policy.reporting", (format!("{dir}/main.tf"), 276)),
        ("aws_eks_cluster.private", (format!("{dir}/main.tf"), 312)),
        (
            "aws_security_group.bastion",
            (format!("{dir}/main.tf"), 339),
        ),
        (
            "module.media[\"raw\"].aws_s3_bucket.this",
            (format!("{dir}/modules/media_bucket/main.tf"), 1),
        ),
        (
            "module.media[\"final\"].aws_s3_bucket.this",
            (format!("{dir}/modules/media_bucket/main.tf"), 1),
        ),
        (
            "module.network.aws_vpc.isolated",
            (format!("{dir}/modules/network/main.tf"), 16),
        ),
        (
            "module.network.aws_security_group.nat[0]",
            (format!("{dir}/modules/network/main.tf"), 83),
        ),
    ]
    .into_iter()
    .collect();
    let mut seen = BTreeSet::new();
    for f in &report.findings {
        let loc = f.resource.location.as_ref();
        if f.resource.kind == Kind::Account {
            assert!(loc.is_none(), "the plan account resource has no block");
            continue;
        }
        let loc = loc.unwrap_or_else(|| panic!("{} has no location", f.resource.id));
        let line = loc.line.expect("line");
        assert_block_at(&repo(), &loc.file, u64::from(line), &f.resource.id);
        if let Some((file, l)) = want.get(f.resource.id.as_str()) {
            assert_eq!((&loc.file, line), (file, *l), "{}", f.resource.id);
            seen.insert(f.resource.id.as_str());
        }
    }
    assert_eq!(seen.len(), want.len(), "all README addresses were checked");
}

#[test]
fn tf_dir_and_sarif_root_flags() {
    let plan = example_plan();
    let dir = plan.parent().unwrap().to_path_buf();
    // Root = the fixture directory: paths become main.tf, modules/...
    let out = complyctl()
        .current_dir(repo())
        .args([
            "scan",
            "--plan",
            path_str(&plan),
            "--format",
            "json",
            "--sarif-root",
            path_str(&dir),
        ])
        .output()
        .unwrap();
    let r: Report = serde_json::from_slice(&out.stdout).unwrap();
    let files: BTreeSet<String> = r
        .findings
        .iter()
        .filter_map(|f| f.resource.location.as_ref().map(|l| l.file.clone()))
        .collect();
    assert_eq!(
        files,
        BTreeSet::from([
            "main.tf".to_string(),
            "modules/media_bucket/main.tf".to_string(),
            "modules/network/main.tf".to_string(),
        ])
    );

    // The plan copied elsewhere: --tf-dir points at the configuration.
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("plan.json");
    std::fs::copy(&plan, &copy).unwrap();
    let run = |extra: &[&str]| -> Report {
        let mut args = vec!["scan", "--plan", path_str(&copy), "--format", "json"];
        args.extend_from_slice(extra);
        let out = complyctl()
            .current_dir(repo())
            .args(&args)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let without = run(&[]);
    assert!(
        without
            .findings
            .iter()
            .all(|f| f.resource.location.is_none()),
        "no .tf files beside the copied plan"
    );
    let with = run(&["--tf-dir", path_str(&dir)]);
    assert!(with
        .findings
        .iter()
        .any(|f| f.resource.location.as_ref().is_some_and(|l| l.file
            == "fixtures/plans/media-platform/modules/network/main.tf"
            && l.line == Some(45))));

    complyctl()
        .args([
            "scan",
            "--plan",
            path_str(&plan),
            "--tf-dir",
            "does/not/exist",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--tf-dir does/not/exist: not a directory",
        ));
}

// ---------------------------------------------------------------------------------------------
// SARIF
// ---------------------------------------------------------------------------------------------

#[test]
fn sarif_from_the_example_plan_is_valid_and_points_at_resource_blocks() {
    let bytes = scan_example("sarif", &[]);
    let log: Value = serde_json::from_slice(&bytes).unwrap();
    if let Some(schema) = shared_schema("sarif-schema-2.1.0.json") {
        validate(&schema, &log);
    }
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "complyctl");
    assert_eq!(driver["informationUri"], env!("CARGO_PKG_REPOSITORY"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "rules sorted by id");
    for r in rules {
        let id = r["id"].as_str().unwrap();
        assert!(r["shortDescription"]["text"]
            .as_str()
            .is_some_and(|s| !s.is_empty()));
        assert!(r["fullDescription"]["text"].as_str().is_some());
        assert!(r["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("**Remediation:**"));
        assert_eq!(
            r["helpUri"],
            format!(
                "{}/blob/main/docs/rules.md#{}",
                env!("CARGO_PKG_REPOSITORY"),
                id.to_lowercase()
            )
        );
        let tags: Vec<&str> = r["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(tags[0], "security");
        assert!(tags.len() <= 20, "GitHub rejects more than 20 tags: {id}");
        let controls = r["properties"]["complyctl/controls"].as_object().unwrap();
        let total: usize = controls.values().map(|c| c.as_array().unwrap().len()).sum();
        assert!(controls["soc2"].is_array());
        if total < 20 {
            assert_eq!(tags.len(), total + 1, "{id}: all controls fit");
        } else {
            // Round-robin: the first tags (GitHub shows 10) cover every framework.
            assert_eq!(tags.len(), 20);
            for fw in controls.keys() {
                assert!(
                    tags[..8].iter().any(|t| t.starts_with(&format!("{fw}/"))),
                    "{id}: {tags:?}"
                );
            }
        }
        let sev = r["properties"]["security-severity"].as_str().unwrap();
        assert!(["9.0", "7.0", "4.0", "2.0"].contains(&sev), "{id}: {sev}");
    }

    let results = run["results"].as_array().unwrap();
    let report = example_report();
    let failing = report
        .findings
        .iter()
        .filter(|f| matches!(f.status, Status::Fail | Status::Unknown))
        .count();
    assert_eq!(
        results.len(),
        failing,
        "one result per fail/unknown finding"
    );
    assert!(
        results.iter().any(|r| r["level"] == "note"),
        "unknowns are notes"
    );
    let mut modules = 0;
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert_eq!(
            r["partialFingerprints"]["complyctl/v1"]
                .as_str()
                .unwrap()
                .len(),
            32
        );
        let loc = &r["locations"][0];
        let logical = &loc["logicalLocations"][0];
        let address = logical["fullyQualifiedName"].as_str().unwrap();
        assert!(logical["kind"].as_str().unwrap().starts_with("aws."));
        let phys = &loc["physicalLocation"];
        if logical["kind"] == "aws.account" {
            assert!(phys.is_null());
            continue;
        }
        assert_eq!(phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let uri = phys["artifactLocation"]["uri"].as_str().unwrap();
        let line = phys["region"]["startLine"].as_u64().unwrap();
        assert!(uri.starts_with("fixtures/plans/media-platform/"), "{uri}");
        assert_block_at(&repo(), uri, line, address);
        if address.starts_with("module.") {
            modules += 1;
        }
    }
    assert!(modules >= 3, "module resources are located too");

    // Spot checks against fixtures/plans/media-platform/README.md.
    let find = |rule: &str, address: &str| -> &Value {
        results
            .iter()
            .find(|r| {
                r["ruleId"] == rule
                    && r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == address
            })
            .unwrap_or_else(|| panic!("no result {rule} {address}"))
    };
    let at = |r: &Value| {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string(),
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap(),
        )
    };
    let d = "fixtures/plans/media-platform";
    assert_eq!(
        at(find("KMS.KEY_ROTATION", "aws_kms_key.legacy")),
        (format!("{d}/main.tf"), 45)
    );
    assert_eq!(
        at(find("EC2.SG_OPEN_SSH", "aws_security_group.bastion")),
        (format!("{d}/main.tf"), 339)
    );
    assert_eq!(
        at(find(
            "S3.VERSIONING",
            "module.media[\"raw\"].aws_s3_bucket.this"
        )),
        (format!("{d}/modules/media_bucket/main.tf"), 1)
    );
    assert_eq!(
        at(find(
            "EC2.SG_OPEN_RDP",
            "module.network.aws_security_group.admin"
        )),
        (format!("{d}/modules/network/main.tf"), 45)
    );
    assert_eq!(
        at(find("EC2.VPC_FLOW_LOGS", "module.network.aws_vpc.isolated")),
        (format!("{d}/modules/network/main.tf"), 16)
    );
    let unknown = find(
        "EC2.SG_OPEN_SSH",
        "module.network.aws_security_group.nat[0]",
    );
    assert_eq!(unknown["level"], "note");
    assert_eq!(at(unknown), (format!("{d}/modules/network/main.tf"), 83));

    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], true);
    assert!(inv.get("toolExecutionNotifications").is_none());
}

#[test]
fn sarif_fingerprints_are_stable_across_runs() {
    let fps = |bytes: Vec<u8>| -> Vec<(String, String)> {
        let log: Value = serde_json::from_slice(&bytes).unwrap();
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["complyctl/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let a = scan_example("sarif", &[]);
    let b = scan_example("sarif", &["--workers", "1"]);
    assert_eq!(fps(a.clone()), fps(b.clone()));
    assert_eq!(a, b, "same input, same bytes");
    let unique: BTreeSet<_> = fps(a.clone()).into_iter().collect();
    assert_eq!(unique.len(), fps(a).len(), "one fingerprint per finding");
    // Moving the configuration (another root) changes URIs, not fingerprints.
    let dir = example_plan().parent().unwrap().to_path_buf();
    let c = scan_example("sarif", &["--sarif-root", path_str(&dir)]);
    assert_eq!(fps(c), fps(b));
}

#[test]
fn sarif_suppressions_errors_and_limits_from_a_constructed_report() {
    let report = sample_report();
    let log = serde_json::to_value(sarif::log(&report, &sarif::Options::default())).unwrap();
    if let Some(schema) = shared_schema("sarif-schema-2.1.0.json") {
        validate(&schema, &log);
    }
    let results = log["runs"][0]["results"].as_array().unwrap();
    // fail, waived, baseline, unknown for two rules; pass and error are not results
    assert_eq!(results.len(), 8);
    let by_status = |s: &str| -> Vec<&Value> {
        results
            .iter()
            .filter(|r| r["properties"]["complyctl/status"] == s)
            .collect()
    };
    for r in by_status("waived") {
        let s = &r["suppressions"][0];
        assert_eq!(s["kind"], "external");
        assert_eq!(s["status"], "accepted");
        assert_eq!(s["justification"], "accepted until the migration");
        assert_eq!(s["properties"]["complyctl/waiver-owner"], "platform");
    }
    for r in by_status("baseline") {
        assert_eq!(r["suppressions"][0]["justification"], "in baseline");
    }
    for r in by_status("fail") {
        assert!(r.get("suppressions").is_none());
        let want = if r["ruleId"] == "S3.TLS_ONLY" {
            "error"
        } else {
            "warning"
        };
        assert_eq!(r["level"], want);
    }
    for r in by_status("unknown") {
        assert_eq!(r["level"], "note");
    }
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 3, "one collection error and two rule errors");
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("GetBucketPolicy"));
    assert!(notes[1..]
        .iter()
        .all(|n| n["associatedRule"]["id"].as_str().is_some()));
    // GitHub rejects runs with more than 25,000 results: the most important are kept.
    let mut big = report.clone();
    let template = big.findings[0].clone();
    big.findings = (0..sarif::MAX_RESULTS + 5)
        .map(|i| {
            let mut f = template.clone();
            f.status = if i % 2 == 0 {
                Status::Fail
            } else {
                Status::Unknown
            };
            f.resource.make_mut().id = format!("aws_s3_bucket.b{i:06}");
            f.fingerprint = format!("{i:032x}");
            f
        })
        .collect();
    let capped = sarif::log(&big, &sarif::Options::default());
    let results = capped.runs[0].results.as_ref().unwrap();
    assert_eq!(results.len(), sarif::MAX_RESULTS);
    let notes = capped.runs[0].invocations.as_ref().unwrap()[0]
        .tool_execution_notifications
        .as_ref()
        .unwrap();
    assert!(notes[0]
        .message
        .text
        .as_deref()
        .unwrap()
        .starts_with("5 results omitted"));
    let kept_unknown = results
        .iter()
        .filter(|r| r.level == Some(serde_sarif::sarif::ResultLevel::Note))
        .count();
    assert_eq!(
        kept_unknown,
        sarif::MAX_RESULTS - (sarif::MAX_RESULTS + 6) / 2
    );

    let without_unknown = sarif::log(
        &report,
        &sarif::Options {
            include_unknown: false,
        },
    );
    assert_eq!(
        without_unknown.runs[0].results.as_ref().map(Vec::len),
        Some(6)
    );
}

// ---------------------------------------------------------------------------------------------
// JUnit
// ---------------------------------------------------------------------------------------------

/// Validate with xmllint against tests/schemas/junit.xsd. Required under scripts/test.sh
/// (COMPLYCTL_REQUIRE_XMLLINT), skipped without xmllint otherwise.
fn xsd_validate(xml: &[u8]) {
    let have = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    if !have {
        assert!(
            std::env::var_os("COMPLYCTL_REQUIRE_XMLLINT").is_none(),
            "xmllint is required (apt-get install -y libxml2-utils)"
        );
        eprintln!("skipping XSD validation: xmllint is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("junit.xml");
    std::fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(repo().join("tests/schemas/junit.xsd"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "xmllint: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn junit_from_the_example_plan_validates() {
    let xml = scan_example("junit", &[]);
    xsd_validate(&xml);
    let text = String::from_utf8(xml).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let report = example_report();
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    let fw_ids: Vec<&str> = report.frameworks.iter().map(|f| f.id.as_str()).collect();
    let names: Vec<&str> = suites
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert_eq!(names, fw_ids, "one suite per framework");
    for s in &suites {
        let fw = s.attribute("name").unwrap();
        let cases: Vec<_> = s
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let want: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.controls.get(fw).is_some_and(|c| !c.is_empty()))
            .collect();
        assert_eq!(cases.len(), want.len(), "{fw}");
        assert_eq!(s.attribute("tests").unwrap(), want.len().to_string());
        let failures = want.iter().filter(|f| f.status == Status::Fail).count();
        assert_eq!(s.attribute("failures").unwrap(), failures.to_string());
        for (c, f) in cases.iter().zip(&want) {
            assert_eq!(c.attribute("classname"), Some(f.rule_id.as_str()));
            assert_eq!(c.attribute("name"), Some(f.resource.id.as_str()));
            let child = c
                .children()
                .find(|n| n.is_element())
                .map(|n| n.tag_name().name());
            let expect = match f.status {
                Status::Pass => None,
                Status::Fail => Some("failure"),
                Status::Unknown | Status::Error => Some("error"),
                Status::Waived | Status::Baseline => Some("skipped"),
            };
            assert_eq!(child, expect, "{fw} {} {}", f.rule_id, f.resource.id);
            if f.status == Status::Fail {
                let failure = c.children().find(|n| n.has_tag_name("failure")).unwrap();
                assert_eq!(failure.attribute("type"), Some(f.severity.as_str()));
                assert_eq!(failure.attribute("message"), Some(f.message.as_str()));
                assert!(failure.text().unwrap().contains("Remediation: "));
            }
        }
    }
}

#[test]
fn junit_from_a_constructed_report_validates() {
    let report = sample_report();
    let xml = junit::render(&report, &junit::Options::default());
    xsd_validate(&xml);
    let text = String::from_utf8(xml).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let suites: Vec<_> = doc
        .root_element()
        .children()
        .filter(|n| n.is_element())
        .collect();
    // No frameworks: one suite per rule, plus the collection errors.
    let names: Vec<&str> = suites
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["S3.TLS_ONLY", "S3.VERSIONING", "complyctl: collection"]
    );
    let skipped: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("skipped"))
        .map(|n| n.attribute("message").unwrap().to_string())
        .collect();
    assert!(skipped.contains(
        &"waived: accepted until the migration (owner platform) until 2027-01-31".to_string()
    ));
    assert!(skipped.contains(&"in baseline".to_string()));
    let err = doc
        .descendants()
        .find(|n| n.has_tag_name("error") && n.attribute("type") == Some("collection"))
        .unwrap();
    assert_eq!(
        err.attribute("message"),
        Some("AccessDenied <&> \"quoted\"")
    );
    assert_eq!(doc.root_element().attribute("errors"), Some("5"));
    assert_eq!(doc.root_element().attribute("skipped"), Some("4"));
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

#[test]
fn markdown_summary_of_the_example_plan() {
    let md = String::from_utf8(scan_example("markdown", &[])).unwrap();
    assert!(
        !md.contains("http://") && !md.contains("https://"),
        "no links"
    );
    insta::assert_snapshot!("example_markdown", md);
}

#[test]
fn markdown_caps_the_findings_list() {
    let report = sample_report();
    let md = String::from_utf8(markdown::render(
        &report,
        &markdown::Options {
            max_findings: 3,
            max_rules: 1,
        },
    ))
    .unwrap();
    // 2 fail + 2 unknown + 2 error = 6 listed findings, 3 shown
    assert!(md.contains("\n…and 3 more\n"), "{md}");
    assert!(md.contains("…and 1 more rules"), "{md}");
    assert!(md.contains("### Scan incomplete: 1 collection error(s)"));
    assert!(md.contains("4 accepted finding(s) not listed: 2 waived, 2 in the baseline."));
}

// ---------------------------------------------------------------------------------------------
// ASFF
// ---------------------------------------------------------------------------------------------

/// Check a value against a botocore shape: members exist, required ones are present, enums,
/// list/map/number bounds and `NonEmptyString` patterns hold.
fn check_shape(model: &Value, shape: &str, v: &Value, path: &str, errors: &mut Vec<String>) {
    let s = &model["shapes"][shape];
    match s["type"].as_str().unwrap_or("") {
        "structure" => {
            let Some(obj) = v.as_object() else {
                errors.push(format!("{path}: expected an object ({shape})"));
                return;
            };
            for req in s["required"].as_array().into_iter().flatten() {
                if !obj.contains_key(req.as_str().unwrap()) {
                    errors.push(format!("{path}: missing required {req}"));
                }
            }
            for (k, val) in obj {
                match s["members"].get(k) {
                    Some(m) => check_shape(
                        model,
                        m["shape"].as_str().unwrap(),
                        val,
                        &format!("{path}.{k}"),
                        errors,
                    ),
                    None => errors.push(format!("{path}: {k} is not a member of {shape}")),
                }
            }
        }
        "list" => {
            let Some(a) = v.as_array() else {
                errors.push(format!("{path}: expected a list"));
                return;
            };
            if let Some(max) = s["max"].as_u64() {
                if a.len() as u64 > max {
                    errors.push(format!("{path}: {} items > {max}", a.len()));
                }
            }
            if let Some(min) = s["min"].as_u64() {
                if (a.len() as u64) < min {
                    errors.push(format!("{path}: {} items < {min}", a.len()));
                }
            }
            let member = s["member"]["shape"].as_str().unwrap();
            for (i, x) in a.iter().enumerate() {
                check_shape(model, member, x, &format!("{path}[{i}]"), errors);
            }
        }
        "map" => {
            let Some(o) = v.as_object() else {
                errors.push(format!("{path}: expected a map"));
                return;
            };
            let ks = s["key"]["shape"].as_str().unwrap();
            let vs = s["value"]["shape"].as_str().unwrap();
            for (k, x) in o {
                check_shape(
                    model,
                    ks,
                    &Value::String(k.clone()),
                    &format!("{path} key"),
                    errors,
                );
                check_shape(model, vs, x, &format!("{path}.{k}"), errors);
            }
        }
        "string" => {
            let Some(st) = v.as_str() else {
                errors.push(format!("{path}: expected a string"));
                return;
            };
            if let Some(e) = s["enum"].as_array() {
                if !e.iter().any(|x| x == st) {
                    errors.push(format!("{path}: {st:?} not in {e:?}"));
                }
            }
            if let Some(p) = s["pattern"].as_str() {
                let re = regex::Regex::new(&format!("^(?:{p})$")).unwrap();
                if !re.is_match(st) {
                    errors.push(format!("{path}: {st:?} does not match {p}"));
                }
            }
        }
        "integer" | "long" => {
            if !v.is_i64() {
                errors.push(format!("{path}: expected an integer"));
            }
        }
        "double" => {
            if !v.is_number() {
                errors.push(format!("{path}: expected a number"));
            }
        }
        "boolean" => {
            if !v.is_boolean() {
                errors.push(format!("{path}: expected a boolean"));
            }
        }
        other => errors.push(format!("{path}: unhandled shape type {other}")),
    }
}

/// The documented length limits (characters) of the fields complyctl fills.
fn check_limits(f: &Value, errors: &mut Vec<String>) {
    let id = f["Id"].as_str().unwrap_or("?").to_string();
    let len = |v: &Value| v.as_str().map(|s| s.chars().count()).unwrap_or(0);
    let mut at_most = |what: &str, v: &Value, max: usize| {
        if len(v) > max {
            errors.push(format!("{id}: {what} has {} > {max} characters", len(v)));
        }
    };
    at_most("Id", &f["Id"], 512);
    at_most("GeneratorId", &f["GeneratorId"], 512);
    at_most("Title", &f["Title"], 256);
    at_most("Description", &f["Description"], 1024);
    at_most(
        "Remediation.Recommendation.Text",
        &f["Remediation"]["Recommendation"]["Text"],
        512,
    );
    at_most("Note.Text", &f["Note"]["Text"], 512);
    at_most("Severity.Original", &f["Severity"]["Original"], 64);
    for r in f["Resources"].as_array().into_iter().flatten() {
        at_most("Resources[].Type", &r["Type"], 256);
        at_most("Resources[].Region", &r["Region"], 16);
        for (k, v) in r["Tags"].as_object().into_iter().flatten() {
            at_most("tag key", &Value::String(k.clone()), 128);
            at_most("tag value", v, 256);
        }
        for (k, v) in r["Details"]["Other"].as_object().into_iter().flatten() {
            at_most("Details.Other key", &Value::String(k.clone()), 128);
            at_most("Details.Other value", v, 1024);
        }
    }
    let pf = f["ProductFields"].as_object().unwrap();
    for (k, v) in pf {
        at_most("ProductFields key", &Value::String(k.clone()), 128);
        at_most("ProductFields value", v, 2048);
    }
    if pf.len() > 50 {
        errors.push(format!("{id}: {} ProductFields", pf.len()));
    }
    if f["AwsAccountId"].as_str().map(str::len) != Some(12) {
        errors.push(format!("{id}: AwsAccountId is not 12 characters"));
    }
    let arn = f["ProductArn"].as_str().unwrap_or("");
    let acct = f["AwsAccountId"].as_str().unwrap_or("");
    let re =
        regex::Regex::new(r"^arn:aws:securityhub:[a-z0-9-]+:(\d{12}):product/(\d{12})/default$")
            .unwrap();
    match re.captures(arn) {
        Some(c) if &c[1] == acct && &c[2] == acct => {}
        _ => errors.push(format!("{id}: ProductArn {arn}")),
    }
}

fn check_payload(payload: &Value) {
    static MODEL: std::sync::OnceLock<Option<Value>> = std::sync::OnceLock::new();
    let model =
        MODEL.get_or_init(|| shared_schema("botocore-securityhub-2018-10-26-service-2.json"));
    let mut errors = Vec::new();
    if let Some(model) = model {
        for (i, f) in payload["Findings"].as_array().unwrap().iter().enumerate() {
            check_shape(
                model,
                "AwsSecurityFinding",
                f,
                &format!("Findings[{i}]"),
                &mut errors,
            );
        }
    }
    for f in payload["Findings"].as_array().unwrap() {
        check_limits(f, &mut errors);
    }
    errors.truncate(20);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn asff_respects_field_limits_and_has_one_finding_per_rule_and_resource() {
    let report = sample_report();
    let payload: Value =
        serde_json::from_slice(&asff::render(&report, &asff::Options::default())).unwrap();
    check_payload(&payload);
    let findings = payload["Findings"].as_array().unwrap();
    let not_pass = report
        .findings
        .iter()
        .filter(|f| f.status != Status::Pass)
        .count();
    assert_eq!(findings.len(), not_pass);
    let ids: BTreeSet<&str> = findings.iter().map(|f| f["Id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), findings.len(), "Ids are unique");
    let pairs: BTreeSet<(String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["GeneratorId"].as_str().unwrap().to_string(),
                f["Resources"][0]["Id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs.len(),
        findings.len(),
        "one finding per (rule, resource)"
    );

    let f = &findings[0];
    let desc = f["Description"].as_str().unwrap();
    assert_eq!(desc.chars().count(), 1024);
    assert!(desc.ends_with('…'), "long text is cut");
    assert_eq!(f["Title"].as_str().unwrap().chars().count(), 256);
    assert_eq!(
        f["Compliance"]["RelatedRequirements"]
            .as_array()
            .unwrap()
            .len(),
        32
    );
    assert_eq!(
        f["ProductFields"]["complyctl/RelatedRequirementsOmitted"],
        "8"
    );
    assert_eq!(f["AwsAccountId"], asff::PLACEHOLDER_ACCOUNT);
    assert_eq!(f["ProductFields"]["complyctl/Placeholders"], "AwsAccountId");
    let tags = f["Resources"][0]["Tags"].as_object().unwrap();
    assert!(!tags.contains_key("Empty"), "empty tag values are left out");
    assert_eq!(tags["Long"].as_str().unwrap().chars().count(), 256);

    let status = |s: &str| -> Vec<&Value> {
        findings
            .iter()
            .filter(|f| f["ProductFields"]["complyctl/Status"] == s)
            .collect()
    };
    for f in status("fail") {
        assert_eq!(f["Compliance"]["Status"], "FAILED");
        assert_eq!(f["RecordState"], "ACTIVE");
    }
    for f in status("waived") {
        assert_eq!(f["Compliance"]["Status"], "FAILED");
        assert_eq!(f["Workflow"]["Status"], "SUPPRESSED");
        assert!(f["Note"]["Text"]
            .as_str()
            .unwrap()
            .contains("accepted until the migration"));
    }
    for f in status("unknown") {
        assert_eq!(f["Compliance"]["Status"], "WARNING");
    }
    for f in status("error") {
        assert_eq!(f["Compliance"]["Status"], "NOT_AVAILABLE");
    }

    // A push knows the account and region: no placeholders, passes archived on request.
    let filled = asff::findings(
        &report,
        &asff::Options {
            partition: "aws".to_string(),
            account: Some("123456789012".to_string()),
            region: Some("eu-west-1".to_string()),
            include_passed: true,
        },
    );
    assert_eq!(filled.len(), report.findings.len());
    for f in &filled {
        assert_eq!(f.aws_account_id, "123456789012");
        assert_eq!(
            f.product_arn,
            "arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default"
        );
        assert!(!f.product_fields.contains_key("complyctl/Placeholders"));
        if f.compliance.status == "PASSED" {
            assert_eq!(f.record_state, "ARCHIVED");
            assert_eq!(f.severity.label, "INFORMATIONAL");
        }
    }
    check_payload(&serde_json::json!({ "Findings": filled }));
}

#[test]
fn asff_from_the_example_plan() {
    let payload: Value = serde_json::from_slice(&scan_example("asff", &[])).unwrap();
    check_payload(&payload);
    let report = example_report();
    let findings = payload["Findings"].as_array().unwrap();
    let not_pass: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.status != Status::Pass)
        .collect();
    assert_eq!(findings.len(), not_pass.len());
    let ids: BTreeSet<&str> = findings.iter().map(|f| f["Id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), findings.len());
    for (f, want) in findings.iter().zip(&not_pass) {
        assert_eq!(
            f["Id"],
            format!("complyctl/{}/{}", want.rule_id, want.fingerprint)
        );
        assert_eq!(f["AwsAccountId"], "000000000000");
        assert!(f["ProductArn"]
            .as_str()
            .unwrap()
            .starts_with("arn:aws:securityhub:us-east-1:000000000000:"));
    }
    let sg = findings
        .iter()
        .find(|f| f["Resources"][0]["Id"] == "aws_security_group.bastion")
        .unwrap();
    assert_eq!(sg["Resources"][0]["Type"], "AwsEc2SecurityGroup");
    assert_eq!(sg["Resources"][0]["Tags"]["Name"], "bastion");
    assert_eq!(
        sg["Resources"][0]["Details"]["Other"]["Location"],
        "fixtures/plans/media-platform/main.tf:339"
    );
}

// ---------------------------------------------------------------------------------------------
// CLI and docs
// ---------------------------------------------------------------------------------------------

#[test]
fn one_run_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| -> PathBuf { dir.path().join(n) };
    let specs: Vec<String> = [
        ("sarif", "r.sarif"),
        ("junit", "r.xml"),
        ("markdown", "r.md"),
        ("asff", "r.asff.json"),
        ("json", "r.json"),
        ("table", "r.txt"),
    ]
    .iter()
    .map(|(f, n)| format!("{f}={}", p(n).display()))
    .collect();
    let plan = example_plan();
    let mut args = vec!["scan", "--plan", path_str(&plan), "--format", "markdown"];
    for s in &specs {
        args.push("--output");
        args.push(s);
    }
    let out = complyctl()
        .current_dir(repo())
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for n in ["r.sarif", "r.asff.json", "r.json"] {
        let v: Value = serde_json::from_slice(&std::fs::read(p(n)).unwrap()).unwrap();
        assert!(v.is_object(), "{n}");
    }
    assert!(std::fs::read_to_string(p("r.xml"))
        .unwrap()
        .starts_with("<?xml"));
    assert_eq!(std::fs::read(p("r.md")).unwrap(), out.stdout);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    complyctl()
        .args(["scan", "--plan", path_str(&plan), "--output", "pdf=x.pdf"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unknown format `pdf` (expected one of: table, json, sarif, junit, markdown, asff, html)",
        ));
}

#[test]
fn rule_docs_have_an_anchor_for_every_help_uri() {
    let docs = std::fs::read_to_string(repo().join("docs/rules.md")).unwrap();
    let out = complyctl()
        .args(["policy", "list", "--format", "json"])
        .output()
        .unwrap();
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    for r in rules.as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        assert!(
            docs.contains(&format!("<a id=\"{}\"></a>", id.to_lowercase())),
            "docs/rules.md has no anchor for {id}"
        );
    }
}

#[test]
fn every_corpus_plan_renders_valid_sarif_junit_and_asff() {
    let sarif_schema = shared_schema("sarif-schema-2.1.0.json");
    let dir = tempfile::tempdir().unwrap();
    for plan in common::corpus_plans() {
        let asff_path = dir.path().join("f.asff");
        let junit_path = dir.path().join("f.xml");
        let out = complyctl()
            .current_dir(repo())
            .args([
                "scan",
                "--plan",
                path_str(&plan),
                "--format",
                "sarif",
                "--output",
                &format!("asff={}", asff_path.display()),
                "--output",
                &format!("junit={}", junit_path.display()),
            ])
            .output()
            .unwrap();
        let name = plan.display();
        assert!(
            matches!(out.status.code(), Some(0 | 1 | 3)),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let log: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{name}: SARIF is not JSON: {e}"));
        if let Some(schema) = &sarif_schema {
            validate(schema, &log);
        }
        let payload: Value = serde_json::from_slice(&std::fs::read(&asff_path).unwrap()).unwrap();
        check_payload(&payload);
        xsd_validate(&std::fs::read(&junit_path).unwrap());
    }
}

/// Large JSON reports are rendered on two threads, block by block; the bytes must be exactly
/// serde_json's pretty output, with finding texts holding what the splicing could trip on
/// (newlines, quotes, the `"findings": []` it looks for).
#[test]
fn threaded_json_output_is_byte_identical_to_serde_json() {
    let mut report = example_report();
    report.warnings = vec!["a waiver expired".to_string()];
    let template = report.findings[0].clone();
    for n in [2 * json::BLOCK - 1, 2 * json::BLOCK, 5 * json::BLOCK + 7] {
        report.findings = (0..n)
            .map(|i| {
                let mut f = template.clone();
                f.message = format!("line one\nline two \"quoted\"\n  \"findings\": [] #{i}");
                // Empty and nested containers and optional fields, which the block writer
                // lays out itself.
                match i % 3 {
                    0 => {
                        f.resource.make_mut().tags.clear();
                        f.controls.make_mut().clear();
                    }
                    1 => {
                        f.controls
                            .make_mut()
                            .insert("empty".to_string(), Vec::new());
                        f.waiver = Some(Waiver {
                            reason: "accepted".to_string(),
                            owner: None,
                            expires: Some("2030-01-01".to_string()),
                            source: "config".to_string(),
                        });
                    }
                    _ => {}
                }
                f
            })
            .collect();
        let mut want = serde_json::to_vec_pretty(&report).unwrap();
        want.push(b'\n');
        let got = json::render(&report);
        assert!(got == want, "{n} findings: the threaded JSON differs");
    }
}
