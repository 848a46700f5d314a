//! The commands: turn validated arguments into library calls and bytes on stdout/files.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde_json::json;

use clap::CommandFactory;

use super::args::{
    BaselineCommand, Cli, CollectArgs, Command, DiffArgs, DiffFormat, EvidenceCommand, FailOn,
    Format, FrameworkCommand, ListFormat, PolicyArgs, PolicyCommand,
};
use super::output::{
    stdout_color, write_atomic, write_atomic_with, write_stdout, write_stdout_with,
};
use super::settings::{load_config, load_report, scan_settings, ScanSettings, SourceSpec};
use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_INCOMPLETE};
use crate::collect::{aws, terraform};
use crate::config::{glob_match, STARTER};
use crate::engine::testing::run_tests;
use crate::engine::{PolicySet, Severity, Status};
use crate::evidence::{self, Manifest};
use crate::frameworks::Frameworks;
use crate::inventory::Inventory;
use crate::report::table::TableOptions;
use crate::report::{self, trend, Report};
use crate::scan::{inventory_json, now_rfc3339, scan, ScanInput};
use crate::triage::Baseline;

pub fn run(cli: Cli) -> Result<u8> {
    let color = stdout_color(cli.color);
    // Progress goes to stderr, only for a person watching it.
    let progress = !cli.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    match cli.command {
        Command::Scan(args) => {
            let config = load_config(cli.config.as_ref(), cli.no_config)?;
            let mut settings = scan_settings(&args, config)?;
            settings.sources.set_progress(progress);
            cmd_scan(&settings, color, cli.quiet)
        }
        Command::Baseline(BaselineCommand::Create { scan: args }) => {
            let config = load_config(cli.config.as_ref(), cli.no_config)?;
            let mut settings = scan_settings(&args, config)?;
            settings.sources.set_progress(progress);
            // A baseline records what fails now, whatever an older baseline says.
            settings.triage.baseline = None;
            if settings.previous.is_some() || settings.evidence_dir.is_some() {
                bail!("baseline create does not take --previous or --evidence-dir");
            }
            if settings.outputs.is_empty() {
                bail!("baseline create needs -o FILE (e.g. -o .complyctl-baseline.json)");
            }
            let (report, _) = run_scan(&settings)?;
            let baseline = Baseline::from_report(&report);
            for (_, path) in &settings.outputs {
                write_atomic(path, &baseline.to_json())?;
            }
            if !cli.quiet {
                eprintln!(
                    "baseline: {} failing findings recorded",
                    baseline.findings.len()
                );
            }
            Ok(EXIT_CLEAN)
        }
        Command::Collect(args) => cmd_collect(args, progress),
        Command::Inventory(args) => {
            let inv = load_sources(&SourceSpec::from_args(&args.sources, None))?;
            // The same bytes as an evidence bundle's inventory.json (scan.inventory_sha256).
            let bytes = inventory_json(&inv)?;
            match args.output {
                Some(p) => write_atomic(&p, &bytes)?,
                None => write_stdout(&bytes)?,
            }
            Ok(EXIT_CLEAN)
        }
        Command::Diff(args) => cmd_diff(&args, color),
        Command::Evidence(EvidenceCommand::Verify { dir }) => cmd_evidence_verify(&dir, cli.quiet),
        Command::Policy(cmd) => cmd_policy(cmd, color),
        Command::Framework(cmd) => cmd_framework(cmd, color),
        Command::Init { path, force } => {
            if path.exists() && !force {
                bail!(
                    "{} already exists (use --force to overwrite)",
                    path.display()
                );
            }
            write_atomic(&path, STARTER.as_bytes())?;
            if !cli.quiet {
                eprintln!("wrote {}", path.display());
            }
            Ok(EXIT_CLEAN)
        }
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "complyctl", &mut out);
            write_stdout(&out)?;
            Ok(EXIT_CLEAN)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            write_stdout(&out)?;
            Ok(EXIT_CLEAN)
        }
    }
}

fn load_policies(args: &PolicyArgs) -> Result<PolicySet> {
    Ok(PolicySet::load(&args.policy_dirs, true)?)
}

