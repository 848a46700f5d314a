//! The rule engine: load and compile policies once, evaluate every rule on every resource of
//! its kind (in parallel, one regorus engine per worker), and turn decisions into results.
//! It knows nothing about frameworks or report formats.

pub mod eval;
pub mod metadata;
pub mod policy_set;
pub mod program_cache;
pub mod testing;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use self::eval::{Backend, Compiled, Evaluator, Outcome};
pub use self::metadata::{RuleMeta, Severity};
pub use self::policy_set::{PolicyError, PolicySet, Rule};
use crate::inventory::unknown::contains_not_collected;
use crate::inventory::{Inventory, Kind, Resource, SourceType, SERVICES, SKIPPED};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    Unknown,
    Error,
    /// Failing, but accepted by a waiver (config or resource tag) that has not expired.
    Waived,
    /// Failing, but already failing in the baseline: does not fail the build.
    Baseline,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
            Status::Error => "error",
            Status::Waived => "waived",
            Status::Baseline => "baseline",
        }
    }
}

/// One rule's decision on one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleResult {
    pub rule: usize,
    pub resource: usize,
    pub status: Status,
    pub messages: Vec<String>,
}

/// A resource as rules see it: `input`, and an item of `data.inventory`.
pub fn rule_input(r: &Resource) -> regorus::Value {
    serde_json::to_value(r)
        .map(regorus::Value::from)
        .unwrap_or(regorus::Value::Null)
}

/// The `data` document rules see, and the resources it holds already converted for rules.
pub struct RuleData {
    /// Parameters, the resources of the kinds rules `require` (`inventory`), and `now_ns`.
    pub data: regorus::Value,
    /// By resource index: the value in `data.inventory`, shared with the evaluation of that
    /// resource so that it is converted once; None for resources of other kinds.
    pub inputs: Vec<Option<regorus::Value>>,
}

/// The `data` document for `set` over `inv`. The resources in it are converted on `workers`
/// threads: a large inventory's buckets and IAM policies (which rules of other kinds read)
/// made this a long serial step.
pub fn build_data(
    set: &PolicySet,
    inv: &Inventory,
    params: &Map<String, Value>,
    now_ns: i64,
    workers: usize,
) -> RuleData {
    let mut p: Map<String, Value> = set
        .params
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, v) in params {
        p.insert(k.clone(), v.clone());
    }
    let required: BTreeSet<Kind> = set
        .rules
        .iter()
        .flat_map(|r| r.meta.requires.iter().copied())
        .collect();
    let inputs = crate::parallel::map(&inv.resources, workers, 1024, |r| {
        required.contains(&r.kind).then(|| rule_input(r))
    });
    // One list per required kind, empty when the inventory has none of it.
    let mut by_kind: BTreeMap<Kind, Vec<regorus::Value>> =
        required.iter().map(|k| (*k, Vec::new())).collect();
    for (r, v) in inv.resources.iter().zip(&inputs) {
        if let (Some(list), Some(v)) = (by_kind.get_mut(&r.kind), v) {
            list.push(v.clone());
        }
    }
    let index: BTreeMap<regorus::Value, regorus::Value> = by_kind
        .iter()
        .map(|(k, list)| (k.as_str().into(), key_index(list)))
        .collect();
    let by_kind: BTreeMap<regorus::Value, regorus::Value> = by_kind
        .into_iter()
        .map(|(k, list)| (k.as_str().into(), regorus::Value::from(list)))
        .collect();
    let mut data: BTreeMap<regorus::Value, regorus::Value> = BTreeMap::new();
    data.insert("params".into(), regorus::Value::from(Value::Object(p)));
    data.insert("inventory".into(), regorus::Value::from(by_kind));
    data.insert(INDEX_KEY.into(), regorus::Value::from(index));
    // Rules about ages (keys, credentials) measure against the scan's start, not the wall
    // clock, so a report can be reproduced.
    data.insert("now_ns".into(), regorus::Value::from(now_ns));
    RuleData {
        data: regorus::Value::from(data),
        inputs,
    }
}

