//! SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps), built with `serde-sarif`.
//!
//! - `tool.driver.rules[]`: every rule in the report, sorted by id, with its title, description,
//!   help (why and how to fix), a link to its documentation, framework controls as tags
//!   (`fedramp-moderate/SC-28`) and GitHub's `security-severity`.
//! - `results[]`: `fail` findings (level by severity), `unknown` findings as notes (the rule
//!   could not decide: complyctl fails closed, a reviewer should look), and `waived` /
//!   `baseline` findings with an external, accepted `suppression`. Passes are not results.
//! - Each result has `partialFingerprints["complyctl/v1"]` (the finding fingerprint: rule and
//!   resource identity, never a line number), a logical location naming the resource, and a
//!   physical location (file relative to `%SRCROOT%`, start line) when the resource's block was
//!   found.
//! - `invocations[0]`: `executionSuccessful` is false when the scan is incomplete (collection
//!   errors or `error` findings, the exit-code-3 cases); each of them is a
//!   `toolExecutionNotification`.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, LogicalLocation, Message, MultiformatMessageString,
    Notification, PhysicalLocation, PropertyBag, Region, ReportingConfiguration,
    ReportingDescriptor, ReportingDescriptorReference, Result as SarifResult, ResultLevel, Run,
    Sarif, Suppression, Tool, ToolComponent,
};

use super::{control_refs, rule_doc_url, Finding, Report, RuleInfo};
use crate::engine::{Severity, Status};

/// The `$schema` written into every log.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// The key of [`SarifResult::partial_fingerprints`].
pub const FINGERPRINT_KEY: &str = "complyctl/v1";
/// The `uriBaseId` of every artifact location: the repository root (`--sarif-root`).
pub const SRCROOT: &str = "%SRCROOT%";
/// GitHub code scanning rejects a log with more than 20 tags on a rule (and shows 10).
pub const MAX_TAGS: usize = 20;
/// GitHub code scanning rejects a run with more than 25,000 results.
pub const MAX_RESULTS: usize = 25_000;

#[derive(Debug, Clone)]
pub struct Options {
    /// Emit `unknown` findings as `note` results (default). Off: only fail/waived/baseline.
    pub include_unknown: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_unknown: true,
        }
    }
}

/// GitHub's `security-severity` (a CVSS-like score as a string); none for `info`.
pub fn security_severity(s: Severity) -> Option<&'static str> {
    match s {
        Severity::Critical => Some("9.0"),
        Severity::High => Some("7.0"),
        Severity::Medium => Some("4.0"),
        Severity::Low => Some("2.0"),
        Severity::Info => None,
    }
}

/// Result level of a failing finding: critical/high error, medium/low warning, info note.
pub fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium | Severity::Low => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn level_str(l: ResultLevel) -> &'static str {
    match l {
        ResultLevel::Error => "error",
        ResultLevel::Warning => "warning",
        ResultLevel::Note => "note",
        ResultLevel::None => "none",
    }
}

