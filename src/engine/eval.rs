//! One regorus engine with every policy loaded and a generated wrapper module that returns
//! all decisions of the rules of one kind in a single evaluation.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::num::NonZeroU32;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::vm::VmError;
use regorus::rvm::{Program, RegoVM};
use regorus::utils::limits::ExecutionTimerConfig;
use serde_json::Value;

use super::policy_set::{PolicyError, PolicySet};
use super::program_cache;
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

/// The rules compiled once per scan, with `data` loaded: the VM program (unless switched
/// off) and what the interpreter is built from. Workers take cheap [`Evaluator`]s from it.
pub struct Compiled {
    shared: Arc<Shared>,
}

/// What every worker's evaluator reads.
struct Shared {
    /// The rules compiled to regorus's bytecode VM (RVM), which evaluates them several
    /// times faster than the tree-walking interpreter. `None` when the VM is switched off
    /// (`COMPLYCTL_ENGINE=interpreter`) or cannot compile a (user) policy: the interpreter
    /// then evaluates everything. It also re-evaluates any resource the VM fails on.
    vm: Option<Arc<Program>>,
    /// `vm` serialized: read from the cache, made to store it there, or made when a second
    /// worker needs its own copy of it.
    vm_bytes: OnceLock<Option<Vec<u8>>>,
    /// Evaluators handed out so far: the first runs `vm` itself, the others private copies.
    handed_out: AtomicUsize,
    /// The policy modules and the generated wrapper, for the interpreter.
    modules: Vec<(String, String)>,
    wrapper: String,
    data: regorus::Value,
    /// Built on first use: with a cached VM program a scan that the VM evaluates whole
    /// never needs it, and parsing every module for it is a large part of start-up.
    interpreter: OnceLock<Result<regorus::Engine, String>>,
    by_kind: KindRules,
    rule_ids: Vec<String>,
}

impl Shared {
    /// The program for one more worker's VM. The VM clones its `Arc<Program>` on every jump
    /// and rule call, and clones the program's constants (values backed by `Arc`s) as it
    /// loads them: workers sharing one program spent much of their time moving those
    /// reference counts between cores (10k inventory: 3.7 s of CPU on two workers against
    /// 2.6 s on one). So only the first worker runs the shared program; each other one gets
    /// a deep copy that nothing else touches.
    fn program_for_worker(&self, program: &Arc<Program>) -> Arc<Program> {
        if self.handed_out.fetch_add(1, Ordering::Relaxed) == 0 {
            return Arc::clone(program);
        }
        program_cache::private_copy(program, &self.vm_bytes).unwrap_or_else(|| Arc::clone(program))
    }

    fn interpreter(&self) -> Result<&regorus::Engine, PolicyError> {
        self.interpreter
            .get_or_init(|| {
                build_interpreter(&self.modules, &self.wrapper, &self.data)
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| PolicyError::Invalid(e.clone()))
    }
}

/// How the interpreter redoes an evaluation the VM could not finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    /// All of the kind's rules in one evaluation, then rule by rule if that fails: the VM
    /// failed for a reason the interpreter may not share (an unsupported construct).
    WholeKind,
    /// Straight to rule by rule. The VM ran out of time, so some rule of the kind runs too
    /// long; the whole-kind evaluation would spend the time limit again on that rule before
    /// the rule-by-rule retry spends it a third time (15 s for one resource, not 10 s).
    RuleByRule,
}

impl Retry {
    fn after_vm_error(e: &VmError) -> Retry {
        match e {
            VmError::TimeLimitExceeded { .. } => Retry::RuleByRule,
            _ => Retry::WholeKind,
        }
    }
}

