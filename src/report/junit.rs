//! JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps, GitHub test-report actions).
//!
//! One `<testsuite>` per framework pack in the report (a finding appears in every pack its rule
//! is mapped to; findings of rules no pack maps go to a suite of their own), or one per rule when
//! the report has no frameworks. One `<testcase>` per (rule, resource): `classname` is the rule
//! id, `name` the resource id.
//!
//! | finding status | testcase |
//! |---|---|
//! | pass | passes (no child element) |
//! | fail | `<failure message=… type=SEVERITY>` with the message and the remediation |
//! | unknown, error | `<error message=… type=unknown\|error>` |
//! | waived, baseline | `<skipped message=…>` with the waiver reason / "in baseline" |
//!
//! The shape follows the common Jenkins/GitLab JUnit schema; `tests/schemas/junit.xsd` is the
//! schema the tests validate against.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Finding, Report, RuleInfo};
use crate::engine::Status;

/// JUnit rendering has no knobs yet; the struct keeps the signature uniform across formats.
#[derive(Debug, Clone, Default)]
pub struct Options {}

/// Suite name for findings of rules that no framework pack in the report maps.
pub const UNMAPPED_SUITE: &str = "complyctl: rules not mapped to a framework";

struct Suite<'a> {
    name: String,
    properties: Vec<(String, String)>,
    cases: Vec<&'a Finding>,
}

#[derive(Default)]
struct Tally {
    tests: u64,
    failures: u64,
    errors: u64,
    skipped: u64,
}

impl Tally {
    fn add(&mut self, f: &Finding) {
        self.tests += 1;
        match f.status {
            Status::Pass => {}
            Status::Fail => self.failures += 1,
            Status::Unknown | Status::Error => self.errors += 1,
            Status::Waived | Status::Baseline => self.skipped += 1,
        }
    }
}

fn suites(report: &Report) -> Vec<Suite<'_>> {
    let mut out = Vec::new();
    if report.frameworks.is_empty() {
        let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for f in &report.findings {
            by_rule.entry(f.rule_id.as_str()).or_default().push(f);
        }
        // Rules without findings (no resource of their kind) still get an empty suite.
        for r in &report.rules {
            by_rule.entry(r.id.as_str()).or_default();
        }
        for (rule, cases) in by_rule {
            let mut properties = Vec::new();
            if let Some(r) = report.rules.iter().find(|r| r.id == rule) {
                properties.push(("title".to_string(), r.title.clone()));
                properties.push(("severity".to_string(), r.severity.to_string()));
            }
            out.push(Suite {
                name: rule.to_string(),
                properties,
                cases,
            });
        }
        return out;
    }
    for fw in &report.frameworks {
        let mut properties = vec![
            ("framework.id".to_string(), fw.id.clone()),
            ("framework.name".to_string(), fw.name.clone()),
            ("framework.version".to_string(), fw.version.clone()),
        ];
        if let Some(s) = fw.score {
            properties.push(("framework.score".to_string(), format!("{s:.1}")));
        }
        out.push(Suite {
            name: fw.id.clone(),
            properties,
            cases: report
                .findings
                .iter()
                .filter(|f| f.controls.get(&fw.id).is_some_and(|c| !c.is_empty()))
                .collect(),
        });
    }
    let unmapped: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| {
            !report
                .frameworks
                .iter()
                .any(|fw| f.controls.get(&fw.id).is_some_and(|c| !c.is_empty()))
        })
        .collect();
    if !unmapped.is_empty() {
        out.push(Suite {
            name: UNMAPPED_SUITE.to_string(),
            properties: Vec::new(),
            cases: unmapped,
        });
    }
    out
}

/// `2026-01-01T00:00:00Z` -> `2026-01-01T00:00:00` (JUnit timestamps carry no zone; ours are UTC).
fn junit_timestamp(rfc3339: &str) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(
        t.with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string(),
    )
}

