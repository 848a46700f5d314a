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

/// Inventories from this size on have their resources parsed on several threads; below it
/// the extra passes cost more than they save.
const PARALLEL_READ_MIN_BYTES: usize = 4 << 20;

/// Threads for parsing an inventory's resources: the machine's cores. The rules load on
/// another thread meanwhile, but they are ready long before a large inventory is read.
fn read_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The plain read of an inventory, with its resources parsed on `workers` threads: one pass
/// splits the top-level `resources` list into its items, the rest of the document is read as
/// usual with an empty list in its place, and each resource is parsed from its own slice of
/// `text`. Parsing is most of the read of a large inventory, and it ran on one core while the
/// other idled. None when anything fails: the caller then reads `text` the slow way, which
/// names the error's JSON path and its line in the file.
fn read_in_parallel(text: &str, workers: usize) -> Option<Inventory> {
    use serde_json::value::RawValue;
    #[derive(Deserialize)]
    struct Shell<'a> {
        #[serde(borrow)]
        resources: Vec<&'a RawValue>,
    }
    let items = serde_json::from_str::<Shell>(text).ok()?.resources;
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return serde_json::from_str(text).ok();
    };
    // Borrowed RawValues are slices of `text`: the list runs from the `[` before the first
    // item to the `]` after the last, with only JSON whitespace in between.
    let offset = |raw: &RawValue| (raw.get().as_ptr() as usize).checked_sub(text.as_ptr() as usize);
    let first_at = offset(first)?;
    let last_end = offset(last)?.checked_add(last.get().len())?;
    let before = text
        .get(..first_at)?
        .trim_end_matches([' ', '\t', '\n', '\r']);
    let after = text
        .get(last_end..)?
        .trim_start_matches([' ', '\t', '\n', '\r']);
    let rest = format!(
        "{}[]{}",
        before.strip_suffix('[')?,
        after.strip_prefix(']')?
    );
    let mut inv: Inventory = serde_json::from_str(&rest).ok()?;
    let parsed = crate::parallel::map(&items, workers, 1024, |r| {
        serde_json::from_str::<Resource>(r.get())
    });
    inv.resources = parsed.into_iter().collect::<Result<_, _>>().ok()?;
    Some(inv)
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
        let plain = if text.len() >= PARALLEL_READ_MIN_BYTES {
            read_in_parallel(text, read_workers())
        } else {
            serde_json::from_str(text).ok()
        };
        let inv: Inventory = match plain {
            Some(inv) => inv,
            None => {
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

    /// The parallel read gives what the plain read gives, whatever the number of threads,
    /// and gives up (so the caller's slow read reports the error) on anything it cannot read.
    #[test]
    fn the_parallel_read_is_the_plain_read() {
        let plan = include_bytes!("../../fixtures/plans/media-platform/plan.json");
        let mut inv = crate::collect::terraform::parse_plan("plan.json", plan.to_vec()).unwrap();
        let one = inv.resources.clone();
        for i in 0..300 {
            inv.resources.extend(one.iter().map(|r| Resource {
                id: format!("{}#{i}", r.id),
                ..r.clone()
            }));
        }
        inv.errors.push(CollectionError {
            source: "aws".into(),
            service: "s3".into(),
            region: None,
            operation: "ListBuckets".into(),
            message: "AccessDenied".into(),
        });
        let text = serde_json::to_string_pretty(&inv).unwrap();
        assert!(text.len() >= PARALLEL_READ_MIN_BYTES, "{}", text.len());
        let plain: Inventory = serde_json::from_str(&text).unwrap();
        assert_eq!(plain, inv);
        let compact = serde_json::to_string(&inv).unwrap();
        for workers in [1, 2, 3] {
            assert_eq!(read_in_parallel(&text, workers).as_ref(), Some(&plain));
            assert_eq!(read_in_parallel(&compact, workers).as_ref(), Some(&plain));
        }
        let empty = serde_json::to_string(&Inventory::default()).unwrap();
        assert_eq!(read_in_parallel(&empty, 2), Some(Inventory::default()));

        let bad_resource = text.replacen("\"kind\": \"aws.s3.bucket\"", "\"kind\": 7", 1);
        assert_ne!(bad_resource, text);
        let bad_rest = text.replacen("\"schema_version\": 1", "\"schema_version\": \"1\"", 1);
        assert_ne!(bad_rest, text);
        let twice = text.replacen('{', "{\"resources\": [],", 1);
        // The error of the slow read names the resource and the line in the file.
        let err = Inventory::from_json("bad.json", &bad_resource)
            .unwrap_err()
            .to_string();
        let line = bad_resource
            .lines()
            .position(|l| l.contains("\"kind\": 7"))
            .unwrap()
            + 1;
        assert!(err.starts_with("bad.json: at `resources["), "{err}");
        assert!(err.contains(&format!("line {line} ")), "{err}");
        for bad in [
            bad_resource,
            bad_rest,
            twice,
            text[..text.len() / 2].to_string(),
        ] {
            assert_eq!(read_in_parallel(&bad, 2), None);
            assert!(Inventory::from_json("bad.json", &bad).is_err());
        }
    }

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