/// One worker's evaluator: its own VM state and interpreter (neither is shareable).
pub struct Evaluator {
    shared: Arc<Shared>,
    vm: Option<Box<RegoVM>>,
    /// This worker's clone of the interpreter, taken when it first needs one.
    engine: Option<regorus::Engine>,
    /// Evaluations the VM failed and the interpreter redid.
    vm_fallbacks: usize,
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
        // The decisions in precedence order (see `decide`), as an `else` chain: the VM stops
        // at the first one that settles the result, so a failing resource never evaluates
        // the rule's `unknown` and `compliant` (rule calls are most of an evaluation's cost).
        let mut arms: Vec<String> = Vec::new();
        if has("not_applicable") {
            arms.push(format!(
                "{{\"not_applicable\": true}} if {{ {p}.not_applicable == true }}"
            ));
        }
        for n in ["deny", "unknown"] {
            if has(n) {
                arms.push(format!(
                    "{{\"{n}\": m}} if {{ m := [x | some x in {p}.{n}]; count(m) > 0 }}"
                ));
            }
        }
        if has("compliant") {
            arms.push(format!(
                "{{\"compliant\": true}} if {{ {p}.compliant == true }}"
            ));
        }
        // No decision at all: `decide` reports "no evidence of compliance".
        arms.push("{}".to_string());
        let _ = writeln!(src, "r{i} := {}\n", arms.join("\nelse := "));
        by_kind.entry(r.meta.kind).or_default().push(i);
    }
    let mut out = HashMap::new();
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    for (kind, idxs) in kinds {
        let ident = kind_ident(kind);
        // An array in `idxs` order: reading it back needs no key per rule.
        let fields: Vec<String> = idxs.iter().map(|i| format!("r{i}")).collect();
        let _ = writeln!(src, "{ident} := [{}]\n", fields.join(", "));
        out.insert(kind, (format!("data.{WRAPPER_PKG}.{ident}"), idxs));
    }
    (src, out)
}

/// The keys a decision is read by, made once per thread: a key is an allocated string, and
/// decisions are read for every rule of every resource.
struct DecisionKeys {
    not_applicable: regorus::Value,
    deny: regorus::Value,
    unknown: regorus::Value,
    compliant: regorus::Value,
    msg: regorus::Value,
}

thread_local! {
    static KEYS: DecisionKeys = DecisionKeys {
        not_applicable: regorus::Value::from("not_applicable"),
        deny: regorus::Value::from("deny"),
        unknown: regorus::Value::from("unknown"),
        compliant: regorus::Value::from("compliant"),
        msg: regorus::Value::from("msg"),
    };
}

/// `key` of an object; None for a missing key or a value that is not an object.
pub(super) fn field<'a>(v: &'a regorus::Value, key: &regorus::Value) -> Option<&'a regorus::Value> {
    match v {
        regorus::Value::Object(o) => o.get(key),
        _ => None,
    }
}

/// A decision's messages: strings as they are, `{"msg": ...}` objects by their msg, anything
/// else as JSON; sorted, without duplicates.
fn to_strings(v: Option<&regorus::Value>) -> Vec<String> {
    let as_json = |m: &regorus::Value| {
        serde_json::to_value(m)
            .map(|j| j.to_string())
            .unwrap_or_default()
    };
    let mut out: Vec<String> = match v {
        Some(regorus::Value::Array(a)) => a
            .iter()
            .map(|m| match m {
                regorus::Value::String(s) => s.to_string(),
                regorus::Value::Object(_) => match KEYS.with(|k| field(m, &k.msg)) {
                    Some(regorus::Value::String(s)) => s.to_string(),
                    _ => as_json(m),
                },
                other => as_json(other),
            })
            .collect(),
        _ => Vec::new(),
    };
    out.sort();
    out.dedup();
    out
}

fn is_true(v: Option<&regorus::Value>) -> bool {
    matches!(v, Some(regorus::Value::Bool(true)))
}

/// not_applicable > deny > unknown > compliant > no evidence (unknown): a rule that forgets a
/// case fails closed. None means the rule does not apply to this resource (no finding).
pub fn decide(decision: &regorus::Value) -> Option<Outcome> {
    KEYS.with(|keys| {
        if is_true(field(decision, &keys.not_applicable)) {
            return None;
        }
        Some(decide_applicable(decision, keys))
    })
}

