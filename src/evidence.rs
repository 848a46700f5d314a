//! Evidence bundles: the inventory a scan saw, its JSON and HTML reports, and a manifest of
//! their SHA-256 hashes, so an auditor can check later that none of them was altered.
//!
//! The manifest is not signed: it proves the files match *it*. Record the manifest's own
//! SHA-256 (printed by `complyctl evidence verify`) somewhere the bundle's writer cannot
//! change, or sign it, to make the bundle tamper-evident as a whole.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::Report;
use crate::scan::sha256_hex;

pub const MANIFEST: &str = "manifest.json";
pub const INVENTORY: &str = "inventory.json";
pub const REPORT_JSON: &str = "report.json";
pub const REPORT_HTML: &str = "report.html";
pub const MANIFEST_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// A file name inside the bundle directory (no directories).
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub tool: String,
    pub tool_version: String,
    pub policy_hash: Option<String>,
    pub created_at: String,
    pub files: Vec<ManifestFile>,
}

impl Manifest {
    /// The manifest of `files` (name, content), in the order given.
    pub fn new(files: &[(&str, &[u8])], report: &Report, created_at: String) -> Manifest {
        Manifest {
            schema_version: MANIFEST_SCHEMA_VERSION,
            tool: report.tool.name.clone(),
            tool_version: report.tool.version.clone(),
            policy_hash: report.scan.policy_hash.clone(),
            created_at,
            files: files
                .iter()
                .map(|(name, bytes)| ManifestFile {
                    name: (*name).to_string(),
                    sha256: sha256_hex(bytes),
                    bytes: bytes.len() as u64,
                })
                .collect(),
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut b = serde_json::to_vec_pretty(self).unwrap_or_default();
        b.push(b'\n');
        b
    }
}

/// The bundle cannot be checked at all: exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("{path}: cannot read the manifest: {error}")]
    Unreadable { path: String, error: std::io::Error },
    #[error("{path}: not a valid evidence manifest: {message}")]
    Invalid { path: String, message: String },
}

/// One problem found in a readable bundle: exit code 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub manifest: Manifest,
    /// SHA-256 of manifest.json itself: compare it with a copy recorded elsewhere.
    pub manifest_sha256: String,
    pub ok: Vec<String>,
    pub mismatches: Vec<Mismatch>,
    /// Files in the directory the manifest does not cover (reported, not an error).
    pub unlisted: Vec<String>,
}

fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && name != MANIFEST
}

/// Recompute every hash in `dir/manifest.json`.
pub fn verify(dir: &Path) -> Result<Verification, VerifyError> {
    let path = dir.join(MANIFEST);
    let shown = path.display().to_string();
    let bytes = std::fs::read(&path).map_err(|error| VerifyError::Unreadable {
        path: shown.clone(),
        error,
    })?;
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    let manifest: Manifest =
        serde_path_to_error::deserialize(&mut de).map_err(|e| VerifyError::Invalid {
            path: shown.clone(),
            message: format!("at `{}`: {}", e.path(), e.inner()),
        })?;
    if manifest.schema_version != MANIFEST_SCHEMA_VERSION {
        return Err(VerifyError::Invalid {
            path: shown,
            message: format!(
                "schema_version {} is not supported (expected {MANIFEST_SCHEMA_VERSION})",
                manifest.schema_version
            ),
        });
    }
    if manifest.files.is_empty() {
        return Err(VerifyError::Invalid {
            path: shown,
            message: "it lists no file".into(),
        });
    }
    if let Some(f) = manifest.files.iter().find(|f| !plain_name(&f.name)) {
        return Err(VerifyError::Invalid {
            path: shown,
            message: format!("`{}` is not a file name inside the bundle", f.name),
        });
    }
    let mut ok = Vec::new();
    let mut mismatches = Vec::new();
    let mut contents: Vec<(&str, Vec<u8>)> = Vec::new();
    for f in &manifest.files {
        match std::fs::read(dir.join(&f.name)) {
            Err(e) => mismatches.push(Mismatch {
                name: f.name.clone(),
                reason: format!("cannot be read: {e}"),
            }),
            Ok(content) => {
                let got = sha256_hex(&content);
                if got != f.sha256.to_ascii_lowercase() {
                    mismatches.push(Mismatch {
                        name: f.name.clone(),
                        reason: format!(
                            "SHA-256 is {got}, the manifest says {} ({} bytes now, {} recorded)",
                            f.sha256,
                            content.len(),
                            f.bytes
                        ),
                    });
                } else {
                    ok.push(f.name.clone());
                    contents.push((f.name.as_str(), content));
                }
            }
        }
    }
    // With every file intact, the report must also describe this inventory and rule set.
    if mismatches.is_empty() {
        mismatches.extend(cross_check(&manifest, &contents));
    }
    let mut unlisted: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n != MANIFEST && !manifest.files.iter().any(|f| &f.name == n))
        .collect();
    unlisted.sort();
    Ok(Verification {
        manifest_sha256: sha256_hex(&bytes),
        manifest,
        ok,
        mismatches,
        unlisted,
    })
}

fn cross_check(manifest: &Manifest, contents: &[(&str, Vec<u8>)]) -> Vec<Mismatch> {
    let get = |name: &str| contents.iter().find(|(n, _)| *n == name).map(|(_, b)| b);
    let Some(report_bytes) = get(REPORT_JSON) else {
        return Vec::new();
    };
    let report = match Report::from_json(report_bytes) {
        Ok(r) => r,
        Err(e) => {
            return vec![Mismatch {
                name: REPORT_JSON.into(),
                reason: format!("is not a readable report: {e}"),
            }]
        }
    };
    let mut out = Vec::new();
    if let (Some(inv), Some(recorded)) = (get(INVENTORY), &report.scan.inventory_sha256) {
        if &sha256_hex(inv) != recorded {
            out.push(Mismatch {
                name: REPORT_JSON.into(),
                reason: format!(
                    "scan.inventory_sha256 is {recorded}, but {INVENTORY} hashes to {}",
                    sha256_hex(inv)
                ),
            });
        }
    }
    if report.scan.policy_hash != manifest.policy_hash {
        out.push(Mismatch {
            name: REPORT_JSON.into(),
            reason: "scan.policy_hash differs from the manifest's policy_hash".into(),
        });
    }
    out
}