/// `data.inventory_index`: per required kind, its resources by `id` and by `attributes.arn`.
const INDEX_KEY: &str = "inventory_index";

/// `{key: [resource, ...]}` for `resources`: each resource is listed under its id and, when
/// that is another string, under its `attributes.arn`, in inventory order. Rules that look a
/// resource up by reference (an IAM principal's attached policies) read this instead of
/// scanning the kind's list: a scan per reference made a 500-role account take 40 s, and
/// grew with roles times policies. Built once per scan, so the lookup costs the same at any
/// size; the Rego library builds the same index from `data.inventory` when this is absent
/// (rule tests that set `data.inventory` themselves).
fn key_index(resources: &[regorus::Value]) -> regorus::Value {
    let id_key = regorus::Value::from("id");
    let attrs_key = regorus::Value::from("attributes");
    let arn_key = regorus::Value::from("arn");
    let string_at = |v: &regorus::Value, key: &regorus::Value| {
        eval::field(v, key)
            .filter(|s| matches!(s, regorus::Value::String(_)))
            .cloned()
    };
    let mut index: BTreeMap<regorus::Value, Vec<regorus::Value>> = BTreeMap::new();
    for r in resources {
        let id = string_at(r, &id_key);
        let arn = eval::field(r, &attrs_key)
            .and_then(|a| string_at(a, &arn_key))
            .filter(|a| Some(a) != id.as_ref());
        for key in [id, arn].into_iter().flatten() {
            index.entry(key).or_default().push(r.clone());
        }
    }
    let index: BTreeMap<regorus::Value, regorus::Value> = index
        .into_iter()
        .map(|(k, list)| (k, regorus::Value::from(list)))
        .collect();
    regorus::Value::from(index)
}

