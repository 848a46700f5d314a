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
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        tidy(
            origin,
            YamlError {
                origin: origin.to_string(),
                message: e.to_string(),
            },
        )
    })
}

/// serde-saphyr says `error: line 2 column 1: unknown field ...` followed by a snippet of
/// `<input>`; say `file:2:1: unknown key ... (did you mean ...?)` and name the file.
fn tidy(origin: &str, e: YamlError) -> YamlError {
    let msg = e
        .message
        .strip_prefix("error: ")
        .unwrap_or(&e.message)
        .to_string();
    let (head, snippet) = match msg.split_once('\n') {
        Some((h, rest)) => (h.to_string(), Some(rest.replace("<input>", origin))),
        None => (msg.clone(), None),
    };
    let mut located = match parse_position(&head) {
        Some((line, col, rest)) => YamlError {
            origin: format!("{origin}:{line}:{col}"),
            message: rest.to_string(),
        },
        None => YamlError {
            origin: origin.to_string(),
            message: head.clone(),
        },
    };
    if let Some(s) = did_you_mean(&located.message) {
        located.message = s;
    }
    if let Some(snippet) = snippet {
        located.message.push('\n');
        located.message.push_str(&snippet);
    }
    located
}

fn parse_position(head: &str) -> Option<(usize, usize, &str)> {
    let rest = head.strip_prefix("line ")?;
    let (line, rest) = rest.split_once(" column ")?;
    let (col, rest) = rest.split_once(": ")?;
    Some((line.parse().ok()?, col.parse().ok()?, rest))
}

/// `unknown field `fial_on`, expected one of fail_on, frameworks` -> adds `(did you mean `fail_on`?)`.
fn did_you_mean(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest
        .split_once("expected one of ")
        .map(|(_, e)| e)
        .or_else(|| rest.split_once("expected ").map(|(_, e)| e))?;
    let suggestion = expected
        .split(", ")
        .map(|c| c.trim_matches('`'))
        .map(|c| (levenshtein(field, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default();
    Some(format!(
        "unknown key `{field}`{suggestion}; expected one of {expected}"
    ))
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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
        assert!(e.starts_with("dup.yaml:2:"), "{e}");
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Cfg {
        fail_on: Option<String>,
        frameworks: Option<Vec<String>>,
    }

    #[test]
    fn unknown_keys_get_a_position_and_a_suggestion() {
        let e = parse::<Cfg>("cfg.yaml", "frameworks: [a]\nfial_on: high\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("cfg.yaml:2:1: unknown key `fial_on` (did you mean `fail_on`?)"),
            "{e}"
        );
        let e = parse::<Cfg>("cfg.yaml", "frameworks: x\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("cfg.yaml:1:13: "), "{e}");
        assert_eq!(levenshtein("fial_on", "fail_on"), 2);
    }
}
