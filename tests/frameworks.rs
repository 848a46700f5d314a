//! Every framework pack lists exactly its catalog's controls (../shared/reference/catalogs),
//! with well-formed ids, and only maps rules that exist.

mod common;

use std::collections::BTreeSet;

use common::repo;
use complyctl::engine::PolicySet;
use complyctl::frameworks::Frameworks;

fn catalog(file: &str) -> Option<Vec<Vec<String>>> {
    let path = repo().join("../shared/reference/catalogs").join(file);
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect(),
    )
}

fn ids(rows: &[Vec<String>]) -> BTreeSet<String> {
    rows.iter().map(|r| r[0].trim().to_string()).collect()
}

#[test]
fn packs_match_their_catalogs() {
    let set = PolicySet::load(&[], true).unwrap();
    let fws = Frameworks::load_builtin(&set).unwrap();
    let expected_packs = [
        "fedramp-high",
        "fedramp-low",
        "fedramp-moderate",
        "mpa-tpn",
        "nist-csf-1.1",
        "nist-csf-2.0",
        "soc2",
    ];
    let got: Vec<&str> = fws.packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(got, expected_packs);
    let formats = [
        ("soc2", r"^(CC\d+|A1|C1|PI1|P\d+)\.\d+$"),
        ("nist-csf-2.0", r"^[A-Z]{2}\.[A-Z]{2}-\d{2}$"),
        ("nist-csf-1.1", r"^[A-Z]{2}\.[A-Z]{2}-\d+$"),
        ("mpa-tpn", r"^[A-Z]{2}-\d+\.\d+$"),
        ("fedramp-moderate", r"^[A-Z]{2}-\d+(\(\d+\))?$"),
    ];
    for (id, re) in formats {
        let re = regex::Regex::new(re).unwrap();
        for c in &fws.get(id).unwrap().controls {
            assert!(
                re.is_match(&c.id),
                "{id}: control id `{}` is malformed",
                c.id
            );
        }
    }
    assert_eq!(fws.get("mpa-tpn").unwrap().controls.len(), 82);

    let Some(baselines) = catalog("fedramp-rev5-baselines.tsv") else {
        eprintln!("skipping catalog comparison: ../shared/reference/catalogs is absent");
        return;
    };
    let mut cases: Vec<(&str, BTreeSet<String>)> = Vec::new();
    for (col, id) in [
        (1, "fedramp-low"),
        (2, "fedramp-moderate"),
        (3, "fedramp-high"),
    ] {
        cases.push((
            id,
            baselines
                .iter()
                .filter(|r| r.get(col).map(|v| v.trim()) == Some("yes"))
                .map(|r| r[0].trim().to_string())
                .collect(),
        ));
    }
    cases.push(("soc2", ids(&catalog("soc2-tsc-2017.tsv").unwrap())));
    cases.push(("nist-csf-2.0", ids(&catalog("nist-csf-2.0.tsv").unwrap())));
    cases.push(("nist-csf-1.1", ids(&catalog("nist-csf-1.1.tsv").unwrap())));
    cases.push((
        "mpa-tpn",
        ids(&catalog("mpa-tpn-5.3.1-controls.tsv").unwrap()),
    ));
    for (id, want) in cases {
        let pack = fws.get(id).unwrap();
        let have: BTreeSet<String> = pack.controls.iter().map(|c| c.id.clone()).collect();
        assert_eq!(
            have.len(),
            pack.controls.len(),
            "{id}: duplicate control ids"
        );
        let missing: Vec<_> = want.difference(&have).collect();
        let extra: Vec<_> = have.difference(&want).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{id}: missing {missing:?}, not in catalog {extra:?}"
        );
    }
}

#[test]
fn framework_selection_limits_the_scan() {
    let (_, report, _) = common::run_json(&[
        "--no-config",
        "scan",
        "--plan",
        common::path_str(&common::example_plan()),
        "--framework",
        "mpa-tpn",
        "--format",
        "json",
    ]);
    let fws: Vec<&str> = report["frameworks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(fws, vec!["mpa-tpn"]);
    for f in report["findings"].as_array().unwrap() {
        let controls = f["controls"].as_object().unwrap();
        assert_eq!(controls.keys().collect::<Vec<_>>(), vec!["mpa-tpn"], "{f}");
    }
}