/// Read every --plan and --inventory, and scan --aws, into one inventory.
pub fn load_sources(src: &SourceSpec) -> Result<Inventory> {
    if src.plans.is_empty() && src.inventories.is_empty() && src.aws.is_none() {
        bail!(
            "nothing to scan: give --plan FILE (from `terraform show -json`), --inventory FILE or --aws"
        );
    }
    if let Some(d) = &src.tf_dir {
        if !d.is_dir() {
            bail!("--tf-dir {}: not a directory", d.display());
        }
    }
    if let Some(d) = &src.sarif_root {
        if !d.is_dir() {
            bail!("--sarif-root {}: not a directory", d.display());
        }
    }
    let mut inv = Inventory::default();
    for p in &src.plans {
        // Without --tf-dir, the configuration is looked for beside the plan file.
        let tf_dir = src.tf_dir.clone().or_else(|| match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => Some(d.to_path_buf()),
            _ => Some(PathBuf::from(".")),
        });
        let opts = terraform::ReadOptions {
            tf_dir,
            root: src.sarif_root.clone(),
            ..terraform::ReadOptions::default()
        };
        inv.extend(terraform::read_plan_with(p, &opts)?);
    }
    for p in &src.inventories {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
        inv.extend(Inventory::from_json(&p.display().to_string(), &text)?);
    }
    if let Some(opts) = &src.aws {
        inv.extend(aws::collect(opts)?);
    }
    inv.sort();
    Ok(inv)
}

/// `complyctl collect`: the inventory with when it was collected and a digest of its resources.
fn cmd_collect(args: CollectArgs, progress: bool) -> Result<u8> {
    let collected_at = now_rfc3339();
    let mut sources = SourceSpec::from_args(&args.sources, None);
    sources.set_progress(progress);
    let mut inv = load_sources(&sources)?;
    inv.collected_at = Some(collected_at);
    inv.sha256 = Some(inv.resources_sha256());
    let bytes = inventory_json(&inv)?;
    match &args.output {
        Some(p) => write_atomic(p, &bytes)?,
        None => write_stdout(&bytes)?,
    }
    if !inv.errors.is_empty() {
        tracing::warn!(
            "collection incomplete: {} error(s) recorded in the inventory",
            inv.errors.len()
        );
    }
    Ok(if inv.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_INCOMPLETE
    })
}

fn threshold(f: FailOn) -> Option<Severity> {
    match f {
        FailOn::Critical => Some(Severity::Critical),
        FailOn::High => Some(Severity::High),
        FailOn::Medium => Some(Severity::Medium),
        FailOn::Low => Some(Severity::Low),
        FailOn::None => None,
    }
}

/// 3 when the scan is incomplete (unless `allow_partial`), else 1 when a failing finding
/// reaches the threshold.
pub fn exit_code(report: &Report, fail_on: FailOn, allow_partial: bool) -> u8 {
    let incomplete =
        !report.errors.is_empty() || report.findings.iter().any(|f| f.status == Status::Error);
    if incomplete && !allow_partial {
        return EXIT_INCOMPLETE;
    }
    match threshold(fail_on) {
        Some(t)
            if report
                .findings
                .iter()
                .any(|f| f.status == Status::Fail && f.severity >= t) =>
        {
            EXIT_FINDINGS
        }
        _ => EXIT_CLEAN,
    }
}

/// Write the report in `format`; JSON is streamed (the largest output by far).
fn emit(report: &Report, format: Format, color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => report::json::write(report, out),
        _ => out.write_all(&render(report, format, color)),
    }
}

fn render(report: &Report, format: Format, color: bool) -> Vec<u8> {
    match format {
        Format::Json => report::json::render(report),
        Format::Table => report::table::render(report, &TableOptions { color, width: None }),
        Format::Sarif => report::sarif::render(report, &report::sarif::Options::default()),
        Format::Junit => report::junit::render(report, &report::junit::Options::default()),
        Format::Markdown => report::markdown::render(report, &report::markdown::Options::default()),
        Format::Asff => report::asff::render(report, &report::asff::Options::default()),
        Format::Html => report::html::render(report),
    }
}

