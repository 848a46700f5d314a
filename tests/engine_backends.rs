//! The bytecode VM and the interpreter reach the same decision for every rule on every
//! resource: of the bundled example plan and of every real plan in ../shared/corpus. The
//! interpreter is the reference (the Rego rule tests run on it); the VM is what scans use.

mod common;

use complyctl::collect::terraform::read_plan;
use complyctl::engine::{evaluate_with, Backend, PolicySet, RuleResult};
use complyctl::inventory::Inventory;
use serde_json::Map;

/// 2026-11-27T00:00:00Z: rules about ages measure against the scan's start.
const NOW_NS: i64 = 1_795_737_600_000_000_000;

/// The results of the VM and of the interpreter on `inv`, in that order.
fn both_backends(
    set: &PolicySet,
    inv: &Inventory,
    params: &Map<String, serde_json::Value>,
) -> (Vec<RuleResult>, Vec<RuleResult>) {
    let vm = evaluate_with(set, inv, params, NOW_NS, 2, Backend::Vm, None).unwrap();
    let interp = evaluate_with(set, inv, params, NOW_NS, 2, Backend::Interpreter, None).unwrap();
    (vm, interp)
}

fn assert_backends_agree(name: &str, set: &PolicySet, inv: &Inventory) -> usize {
    let (vm, interp) = both_backends(set, inv, &Map::new());
    assert_eq!(vm.len(), interp.len(), "{name}: number of results");
    for (a, b) in vm.iter().zip(&interp) {
        assert_eq!(
            a, b,
            "{name}: rule {} on {} differs (left: VM, right: interpreter)",
            set.rules[b.rule].meta.id, inv.resources[b.resource].id
        );
    }
    vm.len()
}

#[test]
fn vm_agrees_with_the_interpreter_on_the_example_plan() {
    let set = PolicySet::load(&[], true).unwrap();
    let inv = read_plan(&common::example_plan()).unwrap();
    let n = assert_backends_agree("example plan", &set, &inv);
    assert!(
        n > 100,
        "only {n} results: is the example plan evaluated at all?"
    );
}

#[test]
fn vm_agrees_with_the_interpreter_on_every_corpus_plan() {
    let set = PolicySet::load(&[], true).unwrap();
    let mut total = 0;
    for plan in common::corpus_plans() {
        let name = plan.file_name().unwrap().to_string_lossy().to_string();
        // Plans the reader rejects (bad-input cases) are covered by tests/corpus.rs.
        let Ok(inv) = read_plan(&plan) else { continue };
        total += assert_backends_agree(&name, &set, &inv);
    }
    if common::corpus_dir().is_some() {
        assert!(total > 100, "only {total} results over the corpus");
    }
}

/// Workers after the first run a private copy of the compiled program (engine::eval): every
/// copy decides like the original.
#[test]
fn workers_with_copied_programs_decide_like_one_worker() {
    let set = PolicySet::load(&[], true).unwrap();
    let inv = read_plan(&common::example_plan()).unwrap();
    let params = Map::new();
    let run = |workers| evaluate_with(&set, &inv, &params, NOW_NS, workers, Backend::Vm, None);
    let one = run(1).unwrap();
    assert!(one.len() > 100, "only {} results", one.len());
    assert_eq!(run(4).unwrap(), one);
}

/// The VM program cache never changes a result: a program cached by one scan and loaded by
/// the next (with other parameters, so another `data` document) decides like a fresh
/// compile, and a corrupt cache entry is compiled again and replaced.
#[test]
fn a_cached_vm_program_decides_like_a_fresh_compile() {
    let set = PolicySet::load(&[], true).unwrap();
    let inv = read_plan(&common::example_plan()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cache = Some(dir.path());
    let run = |params: &Map<String, serde_json::Value>, cache: Option<&std::path::Path>| {
        evaluate_with(&set, &inv, params, NOW_NS, 2, Backend::Vm, cache).unwrap()
    };
    let defaults = Map::new();
    let fresh = run(&defaults, None);
    assert_eq!(
        run(&defaults, cache),
        fresh,
        "first run (stores the program)"
    );
    let entries: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "one cached program: {entries:?}");
    assert_eq!(run(&defaults, cache), fresh, "second run (loads it)");

    // Data is not part of the program: other parameters, same cached program.
    let mut params = Map::new();
    params.insert("admin_ports".into(), serde_json::json!([80, 443]));
    let other = run(&params, None);
    assert_ne!(other, fresh, "the parameter changes some decision");
    assert_eq!(run(&params, cache), other, "cached program, other data");

    std::fs::write(&entries[0], b"not a program").unwrap();
    assert_eq!(run(&defaults, cache), fresh, "corrupt entry");
    assert_ne!(std::fs::read(&entries[0]).unwrap(), b"not a program");
}

