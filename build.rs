//! Embeds the built-in policies and framework packs so the binary works from any directory.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect(&p, exts, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e))
        {
            out.push(p);
        }
    }
}

fn emit(f: &mut fs::File, name: &str, root: &Path, exts: &[&str]) {
    let mut files = Vec::new();
    collect(root, exts, &mut files);
    files.sort();
    writeln!(f, "pub static {name}: &[(&str, &str)] = &[").unwrap();
    for p in files {
        let rel = p
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let abs = fs::canonicalize(&p).unwrap();
        writeln!(
            f,
            "    ({rel:?}, include_str!({:?})),",
            abs.to_string_lossy()
        )
        .unwrap();
    }
    writeln!(f, "];").unwrap();
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    let mut f = fs::File::create(out).unwrap();
    emit(&mut f, "POLICIES", &manifest.join("policies"), &["rego"]);
    emit(
        &mut f,
        "FRAMEWORKS",
        &manifest.join("frameworks"),
        &["yaml", "yml"],
    );
    // The VM program cache (src/engine/program_cache.rs) keys on the exact regorus version.
    let lock = fs::read_to_string(manifest.join("Cargo.lock")).unwrap_or_default();
    let regorus = lock
        .split("[[package]]")
        .find(|p| p.contains("\nname = \"regorus\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=COMPLYCTL_REGORUS_VERSION={regorus}");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=frameworks");
    println!("cargo:rerun-if-changed=build.rs");
}
