//! The normalized inventory of every corpus plan validates against schema/inventory.schema.json.

mod common;

use common::{corpus_plans, path_str, repo, run_json};

#[test]
fn inventories_match_the_published_schema() {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo().join("schema/inventory.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut plans = corpus_plans();
    plans.push(common::example_plan());
    for plan in plans.iter().filter(|p| p.exists()) {
        let (code, inv, stderr) = run_json(&["inventory", "--plan", path_str(plan)]);
        assert_eq!(code, 0, "{}: {stderr}", plan.display());
        let errors: Vec<String> = validator
            .iter_errors(&inv)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", plan.display());
    }
}