/// The decisions on which the VM and the interpreter differ (at most `limit`), described.
fn differences(
    set: &PolicySet,
    inv: &Inventory,
    params: &Map<String, serde_json::Value>,
    limit: usize,
) -> (usize, Vec<String>) {
    use std::collections::{BTreeMap, BTreeSet};
    let (vm, interp) = both_backends(set, inv, params);
    let by_key = |results: &[RuleResult]| -> BTreeMap<(usize, usize), (complyctl::engine::Status, Vec<String>)> {
        results
            .iter()
            .map(|r| ((r.resource, r.rule), (r.status, r.messages.clone())))
            .collect()
    };
    let (vm_by, interp_by) = (by_key(&vm), by_key(&interp));
    let differ = vm_by
        .keys()
        .chain(interp_by.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|k| vm_by.get(k) != interp_by.get(k))
        .take(limit)
        .map(|k| {
            format!(
                "{} on {} {}: VM {:?} / interpreter {:?}",
                set.rules[k.1].meta.id,
                inv.resources[k.0].id,
                inv.resources[k.0].attributes,
                vm_by.get(k),
                interp_by.get(k),
            )
        })
        .collect();
    (vm.len(), differ)
}

/// A small deterministic generator (xorshift64*): the mutations below are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Paths (object keys and array positions) to every value inside `v`, markers as leaves.
fn value_paths(
    v: &serde_json::Value,
    at: &mut Vec<serde_json::Value>,
    out: &mut Vec<Vec<serde_json::Value>>,
) {
    match v {
        serde_json::Value::Object(o) if !o.contains_key("$unknown") => {
            for (k, x) in o {
                at.push(serde_json::Value::from(k.as_str()));
                out.push(at.clone());
                value_paths(x, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(serde_json::Value::from(i));
                out.push(at.clone());
                value_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// Deletes the value at `path` (an object key) or replaces it with `with`.
fn mutate_at(
    root: &mut serde_json::Value,
    path: &[serde_json::Value],
    with: Option<serde_json::Value>,
) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut node = root;
    for p in parents {
        let next = match (node, p) {
            (serde_json::Value::Object(o), serde_json::Value::String(k)) => o.get_mut(k),
            (serde_json::Value::Array(a), serde_json::Value::Number(i)) => {
                a.get_mut(i.as_u64().unwrap_or(u64::MAX) as usize)
            }
            _ => None,
        };
        let Some(next) = next else { return };
        node = next;
    }
    match (node, last, with) {
        (serde_json::Value::Object(o), serde_json::Value::String(k), None) => {
            o.remove(k);
        }
        (serde_json::Value::Object(o), serde_json::Value::String(k), Some(v)) => {
            o.insert(k.clone(), v);
        }
        (serde_json::Value::Array(a), serde_json::Value::Number(i), Some(v)) => {
            if let Some(slot) = a.get_mut(i.as_u64().unwrap_or(u64::MAX) as usize) {
                *slot = v;
            }
        }
        _ => {}
    }
}

/// regorus's VM and its interpreter disagree on some Rego (docs/rules-authoring.md lists
/// what): an assignment of an undefined value does not fail the VM's body, and `x[v]` with
/// an `every` variable `v` is read as `some v`. Correct rules hit these only on unusual
/// values, the ones real plans and live accounts rarely have. So: the example plan's
/// resources and the corpus's, each with one to three attributes deleted or replaced by
/// markers, nulls and values of the wrong type, under the default parameters and under
/// glob and malformed ones. Every decision must be the same on both.
#[test]
fn vm_agrees_with_the_interpreter_on_mutated_resources() {
    let set = PolicySet::load(&[], true).unwrap();
    let mut base = read_plan(&common::example_plan()).unwrap();
    for plan in common::corpus_plans() {
        if let Ok(inv) = read_plan(&plan) {
            base.resources.extend(inv.resources);
        }
    }
    let weird = [
        serde_json::json!(null),
        serde_json::json!({"$unknown": "known_after_apply"}),
        serde_json::json!({"$unknown": "not_collected"}),
        serde_json::json!("x"),
        serde_json::json!(""),
        serde_json::json!(7),
        serde_json::json!(3389),
        serde_json::json!(true),
        serde_json::json!(false),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!([1, "a"]),
        serde_json::json!("0.0.0.0/0"),
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut inv = base.clone();
    let candidates: Vec<_> = base
        .resources
        .iter()
        .filter(|r| r.kind != complyctl::inventory::Kind::Account)
        .collect();
    for n in 0..300 {
        let mut r = candidates[rng.below(candidates.len())].clone();
        r.id = format!("{}#m{n}", r.id);
        for _ in 0..1 + rng.below(3) {
            let mut paths = Vec::new();
            value_paths(&r.attributes, &mut Vec::new(), &mut paths);
            if paths.is_empty() {
                break;
            }
            let path = paths.swap_remove(rng.below(paths.len()));
            let with = (rng.below(3) != 0).then(|| weird[rng.below(weird.len())].clone());
            mutate_at(&mut r.attributes, &path, with);
        }
        inv.resources.push(r);
    }
    let param_sets = [
        serde_json::json!({}),
        serde_json::json!({"evidence_bucket_patterns": ["media-?*", "[a-c]*-logs", "*final*"], "admin_ports": [22, 8443]}),
        serde_json::json!({"evidence_bucket_patterns": 5}),
    ];
    for params in param_sets {
        let params = params.as_object().cloned().unwrap_or_default();
        let (n, differ) = differences(&set, &inv, &params, 5);
        assert!(
            differ.is_empty(),
            "params {params:?}:\n{}",
            differ.join("\n")
        );
        assert!(n > 1000, "only {n} results");
    }
}

fn resource(id: &str, kind: &str, attributes: serde_json::Value) -> complyctl::inventory::Resource {
    serde_json::from_value(serde_json::json!({
        "id": id, "kind": kind, "source": "aws", "name": id, "account": "123456789012",
        "region": "us-east-1", "tags": {}, "location": null, "attributes": attributes,
    }))
    .unwrap()
}

/// Resources on which the VM read a built-in rule differently from the interpreter before the
/// rules avoided the constructs docs/rules-authoring.md lists. Under the default parameters, a
/// glob `evidence_bucket_patterns` and a malformed one, the scan (VM) then: passed
/// IAM.PASSWORD_POLICY_COMPLEXITY with a "yes" requirement (the interpreter: unknown); skipped
/// the evidence-bucket rules on a bucket without a name, on every bucket under a malformed
/// pattern list, and on a bucket that only a glob pattern matches, hiding an S3.MFA_DELETE
/// and an S3.OBJECT_LOCK_EVIDENCE failure; and gave "no evidence" for an SG open on admin
/// port 8443 (a port without a service name), where the interpreter fails it. The half-set
/// Block Public Access and the AWS managed KMS key went through the same constructs, but
/// another decision settled their results.
#[test]
fn vm_agrees_with_the_interpreter_where_it_used_to_differ() {
    let set = PolicySet::load(&[], true).unwrap();
    let mut inv = read_plan(&common::example_plan()).unwrap();
    let pab = |v: serde_json::Value| {
        serde_json::json!({"block_public_acls": true, "ignore_public_acls": v.clone(),
            "block_public_policy": v, "restrict_public_buckets": true})
    };
    let bucket = |name: serde_json::Value, pab: serde_json::Value| {
        serde_json::json!({"bucket": name, "acl": {"canned": null, "grants": []}, "encryption": null,
            "public_access_block": pab, "versioning": {"status": "Disabled", "mfa_delete": false},
            "logging": null, "lifecycle_rules": [], "object_lock": null, "replication": null,
            "policy": null, "ownership_controls": null})
    };
    inv.resources.extend([
        // `every name in settings { pab[name] == true }` held when one setting was true.
        resource("arn:aws:s3:::half-blocked", "aws.s3.bucket", bucket("half-blocked".into(), pab("yes".into()))),
        // `_ := bucket_name(r)` held without a name: the evidence rules skipped the bucket.
        resource("arn:aws:s3:::nameless", "aws.s3.bucket", bucket(serde_json::Value::Null, pab(true.into()))),
        // `name := port_services[p]` for a port without a name: no message at all.
        resource("sg-8443", "aws.ec2.security_group", serde_json::json!({
            "group_id": "sg-8443", "group_name": "web", "vpc_id": "vpc-1", "is_default": true,
            "description": "", "egress": "not a list",
            "ingress": [{"protocol": "tcp", "from_port": 8443, "to_port": 8443,
                "cidr_ipv4": ["0.0.0.0/0"], "cidr_ipv6": [], "prefix_list_ids": [],
                "security_groups": [], "self": false, "description": ""}]})),
        // `every key, _ in requirements { p.attributes[key] == true }` held for any one key.
        resource("arn:aws:iam::123456789012:account-password-policy", "aws.iam.password_policy", serde_json::json!({
            "minimum_password_length": 14, "require_uppercase_characters": true,
            "require_lowercase_characters": "yes", "require_numbers": 1, "require_symbols": true,
            "max_password_age": 90, "password_reuse_prevention": 24,
            "allow_users_to_change_password": true, "hard_expiry": false})),
        // `every name, want in scope { attrs[name] == want }` held for an AWS managed key.
        resource("arn:aws:kms:us-east-1:123456789012:key/aws", "aws.kms.key", serde_json::json!({
            "key_id": "aws", "arn": "arn:aws:kms:us-east-1:123456789012:key/aws", "key_manager": "AWS",
            "key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT", "key_state": "Enabled",
            "rotation_enabled": false, "multi_region": false})),
    ]);
    for params in [
        serde_json::json!({}),
        serde_json::json!({"evidence_bucket_patterns": ["half-*", "media-?*"], "admin_ports": [22, 8443]}),
        serde_json::json!({"evidence_bucket_patterns": 5}),
    ] {
        let params = params.as_object().cloned().unwrap_or_default();
        let (_, differ) = differences(&set, &inv, &params, usize::MAX);
        assert!(
            differ.is_empty(),
            "params {params:?}:\n{}",
            differ.join("\n")
        );
    }
}
