//! The bytecode VM and the interpreter reach the same decision for every rule on every
//! resource: of the bundled example plan and of every real plan in ../shared/corpus. The
//! interpreter is the reference (the Rego rule tests run on it); the VM is what scans use.

mod common;

use complyctl::collect::terraform::read_plan;
use complyctl::engine::{evaluate_with, Backend, PolicySet};
use complyctl::inventory::Inventory;
use serde_json::Map;

/// 2026-11-27T00:00:00Z: rules about ages measure against the scan's start.
const NOW_NS: i64 = 1_795_737_600_000_000_000;

fn assert_backends_agree(name: &str, set: &PolicySet, inv: &Inventory) -> usize {
    let params = Map::new();
    let vm = evaluate_with(set, inv, &params, NOW_NS, 2, Backend::Vm, None).unwrap();
    let interp = evaluate_with(set, inv, &params, NOW_NS, 2, Backend::Interpreter, None).unwrap();
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
