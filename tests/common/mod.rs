#![allow(dead_code)]
//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpus/terraform-plans`, or None when the shared corpus is not beside the repo.
pub fn corpus_dir() -> Option<PathBuf> {
    let d = repo().join("../shared/corpus/terraform-plans");
    d.is_dir().then_some(d)
}

pub fn corpus_plans() -> Vec<PathBuf> {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipping: ../shared/corpus/terraform-plans is absent");
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

pub fn complyctl() -> Command {
    let mut c = Command::cargo_bin("complyctl").unwrap();
    c.env_remove("NO_COLOR")
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .env_remove("COMPLYCTL_LOG");
    c
}

pub fn example_plan() -> PathBuf {
    repo().join("fixtures/plans/media-platform/plan.json")
}

pub fn run_json(args: &[&str]) -> (i32, serde_json::Value, String) {
    json_output(complyctl().args(args))
}

/// Run a prepared complyctl command whose stdout is JSON: (exit code, stdout, stderr).
pub fn json_output(cmd: &mut Command) -> (i32, serde_json::Value, String) {
    let out = cmd.output().expect("run complyctl");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {stderr}"));
    (out.status.code().unwrap_or(-1), v, stderr)
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}
pub mod browser;
pub mod fault_proxy;
pub mod moto;