/// `S3.VERSIONING` -> `S3Versioning`: SARIF's human-readable rule name.
fn rule_name(id: &str) -> String {
    id.split(['.', '_'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

/// Percent-encode a relative path for a URI reference (keeps `/`).
pub fn uri_path(path: &str) -> String {
    let mut o = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

fn control_tags(controls: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    controls
        .iter()
        .flat_map(|(fw, ids)| ids.iter().map(move |c| format!("{fw}/{c}")))
        .collect()
}

/// `security` (GitHub only applies `security-severity` to rules tagged so), then
/// `<framework>/<control>`, at most [`MAX_TAGS`] in all: past the cap they are taken
/// round-robin across frameworks, so the first tags (the ones GitHub displays) cover every pack.
fn rule_tags(controls: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut tags = vec!["security".to_string()];
    tags.extend(control_refs(controls, MAX_TAGS - 1));
    tags
}

fn descriptor(rule: &RuleInfo) -> ReportingDescriptor {
    let controls = control_tags(&rule.controls);
    let tags = rule_tags(&rule.controls);

    let mut text = rule.description.clone();
    let mut markdown = format!("{}\n\n{}", rule.title, rule.description);
    if !rule.remediation.trim().is_empty() {
        text.push_str(&format!("\n\nRemediation: {}", rule.remediation));
        markdown.push_str(&format!("\n\n**Remediation:** {}", rule.remediation));
    }
    if !controls.is_empty() {
        text.push_str(&format!("\n\nControls: {}", controls.join(", ")));
        markdown.push_str(&format!(
            "\n\n**Controls:** {}",
            controls
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !rule.references.is_empty() {
        text.push_str(&format!("\n\nReferences: {}", rule.references.join(" ")));
        markdown.push_str("\n\n**References:**\n");
        for r in &rule.references {
            markdown.push_str(&format!("\n- <{r}>"));
        }
    }

    let mut props: BTreeMap<String, Value> = BTreeMap::new();
    if let Some(s) = security_severity(rule.severity) {
        props.insert("security-severity".to_string(), json!(s));
    }
    props.insert(
        "complyctl/severity".to_string(),
        json!(rule.severity.as_str()),
    );
    props.insert("complyctl/kind".to_string(), json!(rule.kind.as_str()));
    // The full mapping; the tags hold at most MAX_TAGS of it.
    props.insert("complyctl/controls".to_string(), json!(rule.controls));

    let short = MultiformatMessageString::builder()
        .text(rule.title.clone())
        .build();
    let full = MultiformatMessageString::builder()
        .text(if rule.description.trim().is_empty() {
            rule.title.clone()
        } else {
            rule.description.clone()
        })
        .build();
    let help = MultiformatMessageString::builder()
        .text(text)
        .markdown(markdown)
        .build();
    let config = ReportingConfiguration::builder()
        .level(json!(level_str(level(rule.severity))))
        .build();
    let properties = PropertyBag::builder()
        .tags(tags)
        .additional_properties(props)
        .build();
    let d = ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule_name(&rule.id))
        .short_description(short)
        .full_description(full)
        .help(help)
        .default_configuration(config)
        .properties(properties);
    let mut r = d.build();
    // --policy-dir rules have no page in the repository.
    if rule.builtin {
        r.help_uri = Some(rule_doc_url(&rule.id));
    }
    r
}

/// A stand-in rule for findings whose rule is missing from `report.rules` (older reports).
fn rule_from_finding(f: &Finding) -> RuleInfo {
    RuleInfo {
        id: f.rule_id.clone(),
        title: f.title.clone(),
        description: f.title.clone(),
        severity: f.severity,
        kind: f.resource.kind,
        remediation: String::new(),
        controls: f.controls.clone(),
        references: Vec::new(),
        builtin: false,
    }
}

fn location(f: &Finding) -> Location {
    let logical = LogicalLocation::builder()
        .name(f.resource.name.clone())
        .fully_qualified_name(f.resource.id.clone())
        .kind(f.resource.kind.as_str().to_string())
        .build();
    let physical = f.resource.location.as_ref().map(|l| {
        let artifact = ArtifactLocation::builder()
            .uri(uri_path(&l.file))
            .uri_base_id(SRCROOT.to_string())
            .build();
        match l.line.filter(|n| *n >= 1) {
            Some(n) => PhysicalLocation::builder()
                .artifact_location(artifact)
                .region(Region::builder().start_line(i64::from(n)).build())
                .build(),
            None => PhysicalLocation::builder()
                .artifact_location(artifact)
                .build(),
        }
    });
    match physical {
        Some(p) => Location::builder()
            .physical_location(p)
            .logical_locations(vec![logical])
            .build(),
        None => Location::builder().logical_locations(vec![logical]).build(),
    }
}

fn result(f: &Finding, rule_index: Option<usize>) -> Option<SarifResult> {
    let (lvl, text) = match f.status {
        Status::Fail | Status::Waived | Status::Baseline => (
            level(f.severity),
            format!("{}: {}", f.resource.id, f.message),
        ),
        Status::Unknown => (
            ResultLevel::Note,
            format!(
                "{}: cannot be decided from the input, review it: {}",
                f.resource.id, f.message
            ),
        ),
        Status::Pass | Status::Error => return None,
    };
    let suppression = match f.status {
        Status::Waived => {
            let mut props: BTreeMap<String, Value> = BTreeMap::new();
            let justification = match &f.waiver {
                Some(w) => {
                    props.insert("complyctl/waiver-source".into(), json!(w.source));
                    if let Some(o) = &w.owner {
                        props.insert("complyctl/waiver-owner".into(), json!(o));
                    }
                    if let Some(e) = &w.expires {
                        props.insert("complyctl/waiver-expires".into(), json!(e));
                    }
                    w.reason.clone()
                }
                None => "waived".to_string(),
            };
            Some(
                Suppression::builder()
                    .kind(json!("external"))
                    .status(json!("accepted"))
                    .justification(justification)
                    .properties(PropertyBag::builder().additional_properties(props).build())
                    .build(),
            )
        }
        Status::Baseline => Some(
            Suppression::builder()
                .kind(json!("external"))
                .status(json!("accepted"))
                .justification("in baseline".to_string())
                .build(),
        ),
        _ => None,
    };
    let mut props: BTreeMap<String, Value> = BTreeMap::new();
    props.insert("complyctl/status".into(), json!(f.status.as_str()));
    props.insert("complyctl/severity".into(), json!(f.severity.as_str()));
    let mut fp = BTreeMap::new();
    fp.insert(FINGERPRINT_KEY.to_string(), f.fingerprint.clone());

    let mut r = SarifResult::builder()
        .rule_id(f.rule_id.clone())
        .level(lvl)
        .message(Message::builder().text(text).build())
        .locations(vec![location(f)])
        .partial_fingerprints(fp)
        .properties(PropertyBag::builder().additional_properties(props).build())
        .build();
    r.rule_index = rule_index.and_then(|i| i64::try_from(i).ok());
    r.suppressions = suppression.map(|s| vec![s]);
    Some(r)
}

/// The SARIF log as a value (for callers that post-process it).
pub fn log(report: &Report, opts: &Options) -> Sarif {
    // Rules, sorted by id; plus stand-ins for findings whose rule is not listed.
    let mut rules: BTreeMap<String, RuleInfo> = report
        .rules
        .iter()
        .map(|r| (r.id.clone(), r.clone()))
        .collect();
    for f in &report.findings {
        rules
            .entry(f.rule_id.clone())
            .or_insert_with(|| rule_from_finding(f));
    }
    let index: BTreeMap<&str, usize> = rules
        .keys()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let descriptors: Vec<ReportingDescriptor> = rules.values().map(descriptor).collect();

    let mut shown: Vec<usize> = (0..report.findings.len())
        .filter(|i| match report.findings[*i].status {
            Status::Fail | Status::Waived | Status::Baseline => true,
            Status::Unknown => opts.include_unknown,
            Status::Pass | Status::Error => false,
        })
        .collect();
    let mut notifications = Vec::new();
    if shown.len() > MAX_RESULTS {
        // Keep the most important: failing, then suppressed, then unknown; most severe first.
        let rank = |i: &usize| {
            let f = &report.findings[*i];
            let r = match f.status {
                Status::Fail => 0,
                Status::Waived | Status::Baseline => 1,
                _ => 2,
            };
            (r, std::cmp::Reverse(f.severity), *i)
        };
        shown.sort_by_key(rank);
        let omitted = shown.len() - MAX_RESULTS;
        shown.truncate(MAX_RESULTS);
        shown.sort_unstable();
        notifications.push(
            Notification::builder()
                .level(json!("warning"))
                .message(
                    Message::builder()
                        .text(format!(
                            "{omitted} results omitted: code scanning accepts at most {MAX_RESULTS} per run; the JSON report has them all"
                        ))
                        .build(),
                )
                .build(),
        );
    }
    let results: Vec<SarifResult> = shown
        .into_iter()
        .filter_map(|i| {
            let f = &report.findings[i];
            result(f, index.get(f.rule_id.as_str()).copied())
        })
        .collect();

    for e in &report.errors {
        notifications.push(
            Notification::builder()
                .level(json!("error"))
                .message(
                    Message::builder()
                        .text(format!(
                            "collection error: {} {} {} {}: {}",
                            e.source,
                            e.service,
                            e.region.as_deref().unwrap_or("-"),
                            e.operation,
                            e.message
                        ))
                        .build(),
                )
                .build(),
        );
    }
    for f in report.findings.iter().filter(|f| f.status == Status::Error) {
        let mut rule_ref = ReportingDescriptorReference::builder()
            .id(f.rule_id.clone())
            .build();
        rule_ref.index = index
            .get(f.rule_id.as_str())
            .and_then(|i| i64::try_from(*i).ok());
        notifications.push(
            Notification::builder()
                .level(json!("error"))
                .associated_rule(rule_ref)
                .locations(vec![location(f)])
                .message(
                    Message::builder()
                        .text(format!(
                            "{} could not be evaluated on {}: {}",
                            f.rule_id, f.resource.id, f.message
                        ))
                        .build(),
                )
                .build(),
        );
    }
    let successful =
        report.errors.is_empty() && !report.findings.iter().any(|f| f.status == Status::Error);
    let mut invocation = Invocation::builder()
        .execution_successful(successful)
        .start_time_utc(report.scan.started_at.clone())
        .end_time_utc(report.scan.finished_at.clone())
        .build();
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }

    let driver = ToolComponent::builder()
        .name(report.tool.name.clone())
        .version(report.tool.version.clone())
        .semantic_version(report.tool.version.clone())
        .information_uri(env!("CARGO_PKG_REPOSITORY").to_string())
        .rules(descriptors)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .invocations(vec![invocation])
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA_URI.to_string())
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

pub fn render(report: &Report, opts: &Options) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&log(report, opts))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}").into_bytes());
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(rule_name("S3.VERSIONING"), "S3Versioning");
        assert_eq!(rule_name("EC2.SG_OPEN_SSH"), "Ec2SgOpenSsh");
        assert_eq!(uri_path("modules/a b/main.tf"), "modules/a%20b/main.tf");
        assert_eq!(uri_path("../x:y/é.tf"), "../x%3Ay/%C3%A9.tf");
    }
}
