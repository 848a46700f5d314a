//! Criterion benchmarks of the hot paths (issue #8): reading a plan into the inventory, the
//! rules of each resource kind on one resource, a whole scan, and rendering the reports.
//!
//! `cargo bench` runs them; `cargo test --all-targets` (CI) runs each once, so they cannot rot.
//! Whole-process numbers against Checkov and Prowler come from `scripts/bench.sh` instead.
//!
//! Inputs are the bundled example plan (`fixtures/plans/media-platform`), whose resources are
//! shaped like real `terraform show -json` output, and its inventory grown to `SCAN_SIZE`
//! resources for the scan and report benchmarks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use complyctl::collect::terraform::{parse_plan, read_plan};
use complyctl::engine::{build_data, rule_input, Backend, Compiled, PolicySet};
use complyctl::frameworks::Frameworks;
use complyctl::inventory::{Inventory, Kind};
use complyctl::report::{json, sarif, Report};
use complyctl::scan::{scan, ScanInput};
use complyctl::triage::Triage;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// Resources in the inventory the scan and report benchmarks use.
const SCAN_SIZE: usize = 2_000;

fn example_plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/plans/media-platform/plan.json")
}

/// Everything a scan loads once: rules, packs and the example inventory.
struct Setup {
    policies: PolicySet,
    frameworks: Frameworks,
    inventory: Inventory,
}

fn setup() -> Setup {
    let policies = PolicySet::load(&[], true).expect("the built-in rules load");
    let frameworks = Frameworks::load_builtin(&policies).expect("the built-in packs load");
    let inventory = read_plan(&example_plan()).expect("the example plan reads");
    Setup {
        policies,
        frameworks,
        inventory,
    }
}

/// The example inventory repeated up to `n` resources, each copy with its own ids (the
/// account resource is kept once: there is one per account and region).
fn grown(inv: &Inventory, n: usize) -> Inventory {
    let mut out = inv.clone();
    out.resources.clear();
    let (accounts, others): (Vec<_>, Vec<_>) =
        inv.resources.iter().partition(|r| r.kind == Kind::Account);
    out.resources.extend(accounts.into_iter().cloned());
    let mut copy = 0;
    while out.resources.len() < n && !others.is_empty() {
        for r in &others {
            if out.resources.len() >= n {
                break;
            }
            let mut r = (*r).clone();
            r.id = format!("{}#{copy}", r.id);
            out.resources.push(r);
        }
        copy += 1;
    }
    out
}

fn plan_read(c: &mut Criterion) {
    let bytes = std::fs::read(example_plan()).expect("the example plan reads");
    let changes = parse_plan("plan.json", bytes.clone())
        .map(|inv| inv.resources.len())
        .unwrap_or(1);
    let mut g = c.benchmark_group("plan");
    g.throughput(Throughput::Elements(changes as u64));
    g.bench_function("parse_and_normalize", |b| {
        b.iter_batched(
            || bytes.clone(),
            |bytes| parse_plan("plan.json", bytes).expect("parses"),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// One resource of each kind at a time through that kind's rules: the per-resource cost the
/// 100k-inventory target divides into.
fn evaluate_per_kind(c: &mut Criterion) {
    let s = setup();
    let params = s.frameworks.params();
    let data = build_data(&s.policies, &s.inventory, &params, 0, 1).data;
    let compiled = Compiled::new(&s.policies, data, Backend::Vm, None).expect("the rules compile");
    let mut ev = compiled.evaluator();
    let mut by_kind: BTreeMap<Kind, Vec<regorus::Value>> = BTreeMap::new();
    for r in &s.inventory.resources {
        by_kind.entry(r.kind).or_default().push(rule_input(r));
    }
    let mut g = c.benchmark_group("evaluate");
    for (kind, resources) in by_kind {
        if ev.rules_for(kind).is_empty() {
            continue;
        }
        g.throughput(Throughput::Elements(resources.len() as u64));
        g.bench_function(kind.as_str(), |b| {
            b.iter(|| {
                resources
                    .iter()
                    .map(|r| ev.evaluate(kind, r.clone()).len())
                    .sum::<usize>()
            })
        });
    }
    // A security group the size of real ones (60 ingress permissions): the example's are a
    // few permissions each, and a resource this size once ran past the VM's instruction limit.
    let sg = s
        .inventory
        .resources
        .iter()
        .find(|r| r.kind == Kind::Ec2SecurityGroup)
        .map(|r| {
            let mut r = r.clone();
            let ingress: Vec<serde_json::Value> = (0..60)
                .map(|i| {
                    serde_json::json!({
                        "protocol": "tcp", "from_port": 8000 + i, "to_port": 8000 + i,
                        "cidr_ipv4": [format!("10.{i}.0.0/16")], "cidr_ipv6": [],
                        "prefix_lists": [], "security_groups": [], "self": false,
                        "description": format!("service {i}")
                    })
                })
                .collect();
            if let Some(attributes) = r.attributes.as_object_mut() {
                attributes.insert("ingress".to_string(), serde_json::Value::Array(ingress));
            }
            rule_input(&r)
        });
    if let Some(sg) = sg {
        g.throughput(Throughput::Elements(1));
        g.bench_function("aws.ec2.security_group/60_ingress", |b| {
            b.iter(|| ev.evaluate(Kind::Ec2SecurityGroup, sg.clone()).len())
        });
        assert_eq!(ev.vm_fallbacks(), 0, "the VM gave the large group up");
    }
    g.finish();
}

fn scan_once(s: &Setup, inv: &Inventory, triage: &Triage) -> Report {
    scan(ScanInput {
        inventory: inv,
        policies: &s.policies,
        frameworks: &s.frameworks,
        restrict_to_frameworks: false,
        workers: 1,
        started_at: "2026-01-01T00:00:00Z".to_string(),
        params: serde_json::Map::new(),
        triage,
        program_cache: None,
    })
    .expect("the example scans")
}

/// A whole scan on one worker (compiling the rules included, as a first run does), and the
/// report formats rendered from its result.
fn scan_and_report(c: &mut Criterion) {
    let s = setup();
    let inv = grown(&s.inventory, SCAN_SIZE);
    let triage = Triage::default();
    let mut g = c.benchmark_group("scan");
    g.sample_size(10);
    g.throughput(Throughput::Elements(inv.resources.len() as u64));
    g.bench_function("one_worker", |b| b.iter(|| scan_once(&s, &inv, &triage)));
    g.finish();

    let report = scan_once(&s, &inv, &triage);
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Elements(report.findings.len() as u64));
    g.bench_function("json", |b| b.iter(|| json::render(&report).len()));
    g.bench_function("sarif", |b| {
        b.iter(|| sarif::render(&report, &sarif::Options::default()).len())
    });
    g.finish();
}

criterion_group!(benches, plan_read, evaluate_per_kind, scan_and_report);
criterion_main!(benches);
