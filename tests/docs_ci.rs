//! Every `complyctl` command in docs/ci.md runs against the example plan: the docs cannot rot.

mod common;

use common::{complyctl, example_plan, repo};

/// `complyctl ...` command lines from the doc's code blocks (YAML `run:`/`entry:` included).
fn doc_commands() -> Vec<String> {
    let doc = std::fs::read_to_string(repo().join("docs/ci.md")).unwrap();
    let mut cmds = Vec::new();
    let mut in_block = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(i) = line.find("complyctl ") {
            let cmd = line[i..].trim().trim_end_matches('\\').trim().to_string();
            // `complyctl:` job names and `cargo install ... complyctl` are not invocations
            if cmd.starts_with("complyctl scan") || cmd.starts_with("complyctl baseline") {
                cmds.push(cmd);
            }
        }
    }
    cmds
}

#[test]
fn every_command_in_the_ci_doc_runs() {
    let cmds = doc_commands();
    assert!(cmds.len() >= 6, "{cmds:#?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example_plan(), dir.path().join("plan.json")).unwrap();
    std::fs::create_dir_all(dir.path().join("reports")).unwrap();
    // baseline create first, so the scans that use it find it
    let mut ordered: Vec<&String> = cmds
        .iter()
        .filter(|c| c.starts_with("complyctl baseline"))
        .collect();
    ordered.extend(cmds.iter().filter(|c| !c.starts_with("complyctl baseline")));
    for cmd in ordered {
        let expanded = cmd.replace("$(date +%F)", "2026-01-01");
        let args: Vec<&str> = expanded.split_whitespace().skip(1).collect();
        let out = complyctl()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        assert!(
            code == 0 || code == 1,
            "`{cmd}` exited {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(dir.path().join("complyctl-report.json").is_file());
    assert!(dir.path().join(".complyctl-baseline.json").is_file());
}