/// Policies, frameworks and sources per the settings -> the report and the inventory it saw.
fn run_scan(settings: &ScanSettings) -> Result<(Report, Inventory)> {
    let started_at = now_rfc3339();
    // Reading a large plan or inventory is a serial part of the scan; the rules and the
    // framework packs are read meanwhile on another thread. Errors keep their order:
    // rules, then frameworks, then sources.
    let phase = std::time::Instant::now();
    let (rules_and_packs, inventory) = std::thread::scope(|s| {
        let rules = s.spawn(|| -> Result<(PolicySet, Frameworks)> {
            let policies = PolicySet::load(&settings.policy_dirs, true)?;
            let all = Frameworks::load_builtin(&policies)?;
            Ok((policies, all))
        });
        let join = |h: std::thread::ScopedJoinHandle<'_, Result<(PolicySet, Frameworks)>>| {
            h.join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("loading the rules panicked")))
        };
        if settings.sources.aws.is_some() {
            // A live collection takes minutes: a broken rule must stop it before it starts.
            let rules = join(rules);
            if rules.is_err() {
                return (rules, Ok(Inventory::default()));
            }
            return (rules, load_sources(&settings.sources));
        }
        let inventory = load_sources(&settings.sources);
        (join(rules), inventory)
    });
    let (mut policies, all) = rules_and_packs?;
    let frameworks = all.select(&settings.frameworks)?;
    let inventory = inventory?;
    tracing::debug!(
        "read {} resources and the rules in {:.2?}",
        inventory.resources.len(),
        phase.elapsed()
    );
    for pattern in settings
        .config
        .rules
        .enable
        .iter()
        .chain(&settings.config.rules.disable)
    {
        if !policies
            .rules
            .iter()
            .any(|r| glob_match(pattern, &r.meta.id))
        {
            tracing::warn!("rules: `{pattern}` matches no rule");
        }
    }
    policies
        .rules
        .retain(|r| settings.config.rule_enabled(&r.meta.id));
    let report = scan(ScanInput {
        inventory: &inventory,
        policies: &policies,
        frameworks: &frameworks,
        restrict_to_frameworks: !settings.frameworks.is_empty(),
        workers: settings.workers,
        started_at,
        params: settings.params.clone(),
        triage: &settings.triage,
        program_cache: crate::engine::program_cache::default_dir(),
    })?;
    Ok((report, inventory))
}

fn cmd_scan(settings: &ScanSettings, color: bool, quiet: bool) -> Result<u8> {
    let (mut report, inventory) = run_scan(settings)?;
    if let Some(previous) = &settings.previous {
        report.trend = Some(trend::compare(previous, &report));
    }
    if !quiet {
        for w in &report.warnings {
            eprintln!("warning: {w}");
        }
    }
    let phase = std::time::Instant::now();
    for (format, path) in &settings.outputs {
        write_atomic_with(path, |out| emit(&report, *format, false, out))?;
    }
    if let Some(dir) = &settings.evidence_dir {
        write_evidence(dir, &report, &inventory)?;
        if !quiet {
            eprintln!("evidence bundle written to {}", dir.display());
        }
    }
    write_stdout_with(|out| emit(&report, settings.format, color, out))?;
    tracing::debug!("wrote the reports in {:.2?}", phase.elapsed());
    if settings.allow_partial && !report.errors.is_empty() {
        tracing::warn!(
            "scan incomplete: {} collection error(s) (see the report's errors); --allow-partial keeps the findings' exit code",
            report.errors.len()
        );
    }
    let code = exit_code(&report, settings.fail_on, settings.allow_partial);
    if settings.push_securityhub && !push_securityhub(settings, &report, quiet)? {
        return Ok(EXIT_INCOMPLETE);
    }
    // Freeing a large scan's report and inventory is the last serial step; the process
    // usually exits before the background thread is done, and the OS takes the rest.
    crate::dispose::later(report);
    crate::dispose::later(inventory);
    Ok(code)
}

/// `--push-securityhub`, after every report is written. False when some findings did not get
/// in (each failure is printed): the run is then incomplete.
fn push_securityhub(settings: &ScanSettings, report: &Report, quiet: bool) -> Result<bool> {
    let Some(opts) = &settings.sources.aws else {
        bail!("--push-securityhub needs --aws");
    };
    let outcome = crate::publish::securityhub::push(report, opts)?;
    if !quiet {
        for r in &outcome.regions {
            eprintln!(
                "securityhub: {}/{}: {} imported, {} archived, {} request(s){}",
                r.account,
                r.region,
                r.imported,
                r.archived,
                r.requests,
                if r.lifecycle_skipped {
                    " (collection incomplete here: nothing archived)"
                } else {
                    ""
                }
            );
        }
    }
    for e in &outcome.errors {
        eprintln!("error: securityhub push: {e}");
    }
    Ok(outcome.errors.is_empty())
}

