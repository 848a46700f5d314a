//! After evaluation, before roll-up: accepted risks (waivers) and known findings (baselines)
//! change a failing finding's status, so pipelines fail only on what they should.

pub mod baseline;

use chrono::NaiveDate;

use crate::config::{glob_match, WaiverConfig};
use crate::engine::Status;
use crate::inventory::Resource;
use crate::report::{Finding, Waiver};

pub use self::baseline::Baseline;

/// Tag prefix for waivers carried by the resource itself: `complyctl:waive:<RULE_ID>` = reason.
pub const WAIVE_TAG_PREFIX: &str = "complyctl:waive:";

#[derive(Debug, Clone, Default)]
pub struct Triage {
    pub waivers: Vec<WaiverConfig>,
    /// Honour waiver tags on resources.
    pub inline_waivers: bool,
    pub baseline: Option<Baseline>,
}

/// Statuses a waiver can accept: a failure, or a finding that could not be decided.
fn waivable(s: Status) -> bool {
    matches!(s, Status::Fail | Status::Unknown)
}

impl Triage {
    /// Apply waivers and the baseline to `findings` (paired with their resources); returns
    /// warnings for expired waivers and waivers that matched nothing.
    pub fn apply(&self, findings: &mut [(Finding, &Resource)], today: NaiveDate) -> Vec<String> {
        let mut warnings = Vec::new();
        let mut active: Vec<(usize, &WaiverConfig)> = Vec::new();
        for (i, w) in self.waivers.iter().enumerate() {
            let expired = w
                .expires
                .as_deref()
                .and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
                .is_some_and(|d| d < today);
            if expired {
                warnings.push(format!(
                    "waiver #{} (rule {}, resource {}{}) expired on {}: it no longer applies",
                    i + 1,
                    w.rule,
                    w.resource,
                    w.owner
                        .as_deref()
                        .map(|o| format!(", owner {o}"))
                        .unwrap_or_default(),
                    w.expires.as_deref().unwrap_or("")
                ));
            } else {
                active.push((i, w));
            }
        }
        let mut used = vec![false; self.waivers.len()];
        for (f, res) in findings.iter_mut() {
            if !waivable(f.status) {
                continue;
            }
            let from_config = active
                .iter()
                .find(|(_, w)| glob_match(&w.rule, &f.rule_id) && glob_match(&w.resource, &res.id));
            let waiver = if let Some((i, w)) = from_config {
                used[*i] = true;
                Some(Waiver {
                    reason: w.reason.clone(),
                    owner: w.owner.clone(),
                    expires: w.expires.clone(),
                    source: "config".into(),
                })
            } else if self.inline_waivers {
                res.tags
                    .get(&format!("{WAIVE_TAG_PREFIX}{}", f.rule_id))
                    .filter(|r| !r.trim().is_empty())
                    .map(|r| Waiver {
                        reason: r.clone(),
                        owner: None,
                        expires: None,
                        source: "tag".into(),
                    })
            } else {
                None
            };
            if let Some(w) = waiver {
                f.status = Status::Waived;
                f.waiver = Some(w);
            } else if f.status == Status::Fail
                && self
                    .baseline
                    .as_ref()
                    .is_some_and(|b| b.contains(&f.fingerprint))
            {
                f.status = Status::Baseline;
            }
        }
        for (i, w) in active {
            if !used[i] {
                warnings.push(format!(
                    "waiver #{} (rule {}, resource {}) matched no failing finding: it is stale or mistyped",
                    i + 1,
                    w.rule,
                    w.resource
                ));
            }
        }
        warnings
    }
}
