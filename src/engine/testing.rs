//! `complyctl policy test`: run the `test_*` rules of `_test.rego` files through regorus.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use super::policy_set::{PolicyError, PolicyFile, PolicySet};

#[derive(Debug, Clone, Serialize)]
pub struct TestResult {
    pub file: String,
    pub name: String,
    pub passed: bool,
    pub message: Option<String>,
}

/// Names of the `test_*` rules defined at the start of a line.
fn test_names(source: &str) -> Vec<String> {
    let mut names = BTreeSet::new();
    for line in source.lines() {
        if !line.starts_with("test_") {
            continue;
        }
        let name: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        names.insert(name);
    }
    names.into_iter().collect()
}

fn package(source: &str) -> Option<String> {
    source.lines().find_map(|l| {
        l.trim()
            .strip_prefix("package ")
            .map(|p| format!("data.{}", p.split('#').next().unwrap_or("").trim()))
    })
}

/// Run the tests of `set` (all of them, or those whose origin starts with `only`).
pub fn run_tests(set: &PolicySet, only: Option<&str>) -> Result<Vec<TestResult>, PolicyError> {
    let mut engine = regorus::Engine::new();
    for m in &set.modules {
        engine
            .add_policy(m.origin.clone(), m.source.clone())
            .map_err(|e| PolicyError::Invalid(e.to_string()))?;
    }
    let tests: Vec<&PolicyFile> = set
        .tests
        .iter()
        .filter(|t| only.is_none_or(|o| t.origin.starts_with(o)))
        .collect();
    for t in &tests {
        engine
            .add_policy(t.origin.clone(), t.source.clone())
            .map_err(|e| PolicyError::Invalid(e.to_string()))?;
    }
    // A fixed "now" (2026-01-01T00:00:00Z) so age-based tests do not rot.
    let data = serde_json::json!({"params": set.params, "inventory": {}, "now_ns": 1_767_225_600_000_000_000_i64});
    engine
        .add_data(regorus::Value::from(data))
        .map_err(|e| PolicyError::Invalid(e.to_string()))?;
    let mut results = Vec::new();
    for t in tests {
        let Some(pkg) = package(&t.source) else {
            results.push(TestResult {
                file: t.origin.clone(),
                name: "<package>".into(),
                passed: false,
                message: Some("no package line".into()),
            });
            continue;
        };
        for name in test_names(&t.source) {
            let r = engine.eval_rule(format!("{pkg}.{name}"));
            let (passed, message) = match r {
                Ok(v) => match serde_json::to_value(&v).unwrap_or(Value::Null) {
                    Value::Bool(true) => (true, None),
                    Value::Null if v == regorus::Value::Undefined => (
                        false,
                        Some("undefined (a condition did not hold)".to_string()),
                    ),
                    other => (false, Some(format!("evaluated to {other}, expected true"))),
                },
                Err(e) => (false, Some(format!("error: {e}"))),
            };
            results.push(TestResult {
                file: t.origin.clone(),
                name,
                passed,
                message,
            });
        }
    }
    Ok(results)
}
