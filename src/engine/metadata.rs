//! Rule metadata from the OPA `# METADATA` block (regorus drops comments, so we parse it here).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::inventory::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "info" => Severity::Info,
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            other => {
                return Err(format!(
                    "unknown severity `{other}` (expected critical, high, medium, low or info)"
                ))
            }
        })
    }
}

/// What a rule says about itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleMeta {
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub kind: Kind,
    pub remediation: String,
    pub requires: Vec<Kind>,
    pub params: BTreeMap<String, Value>,
    pub references: Vec<String>,
}

#[derive(Deserialize)]
struct Annotations {
    title: Option<String>,
    description: Option<String>,
    custom: Option<Custom>,
    // Other OPA annotation keys are allowed and ignored.
    #[allow(dead_code)]
    scope: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Custom {
    id: Option<String>,
    severity: Option<String>,
    kind: Option<String>,
    remediation: Option<String>,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    params: BTreeMap<String, Value>,
    #[serde(default)]
    references: Vec<String>,
}

/// Extract the text of the first `# METADATA` block, with its first line number.
pub fn metadata_block(source: &str) -> Option<(usize, String)> {
    let mut lines = source.lines().enumerate();
    let start = lines.find(|(_, l)| l.trim() == "# METADATA")?.0;
    let mut yaml = String::new();
    for (_, line) in source.lines().enumerate().skip(start + 1) {
        let t = line.trim_start();
        let Some(rest) = t.strip_prefix('#') else {
            break;
        };
        yaml.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        yaml.push('\n');
    }
    Some((start + 1, yaml))
}

/// Parse and validate rule metadata. `origin` names the file for messages.
pub fn parse_rule_meta(origin: &str, source: &str) -> Result<Option<RuleMeta>, String> {
    let Some((line, yaml)) = metadata_block(source) else {
        return Ok(None);
    };
    let here = format!("{origin}:{line}");
    let ann: Annotations =
        crate::yaml::parse(&format!("{here}: METADATA"), &yaml).map_err(|e| e.to_string())?;
    let custom = ann.custom.ok_or_else(|| format!("{here}: METADATA has no `custom` section (custom.id, custom.severity, custom.kind, custom.remediation)"))?;
    let need = |v: Option<String>, what: &str| -> Result<String, String> {
        match v.map(|s| s.trim().to_string()) {
            Some(s) if !s.is_empty() => Ok(s),
            _ => Err(format!("{here}: METADATA is missing `{what}`")),
        }
    };
    let id = need(custom.id, "custom.id")?;
    if !valid_rule_id(&id) {
        return Err(format!("{here}: rule id `{id}` must look like SERVICE.SNAKE_CASE (upper case letters, digits and _)"));
    }
    let severity = need(custom.severity, "custom.severity")?
        .parse()
        .map_err(|e| format!("{here}: {e}"))?;
    let kind = need(custom.kind, "custom.kind")?
        .parse()
        .map_err(|e| format!("{here}: {e}"))?;
    let requires = custom
        .requires
        .iter()
        .map(|k| {
            k.parse::<Kind>()
                .map_err(|e| format!("{here}: custom.requires: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(RuleMeta {
        id,
        title: need(ann.title, "title")?,
        description: need(ann.description, "description")?,
        severity,
        kind,
        remediation: need(custom.remediation, "custom.remediation")?,
        requires,
        params: custom.params,
        references: custom.references,
    }))
}

fn valid_rule_id(id: &str) -> bool {
    let mut parts = id.splitn(2, '.');
    let (Some(svc), Some(rest)) = (parts.next(), parts.next()) else {
        return false;
    };
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    };
    ok(svc) && rest.split('.').all(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = "# METADATA\n# title: T\n# description: >-\n#   long\n#   text\n# custom:\n#   id: S3.X_Y\n#   severity: high\n#   kind: aws.s3.bucket\n#   remediation: fix it\n#   params:\n#     max_days: 90\npackage complyctl.s3.x\n";

    #[test]
    fn parses_metadata() {
        let m = parse_rule_meta("x.rego", RULE).unwrap().unwrap();
        assert_eq!(m.id, "S3.X_Y");
        assert_eq!(m.description, "long text");
        assert_eq!(m.severity, Severity::High);
        assert_eq!(m.kind, Kind::S3Bucket);
        assert_eq!(m.params["max_days"], serde_json::json!(90));
    }

    #[test]
    fn reports_missing_fields_with_file_and_line() {
        let e = parse_rule_meta("x.rego", &RULE.replace("#   id: S3.X_Y\n", "")).unwrap_err();
        assert_eq!(e, "x.rego:1: METADATA is missing `custom.id`");
        let e =
            parse_rule_meta("x.rego", &RULE.replace("aws.s3.bucket", "aws.s3.bukket")).unwrap_err();
        assert!(e.contains("unknown resource kind `aws.s3.bukket`"), "{e}");
        let e = parse_rule_meta("x.rego", &RULE.replace("S3.X_Y", "s3.lower")).unwrap_err();
        assert!(e.contains("SERVICE.SNAKE_CASE"), "{e}");
        assert!(parse_rule_meta("lib.rego", "package complyctl.lib\n")
            .unwrap()
            .is_none());
    }
}
