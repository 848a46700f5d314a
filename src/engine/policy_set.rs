//! Loading policies: built-in (embedded) and user directories, validated once per process.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::metadata::{parse_rule_meta, RuleMeta};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::FRAMEWORKS as EMBEDDED_FRAMEWORKS;

/// Read the built-in policies from this directory instead of the copies embedded at build time.
pub const BUILTIN_DIR_ENV: &str = "COMPLYCTL_BUILTIN_POLICIES";

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("{0}")]
    Invalid(String),
    #[error("{path}: cannot read")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// A `.rego` source and where it came from.
#[derive(Debug, Clone)]
pub struct PolicyFile {
    /// `builtin:s3/versioning.rego` or a filesystem path.
    pub origin: String,
    pub source: String,
}

/// A rule: a policy module with metadata.
#[derive(Debug, Clone)]
pub struct Rule {
    pub meta: RuleMeta,
    /// `data.complyctl.s3.versioning`
    pub package: String,
    pub origin: String,
    pub builtin: bool,
    /// Which of `deny`, `unknown`, `compliant`, `not_applicable` the module defines. The
    /// evaluator only references those: a reference to an undefined rule makes regorus
    /// evaluate the whole package on every call.
    pub decisions: Vec<&'static str>,
}

/// The decision rules a module defines at its top level.
pub fn defined_decisions(source: &str) -> Vec<&'static str> {
    const NAMES: [&str; 4] = ["deny", "unknown", "compliant", "not_applicable"];
    let mut found = Vec::new();
    for line in source.lines() {
        if line.starts_with(char::is_whitespace) {
            continue;
        }
        let line = line.strip_prefix("default ").unwrap_or(line);
        let ident: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if let Some(n) = NAMES.iter().find(|n| **n == ident) {
            if !found.contains(n) {
                found.push(*n);
            }
        }
    }
    found
}

/// Every module and rule, checked: parses, ids unique, metadata complete.
#[derive(Debug, Clone)]
pub struct PolicySet {
    pub modules: Vec<PolicyFile>,
    pub tests: Vec<PolicyFile>,
    pub rules: Vec<Rule>,
    /// Parameter defaults from the rules' metadata.
    pub params: BTreeMap<String, Value>,
}

fn is_test(name: &str) -> bool {
    name.ends_with("_test.rego")
}

