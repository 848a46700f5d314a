//! YAML reading with limits: configs, framework packs and rule metadata are small, so
//! anything large or alias-heavy is an attack or a mistake ("billion laughs").

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, Options};

/// Largest YAML document complyctl reads.
pub const MAX_YAML_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct YamlError {
    pub origin: String,
    pub message: String,
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_events = 2_000_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_depth = 64;
    let mut options = Options::default();
    options.budget = Some(budget);
    options
}

/// Parse one YAML document. Duplicate keys are errors; alias expansion is bounded.
pub fn parse<T: DeserializeOwned>(origin: &str, text: &str) -> Result<T, YamlError> {
    if text.len() > MAX_YAML_BYTES {
        return Err(YamlError {
            origin: origin.to_string(),
            message: format!(
                "{} bytes is more than the {MAX_YAML_BYTES}-byte limit for YAML",
                text.len()
            ),
        });
    }
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| YamlError {
        origin: origin.to_string(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn rejects_alias_bombs_and_duplicate_keys() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            bomb.push_str(&format!(
                "{}: &{} [*{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}]\n",
                (b'a' + i) as char,
                (b'a' + i) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char,
                (b'a' + i - 1) as char
            ));
        }
        let r: Result<serde_json::Value, _> = parse("bomb.yaml", &bomb);
        assert!(r.is_err());
        let r: Result<BTreeMap<String, i32>, _> = parse("dup.yaml", "a: 1\na: 2\n");
        let e = r.unwrap_err().to_string();
        assert!(e.starts_with("dup.yaml: "), "{e}");
    }
}
