//! One regorus engine with every policy loaded and a generated wrapper module that returns
//! all decisions of the rules of one kind in a single evaluation.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::num::NonZeroU32;
use std::time::Duration;

use regorus::utils::limits::ExecutionTimerConfig;
use serde_json::Value;

use super::policy_set::{PolicyError, PolicySet};
use super::Status;
use crate::inventory::Kind;

/// Longest a single evaluation (one resource, one kind's rules) may run; a rule that runs
/// longer gives `error` for that resource. `COMPLYCTL_EVAL_TIMEOUT_MS` overrides it.
pub const EVAL_TIME_LIMIT: Duration = Duration::from_secs(5);

fn eval_time_limit() -> Duration {
    std::env::var("COMPLYCTL_EVAL_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|ms| *ms > 0)
        .map(Duration::from_millis)
        .unwrap_or(EVAL_TIME_LIMIT)
}

const WRAPPER_PKG: &str = "complyctl__eval";

/// The decision of one rule on one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: Status,
    pub messages: Vec<String>,
}

pub struct Evaluator {
    engine: regorus::Engine,
    /// kind -> (wrapper rule path, rule indices in the set, in wrapper order)
    by_kind: HashMap<Kind, (String, Vec<usize>)>,
    rule_ids: Vec<String>,
}

fn kind_ident(k: Kind) -> String {
    format!("k_{}", k.as_str().replace('.', "_"))
}

fn wrapper_module(set: &PolicySet) -> (String, HashMap<Kind, (String, Vec<usize>)>) {
    let mut src = format!("package {WRAPPER_PKG}\n\nimport rego.v1\n\n");
    let mut by_kind: HashMap<Kind, Vec<usize>> = HashMap::new();
    for (i, r) in set.rules.iter().enumerate() {
        let p = &r.package;
        let has = |n: &str| r.decisions.contains(&n);
        let list = |n: &str| {
            if has(n) {
                format!("[m | some m in {p}.{n}]")
            } else {
                "[]".to_string()
            }
        };
        let _ = writeln!(
            src,
            "r{i} := {{\"deny\": {}, \"unknown\": {}, \"compliant\": c{i}, \"not_applicable\": n{i}}}\ndefault c{i} := false\ndefault n{i} := false",
            list("deny"),
            list("unknown")
        );
        if has("compliant") {
            let _ = writeln!(src, "c{i} if {p}.compliant == true");
        }
        if has("not_applicable") {
            let _ = writeln!(src, "n{i} if {p}.not_applicable == true");
        }
        src.push('\n');
        by_kind.entry(r.meta.kind).or_default().push(i);
    }
    let mut out = HashMap::new();
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    for (kind, idxs) in kinds {
        let ident = kind_ident(kind);
        let fields: Vec<String> = idxs.iter().map(|i| format!("\"{i}\": r{i}")).collect();
        let _ = writeln!(src, "{ident} := {{{}}}\n", fields.join(", "));
        out.insert(kind, (format!("data.{WRAPPER_PKG}.{ident}"), idxs));
    }
    (src, out)
}

fn to_strings(v: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = match v {
        Some(Value::Array(a)) => a
            .iter()
            .map(|m| match m {
                Value::String(s) => s.clone(),
                Value::Object(o) => o
                    .get("msg")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| m.to_string()),
                other => other.to_string(),
            })
            .collect(),
        _ => Vec::new(),
    };
    out.sort();
    out.dedup();
    out
}

/// not_applicable > deny > unknown > compliant > no evidence (unknown): a rule that forgets a
/// case fails closed. None means the rule does not apply to this resource (no finding).
pub fn decide(decision: &Value) -> Option<Outcome> {
    if decision.get("not_applicable") == Some(&Value::Bool(true)) {
        return None;
    }
    Some(decide_applicable(decision))
}

fn decide_applicable(decision: &Value) -> Outcome {
    let deny = to_strings(decision.get("deny"));
    if !deny.is_empty() {
        return Outcome {
            status: Status::Fail,
            messages: deny,
        };
    }
    let unknown = to_strings(decision.get("unknown"));
    if !unknown.is_empty() {
        return Outcome {
            status: Status::Unknown,
            messages: unknown,
        };
    }
    if decision.get("compliant") == Some(&Value::Bool(true)) {
        return Outcome {
            status: Status::Pass,
            messages: Vec::new(),
        };
    }
    Outcome {
        status: Status::Unknown,
        messages: vec!["the rule found no evidence of compliance".to_string()],
    }
}

