//! What changed between two reports: failing findings matched by fingerprint (new, resolved,
//! unchanged) and each framework's score change. Pure: used by `complyctl diff` and by
//! `scan --previous`, which puts the result in the report's `trend` section.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde::{Deserialize, Serialize};

use super::{Finding, Report};
use crate::engine::{Severity, Status};
use crate::frameworks::rollup::FrameworkResult;

/// Which run a side of the comparison is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanRef {
    pub started_at: String,
    pub tool_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_sha256: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendCounts {
    pub new: u64,
    pub resolved: u64,
    pub unchanged: u64,
}

/// A failing finding on one side of the comparison. `previous_status` / `current_status` are
/// the finding's status in each report, absent when it is not in that report at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendFinding {
    pub fingerprint: String,
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    pub resource_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_status: Option<Status>,
}

/// A framework's score (percent) and failed controls in each report; a side is absent when
/// the pack was not in that report, or its score null when no automated control applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreChange {
    pub id: String,
    pub name: String,
    pub previous_score: Option<f64>,
    pub current_score: Option<f64>,
    /// current - previous, in percentage points; null unless both scores exist.
    pub delta: Option<f64>,
    pub previous_failed_controls: Option<u64>,
    pub current_failed_controls: Option<u64>,
    /// New and resolved failing findings of the rules the pack maps to its controls.
    pub new_findings: u64,
    pub resolved_findings: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub previous: ScanRef,
    pub current: ScanRef,
    pub counts: TrendCounts,
    /// Failing now, not failing before (including findings on new resources).
    pub new: Vec<TrendFinding>,
    /// Failing before, not failing now (fixed, waived, undecided, or gone).
    pub resolved: Vec<TrendFinding>,
    /// Failing in both.
    pub unchanged: Vec<TrendFinding>,
    pub frameworks: Vec<ScoreChange>,
}

impl Trend {
    /// Both reports name their rule set and it differs: some changes may come from the rules.
    pub fn policy_changed(&self) -> bool {
        matches!(
            (&self.previous.policy_hash, &self.current.policy_hash),
            (Some(a), Some(b)) if a != b
        )
    }
}

/// A finding that counts as failing: it fails, or fails but is in the baseline (a baseline
/// only keeps it from failing the build). Waived findings are accepted risk, not failing.
pub fn is_failing(s: Status) -> bool {
    matches!(s, Status::Fail | Status::Baseline)
}

fn scan_ref(r: &Report) -> ScanRef {
    ScanRef {
        started_at: r.scan.started_at.clone(),
        tool_version: r.tool.version.clone(),
        policy_hash: r.scan.policy_hash.clone(),
        inventory_sha256: r.scan.inventory_sha256.clone(),
    }
}

fn by_fingerprint(r: &Report) -> BTreeMap<&str, &Finding> {
    let mut m = BTreeMap::new();
    for f in &r.findings {
        // The first finding wins when two sources hold the same resource identity.
        m.entry(f.fingerprint.as_str()).or_insert(f);
    }
    m
}

fn entry(f: &Finding, previous: Option<Status>, current: Option<Status>) -> TrendFinding {
    TrendFinding {
        fingerprint: f.fingerprint.clone(),
        rule_id: f.rule_id.clone(),
        title: f.title.clone(),
        severity: f.severity,
        resource_id: f.resource.id.clone(),
        previous_status: previous,
        current_status: current,
    }
}

