//! The terminal table: a summary by framework and the failing findings.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ContentArrangement, Table};

use super::Report;
use crate::engine::Severity;

pub struct TableOptions {
    pub color: bool,
    pub width: Option<u16>,
}

fn severity_color(s: Severity) -> Color {
    match s {
        Severity::Critical => Color::Magenta,
        Severity::High => Color::Red,
        Severity::Medium => Color::Yellow,
        Severity::Low => Color::Blue,
        Severity::Info => Color::Grey,
    }
}

fn new_table(opts: &TableOptions) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = opts.width {
        t.set_width(w);
    }
    if !opts.color {
        t.force_no_tty();
    } else {
        t.enforce_styling();
    }
    t
}

pub fn render(report: &Report, opts: &TableOptions) -> Vec<u8> {
    let mut out = String::new();
    let s = &report.summary;
    out.push_str(&format!(
        "complyctl {}: {} resources, {} rules: {} pass, {} fail, {} unknown, {} error, {} waived\n",
        report.tool.version,
        s.resources,
        s.rules,
        s.by_status.pass,
        s.by_status.fail,
        s.by_status.unknown,
        s.by_status.error,
        s.by_status.waived
    ));
    let sk = &s.skipped;
    let unsupported: u64 = sk.unsupported.values().sum();
    let unlinked: u64 = sk.unlinked.values().sum();
    if sk.deleted + unsupported + sk.non_aws + unlinked > 0 {
        out.push_str(&format!(
            "not evaluated: {} being deleted, {} unsupported AWS, {} non-AWS, {} unlinked split resources\n",
            sk.deleted, unsupported, sk.non_aws, unlinked
        ));
    }

    if !report.frameworks.is_empty() {
        let mut t = new_table(opts);
        t.set_header(vec![
            "Framework",
            "Pass",
            "Fail",
            "Unknown",
            "Error",
            "Manual",
            "N/A",
            "Score",
        ]);
        for fw in &report.frameworks {
            let c = &fw.control_counts;
            t.add_row(vec![
                Cell::new(format!("{} ({})", fw.name, fw.id)),
                Cell::new(c.pass),
                if c.fail > 0 && opts.color {
                    Cell::new(c.fail).fg(Color::Red)
                } else {
                    Cell::new(c.fail)
                },
                Cell::new(c.unknown),
                Cell::new(c.error),
                Cell::new(c.manual),
                Cell::new(c.not_applicable),
                Cell::new(
                    fw.score
                        .map(|s| format!("{s:.1}%"))
                        .unwrap_or_else(|| "-".to_string()),
                ),
            ]);
        }
        out.push('\n');
        out.push_str(&t.to_string());
        out.push('\n');
    }

    let shown = report.attention_findings();
    if !shown.is_empty() {
        let mut t = new_table(opts);
        t.set_header(vec!["Status", "Severity", "Rule", "Resource", "Message"]);
        for f in shown {
            let sev = if opts.color {
                Cell::new(f.severity).fg(severity_color(f.severity))
            } else {
                Cell::new(f.severity)
            };
            t.add_row(vec![
                Cell::new(f.status.as_str().to_uppercase()),
                sev,
                Cell::new(&f.rule_id),
                Cell::new(&f.resource.id),
                Cell::new(&f.message),
            ]);
        }
        out.push('\n');
        out.push_str(&t.to_string());
        out.push('\n');
    } else {
        out.push_str("\nNo failing findings.\n");
    }
    if let Some(t) = &report.trend {
        out.push('\n');
        out.push_str(&super::trend::render_text(t, opts.color));
    }
    if !report.errors.is_empty() {
        out.push_str(&format!(
            "\n{} collection error(s): the scan is incomplete\n",
            report.errors.len()
        ));
        for e in &report.errors {
            out.push_str(&format!(
                "  {} {} {} {}: {}\n",
                e.source,
                e.service,
                e.region.as_deref().unwrap_or("-"),
                e.operation,
                e.message
            ));
        }
    }
    out.into_bytes()
}
