//! Nightly audit reports: the HTML report (rendered in headless Chromium), `diff`, the trend
//! (`scan --previous`) and evidence bundles (`scan --evidence-dir`, `evidence verify`).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::browser::{chromium, console_lines, run_chromium};
use common::{complyctl, example_plan, path_str};
use predicates::prelude::*;
use serde_json::{json, Value};

/// A resource name and a message that would run script if the report did not escape them.
const HOSTILE_NAME: &str = "<script>document.title='pwned'</script>";
const HOSTILE_DESC: &str = "<img src=x onerror=alert(1)> debug";

fn plan_json() -> Value {
    serde_json::from_slice(&std::fs::read(example_plan()).unwrap()).unwrap()
}

/// The example plan, the next night: a new security group opens SSH to the world (named to
/// attack the HTML report), and the legacy KMS key now rotates.
fn next_night_plan() -> Value {
    let mut plan = plan_json();
    let changes = plan["resource_changes"].as_array_mut().unwrap();
    for rc in changes.iter_mut() {
        if rc["address"] == "aws_kms_key.legacy" {
            rc["change"]["after"]["enable_key_rotation"] = json!(true);
        }
    }
    changes.push(json!({
        "address": "aws_security_group.debug", "mode": "managed", "type": "aws_security_group", "name": "debug",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": ["create"], "before": null,
            "after": {"name": HOSTILE_NAME, "description": "temporary", "vpc_id": "vpc-0abc1234def567890", "tags": null, "timeouts": null,
                "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "description": HOSTILE_DESC, "from_port": 22, "ipv6_cidr_blocks": [], "prefix_list_ids": [],
                             "protocol": "tcp", "security_groups": [], "self": false, "to_port": 22}]},
            "after_unknown": {"arn": true, "egress": true, "id": true, "ingress": [{"cidr_blocks": [false], "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": []}],
                              "name_prefix": true, "owner_id": true, "tags_all": true},
            "before_sensitive": false, "after_sensitive": {"egress": [], "ingress": [{"cidr_blocks": [false], "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": []}], "tags_all": {}}}
    }));
    plan
}

fn write_json(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_vec(v).unwrap()).unwrap();
}

