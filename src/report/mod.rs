//! The report model every output format renders, and one module per format.
//! A reporter is a pure function of the report: it never evaluates anything.

pub mod asff;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod table;
pub mod trend;

use std::collections::BTreeMap;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::{Severity, Status};
use crate::frameworks::rollup::FrameworkResult;
use crate::inventory::{CollectionError, Kind, Location, Skipped, SourceInfo, SourceType};

pub const REPORT_SCHEMA_VERSION: u32 = 1;

/// Every output format, as named on the command line and in the config file.
pub const FORMATS: &[&str] = &[
    "table", "json", "sarif", "junit", "markdown", "asff", "html",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub scan: ScanInfo,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub frameworks: Vec<FrameworkResult>,
    /// The rules that were evaluated, with the text reporters show (SARIF rules, HTML).
    #[serde(default)]
    pub rules: Vec<RuleInfo>,
    pub errors: Vec<CollectionError>,
    /// Things the user should fix that do not stop the scan: expired or stale waivers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// What changed since a previous report (`scan --previous OLD.json`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<trend::Trend>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanInfo {
    pub started_at: String,
    pub finished_at: String,
    pub sources: Vec<SourceInfo>,
    /// SHA-256 identifying the rule set: over the sorted SHA-256s of the loaded `.rego`
    /// modules (tests excluded). Absent in reports written before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_hash: Option<String>,
    /// SHA-256 of the canonical inventory JSON (the bytes `complyctl inventory` prints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_sha256: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ByStatus {
    pub pass: u64,
    pub fail: u64,
    pub unknown: u64,
    pub error: u64,
    pub waived: u64,
    #[serde(default)]
    pub baseline: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub resources: u64,
    pub rules: u64,
    pub by_status: ByStatus,
    #[serde(default)]
    pub skipped: Skipped,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceRef {
    pub id: String,
    pub kind: Kind,
    pub source: SourceType,
    pub name: String,
    pub account: Option<String>,
    pub region: Option<String>,
    pub location: Option<Location>,
    /// The resource's tags (ASFF `Resources[].Tags`); omitted when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    pub status: Status,
    pub message: String,
    pub resource: Shared<ResourceRef>,
    pub controls: Controls,
    pub fingerprint: String,
    /// Why a `waived` finding is accepted; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
}

/// An accepted risk: from the config file (`waivers:`) or a `complyctl:waive:<RULE_ID>` tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// YYYY-MM-DD; the waiver stops applying after this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// `config` or `tag`.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleInfo {
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub kind: Kind,
    pub remediation: String,
    /// Framework id -> control ids this rule evidences, for the packs in scope.
    #[serde(default, skip_serializing_if = "no_controls")]
    pub controls: Controls,
    /// Links the rule's metadata cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// A built-in rule (documented in docs/rules.md); false for --policy-dir rules.
    #[serde(default)]
    pub builtin: bool,
}

/// A value many findings hold in common, shared (`Arc`) instead of copied: a large scan has
/// hundreds of thousands of findings, and per-finding copies of the rule's control map and of
/// the resource were most of a 100k-resource report's memory. It reads (`Deref`) and
/// serializes exactly like the value itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shared<T>(Arc<T>);

impl<T: Clone> Shared<T> {
    /// The value, to change it: copied first if other holders share it.
    pub fn make_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared<T>, D::Error> {
        T::deserialize(d).map(Shared::from)
    }
}

/// Framework id -> the control ids a rule evidences; one map per rule, shared by the rule's
/// [`RuleInfo`] and all its findings.
pub type Controls = Shared<BTreeMap<String, Vec<String>>>;

fn no_controls(c: &Controls) -> bool {
    c.is_empty()
}

/// `<framework>/<control>` strings for a control mapping, at most `max`. When they all fit they
/// come grouped by framework; when they do not, they are taken round-robin across frameworks
/// (first control of each, then the second, ...), so a cap never drops a whole framework.
pub fn control_refs(controls: &BTreeMap<String, Vec<String>>, max: usize) -> Vec<String> {
    let total: usize = controls.values().map(Vec::len).sum();
    if total <= max {
        return controls
            .iter()
            .flat_map(|(fw, ids)| ids.iter().map(move |c| format!("{fw}/{c}")))
            .collect();
    }
    let mut out = Vec::with_capacity(max);
    let mut round = 0;
    while out.len() < max {
        let mut any = false;
        for (fw, ids) in controls {
            if let Some(c) = ids.get(round) {
                any = true;
                if out.len() < max {
                    out.push(format!("{fw}/{c}"));
                }
            }
        }
        if !any {
            break;
        }
        round += 1;
    }
    out
}

/// Link to a built-in rule's section of docs/rules.md in the repository (`Cargo.toml`
/// `repository`); SARIF `helpUri` and ASFF `SourceUrl` use it.
pub fn rule_doc_url(rule_id: &str) -> String {
    format!(
        "{}/blob/main/docs/rules.md#{}",
        env!("CARGO_PKG_REPOSITORY").trim_end_matches('/'),
        rule_id.to_lowercase()
    )
}

/// Why a saved report cannot be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReportLoadError {
    #[error("at `{at}`: {message}")]
    Invalid { at: String, message: String },
    #[error("report schema_version {0} is not supported (expected {REPORT_SCHEMA_VERSION})")]
    Version(u32),
}

impl Report {
    /// Findings a reader must look at (fail, unknown, error): failures first, most severe
    /// first, then by rule and resource, so every human-facing format lists them alike.
    pub fn attention_findings(&self) -> Vec<&Finding> {
        let mut shown: Vec<&Finding> = self
            .findings
            .iter()
            .filter(|f| matches!(f.status, Status::Fail | Status::Unknown | Status::Error))
            .collect();
        shown.sort_by(|a, b| {
            (
                b.status == Status::Fail,
                b.severity,
                &a.rule_id,
                &a.resource.id,
            )
                .cmp(&(
                    a.status == Status::Fail,
                    a.severity,
                    &b.rule_id,
                    &b.resource.id,
                ))
        });
        shown
    }

    /// A JSON report as `--format json` writes it (older reports of the same schema too).
    pub fn from_json(bytes: &[u8]) -> Result<Report, ReportLoadError> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let report: Report =
            serde_path_to_error::deserialize(&mut de).map_err(|e| ReportLoadError::Invalid {
                at: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        if report.schema_version != REPORT_SCHEMA_VERSION {
            return Err(ReportLoadError::Version(report.schema_version));
        }
        Ok(report)
    }

    pub fn count(&self, status: Status) -> u64 {
        self.findings.iter().filter(|f| f.status == status).count() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_refs_group_when_they_fit_and_interleave_when_capped() {
        let c: BTreeMap<String, Vec<String>> = BTreeMap::from([
            (
                "a".to_string(),
                vec!["1".to_string(), "2".to_string(), "3".to_string()],
            ),
            ("b".to_string(), vec!["x".to_string()]),
        ]);
        assert_eq!(control_refs(&c, 4), ["a/1", "a/2", "a/3", "b/x"]);
        assert_eq!(control_refs(&c, 3), ["a/1", "b/x", "a/2"]);
        assert_eq!(control_refs(&c, 0), Vec::<String>::new());
        assert!(control_refs(&BTreeMap::new(), 5).is_empty());
    }
}