/// The evidence bundle: each file atomically, the manifest last (a bundle without a manifest
/// is incomplete, and `evidence verify` says so).
fn write_evidence(dir: &std::path::Path, report: &Report, inventory: &Inventory) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    let inv = inventory_json(inventory).context("cannot serialize the inventory")?;
    let json = report::json::render(report);
    let html = report::html::render(report);
    let files: [(&str, &[u8]); 3] = [
        (evidence::INVENTORY, &inv),
        (evidence::REPORT_JSON, &json),
        (evidence::REPORT_HTML, &html),
    ];
    for (name, bytes) in files {
        write_atomic(&dir.join(name), bytes)?;
    }
    let manifest = Manifest::new(&files, report, now_rfc3339());
    write_atomic(&dir.join(evidence::MANIFEST), &manifest.to_json())
}

fn cmd_diff(args: &DiffArgs, color: bool) -> Result<u8> {
    let old = load_report(&args.old)?;
    let new = load_report(&args.new)?;
    let t = trend::compare(&old, &new);
    let bytes = match args.format {
        DiffFormat::Table => trend::render_text(&t, color).into_bytes(),
        DiffFormat::Json => trend::render_json(&t),
        DiffFormat::Markdown => trend::render_markdown(&t),
    };
    write_stdout(&bytes)?;
    Ok(EXIT_CLEAN)
}

fn cmd_evidence_verify(dir: &std::path::Path, quiet: bool) -> Result<u8> {
    let v = evidence::verify(dir)?;
    let mut out = String::new();
    for f in &v.manifest.files {
        let mut altered = false;
        for m in v.mismatches.iter().filter(|m| m.name == f.name) {
            let _ = writeln!(out, "ALTERED  {}: {}", m.name, m.reason);
            altered = true;
        }
        if !altered {
            let _ = writeln!(out, "ok       {}", f.name);
        }
    }
    for name in &v.unlisted {
        let _ = writeln!(out, "note     {name}: not covered by the manifest");
    }
    let _ = writeln!(
        out,
        "manifest {} sha256 {} (created {} by {} {}; policy hash {})",
        evidence::MANIFEST,
        v.manifest_sha256,
        v.manifest.created_at,
        v.manifest.tool,
        v.manifest.tool_version,
        v.manifest.policy_hash.as_deref().unwrap_or("-")
    );
    if !quiet || !v.mismatches.is_empty() {
        write_stdout(out.as_bytes())?;
    }
    if v.mismatches.is_empty() {
        if !quiet {
            eprintln!(
                "evidence verified: {} files match {}",
                v.ok.len(),
                evidence::MANIFEST
            );
        }
        Ok(EXIT_CLEAN)
    } else {
        let names: std::collections::BTreeSet<&str> =
            v.mismatches.iter().map(|m| m.name.as_str()).collect();
        eprintln!(
            "error: evidence does not match its manifest: {}",
            names.into_iter().collect::<Vec<_>>().join(", ")
        );
        Ok(EXIT_FINDINGS)
    }
}

fn new_table() -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t
}

fn json_bytes(v: &serde_json::Value) -> Result<Vec<u8>> {
    let mut b = serde_json::to_vec_pretty(v)?;
    b.push(b'\n');
    Ok(b)
}