/// The services a live `aws.account` resource records as not (completely) collected, from
/// its `collection` attribute.
fn services_not_collected(res: &crate::inventory::Resource) -> BTreeSet<&str> {
    if res.kind != Kind::Account {
        return BTreeSet::new();
    }
    match res.attributes.get("collection") {
        Some(Value::Object(m)) => m
            .iter()
            .filter(|(_, v)| contains_not_collected(v))
            .map(|(k, _)| k.as_str())
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// What each source covers, for deciding which rules apply to its resources.
struct Scope {
    /// The kinds each plan declares, by plan path.
    plan_kinds: BTreeSet<(Option<String>, Kind)>,
    /// The services a live scan of each account left out on purpose (`--service`), from its
    /// `aws.account` resources' `collection` map.
    skipped: BTreeMap<String, BTreeSet<String>>,
}

impl Scope {
    fn of(inv: &Inventory) -> Scope {
        let mut skipped: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for r in &inv.resources {
            if r.source != SourceType::Aws || r.kind != Kind::Account {
                continue;
            }
            if let (Some(acct), Some(Value::Object(m))) =
                (&r.account, r.attributes.get("collection"))
            {
                let set = skipped.entry(acct.clone()).or_default();
                for (service, v) in m {
                    if v.as_str() == Some(SKIPPED) {
                        set.insert(service.clone());
                    }
                }
            }
        }
        Scope {
            plan_kinds: inv
                .resources
                .iter()
                .filter(|r| r.source == SourceType::TerraformPlan)
                .map(|r| (r.source_path.clone(), r.kind))
                .collect(),
            skipped,
        }
    }

    /// Is a rule applicable to a resource? Account-level rules about what must exist are not
    /// applicable to a plan that declares none of the kinds they read: a plan rarely holds
    /// the whole account, so absence there proves nothing. Nor is a rule about a service a
    /// live scan left out: no answer is better than one from half the evidence.
    fn applies(&self, rule: &Rule, r: &Resource) -> bool {
        if rule.meta.kind != r.kind {
            return false;
        }
        if r.source == SourceType::TerraformPlan && r.kind == Kind::Account {
            return rule
                .meta
                .requires
                .iter()
                .any(|k| self.plan_kinds.contains(&(r.source_path.clone(), *k)));
        }
        if r.source == SourceType::Aws {
            let skipped = r.account.as_ref().and_then(|a| self.skipped.get(a));
            if let Some(skipped) = skipped.filter(|s| !s.is_empty()) {
                return !rule_services(rule).any(|s| skipped.contains(s));
            }
        }
        true
    }
}

/// The services a rule is about: its resource kind's, those of the kinds it reads from
/// `data.inventory`, and for a rule on `aws.account` its package's (`complyctl.iam.root_mfa`
/// reads facts the IAM collector put on the account resource).
fn rule_services(rule: &Rule) -> impl Iterator<Item = &str> + '_ {
    let package = rule
        .package
        .split('.')
        .nth(2)
        .filter(|s| rule.meta.kind == Kind::Account && SERVICES.contains(s));
    std::iter::once(rule.meta.kind)
        .chain(rule.meta.requires.iter().copied())
        .filter(|k| *k != Kind::Account)
        .map(|k| -> &str { k.service() })
        .chain(package)
}

/// Evaluate every applicable rule on every resource, on `workers` threads; `program_cache`
/// is a directory for the compiled rules ([`program_cache`]).
pub fn evaluate(
    set: &PolicySet,
    inv: &Inventory,
    params: &Map<String, Value>,
    now_ns: i64,
    workers: usize,
    program_cache: Option<&std::path::Path>,
) -> Result<Vec<RuleResult>, PolicyError> {
    evaluate_with(
        set,
        inv,
        params,
        now_ns,
        workers,
        Backend::from_env(),
        program_cache,
    )
}

/// [`evaluate`] on a chosen backend.
pub fn evaluate_with(
    set: &PolicySet,
    inv: &Inventory,
    params: &Map<String, Value>,
    now_ns: i64,
    workers: usize,
    backend: Backend,
    program_cache: Option<&std::path::Path>,
) -> Result<Vec<RuleResult>, PolicyError> {
    let phase = std::time::Instant::now();
    let workers = workers.clamp(1, 64);
    let RuleData { data, inputs } = build_data(set, inv, params, now_ns, workers);
    let compiled = Compiled::new(set, data, backend, program_cache)?;
    tracing::debug!(
        "compiled the rules with their data in {:.2?}",
        phase.elapsed()
    );
    let scope = Scope::of(inv);
    let n = inv.resources.len();
    let workers = workers.min(n.max(1));
    let next = AtomicUsize::new(0);
    // Blocks small enough to even out the end, large enough to keep the counter cold.
    let chunk = (n / (workers * 16)).clamp(1, 32);
    let results: Vec<Result<Vec<RuleResult>, PolicyError>> = thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let next = &next;
                let compiled = &compiled;
                let scope = &scope;
                let inputs = &inputs;
                s.spawn(move || -> Result<Vec<RuleResult>, PolicyError> {
                    let mut ev = compiled.evaluator();
                    let mut out = Vec::new();
                    // Small blocks handed out on demand, not a fixed share per worker: kinds
                    // (and resources) differ in cost, and a fixed share left one worker
                    // finishing alone.
                    let mut block = next.fetch_add(chunk, Ordering::Relaxed);
                    let indices = std::iter::from_fn(move || {
                        if block >= n {
                            return None;
                        }
                        let range = block..(block + chunk).min(n);
                        block = next.fetch_add(chunk, Ordering::Relaxed);
                        Some(range)
                    })
                    .flatten();
                    for ri in indices {
                        let res = &inv.resources[ri];
                        if ev.rules_for(res.kind).is_empty() {
                            continue;
                        }
                        let input = match &inputs[ri] {
                            Some(v) => v.clone(),
                            None => rule_input(res),
                        };
                        let not_collected = contains_not_collected(&res.attributes);
                        let missing = services_not_collected(res);
                        for (rule, outcome) in ev.evaluate(res.kind, input) {
                            if !scope.applies(&set.rules[rule], res) {
                                continue;
                            }
                            // A rule that reads kinds of a service whose inventory may be
                            // incomplete cannot conclude from what it did not find.
                            let blind = set.rules[rule]
                                .meta
                                .requires
                                .iter()
                                .any(|k| missing.contains(k.service()));
                            let status = match outcome.status {
                                // Undecidable because collection failed is an error, not a maybe.
                                Status::Unknown if not_collected => Status::Error,
                                Status::Fail if blind => Status::Error,
                                s => s,
                            };
                            out.push(RuleResult {
                                rule,
                                resource: ri,
                                status,
                                messages: outcome.messages,
                            });
                        }
                    }
                    if ev.vm_fallbacks() > 0 {
                        tracing::debug!(
                            "{} resources were evaluated by the interpreter after the VM failed",
                            ev.vm_fallbacks()
                        );
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(PolicyError::Invalid("an evaluation worker panicked".into()))
                })
            })
            .collect()
    });
    let mut all = Vec::new();
    for r in results {
        all.extend(r?);
    }
    all.sort_by_key(|r| (r.resource, r.rule));
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services(set: &PolicySet, id: &str) -> BTreeSet<String> {
        let rule = set.rules.iter().find(|r| r.meta.id == id).expect(id);
        rule_services(rule).map(str::to_string).collect()
    }

    fn set(v: &[&str]) -> BTreeSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// The shape `data.complyctl.lib.iam.index_of` builds in Rego (its tests hold it there):
    /// by id and by a different string ARN, in list order, no key for other ARN values.
    #[test]
    fn key_index_lists_resources_by_id_and_by_arn() {
        let plan = serde_json::json!({"id": "aws_iam_policy.a", "attributes": {"arn": {"$unknown": "known_after_apply"}}});
        let live = serde_json::json!({"id": "arn:aws:iam::1:policy/a", "attributes": {"arn": "arn:aws:iam::1:policy/a"}});
        let other =
            serde_json::json!({"id": "p2", "attributes": {"arn": "arn:aws:iam::1:policy/a"}});
        let odd = serde_json::json!({"id": 7, "attributes": "not an object"});
        let list: Vec<regorus::Value> = [&plan, &live, &other, &odd]
            .into_iter()
            .map(|v| regorus::Value::from(v.clone()))
            .collect();
        let got = serde_json::to_value(key_index(&list)).unwrap();
        assert_eq!(
            got,
            serde_json::json!({
                "aws_iam_policy.a": [plan],
                "arn:aws:iam::1:policy/a": [live, other],
                "p2": [other],
            })
        );
    }

    #[test]
    fn a_rule_is_about_its_kind_its_requires_and_its_account_package() {
        let rules = PolicySet::load(&[], true).unwrap();
        assert_eq!(services(&rules, "S3.VERSIONING"), set(&["s3"]));
        // On aws.account: the package names the service whose facts it reads.
        assert_eq!(services(&rules, "IAM.ROOT_MFA"), set(&["iam"]));
        assert_eq!(
            services(&rules, "EC2.EBS_DEFAULT_ENCRYPTION"),
            set(&["ec2"])
        );
        assert_eq!(services(&rules, "GUARDDUTY.ENABLED"), set(&["guardduty"]));
        // A trail rule that reads buckets is about both services.
        let trail_bucket = rules
            .rules
            .iter()
            .find(|r| {
                r.meta.kind == Kind::CloudtrailTrail && r.meta.requires.contains(&Kind::S3Bucket)
            })
            .unwrap();
        assert_eq!(
            rule_services(trail_bucket).collect::<BTreeSet<_>>(),
            ["cloudtrail", "s3"].into_iter().collect()
        );
        // Every built-in rule is about at least one collected service.
        for r in &rules.rules {
            assert!(
                rule_services(r).any(|s| SERVICES.contains(&s)),
                "{} is about no service",
                r.meta.id
            );
        }
    }
}
