//! A compact Markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY`:
//! totals by status and severity, a score table per framework, the most failing rules and the
//! failing findings (capped). No links, no timestamps: the same report renders the same text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Report;
use crate::engine::{Severity, Status};

#[derive(Debug, Clone)]
pub struct Options {
    /// At most this many failing findings are listed ("… and N more").
    pub max_findings: usize,
    /// At most this many rules in "Top failing rules".
    pub max_rules: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_findings: 50,
            max_rules: 10,
        }
    }
}

/// Escape text for a table cell: no line breaks, no column separators, no HTML.
fn cell(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut o = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '|' => o.push_str("\\|"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '\\' => o.push_str("\\\\"),
            '*' | '`' => {
                o.push('\\');
                o.push(c);
            }
            // `[text](url)` would be a link; `Statement[0]` is fine as it is.
            ']' if chars.get(i + 1) == Some(&'(') => o.push_str("\\]"),
            // An underscore inside a word (`known_after_apply`) never starts emphasis.
            '_' if i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) =>
            {
                o.push('_')
            }
            '_' => o.push_str("\\_"),
            '\n' | '\r' | '\t' => o.push(' '),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// An inline code span that survives backticks and pipes in the text.
fn code(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        // inside a table, `|` ends the cell even in a code span; GitHub accepts `\|`
        .replace('|', "\\|");
    let mut ticks = 1;
    while clean.contains(&"`".repeat(ticks)) {
        ticks += 1;
    }
    let fence = "`".repeat(ticks);
    if clean.starts_with('`') || clean.ends_with('`') {
        format!("{fence} {clean} {fence}")
    } else {
        format!("{fence}{clean}{fence}")
    }
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Pass => "pass",
        Status::Fail => "**fail**",
        Status::Unknown => "unknown",
        Status::Error => "error",
        Status::Waived => "waived",
        Status::Baseline => "baseline",
    }
}

