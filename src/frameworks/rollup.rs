//! Control status from findings: fail if any mapped finding fails, error/unknown if any could
//! not be decided, pass if all pass, not_applicable without resources, manual without rules.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Frameworks;
use crate::engine::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    Pass,
    Fail,
    Unknown,
    Error,
    Manual,
    NotApplicable,
}

impl ControlStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ControlStatus::Pass => "pass",
            ControlStatus::Fail => "fail",
            ControlStatus::Unknown => "unknown",
            ControlStatus::Error => "error",
            ControlStatus::Manual => "manual",
            ControlStatus::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub pass: u64,
    pub fail: u64,
    pub unknown: u64,
    pub error: u64,
    pub waived: u64,
    #[serde(default)]
    pub baseline: u64,
}

impl Counts {
    pub fn add(&mut self, s: Status) {
        match s {
            Status::Pass => self.pass += 1,
            Status::Fail => self.fail += 1,
            Status::Unknown => self.unknown += 1,
            Status::Error => self.error += 1,
            Status::Waived => self.waived += 1,
            Status::Baseline => self.baseline += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlResult {
    pub id: String,
    pub title: String,
    pub status: ControlStatus,
    pub rules: Vec<String>,
    pub counts: Counts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlCounts {
    pub pass: u64,
    pub fail: u64,
    pub unknown: u64,
    pub error: u64,
    pub manual: u64,
    pub not_applicable: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkResult {
    pub id: String,
    pub name: String,
    pub version: String,
    pub controls: Vec<ControlResult>,
    pub control_counts: ControlCounts,
    /// Percentage of decided, applicable automated controls that pass; null when none apply.
    pub score: Option<f64>,
}

/// Roll rule statuses up to controls. `statuses` holds, per rule id, the status of each finding.
pub fn rollup(
    frameworks: &Frameworks,
    statuses: &BTreeMap<String, Vec<Status>>,
) -> Vec<FrameworkResult> {
    frameworks
        .packs
        .iter()
        .map(|fw| {
            let mut cc = ControlCounts::default();
            let controls: Vec<ControlResult> = fw
                .controls
                .iter()
                .map(|c| {
                    let mut counts = Counts::default();
                    for r in &c.rules {
                        for s in statuses.get(r).into_iter().flatten() {
                            counts.add(*s);
                        }
                    }
                    let total =
                        counts.pass + counts.fail + counts.unknown + counts.error + counts.waived;
                    // A baseline finding still fails its control: the baseline only stops it
                    // from failing the build. A waived one counts as accepted risk.
                    let status = if c.rules.is_empty() {
                        ControlStatus::Manual
                    } else if counts.fail + counts.baseline > 0 {
                        ControlStatus::Fail
                    } else if counts.error > 0 {
                        ControlStatus::Error
                    } else if counts.unknown > 0 {
                        ControlStatus::Unknown
                    } else if total == 0 {
                        ControlStatus::NotApplicable
                    } else {
                        ControlStatus::Pass
                    };
                    match status {
                        ControlStatus::Pass => cc.pass += 1,
                        ControlStatus::Fail => cc.fail += 1,
                        ControlStatus::Unknown => cc.unknown += 1,
                        ControlStatus::Error => cc.error += 1,
                        ControlStatus::Manual => cc.manual += 1,
                        ControlStatus::NotApplicable => cc.not_applicable += 1,
                    }
                    ControlResult {
                        id: c.id.clone(),
                        title: c.title.clone(),
                        status,
                        rules: c.rules.clone(),
                        counts,
                    }
                })
                .collect();
            let decided = cc.pass + cc.fail + cc.unknown + cc.error;
            let score =
                (decided > 0).then(|| ((cc.pass as f64) * 1000.0 / decided as f64).round() / 10.0);
            FrameworkResult {
                id: fw.id.clone(),
                name: fw.name.clone(),
                version: fw.version.clone(),
                controls,
                control_counts: cc,
                score,
            }
        })
        .collect()
}