fn read_dir_rego(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), PolicyError> {
    let io = |source| PolicyError::Io {
        path: dir.display().to_string(),
        source,
    };
    let meta = std::fs::metadata(dir).map_err(io)?;
    if !meta.is_dir() {
        return Err(PolicyError::Invalid(format!(
            "{}: not a directory (expected a policy directory)",
            dir.display()
        )));
    }
    for entry in std::fs::read_dir(dir).map_err(|source| PolicyError::Io {
        path: dir.display().to_string(),
        source,
    })? {
        let entry = entry.map_err(|source| PolicyError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        let p = entry.path();
        if p.is_dir() {
            read_dir_rego(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "rego") {
            out.push(p);
        }
    }
    Ok(())
}

/// The `package` line of a module, as `data.a.b.c`.
fn package_of(origin: &str, source: &str) -> Result<String, PolicyError> {
    for line in source.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("package ") {
            let pkg = rest.split('#').next().unwrap_or("").trim();
            let ok = !pkg.is_empty()
                && pkg.split('.').all(|p| {
                    let mut c = p.chars();
                    c.next()
                        .is_some_and(|f| f.is_ascii_alphabetic() || f == '_')
                        && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
                });
            if !ok {
                return Err(PolicyError::Invalid(format!(
                    "{origin}: package `{pkg}` must be dotted identifiers (e.g. complyctl.s3.versioning)"
                )));
            }
            return Ok(format!("data.{pkg}"));
        }
    }
    Err(PolicyError::Invalid(format!("{origin}: no `package` line")))
}

impl PolicySet {
    /// Built-in policies plus those in `dirs`.
    pub fn load(dirs: &[PathBuf], builtin: bool) -> Result<PolicySet, PolicyError> {
        let mut files: Vec<(PolicyFile, bool)> = Vec::new();
        if builtin {
            match std::env::var_os(BUILTIN_DIR_ENV) {
                // Rule authors: edit policies/ and test without rebuilding the binary.
                Some(dir) => {
                    let dir = PathBuf::from(dir);
                    let mut paths = Vec::new();
                    read_dir_rego(&dir, &mut paths)?;
                    paths.sort();
                    for p in paths {
                        let rel = p
                            .strip_prefix(&dir)
                            .unwrap_or(&p)
                            .to_string_lossy()
                            .replace('\\', "/");
                        let source =
                            std::fs::read_to_string(&p).map_err(|source| PolicyError::Io {
                                path: p.display().to_string(),
                                source,
                            })?;
                        files.push((
                            PolicyFile {
                                origin: format!("policies/{rel}"),
                                source,
                            },
                            true,
                        ));
                    }
                }
                None => {
                    for (rel, src) in embedded::POLICIES {
                        files.push((
                            PolicyFile {
                                origin: format!("policies/{rel}"),
                                source: (*src).to_string(),
                            },
                            true,
                        ));
                    }
                }
            }
        }
        // The embedded rules are compiled and probed by the test suite; checking them again
        // on every run would be a third of the start-up time of a small scan.
        let check = !dirs.is_empty() || std::env::var_os(BUILTIN_DIR_ENV).is_some() || !builtin;
        for dir in dirs {
            let mut paths = Vec::new();
            read_dir_rego(dir, &mut paths)?;
            paths.sort();
            for p in paths {
                let source = std::fs::read_to_string(&p).map_err(|source| PolicyError::Io {
                    path: p.display().to_string(),
                    source,
                })?;
                files.push((
                    PolicyFile {
                        origin: p.display().to_string(),
                        source,
                    },
                    false,
                ));
            }
        }
        Self::from_files(files, check)
    }

    /// A set of these files. `check` compiles them and probes every rule once, so syntax
    /// errors and unknown builtins surface at load, with positions, instead of per resource.
    pub fn from_files(
        files: Vec<(PolicyFile, bool)>,
        check: bool,
    ) -> Result<PolicySet, PolicyError> {
        let mut set = PolicySet {
            modules: Vec::new(),
            tests: Vec::new(),
            rules: Vec::new(),
            params: BTreeMap::new(),
        };
        let mut by_id: BTreeMap<String, String> = BTreeMap::new();
        let mut by_pkg: BTreeMap<String, String> = BTreeMap::new();
        let mut param_origin: BTreeMap<String, String> = BTreeMap::new();
        for (file, builtin) in files {
            if is_test(&file.origin) {
                set.tests.push(file);
                continue;
            }
            let package = package_of(&file.origin, &file.source)?;
            if let Some(meta) =
                parse_rule_meta(&file.origin, &file.source).map_err(PolicyError::Invalid)?
            {
                if let Some(prev) = by_id.insert(meta.id.clone(), file.origin.clone()) {
                    return Err(PolicyError::Invalid(format!(
                        "{}: duplicate rule id `{}` (also defined in {prev})",
                        file.origin, meta.id
                    )));
                }
                if let Some(prev) = by_pkg.insert(package.clone(), file.origin.clone()) {
                    return Err(PolicyError::Invalid(format!(
                        "{}: package `{package}` already holds a rule ({prev}); one rule per package",
                        file.origin
                    )));
                }
                for (k, v) in &meta.params {
                    match set.params.get(k) {
                        Some(existing) if existing != v => {
                            return Err(PolicyError::Invalid(format!(
                                "{}: parameter `{k}` defaults to {v} but {} sets {existing}; a parameter means one thing everywhere",
                                file.origin, param_origin[k]
                            )));
                        }
                        _ => {
                            set.params.insert(k.clone(), v.clone());
                            param_origin.insert(k.clone(), file.origin.clone());
                        }
                    }
                }
                let decisions = defined_decisions(&file.source);
                set.rules.push(Rule {
                    meta,
                    package,
                    origin: file.origin.clone(),
                    builtin,
                    decisions,
                });
            }
            set.modules.push(file);
        }
        set.rules.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        if check {
            set.check()?;
        }
        Ok(set)
    }

    /// Compile every module and probe every rule once on an empty resource of its kind.
    pub fn check(&self) -> Result<(), PolicyError> {
        super::eval::Evaluator::interpreted(self, &Value::Object(Default::default()))?.probe()
    }

    /// The rule set's identity: SHA-256 of the sorted SHA-256 hex digests of the modules'
    /// sources (tests excluded), each followed by a newline. It depends on content only, not
    /// on where the files live; `find DIR -name '*.rego' ! -name '*_test.rego' -exec sha256sum
    /// {} + | cut -c1-64 | sort | sha256sum` recomputes it.
    pub fn policy_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut digests: Vec<String> = self
            .modules
            .iter()
            .map(|m| hex::encode(Sha256::digest(m.source.as_bytes())))
            .collect();
        digests.sort();
        let mut h = Sha256::new();
        for d in digests {
            h.update(d.as_bytes());
            h.update(b"\n");
        }
        hex::encode(h.finalize())
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.meta.id == id)
    }
}
