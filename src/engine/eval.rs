//! One regorus engine with every policy loaded and a generated wrapper module that returns
//! all decisions of the rules of one kind in a single evaluation.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::{Program, RegoVM};
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

/// The rules compiled once per scan, with `data` loaded: the interpreter engine and, unless
/// switched off, the VM program. Workers take cheap [`Evaluator`]s from it.
pub struct Compiled {
    engine: regorus::Engine,
    /// The same rules compiled to regorus's bytecode VM (RVM), which evaluates them several
    /// times faster than the tree-walking interpreter. `None` when the VM is switched off
    /// (`COMPLYCTL_ENGINE=interpreter`) or cannot compile a (user) policy: the interpreter
    /// then evaluates everything. It also re-evaluates any resource the VM fails on.
    vm: Option<(regorus::CompiledPolicy, Arc<Program>)>,
    data: regorus::Value,
    by_kind: Arc<KindRules>,
    rule_ids: Arc<Vec<String>>,
}

/// One worker's evaluator: its own VM state and interpreter (neither is shareable).
pub struct Evaluator {
    engine: regorus::Engine,
    vm: Option<Box<RegoVM>>,
    by_kind: Arc<KindRules>,
    rule_ids: Arc<Vec<String>>,
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

/// Selects the evaluator: `vm` (the default) or `interpreter`.
pub const ENGINE_ENV: &str = "COMPLYCTL_ENGINE";

/// What evaluates the rules. The interpreter is the reference (rule tests run on it); the VM
/// must agree with it on every resource, which `tests/engine_backends.rs` checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Vm,
    Interpreter,
}

impl Backend {
    /// `COMPLYCTL_ENGINE=interpreter` switches the VM off (to rule a VM bug in or out).
    pub fn from_env() -> Backend {
        match std::env::var(ENGINE_ENV).as_deref() {
            Ok("interpreter") => Backend::Interpreter,
            _ => Backend::Vm,
        }
    }
}

fn timer_config() -> ExecutionTimerConfig {
    ExecutionTimerConfig {
        limit: eval_time_limit(),
        check_interval: NonZeroU32::new(64).unwrap_or(NonZeroU32::MIN),
    }
}

/// Compile every kind's wrapper rule (and through it every rule) into one VM program.
fn compile_vm(
    engine: &mut regorus::Engine,
    by_kind: &KindRules,
) -> anyhow::Result<Option<(regorus::CompiledPolicy, Arc<Program>)>> {
    let mut paths: Vec<&str> = by_kind.values().map(|(p, _)| p.as_str()).collect();
    paths.sort_unstable();
    let Some(first) = paths.first() else {
        return Ok(None);
    };
    let compiled = engine.compile_with_entrypoint(&regorus::Rc::<str>::from(*first))?;
    let program = Compiler::compile_from_policy(&compiled, &paths)?;
    Ok(Some((compiled, program)))
}

/// The decisions of a kind's wrapper value, for the rules `idxs`.
fn decisions_of(v: &regorus::Value, idxs: &[usize]) -> Vec<(usize, Outcome)> {
    let json = serde_json::to_value(v).unwrap_or(Value::Null);
    idxs.iter()
        .filter_map(|&i| {
            let d = json.get(i.to_string()).cloned().unwrap_or(Value::Null);
            decide(&d).map(|o| (i, o))
        })
        .collect()
}

fn regorus_err(origin_hint: &str, e: impl std::fmt::Display) -> PolicyError {
    PolicyError::Invalid(format!("{origin_hint}{e}"))
}

/// kind -> (wrapper rule path, rule indices in the set, in wrapper order)
type KindRules = HashMap<Kind, (String, Vec<usize>)>;

/// An interpreter engine, the wrapper rules per kind, and the converted `data` it holds.
type Interpreter = (regorus::Engine, KindRules, regorus::Value);

/// An interpreter engine with every module of the set, the wrapper and `data` loaded.
fn interpreter(set: &PolicySet, data: &Value) -> Result<Interpreter, PolicyError> {
    let mut engine = regorus::Engine::new();
    engine.set_rego_v0(false);
    engine.set_execution_timer_config(timer_config());
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
    let data = regorus::Value::from(full);
    engine
        .add_data(data.clone())
        .map_err(|e| regorus_err("data: ", e))?;
    Ok((engine, by_kind, data))
}

impl Compiled {
    /// Compile every module of the set with `data` (params, inventory) loaded, once.
    pub fn new(set: &PolicySet, data: &Value, backend: Backend) -> Result<Compiled, PolicyError> {
        let (mut engine, by_kind, data) = interpreter(set, data)?;
        let vm = if backend == Backend::Vm {
            compile_vm(&mut engine, &by_kind).unwrap_or_else(|e| {
                tracing::debug!(
                    "the rules do not compile to regorus's VM ({e}); interpreting them"
                );
                None
            })
        } else {
            None
        };
        Ok(Compiled {
            engine,
            vm,
            data,
            by_kind: Arc::new(by_kind),
            rule_ids: Arc::new(set.rules.iter().map(|r| r.meta.id.clone()).collect()),
        })
    }

    /// A worker's evaluator; it shares the compiled program and `data` with the others.
    pub fn evaluator(&self) -> Evaluator {
        let vm = self.vm.as_ref().and_then(|(policy, program)| {
            let mut vm = RegoVM::new_with_policy(policy.clone());
            vm.load_program(Arc::clone(program));
            vm.set_execution_timer_config(Some(timer_config()));
            match vm.set_data(self.data.clone()) {
                Ok(()) => Some(Box::new(vm)),
                Err(e) => {
                    tracing::debug!("the VM does not take the data document ({e}); interpreting");
                    None
                }
            }
        });
        Evaluator {
            engine: self.engine.clone(),
            vm,
            by_kind: Arc::clone(&self.by_kind),
            rule_ids: Arc::clone(&self.rule_ids),
        }
    }
}

impl Evaluator {
    /// An interpreter-only evaluator of `set` over `data`: checks at load time, and tests.
    pub fn interpreted(set: &PolicySet, data: &Value) -> Result<Evaluator, PolicyError> {
        Ok(Compiled::new(set, data, Backend::Interpreter)?.evaluator())
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
    pub fn evaluate(&mut self, kind: Kind, resource: Value) -> Vec<(usize, Outcome)> {
        let Some((path, idxs)) = self.by_kind.get(&kind) else {
            return Vec::new();
        };
        let input = regorus::Value::from(resource);
        if let Some(vm) = self.vm.as_mut() {
            vm.set_input(input.clone());
            match vm.execute_entry_point_by_name(path) {
                Ok(v) => return decisions_of(&v, idxs),
                // The interpreter is the reference: let it decide, and report its error.
                Err(e) => tracing::debug!("VM evaluation of {path} failed ({e}); interpreting"),
            }
        }
        let (path, idxs) = (path.clone(), idxs.clone());
        self.engine.set_input(input);
        match self.engine.eval_rule(path) {
            Ok(v) => decisions_of(&v, &idxs),
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
