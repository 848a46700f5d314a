//! The built-in rules: their Rego tests pass, and every rule meets the content contract.

use std::collections::BTreeMap;

use complyctl::engine::testing::run_tests;
use complyctl::engine::PolicySet;
use complyctl::frameworks::Frameworks;

#[test]
fn every_rego_test_passes() {
    let set = PolicySet::load(&[], true).unwrap();
    let results = run_tests(&set, None).unwrap();
    let failed: Vec<_> = results.iter().filter(|r| !r.passed).collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(results.len() >= 36, "only {} tests", results.len());
}

/// `scan` skips the load-time compile-and-probe for the embedded rules; this is where they get it.
#[test]
fn the_embedded_rules_compile_and_probe_cleanly() {
    let set = PolicySet::load(&[], true).unwrap();
    set.check().unwrap();
}

#[test]
fn every_rule_has_fail_pass_and_unknown_tests_and_complete_metadata() {
    let set = PolicySet::load(&[], true).unwrap();
    let results = run_tests(&set, None).unwrap();
    let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &results {
        by_file
            .entry(r.file.clone())
            .or_default()
            .push(r.name.clone());
    }
    for rule in &set.rules {
        let test_file = rule.origin.replace(".rego", "_test.rego");
        let names = by_file
            .get(&test_file)
            .unwrap_or_else(|| panic!("{} has no {test_file}", rule.meta.id));
        for case in ["fail", "pass", "unknown"] {
            assert!(
                names.iter().any(|n| n.contains(case)),
                "{}: no test_*{case}* in {test_file}: {names:?}",
                rule.meta.id
            );
        }
        let m = &rule.meta;
        assert!(
            m.title.len() >= 10 && m.description.len() >= 30 && m.remediation.len() >= 30,
            "{}: thin metadata",
            m.id
        );
        // package mirrors the path: policies/<service>/<rule>.rego -> complyctl.<service>.<rule>
        let expected = format!(
            "data.complyctl.{}",
            rule.origin
                .trim_start_matches("policies/")
                .trim_end_matches(".rego")
                .replace('/', ".")
        );
        assert_eq!(rule.package, expected, "{}", m.id);
    }
}

#[test]
fn every_rule_is_mapped_and_every_mapping_names_a_rule() {
    let set = PolicySet::load(&[], true).unwrap();
    // loading validates that every mapped rule exists and every control id matches its pattern
    let fws = Frameworks::load_builtin(&set).unwrap();
    let mapped = fws.controls_by_rule();
    for rule in &set.rules {
        let by_fw = mapped
            .get(&rule.meta.id)
            .unwrap_or_else(|| panic!("{} is not mapped to any control", rule.meta.id));
        for fw in ["soc2", "fedramp-moderate", "nist-csf-2.0", "mpa-tpn"] {
            assert!(
                by_fw.contains_key(fw),
                "{} is not mapped in {fw}",
                rule.meta.id
            );
        }
    }
}
