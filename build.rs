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
    mimalloc_options();
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=frameworks");
    println!("cargo:rerun-if-changed=build.rs");
}

/// The numbers of the mimalloc options src/main.rs sets, read from the header of the
/// mimalloc that libmimalloc-sys builds (it exports its include directory as
/// DEP_MIMALLOC_INCLUDE_DIR): the Rust bindings do not name them, and they differ between
/// mimalloc versions.
fn mimalloc_options() {
    let dir =
        std::env::var("DEP_MIMALLOC_INCLUDE_DIR").expect("libmimalloc-sys exports its include dir");
    let header = Path::new(&dir).join("mimalloc.h");
    println!("cargo:rerun-if-changed={}", header.display());
    let text = fs::read_to_string(&header).expect("mimalloc.h is readable");
    let body = text
        .split("typedef enum mi_option_e {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .expect("mimalloc.h declares enum mi_option_e");
    // Plain enumerators count up from 0; aliases (`a = b`) come after the last option.
    let names: Vec<&str> = body
        .lines()
        .map(|l| l.split("//").next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.contains('='))
        .map(|l| l.trim_end_matches(','))
        .collect();
    for (name, env) in [
        ("mi_option_purge_delay", "COMPLYCTL_MI_OPTION_PURGE_DELAY"),
        (
            "mi_option_arena_eager_commit",
            "COMPLYCTL_MI_OPTION_ARENA_EAGER_COMMIT",
        ),
    ] {
        let n = names
            .iter()
            .position(|x| *x == name)
            .unwrap_or_else(|| panic!("mimalloc.h has no {name}"));
        println!("cargo:rustc-env={env}={n}");
    }
}
