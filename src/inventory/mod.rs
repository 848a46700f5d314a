//! The normalized inventory: one schema for live AWS resources and Terraform plan resources.
//!
//! Collectors produce it, the engine reads it; nothing in here knows about rules.
//! The JSON shape is documented in `docs/inventory.md` and `schema/inventory.schema.json`.

mod kind;
pub mod unknown;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use kind::{Kind, SERVICES, SKIPPED};

pub const SCHEMA_VERSION: u32 = 1;

/// Where a resource came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceType {
    #[serde(rename = "terraform-plan")]
    TerraformPlan,
    #[serde(rename = "aws")]
    Aws,
}

impl SourceType {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::TerraformPlan => "terraform-plan",
            SourceType::Aws => "aws",
        }
    }
}

/// File and line where a resource is declared, when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub file: String,
    pub line: Option<u32>,
}

/// Plan-only details of a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TerraformInfo {
    pub address: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub actions: Vec<String>,
    pub module: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub id: String,
    pub kind: Kind,
    pub source: SourceType,
    #[serde(default)]
    pub source_path: Option<String>,
    pub name: String,
    pub account: Option<String>,
    pub region: Option<String>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terraform: Option<TerraformInfo>,
    pub attributes: Value,
}

/// One description of an input the inventory was built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    #[serde(rename = "type")]
    pub source_type: SourceType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terraform_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

/// What a collector saw but did not turn into resources.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// Resources whose only planned action is delete.
    pub deleted: u64,
    /// AWS resource types complyctl does not model, with counts.
    pub unsupported: BTreeMap<String, u64>,
    /// Resources of other providers.
    pub non_aws: u64,
    /// Data sources (read, not managed).
    pub data_sources: u64,
    /// Split resources (e.g. aws_s3_bucket_versioning) whose parent is not in the plan.
    pub unlinked: BTreeMap<String, u64>,
}

impl Skipped {
    pub fn merge(&mut self, other: &Skipped) {
        self.deleted += other.deleted;
        self.non_aws += other.non_aws;
        self.data_sources += other.data_sources;
        for (k, v) in &other.unsupported {
            *self.unsupported.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.unlinked {
            *self.unlinked.entry(k.clone()).or_default() += v;
        }
    }
}

/// A failure to collect part of the inventory (per source, service and region).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CollectionError {
    pub source: String,
    pub service: String,
    pub region: Option<String>,
    pub operation: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    pub schema_version: u32,
    pub sources: Vec<SourceInfo>,
    pub resources: Vec<Resource>,
    #[serde(default)]
    pub skipped: Skipped,
    #[serde(default)]
    pub errors: Vec<CollectionError>,
    /// When a saved inventory (`complyctl collect`) was collected (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_at: Option<String>,
    /// SHA-256 (hex) of the canonical JSON of `resources` in a saved inventory, checked on load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

impl Default for Inventory {
    fn default() -> Self {
        Inventory {
            schema_version: SCHEMA_VERSION,
            sources: Vec::new(),
            resources: Vec::new(),
            skipped: Skipped::default(),
            errors: Vec::new(),
            collected_at: None,
            sha256: None,
        }
    }
}

/// A saved inventory could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct LoadError {
    pub origin: String,
    pub message: String,
}

impl Inventory {
    /// Parse a saved inventory (`complyctl inventory` / `collect` output), naming the JSON
    /// path of a type error.
    pub fn from_json(origin: &str, text: &str) -> Result<Inventory, LoadError> {
        let fail = |message: String| LoadError {
            origin: origin.to_string(),
            message,
        };
        // The plain read first: tracking JSON paths costs a good part of the read of a large
        // inventory, and only a file that fails needs them for its error.
        let inv: Inventory = match serde_json::from_str(text) {
            Ok(inv) => inv,
            Err(_) => {
                let mut de = serde_json::Deserializer::from_str(text);
                let inv: Inventory = serde_path_to_error::deserialize(&mut de).map_err(|e| {
                    let inner = e.inner();
                    match inner.classify() {
                        serde_json::error::Category::Data => {
                            fail(format!("at `{}`: {}", e.path(), inner))
                        }
                        _ => fail(format!("invalid JSON: {inner}")),
                    }
                })?;
                de.end().map_err(|e| fail(format!("invalid JSON: {e}")))?;
                inv
            }
        };
        if inv.schema_version != SCHEMA_VERSION {
            return Err(fail(format!(
                "inventory schema_version {} is not supported (expected {SCHEMA_VERSION})",
                inv.schema_version
            )));
        }
        // `complyctl collect` seals what it saved; a changed resource must not be scanned
        // as if it had been collected.
        if let Some(want) = &inv.sha256 {
            let got = inv.resources_sha256();
            if &got != want {
                return Err(fail(format!(
                    "the resources do not match the inventory's sha256 ({want}, computed {got}): the file was modified after `complyctl collect`"
                )));
            }
        }
        Ok(inv)
    }

    /// Fold another inventory (another plan, another account) into this one.
    pub fn extend(&mut self, other: Inventory) {
        self.sources.extend(other.sources);
        self.resources.extend(other.resources);
        self.skipped.merge(&other.skipped);
        self.errors.extend(other.errors);
    }

    /// SHA-256 (hex) of the canonical JSON of the resources: object keys sorted, no
    /// whitespace, so the digest does not depend on how a file was formatted.
    pub fn resources_sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(b"[");
        for (i, r) in self.resources.iter().enumerate() {
            if i > 0 {
                h.update(b",");
            }
            let v = serde_json::to_value(r).unwrap_or(Value::Null);
            let mut buf = Vec::new();
            canonical_json(&v, &mut buf);
            h.update(&buf);
        }
        h.update(b"]");
        hex::encode(h.finalize())
    }

    /// Sort resources and errors so output never depends on collection order.
    pub fn sort(&mut self) {
        self.resources.sort_by(|a, b| {
            (a.source, &a.source_path, &a.id).cmp(&(b.source, &b.source_path, &b.id))
        });
        self.errors.sort();
    }
}

/// Write `v` as JSON with object keys in sorted order and no insignificant whitespace.
pub fn canonical_json(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend(serde_json::to_vec(k).unwrap_or_default());
                out.push(b':');
                if let Some(x) = m.get(k) {
                    canonical_json(x, out);
                }
            }
            out.push(b'}');
        }
        Value::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                canonical_json(x, out);
            }
            out.push(b']');
        }
        other => out.extend(serde_json::to_vec(other).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let v: Value = serde_json::from_str(r#"{"b": [ {"z": 1, "a": null} ], "a": "x"}"#).unwrap();
        let mut out = Vec::new();
        canonical_json(&v, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"a":"x","b":[{"a":null,"z":1}]}"#
        );
    }
}
