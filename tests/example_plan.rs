//! The bundled example (fixtures/plans/media-platform): every misconfiguration in root and
//! child modules, on new resources with unknown ids and split S3 resources, is one `fail` on
//! the right address with controls; compliant twins do not fail; apply-time values are `unknown`.

mod common;

use std::collections::BTreeMap;

use common::{example_plan, path_str, run_json};

#[test]
fn findings_match_the_fixture_expectations() {
    let expected: Vec<serde_json::Value> = serde_json::from_slice(
        &std::fs::read(example_plan().with_file_name("expected.json")).unwrap(),
    )
    .unwrap();
    let (code, report, stderr) = run_json(&[
        "scan",
        "--plan",
        path_str(&example_plan()),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "high findings gate the build: {stderr}");

    let rules: std::collections::BTreeSet<&str> = expected
        .iter()
        .map(|e| e["rule_id"].as_str().unwrap())
        .collect();
    let mut got: BTreeMap<(String, String), String> = BTreeMap::new();
    for f in report["findings"].as_array().unwrap() {
        let rule = f["rule_id"].as_str().unwrap();
        if !rules.contains(rule) {
            continue;
        }
        let key = (
            f["resource"]["id"].as_str().unwrap().to_string(),
            rule.to_string(),
        );
        assert!(
            got.insert(key.clone(), f["status"].as_str().unwrap().to_string())
                .is_none(),
            "duplicate finding {key:?}"
        );
        if f["status"] == "fail" {
            let controls = f["controls"].as_object().unwrap();
            for fw in ["soc2", "fedramp-moderate", "nist-csf-2.0", "mpa-tpn"] {
                assert!(
                    controls
                        .get(fw)
                        .and_then(|c| c.as_array())
                        .is_some_and(|c| !c.is_empty()),
                    "{key:?} has no {fw} controls"
                );
            }
        }
    }
    let want: BTreeMap<(String, String), String> = expected
        .iter()
        .map(|e| {
            (
                (
                    e["address"].as_str().unwrap().to_string(),
                    e["rule_id"].as_str().unwrap().to_string(),
                ),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let diff: Vec<String> = want
        .keys()
        .chain(got.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|k| want.get(*k) != got.get(*k))
        .map(|k| format!("{k:?}: expected {:?}, got {:?}", want.get(k), got.get(k)))
        .collect();
    assert!(diff.is_empty(), "{diff:#?}");
    assert!(
        want.values().any(|s| s == "unknown"),
        "the fixture exercises apply-time unknowns"
    );
    // deletes are counted, not evaluated; the non-AWS resource is skipped
    assert_eq!(report["summary"]["skipped"]["deleted"], 1);
    assert!(report["summary"]["skipped"]["non_aws"].as_u64().unwrap() >= 1);
}

#[test]
fn table_output_is_readable() {
    let out = common::complyctl()
        .args([
            "scan",
            "--plan",
            path_str(&example_plan()),
            "--framework",
            "mpa-tpn",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("example_table_mpa_tpn", text);
}
