//! Planned values with Terraform's unknown and sensitive masks applied, and typed access
//! to them that respects "configured but unknown" versus "computed and not configured".

use serde_json::{Map, Value};

use crate::inventory::unknown::{is_marker, marker, Reason};

/// Merge `after` with `after_unknown` and `after_sensitive`: an unknown leaf becomes a
/// `known_after_apply` marker, a sensitive one a `sensitive` marker, so no sensitive value
/// survives past this point.
pub fn overlay(after: Value, unknown: Option<&Value>, sensitive: Option<&Value>) -> Value {
    if sensitive == Some(&Value::Bool(true)) {
        return marker(Reason::Sensitive);
    }
    if unknown == Some(&Value::Bool(true)) {
        return marker(Reason::KnownAfterApply);
    }
    match after {
        Value::Object(obj) => {
            let mut out = Map::with_capacity(obj.len());
            for (k, v) in obj {
                let u = unknown.and_then(|u| u.get(&k));
                let s = sensitive.and_then(|s| s.get(&k));
                out.insert(k, overlay(v, u, s));
            }
            // Keys that are only known at apply time are absent from `after`.
            if let Some(Value::Object(u)) = unknown {
                for (k, uv) in u {
                    if !out.contains_key(k) && uv == &Value::Bool(true) {
                        out.insert(k.clone(), marker(Reason::KnownAfterApply));
                    }
                }
            }
            Value::Object(out)
        }
        Value::Array(arr) => {
            let n = arr.len();
            let mut out: Vec<Value> = Vec::with_capacity(n);
            for (i, v) in arr.into_iter().enumerate() {
                let u = unknown.and_then(|u| u.get(i));
                let s = sensitive.and_then(|s| s.get(i));
                out.push(overlay(v, u, s));
            }
            if let Some(Value::Array(u)) = unknown {
                for uv in u.iter().skip(n) {
                    if uv == &Value::Bool(true) {
                        out.push(marker(Reason::KnownAfterApply));
                    }
                }
            }
            Value::Array(out)
        }
        // A null `after` with an object mask happens for blocks that are entirely computed.
        Value::Null => match unknown {
            Some(Value::Object(u)) if u.values().any(|v| v == &Value::Bool(true)) => {
                let mut out = Map::new();
                for (k, uv) in u {
                    if uv == &Value::Bool(true) {
                        out.insert(k.clone(), marker(Reason::KnownAfterApply));
                    }
                }
                Value::Object(out)
            }
            _ => Value::Null,
        },
        other => other,
    }
}

/// Read access to one resource's planned values, aware of its configuration expressions.
#[derive(Clone, Copy)]
pub struct Attrs<'a> {
    pub values: &'a Value,
    /// The `expressions` object of the resource's configuration block, when the plan has one.
    pub exprs: Option<&'a Value>,
}

static NULL: Value = Value::Null;

impl<'a> Attrs<'a> {
    pub fn new(values: &'a Value, exprs: Option<&'a Value>) -> Self {
        Attrs { values, exprs }
    }

    /// Nested block access: `self.block("vpc_config")` then `.get("x")` on the result.
    pub fn nested(&self, value: &'a Value, key: &str) -> Attrs<'a> {
        let exprs = self
            .exprs
            .and_then(|e| e.get(key))
            .and_then(|e| e.get(0).or(Some(e)));
        Attrs {
            values: value,
            exprs,
        }
    }

    pub fn raw(&self, key: &str) -> &'a Value {
        self.values.get(key).unwrap_or(&NULL)
    }

    /// Does the configuration set this argument? Without configuration in the plan we
    /// cannot tell, and assume it does (so unknown stays unknown: fail closed).
    pub fn configured(&self, key: &str) -> bool {
        match self.exprs {
            Some(e) => e.get(key).is_some(),
            None => true,
        }
    }

    /// The value as planned; unknown stays unknown (ids, ARNs and other computed results).
    pub fn get(&self, key: &str) -> Value {
        self.raw(key).clone()
    }

    /// An optional setting: a computed-but-not-configured unknown reads as absent (null),
    /// since the provider only reports back what AWS defaults to.
    pub fn setting(&self, key: &str) -> Value {
        let v = self.raw(key);
        if is_marker(v) && !self.configured(key) {
            return Value::Null;
        }
        v.clone()
    }

    /// A value, or `default` when absent. Unknown stays unknown.
    pub fn or(&self, key: &str, default: Value) -> Value {
        match self.setting(key) {
            Value::Null => default,
            v => v,
        }
    }

    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.raw(key).as_str()
    }

    /// A nested block (`[ {...} ]` in plan JSON): Some(first element), Some(marker) when
    /// unknown and configured, None when absent or computed-and-not-configured.
    pub fn block(&self, key: &str) -> Option<&'a Value> {
        let v = self.raw(key);
        if is_marker(v) {
            return self.configured(key).then_some(v);
        }
        match v {
            Value::Array(a) => a.first(),
            Value::Object(_) => Some(v),
            _ => None,
        }
    }

    /// All elements of a repeated block; `Err(marker)` when the whole list is unknown and configured.
    pub fn blocks(&self, key: &str) -> Result<&'a [Value], Value> {
        let v = self.raw(key);
        if is_marker(v) {
            return if self.configured(key) {
                Err(v.clone())
            } else {
                Ok(&[])
            };
        }
        Ok(v.as_array().map(Vec::as_slice).unwrap_or(&[]))
    }
}

/// Parse a JSON document held in a string attribute (policies); unknown stays unknown,
/// unparsable text is kept as a string so a rule can report it.
pub fn parse_document(v: Value) -> Value {
    match v {
        Value::String(s) if s.trim().is_empty() => Value::Null,
        Value::String(s) => serde_json::from_str(&s).unwrap_or(Value::String(s)),
        other => other,
    }
}

/// A list value (e.g. cidr_blocks): null becomes `[]`, unknown stays a marker.
pub fn list_or_empty(v: Value) -> Value {
    match v {
        Value::Null => Value::Array(vec![]),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn overlay_marks_unknown_and_sensitive_leaves() {
        let after =
            json!({"a": 1, "list": ["x", null], "secret": "hunter2", "nested": [{"p": null}]});
        let unknown = json!({"id": true, "list": [false, true], "nested": [{"p": true}]});
        let sensitive = json!({"secret": true});
        let v = overlay(after, Some(&unknown), Some(&sensitive));
        assert_eq!(v["id"], json!({"$unknown": "known_after_apply"}));
        assert_eq!(v["list"][1], json!({"$unknown": "known_after_apply"}));
        assert_eq!(
            v["nested"][0]["p"],
            json!({"$unknown": "known_after_apply"})
        );
        assert_eq!(v["secret"], json!({"$unknown": "sensitive"}));
        assert!(!v.to_string().contains("hunter2"));
        assert_eq!(v["a"], json!(1));
    }

    #[test]
    fn computed_but_not_configured_reads_as_absent() {
        let values = json!({"versioning": {"$unknown": "known_after_apply"}, "policy": {"$unknown": "known_after_apply"}});
        let exprs = json!({"policy": {"references": ["aws_s3_bucket.b.arn"]}});
        let a = Attrs::new(&values, Some(&exprs));
        assert_eq!(a.setting("versioning"), Value::Null);
        assert!(
            is_marker(&a.get("versioning")),
            "computed results stay unknown"
        );
        assert!(a.block("versioning").is_none());
        assert!(is_marker(&a.setting("policy")));
        // without configuration we cannot tell, so unknown stays unknown
        let a = Attrs::new(&values, None);
        assert!(is_marker(&a.setting("versioning")));
    }
}
