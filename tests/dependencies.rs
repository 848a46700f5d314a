//! Dependency policy (what `cargo deny check licenses bans` enforces with deny.toml, checked
//! here from `cargo metadata` so CI needs no extra tool): every crate has a license we can ship
//! under Apache-2.0, and banned crates stay out.

use std::process::Command;

/// Licenses compatible with distributing complyctl under Apache-2.0.
const ALLOWED: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "Unlicense",
    "CC0-1.0",
    "BSL-1.0",
    "MPL-2.0",
    "OpenSSL",
    "LLVM-exception",
];

/// Crates we refuse: archived/unmaintained, or a second TLS stack.
const BANNED: &[(&str, &str)] = &[
    ("serde_yaml", "archived and unmaintained: use serde-saphyr"),
    ("openssl-sys", "use rustls; one TLS stack is enough"),
    ("openssl", "use rustls; one TLS stack is enough"),
];

/// Evaluate an SPDX expression (`A OR (B AND C) WITH X`, also the legacy `A/B`).
fn allowed(expr: &str) -> bool {
    let spaced = expr
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('/', " OR ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos = 0;
    parse_or(&tokens, &mut pos) && pos == tokens.len()
}

fn parse_or(t: &[&str], pos: &mut usize) -> bool {
    let mut ok = parse_and(t, pos);
    while t.get(*pos) == Some(&"OR") {
        *pos += 1;
        let rhs = parse_and(t, pos);
        ok = ok || rhs;
    }
    ok
}

fn parse_and(t: &[&str], pos: &mut usize) -> bool {
    let mut ok = parse_atom(t, pos);
    while t.get(*pos) == Some(&"AND") {
        *pos += 1;
        let rhs = parse_atom(t, pos);
        ok = ok && rhs;
    }
    ok
}

fn parse_atom(t: &[&str], pos: &mut usize) -> bool {
    let Some(tok) = t.get(*pos) else { return false };
    *pos += 1;
    let ok = if *tok == "(" {
        let inner = parse_or(t, pos);
        if t.get(*pos) == Some(&")") {
            *pos += 1;
        }
        inner
    } else {
        ALLOWED.contains(tok)
    };
    if t.get(*pos) == Some(&"WITH") {
        *pos += 2;
    }
    ok
}

#[test]
fn spdx_evaluation() {
    assert!(allowed("MIT OR Apache-2.0"));
    assert!(allowed("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(allowed(
        "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT"
    ));
    assert!(allowed("MIT/Apache-2.0"));
    assert!(!allowed("GPL-3.0-only"));
    assert!(!allowed("MIT AND GPL-3.0-only"));
    assert!(allowed("GPL-3.0-only OR MIT"));
}

#[test]
fn dependencies_have_allowed_licenses_and_no_banned_crates() {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut problems = Vec::new();
    for p in meta["packages"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        if name == "complyctl" {
            continue;
        }
        match p["license"].as_str() {
            Some(l) if allowed(l) => {}
            Some(l) => problems.push(format!(
                "{name} {}: license `{l}` is not allowed",
                p["version"]
            )),
            None => problems.push(format!("{name} {}: no license expression", p["version"])),
        }
        if let Some((_, why)) = BANNED.iter().find(|(b, _)| *b == name) {
            problems.push(format!("{name} is banned: {why}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