fn cmd_policy(cmd: PolicyCommand, _color: bool) -> Result<u8> {
    match cmd {
        PolicyCommand::List { policies, format } => {
            let set = load_policies(&policies)?;
            let fws = Frameworks::load_builtin(&set)?;
            let controls = fws.controls_by_rule();
            match format {
                ListFormat::Json => {
                    let rules: Vec<_> = set
                        .rules
                        .iter()
                        .map(|r| {
                            let mut v = serde_json::to_value(&r.meta).unwrap_or_default();
                            v["builtin"] = json!(r.builtin);
                            v["controls"] =
                                json!(controls.get(&r.meta.id).cloned().unwrap_or_default());
                            v
                        })
                        .collect();
                    write_stdout(&json_bytes(&json!(rules))?)?;
                }
                ListFormat::Table => {
                    let mut t = new_table();
                    t.set_header(vec!["Rule", "Severity", "Kind", "Title"]);
                    for r in &set.rules {
                        t.add_row(vec![
                            r.meta.id.clone(),
                            r.meta.severity.to_string(),
                            r.meta.kind.to_string(),
                            r.meta.title.clone(),
                        ]);
                    }
                    write_stdout(format!("{t}\n{} rules\n", set.rules.len()).as_bytes())?;
                }
            }
            Ok(EXIT_CLEAN)
        }
        PolicyCommand::Show { id, policies } => {
            let set = load_policies(&policies)?;
            let fws = Frameworks::load_builtin(&set)?;
            let Some(rule) = set.rule(&id) else {
                bail!("no rule `{id}` (see `complyctl policy list`)");
            };
            write_stdout(rule_doc(rule, &fws).as_bytes())?;
            Ok(EXIT_CLEAN)
        }
        PolicyCommand::Docs { policies } => {
            let set = load_policies(&policies)?;
            let fws = Frameworks::load_builtin(&set)?;
            write_stdout(rules_reference(&set, &fws).as_bytes())?;
            Ok(EXIT_CLEAN)
        }
        PolicyCommand::Test { dirs, format } => {
            let set = if dirs.is_empty() {
                PolicySet::load(&[], true)?
            } else {
                PolicySet::load(&dirs, true)?
            };
            let only = if dirs.is_empty() { None } else { Some(()) };
            let results = run_tests(&set, None)?;
            // With DIRs, only their tests count (built-ins are loaded for the shared library).
            let results: Vec<_> = match only {
                None => results,
                Some(()) => results
                    .into_iter()
                    .filter(|r| !r.file.starts_with("policies/"))
                    .collect(),
            };
            let failed = results.iter().filter(|r| !r.passed).count();
            match format {
                ListFormat::Json => write_stdout(&json_bytes(&json!(results))?)?,
                ListFormat::Table => {
                    let mut out = String::new();
                    for r in results.iter().filter(|r| !r.passed) {
                        let _ = writeln!(
                            out,
                            "FAIL {} {}: {}",
                            r.file,
                            r.name,
                            r.message.as_deref().unwrap_or("")
                        );
                    }
                    let _ = writeln!(out, "{} passed, {} failed", results.len() - failed, failed);
                    write_stdout(out.as_bytes())?;
                }
            }
            if results.is_empty() {
                bail!("no test_* rules found");
            }
            Ok(if failed > 0 {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            })
        }
    }
}

/// docs/rules.md: every rule's documentation, generated (a test keeps the file current).
pub fn rules_reference(set: &PolicySet, fws: &Frameworks) -> String {
    let controls = fws.controls_by_rule();
    let mut s = String::new();
    let _ = writeln!(s, "# Rule reference\n");
    let _ = writeln!(
        s,
        "Generated by `complyctl policy docs` from the rules' metadata and the framework packs; do not edit.\n\n{} rules.\n",
        set.rules.len()
    );
    let _ = writeln!(s, "| Rule | Severity | Kind | Title |\n|---|---|---|---|");
    for r in &set.rules {
        let m = &r.meta;
        let anchor = m.id.to_lowercase();
        let _ = writeln!(
            s,
            "| [{}](#{anchor}) | {} | `{}` | {} |",
            m.id, m.severity, m.kind, m.title
        );
    }
    for r in &set.rules {
        let m = &r.meta;
        // An explicit anchor: SARIF helpUri links point at docs/rules.md#<id lower-case>.
        let _ = writeln!(
            s,
            "\n<a id=\"{}\"></a>\n\n## {}\n\n**{}**\n",
            m.id.to_lowercase(),
            m.id,
            m.title
        );
        let _ = writeln!(
            s,
            "- Severity: {}\n- Resource kind: `{}`\n- Source: `{}`",
            m.severity, m.kind, r.origin
        );
        if !m.requires.is_empty() {
            let kinds: Vec<String> = m.requires.iter().map(|k| format!("`{k}`")).collect();
            let _ = writeln!(s, "- Reads: {}", kinds.join(", "));
        }
        let _ = writeln!(
            s,
            "\n{}\n\n**Remediation.** {}",
            m.description, m.remediation
        );
        if !m.params.is_empty() {
            let _ = writeln!(s, "\n**Parameters** (defaults):\n");
            for (k, v) in &m.params {
                let _ = writeln!(s, "- `{k}` = `{v}`");
            }
        }
        if let Some(by_fw) = controls.get(&m.id) {
            let _ = writeln!(s, "\n**Controls:**\n");
            for (fw, ids) in by_fw {
                let _ = writeln!(s, "- {fw}: {}", ids.join(", "));
            }
        }
    }
    s
}