fn regorus_err(origin_hint: &str, e: impl std::fmt::Display) -> PolicyError {
    PolicyError::Invalid(format!("{origin_hint}{e}"))
}

impl Evaluator {
    /// Compile every module of the set with `data` (params, inventory) loaded.
    pub fn new(set: &PolicySet, data: &Value) -> Result<Evaluator, PolicyError> {
        let mut engine = regorus::Engine::new();
        engine.set_rego_v0(false);
        engine.set_execution_timer_config(ExecutionTimerConfig {
            limit: eval_time_limit(),
            check_interval: NonZeroU32::new(64).unwrap_or(NonZeroU32::MIN),
        });
        for m in &set.modules {
            engine
                .add_policy(m.origin.clone(), m.source.clone())
                .map_err(|e| regorus_err("", e))?;
        }
        let (src, by_kind) = wrapper_module(set);
        engine
            .add_policy("<complyctl wrapper>".to_string(), src)
            .map_err(|e| regorus_err("internal wrapper: ", e))?;
        let mut full = data.clone();
        if let Value::Object(o) = &mut full {
            o.entry("params")
                .or_insert_with(|| serde_json::to_value(&set.params).unwrap_or(Value::Null));
        }
        engine
            .add_data(regorus::Value::from(full))
            .map_err(|e| regorus_err("data: ", e))?;
        Ok(Evaluator {
            engine,
            by_kind,
            rule_ids: set.rules.iter().map(|r| r.meta.id.clone()).collect(),
        })
    }

    /// Evaluate each rule once on an empty resource of its kind: surfaces unknown builtins and
    /// references to missing functions at load time instead of as per-resource errors.
    pub fn probe(mut self) -> Result<(), PolicyError> {
        let mut kinds: Vec<(Kind, String, Vec<usize>)> = self
            .by_kind
            .iter()
            .map(|(k, (p, i))| (*k, p.clone(), i.clone()))
            .collect();
        kinds.sort();
        for (kind, _, idxs) in kinds {
            let input = serde_json::json!({"id": "probe", "kind": kind.as_str(), "attributes": {}, "tags": {}});
            self.engine.set_input(regorus::Value::from(input));
            for i in idxs {
                if let Err(e) = self.engine.eval_rule(format!("data.{WRAPPER_PKG}.r{i}")) {
                    let msg = e.to_string();
                    // Type errors on an empty resource are the rule's business; unknown functions are not.
                    if msg.contains("unknown function")
                        || msg.contains("not a function")
                        || msg.contains("builtin")
                    {
                        return Err(PolicyError::Invalid(format!(
                            "rule {}: {msg}",
                            self.rule_ids[i]
                        )));
                    }
                }
            }
        }
        Ok(())
    }

    pub fn rules_for(&self, kind: Kind) -> &[usize] {
        self.by_kind
            .get(&kind)
            .map(|(_, v)| v.as_slice())
            .unwrap_or(&[])
    }

    /// Decisions of every applicable rule of `kind` on one resource (JSON form).
    pub fn evaluate(&mut self, kind: Kind, resource: &Value) -> Vec<(usize, Outcome)> {
        let Some((path, idxs)) = self.by_kind.get(&kind).cloned() else {
            return Vec::new();
        };
        self.engine
            .set_input(regorus::Value::from(resource.clone()));
        match self.engine.eval_rule(path) {
            Ok(v) => {
                let json = serde_json::to_value(&v).unwrap_or(Value::Null);
                idxs.iter()
                    .filter_map(|&i| {
                        let d = json.get(i.to_string()).cloned().unwrap_or(Value::Null);
                        decide(&d).map(|o| (i, o))
                    })
                    .collect()
            }
            // One rule failing at runtime must not take the others down: retry one by one.
            Err(_) => {
                idxs.iter()
                    .filter_map(|&i| {
                        match self.engine.eval_rule(format!("data.{WRAPPER_PKG}.r{i}")) {
                            Ok(v) => decide(&serde_json::to_value(&v).unwrap_or(Value::Null))
                                .map(|o| (i, o)),
                            Err(e) => Some((
                                i,
                                Outcome {
                                    status: Status::Error,
                                    messages: vec![format!("rule evaluation failed: {e}")],
                                },
                            )),
                        }
                    })
                    .collect()
            }
        }
    }
}
