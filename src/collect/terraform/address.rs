//! Terraform addresses and references: `module.media["raw"].aws_s3_bucket.this[0]`,
//! `aws_s3_bucket.logs.id`, `var.log_bucket`, `module.net.vpc_id`.

use std::fmt;

/// One `name` or `name[key]` step of a traversal. `key` is kept in its canonical source
/// form: `0` for numbers, `"raw"` (quoted) for strings, so it compares equal to the key
/// terraform prints in addresses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Step {
    pub name: String,
    pub key: Option<String>,
}

/// Split a traversal at top-level dots, keeping bracketed keys with their step.
/// Returns None for text that is not a traversal (unbalanced brackets or quotes).
pub fn parse_traversal(s: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c == '.' || c == '[' {
                break;
            }
            name.push(c);
            chars.next();
        }
        if name.is_empty() {
            return None;
        }
        let mut key = None;
        if chars.peek() == Some(&'[') {
            chars.next();
            let mut k = String::new();
            let mut in_str = false;
            let mut escaped = false;
            loop {
                let c = chars.next()?;
                if in_str {
                    k.push(c);
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        in_str = false;
                    }
                    continue;
                }
                match c {
                    '"' => {
                        in_str = true;
                        k.push(c);
                    }
                    ']' => break,
                    _ => k.push(c),
                }
            }
            key = Some(k);
        }
        steps.push(Step { name, key });
        match chars.next() {
            None => return Some(steps),
            Some('.') => continue,
            Some('[') => return None,
            Some(_) => return None,
        }
    }
}

/// A module instance path such as `module.media["raw"].module.net`; empty for the root.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ModuleInstance(pub Vec<Step>);

impl ModuleInstance {
    pub fn parse(s: Option<&str>) -> Option<ModuleInstance> {
        let Some(s) = s.filter(|s| !s.is_empty()) else {
            return Some(ModuleInstance::default());
        };
        let raw = parse_traversal(s)?;
        let mut steps = Vec::new();
        let mut it = raw.into_iter();
        while let Some(m) = it.next() {
            if m.name != "module" || m.key.is_some() {
                return None;
            }
            steps.push(it.next()?);
        }
        Some(ModuleInstance(steps))
    }

    /// The configuration path: module call names without instance keys.
    pub fn config_path(&self) -> Vec<String> {
        self.0.iter().map(|s| s.name.clone()).collect()
    }

    pub fn parent(&self) -> Option<ModuleInstance> {
        let mut v = self.0.clone();
        v.pop()?;
        Some(ModuleInstance(v))
    }

    pub fn child(&self, step: Step) -> ModuleInstance {
        let mut v = self.0.clone();
        v.push(step);
        ModuleInstance(v)
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for ModuleInstance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "module.{}", s.name)?;
            if let Some(k) = &s.key {
                write!(f, "[{k}]")?;
            }
        }
        Ok(())
    }
}

/// Canonical key text for a resource_changes `index` value.
pub fn index_key(index: &serde_json::Value) -> Option<String> {
    match index {
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::String(s) => serde_json::to_string(s).ok(),
        _ => None,
    }
}

/// What a configuration reference points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// `aws_s3_bucket.logs`, `aws_s3_bucket.this[0].id`
    Resource {
        rtype: String,
        name: String,
        key: Option<String>,
    },
    /// `var.log_bucket`
    Var(String),
    /// `module.net.vpc_id`, `module.media["raw"].bucket_id`
    ModuleOutput {
        call: String,
        key: Option<String>,
        output: String,
    },
    /// data sources, locals, each/count and other things we do not follow.
    Other,
}

/// Only literal keys (`[0]`, `["raw"]`) select an instance; `[count.index]` or `[each.key]`
/// select "the same instance as the referrer", which the linker works out.
fn literal_key(k: Option<String>) -> Option<String> {
    k.filter(|k| k.starts_with('"') || k.parse::<i64>().is_ok())
}

pub fn parse_reference(s: &str) -> Reference {
    let Some(steps) = parse_traversal(s) else {
        return Reference::Other;
    };
    match steps.first().map(|s| s.name.as_str()) {
        Some("var") => match steps.get(1) {
            Some(v) => Reference::Var(v.name.clone()),
            None => Reference::Other,
        },
        Some("module") => match (steps.get(1), steps.get(2)) {
            (Some(call), Some(out)) => Reference::ModuleOutput {
                call: call.name.clone(),
                key: literal_key(call.key.clone()),
                output: out.name.clone(),
            },
            _ => Reference::Other,
        },
        Some("data" | "local" | "each" | "count" | "path" | "terraform" | "self") | None => {
            Reference::Other
        }
        Some(rtype) => match steps.get(1) {
            Some(n) if steps[0].key.is_none() => Reference::Resource {
                rtype: rtype.to_string(),
                name: n.name.clone(),
                key: literal_key(n.key.clone()),
            },
            _ => Reference::Other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_module_instances() {
        let m = ModuleInstance::parse(Some(r#"module.media["raw"].module.net[0]"#)).unwrap();
        assert_eq!(m.0.len(), 2);
        assert_eq!(m.0[0].key.as_deref(), Some(r#""raw""#));
        assert_eq!(m.to_string(), r#"module.media["raw"].module.net[0]"#);
        assert_eq!(m.config_path(), vec!["media", "net"]);
        assert!(ModuleInstance::parse(None).unwrap().is_root());
        assert!(ModuleInstance::parse(Some("aws_s3_bucket.x")).is_none());
        // dots and brackets inside a for_each key stay in the key
        let m = ModuleInstance::parse(Some(r#"module.b["a.b[c]\"d"]"#)).unwrap();
        assert_eq!(m.0[0].key.as_deref(), Some(r#""a.b[c]\"d""#));
    }

    #[test]
    fn parses_references() {
        assert_eq!(
            parse_reference("aws_s3_bucket.this[0].id"),
            Reference::Resource {
                rtype: "aws_s3_bucket".into(),
                name: "this".into(),
                key: Some("0".into())
            }
        );
        assert_eq!(
            parse_reference("var.log_bucket"),
            Reference::Var("log_bucket".into())
        );
        assert_eq!(
            parse_reference(r#"module.media["raw"].bucket_id"#),
            Reference::ModuleOutput {
                call: "media".into(),
                key: Some(r#""raw""#.into()),
                output: "bucket_id".into()
            }
        );
        assert_eq!(
            parse_reference("data.aws_iam_policy_document.x.json"),
            Reference::Other
        );
        assert_eq!(parse_reference("count.index"), Reference::Other);
        assert_eq!(parse_reference("local.name"), Reference::Other);
        assert_eq!(
            parse_reference("aws_s3_bucket.b[count.index].id"),
            Reference::Resource {
                rtype: "aws_s3_bucket".into(),
                name: "b".into(),
                key: None
            }
        );
    }

    #[test]
    fn index_keys_match_address_syntax() {
        assert_eq!(index_key(&serde_json::json!(0)).as_deref(), Some("0"));
        assert_eq!(
            index_key(&serde_json::json!("raw")).as_deref(),
            Some(r#""raw""#)
        );
    }
}
