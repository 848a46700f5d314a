//! The explicit "unknown" value: never confused with absent (`null`) or `false`.

use serde_json::{json, Value};

pub const MARKER_KEY: &str = "$unknown";

/// Why a value is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Terraform computes it during apply.
    KnownAfterApply,
    /// Terraform marked it sensitive; we never copy sensitive values.
    Sensitive,
    /// The collector could not read it.
    NotCollected,
    /// A plan link matched several candidates.
    Ambiguous,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::KnownAfterApply => "known_after_apply",
            Reason::Sensitive => "sensitive",
            Reason::NotCollected => "not_collected",
            Reason::Ambiguous => "ambiguous",
        }
    }
}

pub fn marker(reason: Reason) -> Value {
    json!({ MARKER_KEY: reason.as_str() })
}

pub fn is_marker(v: &Value) -> bool {
    v.as_object().is_some_and(|o| o.contains_key(MARKER_KEY))
}

/// True when `v` is a marker or holds one at any depth.
pub fn contains_unknown(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.contains_key(MARKER_KEY) || o.values().any(contains_unknown),
        Value::Array(a) => a.iter().any(contains_unknown),
        _ => false,
    }
}

/// True when `v` holds a `not_collected` marker at any depth.
pub fn contains_not_collected(v: &Value) -> bool {
    match v {
        Value::Object(o) => {
            o.get(MARKER_KEY).and_then(Value::as_str) == Some(Reason::NotCollected.as_str())
                || o.values().any(contains_not_collected)
        }
        Value::Array(a) => a.iter().any(contains_not_collected),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_found_at_depth() {
        let v = json!({"a": [1, {"b": marker(Reason::KnownAfterApply)}]});
        assert!(contains_unknown(&v));
        assert!(!contains_not_collected(&v));
        assert!(contains_not_collected(&json!([marker(
            Reason::NotCollected
        )])));
        assert!(!contains_unknown(&json!({"a": null, "b": false})));
    }
}
