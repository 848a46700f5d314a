//! An on-disk cache of the rules compiled to regorus's VM program.
//!
//! Parsing the rules and compiling them to the VM is most of the start-up of a scan (about
//! half of a small plan's run), and the result depends only on the rule sources, complyctl
//! and regorus: not on the inventory, the parameters or the `data` document, which the VM
//! takes at run time. So the CLI keeps the serialized program in a cache directory, keyed by
//! a hash of all of those, and the next scan with the same rules loads it instead of
//! compiling. A missing, unreadable or corrupt entry is compiled again and rewritten; the
//! cache never changes a result (`tests/engine_backends.rs` compares cached and fresh runs).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use regorus::rvm::program::{DeserializationResult, Program};
use sha2::{Digest, Sha256};

/// Names the cache directory; empty or `off` switches the cache off.
pub const CACHE_DIR_ENV: &str = "COMPLYCTL_CACHE_DIR";

/// The regorus version the binary was built with (from Cargo.lock, by build.rs): a program
/// serialized by one version is not loaded by another.
const REGORUS_VERSION: &str = env!("COMPLYCTL_REGORUS_VERSION");

/// Where the CLI caches programs: `$COMPLYCTL_CACHE_DIR`, else `$XDG_CACHE_HOME/complyctl`,
/// else `$HOME/.cache/complyctl`; `None` when switched off or no home is known.
pub fn default_dir() -> Option<PathBuf> {
    let non_empty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(v) = std::env::var_os(CACHE_DIR_ENV) {
        return (!v.is_empty() && v != "off").then(|| PathBuf::from(v));
    }
    if let Some(x) = non_empty("XDG_CACHE_HOME") {
        return Some(PathBuf::from(x).join("complyctl"));
    }
    non_empty("HOME").map(|h| PathBuf::from(h).join(".cache").join("complyctl"))
}

/// The cache key of a program compiled from `modules` (origin, source) and the generated
/// `wrapper` module, with `entry_points`.
pub fn key<'a>(
    modules: impl IntoIterator<Item = (&'a str, &'a str)>,
    wrapper: &str,
    entry_points: &[&str],
) -> String {
    let mut h = Sha256::new();
    // Length-prefixed fields: no two different inputs hash the same bytes.
    let mut field = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    field("complyctl rvm program v1");
    field(env!("CARGO_PKG_VERSION"));
    field(REGORUS_VERSION);
    field(wrapper);
    for e in entry_points {
        field(e);
    }
    for (origin, source) in modules {
        field(origin);
        field(source);
    }
    format!("{:x}", h.finalize())
}

fn path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("rvm-{key}.bin"))
}

/// The cached program for `key`, if there is a complete, readable one, with its bytes (kept
/// for workers' private copies, [`private_copy`]).
pub fn load(dir: &Path, key: &str) -> Option<(Arc<Program>, Vec<u8>)> {
    let bytes = std::fs::read(path(dir, key)).ok()?;
    match decode(&bytes) {
        Ok(p) => Some((Arc::new(p), bytes)),
        Err(e) => {
            tracing::debug!("cached VM program {key} {e}; compiling");
            None
        }
    }
}

/// The program's serialized bytes; None (logged) when it cannot be serialized.
pub fn serialize(program: &Program) -> Option<Vec<u8>> {
    program
        .serialize_binary()
        .map_err(|e| tracing::debug!("cannot serialize the VM program ({e})"))
        .ok()
}

/// A program from its serialized bytes, unless they are unreadable or incomplete.
pub fn decode(bytes: &[u8]) -> Result<Program, String> {
    match Program::deserialize_binary(bytes) {
        Ok(DeserializationResult::Complete(p)) if !p.needs_recompilation => Ok(p),
        Ok(_) => Err("is incomplete".to_string()),
        Err(e) => Err(format!("is unreadable ({e})")),
    }
}

/// A deep copy of `program` that shares no reference-counted value with it, for another
/// worker's VM (see `eval::Shared::program_for_worker`). `bytes` keeps the serialized
/// program between calls (already set when the program came from the cache or was stored
/// there); None when it cannot be copied.
pub fn private_copy(
    program: &Program,
    bytes: &std::sync::OnceLock<Option<Vec<u8>>>,
) -> Option<Arc<Program>> {
    let bytes = bytes.get_or_init(|| serialize(program));
    decode(bytes.as_deref()?)
        .map_err(|e| tracing::debug!("the copied VM program {e}; sharing it"))
        .ok()
        .map(Arc::new)
}

/// Store a program's serialized `bytes` under `key`. Best effort: a cache that cannot be written only costs the
/// next run its compile time. Written to a temporary file and renamed, so a concurrent run
/// never reads half a program.
pub fn store(dir: &Path, key: &str, bytes: &[u8]) {
    let result = (|| -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let tmp = dir.join(format!("rvm-{key}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, bytes).map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, path(dir, key)).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            e.to_string()
        })
    })();
    if let Err(e) = result {
        tracing::debug!("could not cache the VM program in {}: {e}", dir.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_depends_on_every_source_and_entry_point() {
        let base = key([("a.rego", "package a")], "package w", &["data.w.k"]);
        assert_eq!(
            base,
            key([("a.rego", "package a")], "package w", &["data.w.k"])
        );
        for other in [
            key([("a.rego", "package a2")], "package w", &["data.w.k"]),
            key([("b.rego", "package a")], "package w", &["data.w.k"]),
            key([("a.rego", "package a")], "package w2", &["data.w.k"]),
            key([("a.rego", "package a")], "package w", &["data.w.k2"]),
            // Field boundaries count: moving bytes from one field to the next is another key.
            key([("a.regop", "ackage a")], "package w", &["data.w.k"]),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn a_private_copy_is_a_separate_program_that_decides_alike() {
        let mut engine = regorus::Engine::new();
        engine.set_rego_v0(false);
        engine
            .add_policy(
                "t.rego".into(),
                "package t\nimport rego.v1\nr := {\"big\": input.n > 2, \"s\": \"const\"}".into(),
            )
            .unwrap();
        let compiled = engine
            .compile_with_entrypoint(&regorus::Rc::<str>::from("data.t.r"))
            .unwrap();
        let program = regorus::languages::rego::compiler::Compiler::compile_from_policy(
            &compiled,
            &["data.t.r"],
        )
        .unwrap();
        let bytes = std::sync::OnceLock::new();
        let copy = private_copy(&program, &bytes).expect("the program copies");
        assert!(!Arc::ptr_eq(&program, &copy));
        let run = |p: Arc<Program>| {
            let mut vm = regorus::rvm::RegoVM::new();
            vm.load_program(p);
            vm.set_input(regorus::Value::from(serde_json::json!({"n": 3})));
            vm.execute_entry_point_by_name("data.t.r").unwrap()
        };
        let expected = regorus::Value::from(serde_json::json!({"big": true, "s": "const"}));
        assert_eq!(run(Arc::clone(&program)), expected);
        assert_eq!(run(copy), expected);
        // The serialized form is made once and reused for the next copy.
        assert!(bytes.get().is_some_and(Option::is_some));
        assert!(private_copy(&program, &bytes).is_some());
    }

    #[test]
    fn a_missing_or_corrupt_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path(), "nothing").is_none());
        std::fs::write(path(dir.path(), "junk"), b"junk").unwrap();
        assert!(load(dir.path(), "junk").is_none());
    }
}