fn sort(v: &mut [TrendFinding]) {
    // Most severe first, then by rule and resource: stable, readable output.
    v.sort_by(|a, b| {
        (b.severity, &a.rule_id, &a.resource_id, &a.fingerprint).cmp(&(
            a.severity,
            &b.rule_id,
            &b.resource_id,
            &b.fingerprint,
        ))
    });
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Compare `previous` to `current`.
pub fn compare(previous: &Report, current: &Report) -> Trend {
    let old = by_fingerprint(previous);
    let now = by_fingerprint(current);
    let mut new = Vec::new();
    let mut resolved = Vec::new();
    let mut unchanged = Vec::new();
    for (fp, f) in &now {
        if !is_failing(f.status) {
            continue;
        }
        match old.get(fp) {
            Some(o) if is_failing(o.status) => {
                unchanged.push(entry(f, Some(o.status), Some(f.status)))
            }
            o => new.push(entry(f, o.map(|o| o.status), Some(f.status))),
        }
    }
    for (fp, o) in &old {
        if !is_failing(o.status) {
            continue;
        }
        match now.get(fp) {
            Some(f) if is_failing(f.status) => {}
            f => resolved.push(entry(o, Some(o.status), f.map(|f| f.status))),
        }
    }
    sort(&mut new);
    sort(&mut resolved);
    sort(&mut unchanged);

    let fw_old: BTreeMap<&str, &FrameworkResult> = previous
        .frameworks
        .iter()
        .map(|f| (f.id.as_str(), f))
        .collect();
    let fw_now: BTreeMap<&str, &FrameworkResult> = current
        .frameworks
        .iter()
        .map(|f| (f.id.as_str(), f))
        .collect();
    let ids: BTreeSet<&str> = fw_old.keys().chain(fw_now.keys()).copied().collect();
    let frameworks = ids
        .into_iter()
        .map(|id| {
            let o = fw_old.get(id);
            let n = fw_now.get(id);
            let mapped: BTreeSet<&str> = n
                .or(o)
                .into_iter()
                .flat_map(|f| &f.controls)
                .flat_map(|c| &c.rules)
                .map(String::as_str)
                .collect();
            let count = |v: &[TrendFinding]| {
                v.iter()
                    .filter(|f| mapped.contains(f.rule_id.as_str()))
                    .count() as u64
            };
            let previous_score = o.and_then(|f| f.score);
            let current_score = n.and_then(|f| f.score);
            ScoreChange {
                id: id.to_string(),
                name: n.or(o).map(|f| f.name.clone()).unwrap_or_default(),
                previous_score,
                current_score,
                delta: match (previous_score, current_score) {
                    (Some(a), Some(b)) => Some(round1(b - a)),
                    _ => None,
                },
                previous_failed_controls: o.map(|f| f.control_counts.fail),
                current_failed_controls: n.map(|f| f.control_counts.fail),
                new_findings: count(&new),
                resolved_findings: count(&resolved),
            }
        })
        .collect();
    Trend {
        previous: scan_ref(previous),
        current: scan_ref(current),
        counts: TrendCounts {
            new: new.len() as u64,
            resolved: resolved.len() as u64,
            unchanged: unchanged.len() as u64,
        },
        new,
        resolved,
        unchanged,
        frameworks,
    }
}

/// `71.5%`, or `-` when there is no score.
pub fn fmt_score(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.1}%")).unwrap_or_else(|| "-".into())
}

/// `+2.5`, `-1.0`, `0.0`, or `-` when a side has no score.
pub fn fmt_delta(d: Option<f64>) -> String {
    match d {
        Some(d) if d > 0.0 => format!("+{d:.1}"),
        Some(d) if d < 0.0 => format!("{d:.1}"),
        Some(_) => "0.0".into(),
        None => "-".into(),
    }
}

/// `3 -> 2`, with `-` for a side the pack was absent from.
pub fn fmt_controls(a: Option<u64>, b: Option<u64>) -> String {
    let s = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    format!("{} -> {}", s(a), s(b))
}

fn status_change(f: &TrendFinding) -> String {
    let s = |v: Option<Status>| v.map(|s| s.as_str()).unwrap_or("absent");
    format!("{} -> {}", s(f.previous_status), s(f.current_status))
}

fn summary_line(t: &Trend) -> String {
    format!(
        "{} new, {} resolved, {} unchanged failing findings",
        t.counts.new, t.counts.resolved, t.counts.unchanged
    )
}

fn new_table(color: bool) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

