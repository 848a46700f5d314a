//! Framework packs (`frameworks/<id>.yaml`): the only place rule -> control mappings live.
//! Loading validates them against the loaded rules; `rollup` turns findings into control status.

pub mod rollup;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::engine::policy_set::EMBEDDED_FRAMEWORKS;
use crate::engine::PolicySet;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub version: String,
    pub source: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub control_id_pattern: Option<String>,
    /// Rule parameter values this framework demands (e.g. 16-character passwords).
    #[serde(default)]
    pub params: BTreeMap<String, Value>,
    pub controls: Vec<Control>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub manual: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct FrameworkError(pub String);

/// All loaded packs, in id order.
#[derive(Debug, Clone, Default)]
pub struct Frameworks {
    pub packs: Vec<Framework>,
}

impl Frameworks {
    /// The built-in packs, validated against `rules`.
    pub fn load_builtin(rules: &PolicySet) -> Result<Frameworks, FrameworkError> {
        // Reading the YAML is a fair part of a small scan's start-up. The packs are
        // independent: read them on two threads, the larger ones spread over both, and
        // report the first failing pack in file order, as a sequential read would.
        let mut order: Vec<usize> = (0..EMBEDDED_FRAMEWORKS.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(EMBEDDED_FRAMEWORKS[i].1.len()));
        let (mut halves, mut sizes) = ([Vec::new(), Vec::new()], [0usize, 0usize]);
        for i in order {
            let h = usize::from(sizes[1] < sizes[0]);
            sizes[h] += EMBEDDED_FRAMEWORKS[i].1.len();
            halves[h].push(i);
        }
        let parse_some = |idxs: &[usize]| -> Vec<(usize, Result<Framework, FrameworkError>)> {
            idxs.iter()
                .map(|&i| {
                    let (rel, text) = EMBEDDED_FRAMEWORKS[i];
                    (i, parse(&format!("frameworks/{rel}"), text, rules))
                })
                .collect()
        };
        let mut results = std::thread::scope(|s| {
            let other = s.spawn(|| parse_some(&halves[1]));
            let mut all = parse_some(&halves[0]);
            match other.join() {
                Ok(theirs) => all.extend(theirs),
                Err(_) => all.push((
                    usize::MAX,
                    Err(FrameworkError(
                        "reading the framework packs panicked".into(),
                    )),
                )),
            }
            all
        });
        results.sort_by_key(|(i, _)| *i);
        let packs = results
            .into_iter()
            .map(|(_, r)| r)
            .collect::<Result<Vec<_>, _>>()?;
        Self::from_packs(packs)
    }

    /// Add packs from files (user-supplied frameworks).
    pub fn load_file(&mut self, path: &Path, rules: &PolicySet) -> Result<(), FrameworkError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| FrameworkError(format!("{}: cannot read: {e}", path.display())))?;
        let fw = parse(&path.display().to_string(), &text, rules)?;
        self.packs.retain(|p| p.id != fw.id);
        self.packs.push(fw);
        self.packs.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(())
    }

    fn from_packs(mut packs: Vec<Framework>) -> Result<Frameworks, FrameworkError> {
        packs.sort_by(|a, b| a.id.cmp(&b.id));
        for w in packs.windows(2) {
            if w[0].id == w[1].id {
                return Err(FrameworkError(format!(
                    "two framework packs have the id `{}`",
                    w[0].id
                )));
            }
        }
        Ok(Frameworks { packs })
    }

    pub fn get(&self, id: &str) -> Option<&Framework> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// Keep only the named packs; unknown ids are an error listing the known ones.
    pub fn select(&self, ids: &[String]) -> Result<Frameworks, FrameworkError> {
        if ids.is_empty() {
            return Ok(self.clone());
        }
        let mut packs = Vec::new();
        for id in ids {
            match self.get(id) {
                Some(p) => packs.push(p.clone()),
                None => {
                    let known: Vec<&str> = self.packs.iter().map(|p| p.id.as_str()).collect();
                    return Err(FrameworkError(format!(
                        "unknown framework `{id}` (known: {})",
                        known.join(", ")
                    )));
                }
            }
        }
        packs.dedup_by(|a, b| a.id == b.id);
        Ok(Frameworks { packs })
    }

    /// rule id -> framework id -> control ids, for findings.
    pub fn controls_by_rule(&self) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
        let mut out: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
        for p in &self.packs {
            for c in &p.controls {
                for r in &c.rules {
                    out.entry(r.clone())
                        .or_default()
                        .entry(p.id.clone())
                        .or_default()
                        .push(c.id.clone());
                }
            }
        }
        out
    }

    /// Parameter values demanded by the selected packs. When two packs set one parameter the
    /// stricter value wins: the smaller number for maxima and "unused for N days" limits, the
    /// larger for minima, retention and reuse counts; lists are united (more ports checked);
    /// for other values the first pack by id wins.
    pub fn params(&self) -> serde_json::Map<String, Value> {
        let mut out = serde_json::Map::new();
        for p in &self.packs {
            for (k, v) in &p.params {
                let merged = match (out.get(k), v) {
                    (None, _) => v.clone(),
                    (Some(Value::Number(old)), Value::Number(new)) => {
                        let (o, n) = (old.as_f64().unwrap_or(0.0), new.as_f64().unwrap_or(0.0));
                        let lower_is_stricter = k.contains("max") || k.contains("unused");
                        if (lower_is_stricter && n < o) || (!lower_is_stricter && n > o) {
                            v.clone()
                        } else {
                            continue;
                        }
                    }
                    (Some(Value::Array(old)), Value::Array(new)) => {
                        let mut all = old.clone();
                        for x in new {
                            if !all.contains(x) {
                                all.push(x.clone());
                            }
                        }
                        Value::Array(all)
                    }
                    _ => continue,
                };
                out.insert(k.clone(), merged);
            }
        }
        out
    }
}