pub fn render(report: &Report, _opts: &Options) -> Vec<u8> {
    let rules: BTreeMap<&str, &RuleInfo> =
        report.rules.iter().map(|r| (r.id.as_str(), r)).collect();
    let suites = suites(report);
    let mut total = Tally::default();
    for s in &suites {
        for f in &s.cases {
            total.add(f);
        }
    }
    // The collection-error suite below: one erroring test case per error.
    total.tests += report.errors.len() as u64;
    total.errors += report.errors.len() as u64;
    let timestamp = junit_timestamp(&report.scan.started_at);

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\">",
        attr(&format!("{} {}", report.tool.name, report.tool.version)),
        total.tests,
        total.failures,
        total.errors,
        total.skipped
    );
    for (i, s) in suites.iter().enumerate() {
        let mut t = Tally::default();
        for f in &s.cases {
            t.add(f);
        }
        let _ = write!(
            out,
            "  <testsuite name=\"{}\" id=\"{i}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\"",
            attr(&s.name),
            t.tests,
            t.failures,
            t.errors,
            t.skipped
        );
        if let Some(ts) = &timestamp {
            let _ = write!(out, " timestamp=\"{ts}\"");
        }
        out.push_str(">\n");
        if !s.properties.is_empty() {
            out.push_str("    <properties>\n");
            for (k, v) in &s.properties {
                let _ = writeln!(
                    out,
                    "      <property name=\"{}\" value=\"{}\"/>",
                    attr(k),
                    attr(v)
                );
            }
            out.push_str("    </properties>\n");
        }
        for f in &s.cases {
            testcase(&mut out, f, rules.get(f.rule_id.as_str()).copied());
        }
        out.push_str("  </testsuite>\n");
    }
    if !report.errors.is_empty() {
        // Collection errors belong to no rule: report them as one erroring suite so CI shows them.
        let _ = writeln!(
            out,
            "  <testsuite name=\"complyctl: collection\" id=\"{}\" tests=\"{}\" failures=\"0\" errors=\"{}\" skipped=\"0\" time=\"0\">",
            suites.len(),
            report.errors.len(),
            report.errors.len()
        );
        for e in &report.errors {
            let name = format!(
                "{} {} {} {}",
                e.source,
                e.service,
                e.region.as_deref().unwrap_or("-"),
                e.operation
            );
            let _ = writeln!(
                out,
                "    <testcase classname=\"collection\" name=\"{}\" time=\"0\">\n      <error message=\"{}\" type=\"collection\">{}</error>\n    </testcase>",
                attr(&name),
                attr(&e.message),
                text(&e.message)
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out.into_bytes()
}

fn testcase(out: &mut String, f: &Finding, rule: Option<&RuleInfo>) {
    let _ = write!(
        out,
        "    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
        attr(&f.rule_id),
        attr(&f.resource.id)
    );
    if let Some(loc) = &f.resource.location {
        let _ = write!(out, " file=\"{}\"", attr(&loc.file));
    }
    let where_ = f
        .resource
        .location
        .as_ref()
        .map(|l| match l.line {
            Some(n) => format!("{}:{n}", l.file),
            None => l.file.clone(),
        })
        .unwrap_or_default();
    match f.status {
        Status::Pass => out.push_str("/>\n"),
        Status::Fail => {
            let mut body = format!("{}\n\nResource: {}", f.message, f.resource.id);
            if !where_.is_empty() {
                let _ = write!(body, " ({where_})");
            }
            if let Some(r) = rule {
                let _ = write!(body, "\n\nRemediation: {}", r.remediation);
            }
            let controls = controls_line(f);
            if !controls.is_empty() {
                let _ = write!(body, "\n\nControls: {controls}");
            }
            let _ = write!(
                out,
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                attr(&f.message),
                f.severity,
                text(&body)
            );
        }
        Status::Unknown | Status::Error => {
            let mut body = f.message.clone();
            if f.status == Status::Unknown {
                body.push_str(
                    "\n\nThe rule cannot decide from the input (a value known only at apply time, or an ambiguous link); complyctl fails closed.",
                );
            }
            let _ = write!(
                out,
                ">\n      <error message=\"{}\" type=\"{}\">{}</error>\n    </testcase>\n",
                attr(&f.message),
                f.status.as_str(),
                text(&body)
            );
        }
        Status::Waived | Status::Baseline => {
            let reason = skip_reason(f);
            let _ = write!(
                out,
                ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                attr(&reason)
            );
        }
    }
}

fn skip_reason(f: &Finding) -> String {
    match (&f.status, &f.waiver) {
        (Status::Waived, Some(w)) => {
            let mut s = format!("waived: {}", w.reason);
            if let Some(o) = &w.owner {
                let _ = write!(s, " (owner {o})");
            }
            if let Some(e) = &w.expires {
                let _ = write!(s, " until {e}");
            }
            s
        }
        (Status::Waived, None) => "waived".to_string(),
        _ => "in baseline".to_string(),
    }
}

fn controls_line(f: &Finding) -> String {
    f.controls
        .iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(fw, ids)| format!("{fw} {}", ids.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Characters XML 1.0 allows; anything else becomes U+FFFD.
fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}' => c,
        _ => '\u{FFFD}',
    }
}

/// Escape for an attribute value (quotes, and line breaks kept as character references).
pub fn attr(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars().map(xml_char) {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\n' => o.push_str("&#10;"),
            '\r' => o.push_str("&#13;"),
            '\t' => o.push_str("&#9;"),
            c => o.push(c),
        }
    }
    o
}

/// Escape for element text.
pub fn text(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars().map(xml_char) {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '\r' => o.push_str("&#13;"),
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            attr("a\"b<c>&'\n\u{1}"),
            "a&quot;b&lt;c&gt;&amp;&apos;&#10;\u{FFFD}"
        );
        assert_eq!(text("x < y && z\r\n"), "x &lt; y &amp;&amp; z&#13;\n");
    }

    #[test]
    fn timestamps() {
        assert_eq!(
            junit_timestamp("2026-01-01T00:00:00Z").as_deref(),
            Some("2026-01-01T00:00:00")
        );
        assert_eq!(
            junit_timestamp("2026-01-01T02:00:00+02:00").as_deref(),
            Some("2026-01-01T00:00:00")
        );
        assert_eq!(junit_timestamp("yesterday"), None);
    }
}