fn decide_applicable(decision: &regorus::Value, keys: &DecisionKeys) -> Outcome {
    let deny = to_strings(field(decision, &keys.deny));
    if !deny.is_empty() {
        return Outcome {
            status: Status::Fail,
            messages: deny,
        };
    }
    let unknown = to_strings(field(decision, &keys.unknown));
    if !unknown.is_empty() {
        return Outcome {
            status: Status::Unknown,
            messages: unknown,
        };
    }
    if is_true(field(decision, &keys.compliant)) {
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

/// The VM entry points: every kind's wrapper rule, sorted.
fn entry_points(by_kind: &KindRules) -> Vec<&str> {
    let mut paths: Vec<&str> = by_kind.values().map(|(p, _)| p.as_str()).collect();
    paths.sort_unstable();
    paths
}

/// Compile every kind's wrapper rule (and through it every rule) into one VM program.
fn compile_vm(engine: &mut regorus::Engine, paths: &[&str]) -> anyhow::Result<Arc<Program>> {
    let first = paths
        .first()
        .ok_or_else(|| anyhow::anyhow!("no rules to compile"))?;
    let compiled = engine.compile_with_entrypoint(&regorus::Rc::<str>::from(*first))?;
    Ok(Compiler::compile_from_policy(&compiled, paths)?)
}

/// The decisions of a kind's wrapper value (an array in `idxs` order), for the rules `idxs`.
fn decisions_of(v: &regorus::Value, idxs: &[usize]) -> Vec<(usize, Outcome)> {
    let decisions = match v {
        regorus::Value::Array(a) => Some(a),
        _ => None,
    };
    idxs.iter()
        .enumerate()
        .filter_map(|(pos, &i)| {
            let d = decisions
                .and_then(|a| a.get(pos))
                .unwrap_or(&regorus::Value::Null);
            decide(d).map(|o| (i, o))
        })
        .collect()
}

fn regorus_err(origin_hint: &str, e: impl std::fmt::Display) -> PolicyError {
    PolicyError::Invalid(format!("{origin_hint}{e}"))
}

/// kind -> (wrapper rule path, rule indices in the set, in wrapper order)
type KindRules = HashMap<Kind, (String, Vec<usize>)>;

/// An interpreter engine with every module, the wrapper and `data` loaded.
fn build_interpreter(
    modules: &[(String, String)],
    wrapper: &str,
    data: &regorus::Value,
) -> Result<regorus::Engine, PolicyError> {
    let mut engine = regorus::Engine::new();
    engine.set_rego_v0(false);
    engine.set_execution_timer_config(timer_config());
    for (origin, source) in modules {
        engine
            .add_policy(origin.clone(), source.clone())
            .map_err(|e| regorus_err("", e))?;
    }
    engine
        .add_policy("<complyctl wrapper>".to_string(), wrapper.to_string())
        .map_err(|e| regorus_err("internal wrapper: ", e))?;
    engine
        .add_data(data.clone())
        .map_err(|e| regorus_err("data: ", e))?;
    Ok(engine)
}

impl Compiled {
    /// Compile every module of the set with `data` (params, inventory) loaded, once. With
    /// `cache` (a directory), the VM program is loaded from there when these rules were
    /// compiled before, and stored there when not (see [`super::program_cache`]).
    pub fn new(
        set: &PolicySet,
        mut data: regorus::Value,
        backend: Backend,
        cache: Option<&Path>,
    ) -> Result<Compiled, PolicyError> {
        let (wrapper, by_kind) = wrapper_module(set);
        let modules: Vec<(String, String)> = set
            .modules
            .iter()
            .map(|m| (m.origin.clone(), m.source.clone()))
            .collect();
        // Rules read their parameters' defaults even where `data` was built without them.
        let params = regorus::Value::from("params");
        if let Ok(o) = data.as_object_mut() {
            if !o.contains_key(&params) {
                let defaults = serde_json::to_value(&set.params)
                    .map(regorus::Value::from)
                    .unwrap_or(regorus::Value::Null);
                o.insert(params, defaults);
            }
        }
        let interpreter = OnceLock::new();
        let mut vm = None;
        // The program's serialized form when it is at hand anyway (cache hit or store).
        let vm_bytes = OnceLock::new();
        if backend == Backend::Vm {
            let paths = entry_points(&by_kind);
            let key = cache.map(|dir| {
                let mods = modules.iter().map(|(o, s)| (o.as_str(), s.as_str()));
                (dir, program_cache::key(mods, &wrapper, &paths))
            });
            if let Some((program, bytes)) = key
                .as_ref()
                .and_then(|(dir, key)| program_cache::load(dir, key))
            {
                vm = Some(program);
                let _ = vm_bytes.set(Some(bytes));
            }
            if vm.is_none() && !paths.is_empty() {
                let mut engine = build_interpreter(&modules, &wrapper, &data)?;
                match compile_vm(&mut engine, &paths) {
                    Ok(program) => {
                        if let Some((dir, key)) = &key {
                            let bytes = program_cache::serialize(&program);
                            if let Some(bytes) = &bytes {
                                program_cache::store(dir, key, bytes);
                            }
                            let _ = vm_bytes.set(bytes);
                        }
                        vm = Some(program);
                    }
                    Err(e) => tracing::debug!(
                        "the rules do not compile to regorus's VM ({e}); interpreting them"
                    ),
                }
                let _ = interpreter.set(Ok(engine));
            }
        } else {
            // Surface policy errors now, as the VM path does when it compiles.
            let _ = interpreter.set(Ok(build_interpreter(&modules, &wrapper, &data)?));
        }
        Ok(Compiled {
            shared: Arc::new(Shared {
                vm,
                vm_bytes,
                handed_out: AtomicUsize::new(0),
                modules,
                wrapper,
                data,
                interpreter,
                by_kind,
                rule_ids: set.rules.iter().map(|r| r.meta.id.clone()).collect(),
            }),
        })
    }

    /// A worker's evaluator; it shares the compiled program and `data` with the others.
    pub fn evaluator(&self) -> Evaluator {
        let shared = &self.shared;
        let vm = shared.vm.as_ref().and_then(|program| {
            let mut vm = RegoVM::new();
            vm.load_program(shared.program_for_worker(program));
            vm.set_execution_timer_config(Some(timer_config()));
            // The VM stops by default after 25,000 instructions, and the interpreter then
            // evaluates the resource again, several times slower (and built first, on first
            // use). Real resources pass that mark: a 50-statement IAM policy or a security
            // group with a few dozen rules. The time limit is what bounds an evaluation here,
            // on both evaluators.
            vm.set_max_instructions(usize::MAX);
            match vm.set_data(shared.data.clone()) {
                Ok(()) => Some(Box::new(vm)),
                Err(e) => {
                    tracing::debug!("the VM does not take the data document ({e}); interpreting");
                    None
                }
            }
        });
        Evaluator {
            shared: Arc::clone(shared),
            vm,
            engine: None,
            vm_fallbacks: 0,
        }
    }
}

impl Evaluator {
    /// An interpreter-only evaluator of `set` over `data`: checks at load time, and tests.
    pub fn interpreted(set: &PolicySet, data: &Value) -> Result<Evaluator, PolicyError> {
        let data = regorus::Value::from(data.clone());
        Ok(Compiled::new(set, data, Backend::Interpreter, None)?.evaluator())
    }

    /// This worker's interpreter, cloned from the shared one (built on first use).
    fn interpreter(&mut self) -> Result<&mut regorus::Engine, PolicyError> {
        match &mut self.engine {
            Some(engine) => Ok(engine),
            slot @ None => Ok(slot.insert(self.shared.interpreter()?.clone())),
        }
    }

    /// Evaluate each rule once on an empty resource of its kind: surfaces unknown builtins and
    /// references to missing functions at load time instead of as per-resource errors.
    pub fn probe(mut self) -> Result<(), PolicyError> {
        let shared = Arc::clone(&self.shared);
        let mut kinds: Vec<(Kind, &[usize])> = shared
            .by_kind
            .iter()
            .map(|(k, (_, i))| (*k, i.as_slice()))
            .collect();
        kinds.sort();
        let engine = self.interpreter()?;
        for (kind, idxs) in kinds {
            let input = serde_json::json!({"id": "probe", "kind": kind.as_str(), "attributes": {}, "tags": {}});
            engine.set_input(regorus::Value::from(input));
            for &i in idxs {
                if let Err(e) = engine.eval_rule(format!("data.{WRAPPER_PKG}.r{i}")) {
                    let msg = e.to_string();
                    // Type errors on an empty resource are the rule's business; unknown functions are not.
                    if msg.contains("unknown function")
                        || msg.contains("not a function")
                        || msg.contains("builtin")
                    {
                        return Err(PolicyError::Invalid(format!(
                            "rule {}: {msg}",
                            shared.rule_ids[i]
                        )));
                    }
                }
            }
        }
        Ok(())
    }

    /// How many evaluations the VM failed and the interpreter redid.
    pub fn vm_fallbacks(&self) -> usize {
        self.vm_fallbacks
    }

    pub fn rules_for(&self, kind: Kind) -> &[usize] {
        self.shared
            .by_kind
            .get(&kind)
            .map(|(_, v)| v.as_slice())
            .unwrap_or(&[])
    }

    /// Decisions of every applicable rule of `kind` on one resource ([`super::rule_input`]).
    pub fn evaluate(&mut self, kind: Kind, input: regorus::Value) -> Vec<(usize, Outcome)> {
        let shared = Arc::clone(&self.shared);
        let Some((path, idxs)) = shared.by_kind.get(&kind) else {
            return Vec::new();
        };
        let mut retry = Retry::WholeKind;
        if let Some(vm) = self.vm.as_mut() {
            vm.set_input(input.clone());
            match vm.execute_entry_point_by_name(path) {
                Ok(v) => return decisions_of(&v, idxs),
                // The interpreter is the reference: let it decide, and report its error.
                Err(e) => {
                    self.vm_fallbacks += 1;
                    retry = Retry::after_vm_error(&e);
                    tracing::debug!("VM evaluation of {path} failed ({e}); interpreting");
                }
            }
        }
        let failed = |msg: String| -> Vec<(usize, Outcome)> {
            idxs.iter()
                .map(|&i| {
                    (
                        i,
                        Outcome {
                            status: Status::Error,
                            messages: vec![msg.clone()],
                        },
                    )
                })
                .collect()
        };
        let engine = match self.interpreter() {
            Ok(engine) => engine,
            Err(e) => return failed(format!("rule evaluation failed: {e}")),
        };
        engine.set_input(input);
        let whole_kind = match retry {
            Retry::WholeKind => engine.eval_rule(path.clone()).ok(),
            Retry::RuleByRule => None,
        };
        match whole_kind {
            Some(v) => decisions_of(&v, idxs),
            // One rule failing at runtime must not take the others down: retry one by one.
            None => idxs
                .iter()
                .filter_map(
                    |&i| match engine.eval_rule(format!("data.{WRAPPER_PKG}.r{i}")) {
                        Ok(v) => decide(&v).map(|o| (i, o)),
                        Err(e) => Some((
                            i,
                            Outcome {
                                status: Status::Error,
                                messages: vec![format!("rule evaluation failed: {e}")],
                            },
                        )),
                    },
                )
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regorus::rvm::Instruction;

    /// Large real resources run past regorus's default VM instruction limit (25,000); the VM
    /// must still evaluate them itself, not hand each one to the several times slower
    /// interpreter, and decide as the interpreter does.
    #[test]
    fn the_vm_evaluates_large_resources_itself() {
        let set = PolicySet::load(&[], true).unwrap();
        let data = serde_json::json!({"params": {}, "inventory": {}, "now_ns": 0});
        let statements: Vec<Value> = (0..300)
            .map(|i| {
                serde_json::json!({
                    "Sid": format!("S{i}"),
                    "Effect": "Allow",
                    "Action": [format!("s3:GetObject{i}"), "iam:PassRole"],
                    "Resource": [format!("arn:aws:s3:::bucket-{i}/*")],
                    "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-example"}}
                })
            })
            .collect();
        let input = serde_json::json!({
            "id": "aws_iam_policy.large",
            "kind": "aws.iam.policy",
            "source": "terraform-plan",
            "name": "large",
            "tags": {},
            "attributes": {
                "arn": "arn:aws:iam::123456789012:policy/large",
                "attached_to": [],
                "attachment_count": 0,
                "aws_managed": false,
                "policy_name": "large",
                "document": {"Version": "2012-10-17", "Statement": statements}
            }
        });
        let compiled = Compiled::new(&set, data.clone().into(), Backend::Vm, None).unwrap();
        let mut vm = compiled.evaluator();
        let by_vm = vm.evaluate(Kind::IamPolicy, regorus::Value::from(input.clone()));
        assert_eq!(vm.vm_fallbacks(), 0, "the VM gave the resource up");
        assert!(!by_vm.is_empty());
        let mut interpreter = Evaluator::interpreted(&set, &data).unwrap();
        assert_eq!(
            by_vm,
            interpreter.evaluate(Kind::IamPolicy, regorus::Value::from(input))
        );
    }

    /// The VM reports a rule that runs too long as out of time, and the interpreter's retry
    /// then skips the whole-kind evaluation, which would spend the time limit once more.
    #[test]
    fn a_vm_timeout_is_retried_rule_by_rule() {
        let slow = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bad-inputs/policies/slow");
        let set = PolicySet::load(&[slow], false).unwrap();
        let data = serde_json::json!({"params": {}, "inventory": {}, "now_ns": 0});
        let compiled = Compiled::new(&set, data.into(), Backend::Vm, None).unwrap();
        let mut evaluator = compiled.evaluator();
        let (path, _) = compiled.shared.by_kind.get(&Kind::S3Bucket).unwrap();
        let vm = evaluator
            .vm
            .as_mut()
            .expect("the slow rule compiles to the VM");
        vm.set_execution_timer_config(Some(ExecutionTimerConfig {
            limit: Duration::from_millis(50),
            check_interval: NonZeroU32::MIN,
        }));
        let input =
            serde_json::json!({"id": "b", "kind": "aws.s3.bucket", "attributes": {}, "tags": {}});
        vm.set_input(regorus::Value::from(input));
        let err = vm.execute_entry_point_by_name(path).unwrap_err();
        assert_eq!(Retry::after_vm_error(&err), Retry::RuleByRule, "{err}");
        let other = VmError::Internal {
            message: "an unsupported construct".into(),
            pc: 0,
        };
        assert_eq!(Retry::after_vm_error(&other), Retry::WholeKind);
    }

    /// A reference to a library value through an import alias (`lib.world_cidrs`) compiles to
    /// a lookup of the whole package document: every value rule of the package and of its
    /// sub-packages is evaluated, on every resource. The built-in rules spell such references
    /// out in full (docs/rules-authoring.md), and this keeps them doing so.
    #[test]
    fn built_in_rules_compile_without_whole_package_lookups() {
        let set = PolicySet::load(&[], true).unwrap();
        let data = serde_json::json!({"params": {}, "inventory": {}, "now_ns": 0});
        let compiled = Compiled::new(&set, data.into(), Backend::Vm, None).unwrap();
        let program = compiled
            .shared
            .vm
            .as_ref()
            .expect("the built-in rules compile to the VM");
        let lookups: Vec<String> = program
            .instructions
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i, Instruction::VirtualDataDocumentLookup { .. }))
            .map(|(pc, _)| format!("pc {pc}: {:?}", program.instruction_spans.get(pc)))
            .collect();
        assert!(lookups.is_empty(), "whole-package lookups: {lookups:#?}");
    }
}