/// The trend as terminal text: a summary line, score changes, new and resolved findings.
/// `complyctl diff` prints it; the table report appends it when the report has a trend.
pub fn render_text(t: &Trend, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Since {} (complyctl {}): {}",
        t.previous.started_at,
        t.previous.tool_version,
        summary_line(t)
    );
    if t.policy_changed() {
        let _ = writeln!(
            out,
            "note: the rule set changed between the two runs (policy hash differs)"
        );
    }
    if !t.frameworks.is_empty() {
        let mut tb = new_table(color);
        tb.set_header(vec![
            "Framework",
            "New",
            "Resolved",
            "Previous",
            "Current",
            "Change",
            "Failed controls",
        ]);
        for f in &t.frameworks {
            tb.add_row(vec![
                format!("{} ({})", f.name, f.id),
                f.new_findings.to_string(),
                f.resolved_findings.to_string(),
                fmt_score(f.previous_score),
                fmt_score(f.current_score),
                fmt_delta(f.delta),
                fmt_controls(f.previous_failed_controls, f.current_failed_controls),
            ]);
        }
        let _ = writeln!(out, "{tb}");
    }
    for (title, list) in [("New", &t.new), ("Resolved", &t.resolved)] {
        if list.is_empty() {
            continue;
        }
        let mut tb = new_table(color);
        tb.set_header(vec![
            "Severity",
            "Rule",
            "Resource",
            "Status",
            "Fingerprint",
        ]);
        for f in list {
            tb.add_row(vec![
                f.severity.to_string(),
                f.rule_id.clone(),
                f.resource_id.clone(),
                status_change(f),
                f.fingerprint.clone(),
            ]);
        }
        let _ = writeln!(out, "{title} failing findings ({}):\n{tb}", list.len());
    }
    out
}

/// `complyctl diff --format json`.
pub fn render_json(t: &Trend) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(t)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}").into_bytes());
    out.push(b'\n');
    out
}

