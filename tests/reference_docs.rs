//! Generated documents stay current: docs/rules.md is what `complyctl policy docs` prints.

mod common;

use common::{complyctl, repo};

#[test]
fn rules_reference_is_current() {
    let out = complyctl()
        .args(["--no-config", "policy", "docs"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).unwrap();
    let on_disk = std::fs::read_to_string(repo().join("docs/rules.md")).unwrap_or_default();
    assert!(
        generated == on_disk,
        "docs/rules.md is stale: run `cargo run -- policy docs > docs/rules.md` and commit it"
    );
}