fn scan_to(plan: &Path, out: &Path) {
    let o = complyctl()
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(plan),
            "-o",
            &format!("json={}", path_str(out)),
            "--fail-on",
            "none",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// (rule, resource) pairs of a diff list.
fn pairs(list: &Value) -> BTreeSet<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["resource_id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn expected_new() -> BTreeSet<(String, String)> {
    ["EC2.SG_OPEN_ADMIN_PORTS", "EC2.SG_OPEN_SSH"]
        .iter()
        .map(|r| (r.to_string(), "aws_security_group.debug".to_string()))
        .collect()
}

fn expected_resolved() -> BTreeSet<(String, String)> {
    [("KMS.KEY_ROTATION", "aws_kms_key.legacy")]
        .iter()
        .map(|(r, id)| (r.to_string(), id.to_string()))
        .collect()
}

#[test]
fn diff_reports_exactly_the_known_changes() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.json");
    let new = dir.path().join("new.json");
    let plan2 = dir.path().join("plan2.json");
    write_json(&plan2, &next_night_plan());
    scan_to(&example_plan(), &old);
    scan_to(&plan2, &new);

    let out = complyctl()
        .args(["diff", path_str(&old), path_str(&new), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(pairs(&d["new"]), expected_new(), "{:#}", d["new"]);
    assert_eq!(pairs(&d["resolved"]), expected_resolved());
    assert_eq!(d["resolved"][0]["previous_status"], "fail");
    assert_eq!(d["resolved"][0]["current_status"], "pass");
    assert!(d["new"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["current_status"] == "fail" && f.get("previous_status").is_none()));
    let old_report: Value = serde_json::from_slice(&std::fs::read(&old).unwrap()).unwrap();
    let old_failing = old_report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "fail")
        .count() as u64;
    assert_eq!(d["counts"]["new"], 2);
    assert_eq!(d["counts"]["resolved"], 1);
    assert_eq!(d["counts"]["unchanged"], old_failing - 1);
    // Fingerprints are those of the reports' findings.
    let new_report: Value = serde_json::from_slice(&std::fs::read(&new).unwrap()).unwrap();
    for f in d["new"].as_array().unwrap() {
        assert!(new_report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["fingerprint"] == f["fingerprint"] && g["rule_id"] == f["rule_id"]));
    }
    // Every framework is compared; the MPA TPN pack maps the new SSH rule.
    let fws = d["frameworks"].as_array().unwrap();
    assert_eq!(fws.len(), 7);
    let tpn = fws.iter().find(|f| f["id"] == "mpa-tpn").unwrap();
    assert!(tpn["new_findings"].as_u64().unwrap() >= 1);
    assert!(tpn["previous_score"].is_number() && tpn["current_score"].is_number());

    // The same trend as text and Markdown.
    complyctl()
        .args(["diff", path_str(&old), path_str(&new)])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 new, 1 resolved, ".to_string()))
        .stdout(predicate::str::contains("aws_kms_key.legacy"));
    let md = complyctl()
        .args([
            "diff",
            path_str(&old),
            path_str(&new),
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("**2 new**, **1 resolved**"), "{md}");
    assert!(md.contains("| Framework | New | Resolved |"), "{md}");
    assert!(md.contains("EC2.SG\\_OPEN\\_SSH"), "{md}");

    // Same report twice: nothing new, nothing resolved.
    let same = complyctl()
        .args(["diff", path_str(&new), path_str(&new), "--format", "json"])
        .output()
        .unwrap();
    let s: Value = serde_json::from_slice(&same.stdout).unwrap();
    assert_eq!(s["counts"]["new"], 0);
    assert_eq!(s["counts"]["resolved"], 0);
    assert!(s["frameworks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["delta"] == 0.0));

    // Unreadable input is a usage error naming the file.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"schema_version\": 1}").unwrap();
    complyctl()
        .args(["diff", path_str(&bad), path_str(&new)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json"));
}

/// The nightly job: `scan --previous last.json --evidence-dir out/`, then an auditor's check.
struct Nightly {
    _dir: tempfile::TempDir,
    out: PathBuf,
    stdout: String,
    code: Option<i32>,
}

fn nightly() -> Nightly {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last.json");
    let plan2 = dir.path().join("plan2.json");
    write_json(&plan2, &next_night_plan());
    scan_to(&example_plan(), &last);
    let out = dir.path().join("out");
    let o = complyctl()
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(&plan2),
            "--previous",
            path_str(&last),
            "--evidence-dir",
            path_str(&out),
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    Nightly {
        out,
        stdout: String::from_utf8_lossy(&o.stdout).to_string(),
        code: o.status.code(),
        _dir: dir,
    }
}

#[test]
fn nightly_run_writes_a_verifiable_evidence_bundle_with_the_trend() {
    let n = nightly();
    assert_eq!(n.code, Some(1), "new high findings fail the run");
    assert!(
        n.stdout.contains("2 new, 1 resolved"),
        "table shows the trend: {}",
        n.stdout
    );
    let names: BTreeSet<String> = std::fs::read_dir(&n.out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "inventory.json",
            "manifest.json",
            "report.html",
            "report.json"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    );

    // The report: scorecards, the trend, and the hashes that tie it to its inputs.
    let report: Value =
        serde_json::from_slice(&std::fs::read(n.out.join("report.json")).unwrap()).unwrap();
    let trend = &report["trend"];
    assert_eq!(pairs(&trend["new"]), expected_new());
    assert_eq!(pairs(&trend["resolved"]), expected_resolved());
    let inv = std::fs::read(n.out.join("inventory.json")).unwrap();
    let inv_sha = sha256(&inv);
    assert_eq!(report["scan"]["inventory_sha256"], inv_sha.as_str());
    let policy_hash = report["scan"]["policy_hash"].as_str().unwrap();
    assert_eq!(policy_hash.len(), 64);
    let html = std::fs::read_to_string(n.out.join("report.html")).unwrap();
    let frameworks = report["frameworks"].as_array().unwrap();
    assert_eq!(frameworks.len(), 7);
    for fw in frameworks {
        let id = fw["id"].as_str().unwrap();
        let section = section(&html, &format!("fw-{id}"));
        assert!(section.contains(">Scorecard</h3>"), "{id}");
        assert!(
            section.contains("<svg class=\"chart\" role=\"img\""),
            "{id}"
        );
        assert!(section.contains(">Controls</h3>"), "{id}");
        assert!(section.contains("Since the previous run"), "{id}");
        let controls = fw["controls"].as_array().unwrap().len();
        assert_eq!(section.matches("<details>").count(), controls, "{id}");
    }
    let trend_html = section(&html, "trend");
    assert!(trend_html.contains("<strong>2 new</strong>, <strong>1 resolved</strong>"));
    assert!(html.contains(&inv_sha));
    assert!(html.contains(policy_hash));

    // The inventory snapshot is what `complyctl inventory` prints for the same plan.
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(n.out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["policy_hash"], policy_hash);
    assert_eq!(manifest["files"].as_array().unwrap().len(), 3);
    for f in manifest["files"].as_array().unwrap() {
        let bytes = std::fs::read(n.out.join(f["name"].as_str().unwrap())).unwrap();
        assert_eq!(f["sha256"], sha256(&bytes).as_str());
    }

    // An auditor verifies the bundle...
    complyctl()
        .args(["evidence", "verify", path_str(&n.out)])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ok       inventory.json"))
        .stderr(predicate::str::contains("evidence verified: 3 files"));
    // ...which fails once one byte of the inventory changes,
    let mut altered = inv.clone();
    let at = altered.iter().position(|b| *b == b'1').unwrap();
    altered[at] = b'2';
    std::fs::write(n.out.join("inventory.json"), &altered).unwrap();
    complyctl()
        .args(["evidence", "verify", path_str(&n.out)])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ALTERED  inventory.json"))
        .stdout(predicate::str::contains("ok       report.json"))
        .stderr(predicate::str::contains(
            "evidence does not match its manifest: inventory.json",
        ));
    std::fs::write(n.out.join("inventory.json"), &inv).unwrap();
    complyctl()
        .args(["evidence", "verify", path_str(&n.out)])
        .assert()
        .code(0);
    // ...or when a file is missing,
    let html_bytes = std::fs::read(n.out.join("report.html")).unwrap();
    std::fs::remove_file(n.out.join("report.html")).unwrap();
    complyctl()
        .args(["evidence", "verify", path_str(&n.out)])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ALTERED  report.html"));
    std::fs::write(n.out.join("report.html"), &html_bytes).unwrap();
    // ...and cannot be checked without a readable manifest.
    let manifest_bytes = std::fs::read(n.out.join("manifest.json")).unwrap();
    std::fs::write(n.out.join("manifest.json"), b"{not json").unwrap();
    complyctl()
        .args(["evidence", "verify", path_str(&n.out)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("manifest.json"));
    let mut escaping: Value = serde_json::from_slice(&manifest_bytes).unwrap();
    escaping["files"][0]["name"] = json!("../last.json");
    write_json(&n.out.join("manifest.json"), &escaping);
    complyctl()
        .args(["evidence", "verify", path_str(&n.out)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not a file name inside the bundle",
        ));
    std::fs::remove_file(n.out.join("manifest.json")).unwrap();
    complyctl()
        .args(["evidence", "verify", path_str(&n.out)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the manifest"));
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}

/// The text of `<section id="ID" …>` up to its closing tag (sections do not nest).
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

/// Every start tag of the document (escaped text has no `<`).
fn tags(html: &str) -> Vec<&str> {
    let re = regex::Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    re.find_iter(html).map(|m| m.as_str()).collect()
}

#[test]
fn html_is_self_contained_escaped_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let plan2 = dir.path().join("plan2.json");
    write_json(&plan2, &next_night_plan());
    let render = || {
        let o = complyctl()
            .args([
                "--no-config",
                "scan",
                "--plan",
                path_str(&plan2),
                "--format",
                "html",
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        String::from_utf8(o.stdout).unwrap()
    };
    let html = render();
    assert_eq!(html, render(), "same input, same bytes");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    // Hostile strings arrive as text, never as markup.
    assert!(!html.contains(HOSTILE_NAME));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let tags = tags(&html);
    assert_eq!(
        tags.iter().filter(|t| t.starts_with("<script")).count(),
        1,
        "only the report's own inline script"
    );
    for t in &tags {
        let lower = t.to_ascii_lowercase();
        for bad in ["src=", "url(", "http:", "https:", "//", "onerror", "onload"] {
            assert!(!lower.contains(bad), "{t}");
        }
        if let Some(i) = lower.find("href=\"") {
            assert!(lower[i + 6..].starts_with('#'), "only in-page links: {t}");
        }
    }
    for t in [
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "@import",
        "@font-face",
    ] {
        assert!(!html.contains(t), "{t}");
    }
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"
    ));
    // Accessible structure: one h1, tables with scoped headers, a form with labels.
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(!html.contains("<th>"), "every header cell has a scope");
    assert!(html.contains("<label for=\"filter-status\">"));
    // The findings table holds every finding whatever the filter does.
    let table = &html[html.find("id=\"findings-table\"").unwrap()..];
    let report_json = complyctl()
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(&plan2),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&report_json.stdout).unwrap();
    assert_eq!(
        table.matches("<tr data-status=").count(),
        report["findings"].as_array().unwrap().len()
    );
}

/// Headings, table captions and headers, row and `<details>` counts: the report's shape,
/// reviewed as a snapshot, without the data that changes with paths and times.
fn outline(html: &str) -> String {
    let strip = regex::Regex::new(r"<[^>]*>").unwrap();
    let text = |s: &str| {
        let t = strip.replace_all(s, "");
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let re = regex::Regex::new(
        r"(?s)<h([1-3])[^>]*>(.*?)</h[1-3]>|<table[^>]*>|<caption>(.*?)</caption>|<thead>(.*?)</thead>|</table>|<details|<section id=.([^\x22]*)",
    )
    .unwrap();
    let mut out = String::new();
    let mut rows = 0usize;
    let mut details = 0usize;
    let mut in_table = false;
    let mut last = 0usize;
    for m in re.captures_iter(html) {
        let whole = m.get(0).unwrap();
        if in_table {
            rows += html[last..whole.start()].matches("<tr").count();
        }
        last = whole.end();
        let s = whole.as_str();
        if let Some(level) = m.get(1) {
            let n: usize = level.as_str().parse().unwrap();
            out.push_str(&format!(
                "{}h{n} {}\n",
                "  ".repeat(n - 1),
                text(m.get(2).unwrap().as_str())
            ));
        } else if s.starts_with("<table") {
            in_table = true;
            rows = 0;
            details = 0;
        } else if let Some(c) = m.get(3) {
            out.push_str(&format!("      caption: {}\n", text(c.as_str())));
        } else if let Some(h) = m.get(4) {
            let cells: Vec<String> = h
                .as_str()
                .split("</th>")
                .map(text)
                .filter(|c| !c.is_empty())
                .collect();
            out.push_str(&format!("      table [{}]", cells.join(" | ")));
            rows = 0;
        } else if s == "</table>" {
            out.push_str(&format!(
                " rows={rows}{}\n",
                if details > 0 {
                    format!(" details={details}")
                } else {
                    String::new()
                }
            ));
            in_table = false;
        } else if s == "<details" {
            details += 1;
            if !in_table {
                out.push_str("      details\n");
            }
        } else if let Some(id) = m.get(5) {
            out.push_str(&format!("  section #{}\n", id.as_str()));
        }
    }
    out
}

#[test]
fn html_outline_snapshot() {
    let o = complyctl()
        .args([
            "--no-config",
            "scan",
            "--plan",
            path_str(&example_plan()),
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(o.stdout).unwrap();
    insta::assert_snapshot!("html_outline_example_plan", outline(&html));
}

// ---------------------------------------------------------------------------------------------
// A real browser.

#[test]
fn html_renders_in_headless_chromium_offline_without_console_errors() {
    let Some(bin) = chromium() else {
        return;
    };
    let n = nightly();
    let page = n.out.join("report.html");
    let tmp = tempfile::tempdir().unwrap();

    // A screenshot that shows a page, not a blank window.
    let png = tmp.path().join("report.png");
    let (_, stderr) = run_chromium(
        &bin,
        &page,
        &tmp.path().join("profile-shot"),
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1280,2000",
            "--hide-scrollbars",
        ],
    );
    assert!(
        console_lines(&stderr).is_empty(),
        "console output: {:#?}",
        console_lines(&stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png).expect("chromium wrote no screenshot"),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1280, 2000));
    let channels = info.color_type.samples();
    assert!(channels >= 3, "{:?}", info.color_type);
    let pixels = &buf[..info.buffer_size()];
    let mut colours = BTreeSet::new();
    let mut non_white = 0usize;
    for px in pixels.chunks(channels) {
        colours.insert((px[0], px[1], px[2]));
        if px[0] < 240 || px[1] < 240 || px[2] < 240 {
            non_white += 1;
        }
    }
    let total = (info.width * info.height) as usize;
    assert!(
        colours.len() >= 32,
        "only {} colours: blank?",
        colours.len()
    );
    assert!(
        non_white * 50 > total,
        "only {non_white} of {total} pixels are not white"
    );
    // The status colours of the charts are on screen (the scorecard bar's fail segment).
    assert!(colours.contains(&(0xc6, 0x28, 0x28)), "no fail-red pixel");

    // The DOM after scripts ran: the filter is live, the hostile name is inert text.
    let (dom, stderr) = run_chromium(
        &bin,
        &page,
        &tmp.path().join("profile-dom"),
        &["--dump-dom"],
    );
    assert!(
        console_lines(&stderr).is_empty(),
        "console output: {:#?}",
        console_lines(&stderr)
    );
    let report: Value =
        serde_json::from_slice(&std::fs::read(n.out.join("report.json")).unwrap()).unwrap();
    let total = report["findings"].as_array().unwrap().len();
    assert!(
        dom.contains(&format!("{total} of {total} findings shown")),
        "the filter script did not run"
    );
    assert!(dom.contains(
        "<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter findings\">"
    ));
    assert!(dom.contains("<title>Compliance report"), "title untouched");
    assert!(!dom.contains("pwned</title>"));
    assert!(dom.contains("&lt;script&gt;document.title="));
    assert_eq!(dom.matches("<script").count(), 1);

    // Without JavaScript (chromium's --dump-dom needs it, so this reads the source): the
    // filter stays hidden and no row is.
    let source = std::fs::read_to_string(&page).unwrap();
    assert!(source.contains("aria-label=\"Filter findings\" hidden>"));
    assert_eq!(source.matches("<tr data-status=").count(), total);
    assert!(!tags(&source)
        .iter()
        .any(|t| t.starts_with("<tr") && t.contains("hidden")));
}

/// docs/audit-report.md tells auditors how to recompute the policy hash from the files.
#[test]
fn policy_hash_is_reproducible_from_the_policy_files() {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                let name = p.file_name().unwrap().to_str().unwrap();
                if name.ends_with(".rego") && !name.ends_with("_test.rego") {
                    out.push(sha256(&std::fs::read(&p).unwrap()));
                }
            }
        }
    }
    let mut digests = Vec::new();
    walk(&common::repo().join("policies"), &mut digests);
    digests.sort();
    let text: String = digests.iter().map(|d| format!("{d}\n")).collect();
    let (_, report, _) = common::run_json(&[
        "--no-config",
        "scan",
        "--plan",
        path_str(&example_plan()),
        "--format",
        "json",
    ]);
    assert_eq!(
        report["scan"]["policy_hash"],
        sha256(text.as_bytes()).as_str()
    );
}

/// Collection errors (here carried by a saved inventory) are a banner at the top of the page.
#[test]
fn html_shows_collection_errors_in_a_banner() {
    let dir = tempfile::tempdir().unwrap();
    let out = complyctl()
        .args(["inventory", "--plan", path_str(&example_plan())])
        .output()
        .unwrap();
    let mut inv: Value = serde_json::from_slice(&out.stdout).unwrap();
    inv["errors"] = json!([{"source": "aws", "service": "s3", "region": "eu-west-1",
        "operation": "GetBucketPolicy", "message": "AccessDenied <for role/audit>"}]);
    let path = dir.path().join("inventory.json");
    write_json(&path, &inv);
    let o = complyctl()
        .args([
            "--no-config",
            "scan",
            "--inventory",
            path_str(&path),
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "an incomplete scan");
    let html = String::from_utf8(o.stdout).unwrap();
    let banner = section(&html, "errors");
    assert!(banner.contains("Scan incomplete: 1 collection error</h2>"));
    assert!(banner.contains("<td>GetBucketPolicy</td><td>AccessDenied &lt;for role/audit&gt;</td>"));
    assert!(html.find("id=\"errors\"").unwrap() < html.find("id=\"scan\"").unwrap());
}