/// Text in a Markdown table cell or line: no HTML, no table breaks, no emphasis surprises.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `complyctl diff --format markdown`: for a pull-request comment or a ticket.
pub fn render_markdown(t: &Trend) -> Vec<u8> {
    let mut s = String::new();
    let _ = writeln!(s, "## Compliance changes\n");
    let _ = writeln!(
        s,
        "Previous run {} (complyctl {}), current run {} (complyctl {}).\n",
        md_escape(&t.previous.started_at),
        md_escape(&t.previous.tool_version),
        md_escape(&t.current.started_at),
        md_escape(&t.current.tool_version)
    );
    let _ = writeln!(
        s,
        "**{} new**, **{} resolved**, {} unchanged failing findings.\n",
        t.counts.new, t.counts.resolved, t.counts.unchanged
    );
    if t.policy_changed() {
        let _ = writeln!(
            s,
            "> Note: the rule set changed between the two runs (policy hash differs).\n"
        );
    }
    if !t.frameworks.is_empty() {
        let _ = writeln!(s, "### Framework scores\n");
        let _ = writeln!(
            s,
            "| Framework | New | Resolved | Previous | Current | Change | Failed controls |\n|---|---:|---:|---:|---:|---:|---:|"
        );
        for f in &t.frameworks {
            let _ = writeln!(
                s,
                "| {} ({}) | {} | {} | {} | {} | {} | {} |",
                md_escape(&f.name),
                md_escape(&f.id),
                f.new_findings,
                f.resolved_findings,
                fmt_score(f.previous_score),
                fmt_score(f.current_score),
                fmt_delta(f.delta),
                fmt_controls(f.previous_failed_controls, f.current_failed_controls)
            );
        }
        s.push('\n');
    }
    for (title, list) in [("New failing findings", &t.new), ("Resolved", &t.resolved)] {
        let _ = writeln!(s, "### {title} ({})\n", list.len());
        if list.is_empty() {
            let _ = writeln!(s, "None.\n");
            continue;
        }
        let _ = writeln!(
            s,
            "| Severity | Rule | Resource | Status | Fingerprint |\n|---|---|---|---|---|"
        );
        for f in list {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                f.severity,
                md_escape(&f.rule_id),
                md_escape(&f.resource_id),
                status_change(f),
                md_escape(&f.fingerprint)
            );
        }
        s.push('\n');
    }
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn finding(fp: &str, rule: &str, severity: &str, status: &str) -> serde_json::Value {
        json!({
            "rule_id": rule, "title": format!("{rule} title"), "severity": severity,
            "status": status, "message": "m",
            "resource": {"id": format!("res.{fp}"), "kind": "aws.s3.bucket",
                         "source": "terraform-plan", "name": fp, "account": null,
                         "region": null, "location": null},
            "controls": {}, "fingerprint": fp
        })
    }

    fn report(
        findings: Vec<serde_json::Value>,
        frameworks: serde_json::Value,
        policy_hash: &str,
    ) -> Report {
        let v = json!({
            "schema_version": 1,
            "tool": {"name": "complyctl", "version": "0.1.0"},
            "scan": {"started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T00:00:00Z",
                     "sources": [], "policy_hash": policy_hash},
            "summary": {"resources": 0, "rules": 0,
                        "by_status": {"pass": 0, "fail": 0, "unknown": 0, "error": 0, "waived": 0}},
            "findings": findings, "frameworks": frameworks, "errors": []
        });
        Report::from_json(&serde_json::to_vec(&v).unwrap()).unwrap()
    }

    fn fw(id: &str, score: Option<f64>, fail: u64, rules: &[&str]) -> serde_json::Value {
        json!({"id": id, "name": id.to_uppercase(), "version": "1",
               "controls": [{"id": "C1", "title": "t", "status": "fail", "rules": rules,
                             "counts": {"pass": 0, "fail": 0, "unknown": 0, "error": 0, "waived": 0}}],
               "control_counts": {"pass": 1, "fail": fail, "unknown": 0, "error": 0, "manual": 0, "not_applicable": 0},
               "score": score})
    }

    #[test]
    fn failing_findings_are_matched_by_fingerprint() {
        let old = report(
            vec![
                finding("a", "R.ONE", "high", "fail"),
                finding("b", "R.ONE", "high", "fail"),
                finding("c", "R.TWO", "low", "baseline"),
                finding("d", "R.TWO", "low", "fail"),
                finding("e", "R.TWO", "low", "pass"),
            ],
            json!([
                fw("x", Some(50.0), 1, &["R.ONE"]),
                fw("gone", Some(10.0), 2, &[])
            ]),
            "p1",
        );
        let new = report(
            vec![
                finding("a", "R.ONE", "high", "fail"),         // unchanged
                finding("b", "R.ONE", "high", "pass"),         // resolved: fixed
                finding("c", "R.TWO", "low", "fail"),          // unchanged: baseline is failing
                finding("d", "R.TWO", "low", "waived"),        // resolved: accepted
                finding("e", "R.TWO", "low", "fail"),          // new: used to pass
                finding("f", "R.ONE", "critical", "baseline"), // new resource
            ],
            json!([
                fw("x", Some(62.5), 0, &["R.ONE"]),
                fw("added", None, 0, &[])
            ]),
            "p2",
        );
        let t = compare(&old, &new);
        let fps = |v: &[TrendFinding]| v.iter().map(|f| f.fingerprint.clone()).collect::<Vec<_>>();
        // Most severe first.
        assert_eq!(fps(&t.new), ["f", "e"]);
        assert_eq!(fps(&t.resolved), ["b", "d"]);
        assert_eq!(fps(&t.unchanged), ["a", "c"]);
        assert_eq!(
            t.counts,
            TrendCounts {
                new: 2,
                resolved: 2,
                unchanged: 2
            }
        );
        assert_eq!(t.new[0].previous_status, None);
        assert_eq!(t.new[1].previous_status, Some(Status::Pass));
        assert_eq!(t.resolved[1].current_status, Some(Status::Waived));
        assert!(t.policy_changed());

        let ids: Vec<&str> = t.frameworks.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["added", "gone", "x"]);
        let x = &t.frameworks[2];
        assert_eq!(x.delta, Some(12.5));
        assert_eq!((x.new_findings, x.resolved_findings), (1, 1));
        assert_eq!(
            (x.previous_failed_controls, x.current_failed_controls),
            (Some(1), Some(0))
        );
        assert_eq!(t.frameworks[0].previous_score, None);
        assert_eq!(t.frameworks[0].delta, None);
        assert_eq!(t.frameworks[1].current_failed_controls, None);

        let md = String::from_utf8(render_markdown(&t)).unwrap();
        assert!(
            md.contains("| X (x) | 1 | 1 | 50.0% | 62.5% | +12.5 | 1 -> 0 |"),
            "{md}"
        );
        assert!(md.contains("R.ONE | res.f | absent -> baseline"), "{md}");
        let text = render_text(&t, false);
        assert!(text.contains("2 new, 2 resolved, 2 unchanged failing findings"));
        assert!(text.contains("rule set changed"));
    }

    #[test]
    fn markdown_cells_cannot_inject() {
        assert_eq!(
            md_escape("<b>a|b</b>\n*x* [l](u) `c`"),
            "&lt;b&gt;a\\|b&lt;/b&gt; \\*x\\* \\[l\\](u) \\`c\\`"
        );
        assert_eq!(fmt_delta(Some(-0.5)), "-0.5");
        assert_eq!(fmt_delta(Some(0.0)), "0.0");
        assert_eq!(fmt_score(None), "-");
    }
}