/// The documentation of one rule, generated from its metadata and the framework packs.
pub fn rule_doc(rule: &crate::engine::Rule, fws: &Frameworks) -> String {
    let m = &rule.meta;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}\n", m.id, m.title);
    let _ = writeln!(
        s,
        "Severity: {}\nResource kind: {}\nSource: {}\n",
        m.severity, m.kind, rule.origin
    );
    let _ = writeln!(s, "What it checks and why:\n  {}\n", m.description);
    let _ = writeln!(s, "Remediation:\n  {}\n", m.remediation);
    if !m.params.is_empty() {
        let _ = writeln!(s, "Parameters (defaults):");
        for (k, v) in &m.params {
            let _ = writeln!(s, "  {k} = {v}");
        }
        s.push('\n');
    }
    let controls = fws.controls_by_rule();
    let _ = writeln!(s, "Controls:");
    match controls.get(&m.id) {
        Some(by_fw) if !by_fw.is_empty() => {
            for (fw, ids) in by_fw {
                let _ = writeln!(s, "  {fw}: {}", ids.join(", "));
            }
        }
        _ => {
            let _ = writeln!(s, "  (not mapped in any framework pack)");
        }
    }
    s
}

fn cmd_framework(cmd: FrameworkCommand, _color: bool) -> Result<u8> {
    let set = PolicySet::load(&[], true)?;
    let fws = Frameworks::load_builtin(&set)?;
    match cmd {
        FrameworkCommand::List { format } => {
            let rows: Vec<_> = fws
                .packs
                .iter()
                .map(|p| {
                    let automated = p.controls.iter().filter(|c| !c.rules.is_empty()).count();
                    json!({
                        "id": p.id, "name": p.name, "version": p.version,
                        "controls": p.controls.len(), "automated": automated, "manual": p.controls.len() - automated,
                    })
                })
                .collect();
            match format {
                ListFormat::Json => write_stdout(&json_bytes(&json!(rows))?)?,
                ListFormat::Table => {
                    let mut t = new_table();
                    t.set_header(vec![
                        "Id",
                        "Name",
                        "Version",
                        "Controls",
                        "Automated",
                        "Manual",
                    ]);
                    for r in &rows {
                        t.add_row(
                            ["id", "name", "version", "controls", "automated", "manual"]
                                .iter()
                                .map(|k| {
                                    r[*k]
                                        .as_str()
                                        .map(str::to_string)
                                        .unwrap_or_else(|| r[*k].to_string())
                                })
                                .collect::<Vec<_>>(),
                        );
                    }
                    write_stdout(format!("{t}\n").as_bytes())?;
                }
            }
        }
        FrameworkCommand::Show { id, format } => {
            let Some(p) = fws.get(&id) else {
                let known: Vec<&str> = fws.packs.iter().map(|p| p.id.as_str()).collect();
                bail!("unknown framework `{id}` (known: {})", known.join(", "));
            };
            match format {
                ListFormat::Json => write_stdout(&json_bytes(&serde_json::to_value(p)?)?)?,
                ListFormat::Table => {
                    let mut t = new_table();
                    t.set_header(vec!["Control", "Title", "Evidence"]);
                    for c in &p.controls {
                        let ev = if c.rules.is_empty() {
                            format!("manual: {}", c.manual.as_deref().unwrap_or(""))
                        } else {
                            c.rules.join(", ")
                        };
                        t.add_row(vec![c.id.clone(), c.title.clone(), ev]);
                    }
                    let mut by: BTreeMap<bool, usize> = BTreeMap::new();
                    for c in &p.controls {
                        *by.entry(c.rules.is_empty()).or_default() += 1;
                    }
                    write_stdout(
                        format!(
                            "{} {} ({})\nSource: {}\n{t}\n{} controls: {} automated, {} manual\n",
                            p.name,
                            p.version,
                            p.id,
                            p.source,
                            p.controls.len(),
                            by.get(&false).unwrap_or(&0),
                            by.get(&true).unwrap_or(&0)
                        )
                        .as_bytes(),
                    )?;
                }
            }
        }
    }
    Ok(EXIT_CLEAN)
}