/// Parse and validate one pack.
pub fn parse(origin: &str, text: &str, rules: &PolicySet) -> Result<Framework, FrameworkError> {
    let fw: Framework =
        crate::yaml::parse(origin, text).map_err(|e| FrameworkError(e.to_string()))?;
    let pattern = match &fw.control_id_pattern {
        Some(p) => Some(
            regex::Regex::new(p)
                .map_err(|e| FrameworkError(format!("{origin}: control_id_pattern: {e}")))?,
        ),
        None => None,
    };
    let known_rules: BTreeSet<&str> = rules.rules.iter().map(|r| r.meta.id.as_str()).collect();
    let mut seen = BTreeSet::new();
    for c in &fw.controls {
        if !seen.insert(c.id.as_str()) {
            return Err(FrameworkError(format!(
                "{origin}: control `{}` is listed twice",
                c.id
            )));
        }
        if let Some(re) = &pattern {
            if !re.is_match(&c.id) {
                return Err(FrameworkError(format!(
                    "{origin}: control id `{}` does not match control_id_pattern",
                    c.id
                )));
            }
        }
        if c.rules.is_empty() && c.manual.as_deref().is_none_or(|m| m.trim().is_empty()) {
            return Err(FrameworkError(format!(
                "{origin}: control `{}` has neither `rules` nor `manual` evidence",
                c.id
            )));
        }
        for r in &c.rules {
            if !known_rules.contains(r.as_str()) {
                return Err(FrameworkError(format!(
                    "{origin}: control `{}` maps unknown rule `{r}`",
                    c.id
                )));
            }
        }
    }
    for k in fw.params.keys() {
        if !rules.params.contains_key(k) {
            // Packs may set parameters for rules that are not loaded in this run.
            tracing::debug!("{origin}: params: no loaded rule reads `{k}`");
        }
    }
    Ok(fw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(id: &str, params: Value) -> Framework {
        Framework {
            id: id.into(),
            name: id.into(),
            version: "1".into(),
            source: "s".into(),
            url: None,
            control_id_pattern: None,
            params: serde_json::from_value(params).unwrap(),
            controls: vec![],
        }
    }

    #[test]
    fn the_stricter_parameter_wins() {
        let fws = Frameworks {
            packs: vec![
                pack(
                    "a",
                    serde_json::json!({"password_min_length": 14, "password_max_age_days": 90, "credentials_unused_days": 90, "admin_ports": [22]}),
                ),
                pack(
                    "b",
                    serde_json::json!({"password_min_length": 16, "password_max_age_days": 60, "credentials_unused_days": 45, "admin_ports": [22, 3389]}),
                ),
            ],
        };
        let p = fws.params();
        assert_eq!(p["password_min_length"], 16);
        assert_eq!(p["password_max_age_days"], 60);
        assert_eq!(p["credentials_unused_days"], 45);
        assert_eq!(p["admin_ports"], serde_json::json!([22, 3389]));
    }
}