pub fn render(report: &Report, opts: &Options) -> Vec<u8> {
    let mut o = String::new();
    let b = &report.summary.by_status;
    let failing: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail)
        .collect();
    let headline = match (failing.len(), b.unknown + b.error) {
        (0, 0) => "no failing findings".to_string(),
        (0, n) => format!("no failing findings, {n} undecided"),
        (1, _) => "1 failing finding".to_string(),
        (n, _) => format!("{n} failing findings"),
    };
    let _ = writeln!(o, "## complyctl: {headline}\n");
    let sources: Vec<String> = report
        .scan
        .sources
        .iter()
        .map(|s| match &s.path {
            Some(p) => format!("{} {}", s.source_type.as_str(), code(p)),
            None => s.source_type.as_str().to_string(),
        })
        .collect();
    let _ = writeln!(
        o,
        "{} resources, {} rules{} · complyctl {}\n",
        report.summary.resources,
        report.summary.rules,
        if sources.is_empty() {
            String::new()
        } else {
            format!(" · {}", sources.join(", "))
        },
        cell(&report.tool.version)
    );

    o.push_str("| Pass | Fail | Unknown | Error | Waived | Baseline |\n");
    o.push_str("|---:|---:|---:|---:|---:|---:|\n");
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} |\n",
        b.pass, b.fail, b.unknown, b.error, b.waived, b.baseline
    );

    // Failing findings by severity.
    let mut by_sev: BTreeMap<Severity, u64> = BTreeMap::new();
    for f in &failing {
        *by_sev.entry(f.severity).or_default() += 1;
    }
    o.push_str("Failing by severity:\n\n| Critical | High | Medium | Low | Info |\n");
    o.push_str("|---:|---:|---:|---:|---:|\n");
    let sev = |s: Severity| by_sev.get(&s).copied().unwrap_or(0);
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} |\n",
        sev(Severity::Critical),
        sev(Severity::High),
        sev(Severity::Medium),
        sev(Severity::Low),
        sev(Severity::Info)
    );

    if !report.frameworks.is_empty() {
        o.push_str("### Frameworks\n\n");
        o.push_str("| Framework | Score | Pass | Fail | Unknown | Error | Manual | N/A |\n");
        o.push_str("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for fw in &report.frameworks {
            let c = &fw.control_counts;
            let _ = writeln!(
                o,
                "| {} ({}) | {} | {} | {} | {} | {} | {} | {} |",
                cell(&fw.name),
                code(&fw.id),
                fw.score
                    .map(|s| format!("{s:.1}%"))
                    .unwrap_or_else(|| "–".to_string()),
                c.pass,
                c.fail,
                c.unknown,
                c.error,
                c.manual,
                c.not_applicable
            );
        }
        o.push('\n');
    }

    if !failing.is_empty() {
        let mut by_rule: BTreeMap<&str, (u64, Severity, &str)> = BTreeMap::new();
        for f in &failing {
            let e = by_rule
                .entry(f.rule_id.as_str())
                .or_insert((0, f.severity, f.title.as_str()));
            e.0 += 1;
        }
        let mut rules: Vec<_> = by_rule.into_iter().collect();
        // Most failing first, then most severe, then by id: stable.
        rules.sort_by(|a, b| (b.1 .0, b.1 .1, a.0).cmp(&(a.1 .0, a.1 .1, b.0)));
        o.push_str(
            "### Top failing rules\n\n| Rule | Severity | Failing | Title |\n|---|---|---:|---|\n",
        );
        for (id, (n, sev, title)) in rules.iter().take(opts.max_rules) {
            let _ = writeln!(o, "| {} | {} | {} | {} |", code(id), sev, n, cell(title));
        }
        if rules.len() > opts.max_rules {
            let _ = writeln!(o, "\n…and {} more rules", rules.len() - opts.max_rules);
        }
        o.push('\n');
    }

    let shown = report.attention_findings();
    if !shown.is_empty() {
        o.push_str("### Findings\n\n| Status | Severity | Rule | Resource | Where | Message |\n|---|---|---|---|---|---|\n");
        for f in shown.iter().take(opts.max_findings) {
            let where_ = match &f.resource.location {
                Some(l) => match l.line {
                    Some(n) => code(&format!("{}:{n}", l.file)),
                    None => code(&l.file),
                },
                None => String::new(),
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                status_word(f.status),
                f.severity,
                code(&f.rule_id),
                code(&f.resource.id),
                where_,
                cell(&f.message)
            );
        }
        if shown.len() > opts.max_findings {
            let _ = writeln!(o, "\n…and {} more", shown.len() - opts.max_findings);
        }
        o.push('\n');
    }
    let suppressed = b.waived + b.baseline;
    if suppressed > 0 {
        let _ = writeln!(
            o,
            "{} accepted finding(s) not listed: {} waived, {} in the baseline.\n",
            suppressed, b.waived, b.baseline
        );
    }

    if !report.errors.is_empty() {
        let _ = writeln!(
            o,
            "### Scan incomplete: {} collection error(s)\n",
            report.errors.len()
        );
        for e in &report.errors {
            let _ = writeln!(
                o,
                "- {} {} {} {}: {}",
                cell(&e.source),
                cell(&e.service),
                cell(e.region.as_deref().unwrap_or("-")),
                cell(&e.operation),
                cell(&e.message)
            );
        }
        o.push('\n');
    }
    // One trailing newline.
    while o.ends_with("\n\n") {
        o.pop();
    }
    o.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_code_spans() {
        assert_eq!(cell("a|b\nc <x> *y*"), "a\\|b c &lt;x&gt; \\*y\\*");
        assert_eq!(cell("known_after_apply _x_"), "known_after_apply \\_x\\_");
        assert_eq!(cell("s[0] [a](b)"), "s[0] [a\\](b)");
        assert_eq!(code("aws_s3_bucket.x"), "`aws_s3_bucket.x`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(code("m[\"a|b\"]"), "`m[\"a\\|b\"]`");
    }
}
