//! Baselines: the failing findings a repository already has, so a pull request fails only on
//! what it introduces. Matched by fingerprint (rule + resource identity, never line numbers).

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::Status;
use crate::report::Report;

pub const BASELINE_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule_id: String,
    pub resource_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub schema_version: u32,
    pub created_at: String,
    pub tool_version: String,
    pub findings: Vec<BaselineEntry>,
    #[serde(skip)]
    index: BTreeSet<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: at `{at}`: {message}")]
    Invalid {
        path: String,
        at: String,
        message: String,
    },
}

impl Baseline {
    /// The failing findings of a report.
    pub fn from_report(report: &Report) -> Baseline {
        let mut findings: Vec<BaselineEntry> = report
            .findings
            .iter()
            .filter(|f| matches!(f.status, Status::Fail | Status::Baseline))
            .map(|f| BaselineEntry {
                fingerprint: f.fingerprint.clone(),
                rule_id: f.rule_id.clone(),
                resource_id: f.resource.id.clone(),
            })
            .collect();
        findings.sort_by(|a, b| {
            (&a.rule_id, &a.resource_id, &a.fingerprint).cmp(&(
                &b.rule_id,
                &b.resource_id,
                &b.fingerprint,
            ))
        });
        findings.dedup();
        let index = findings.iter().map(|e| e.fingerprint.clone()).collect();
        Baseline {
            schema_version: BASELINE_SCHEMA_VERSION,
            created_at: report.scan.finished_at.clone(),
            tool_version: report.tool.version.clone(),
            findings,
            index,
        }
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
            path: shown.clone(),
            source,
        })?;
        let mut de = serde_json::Deserializer::from_str(&text);
        let mut b: Baseline =
            serde_path_to_error::deserialize(&mut de).map_err(|e| BaselineError::Invalid {
                path: shown.clone(),
                at: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        if b.schema_version != BASELINE_SCHEMA_VERSION {
            return Err(BaselineError::Invalid {
                path: shown,
                at: "schema_version".into(),
                message: format!(
                    "{} is not supported (expected {BASELINE_SCHEMA_VERSION})",
                    b.schema_version
                ),
            });
        }
        b.index = b.findings.iter().map(|e| e.fingerprint.clone()).collect();
        Ok(b)
    }

    pub fn contains(&self, fingerprint: &str) -> bool {
        self.index.contains(fingerprint)
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).unwrap_or_default();
        v.push(b'\n');
        v
    }
}
