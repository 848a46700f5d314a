//! The HTML report: one self-contained file for people (security leads, auditors, assessors).
//!
//! Inline CSS and inline SVG only: no script, font, image or style is fetched from anywhere, and
//! a Content-Security-Policy forbids it. It renders offline, works without JavaScript (a small
//! inline script only adds the findings filter and opens `<details>` before printing), prints
//! to PDF without truncated tables, and is a pure, deterministic function of the report. Every
//! string that comes from a plan, a rule or a config file is HTML-escaped.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::trend::{fmt_controls, fmt_delta, fmt_score, is_failing, Trend, TrendFinding};
use super::{Finding, Report, RuleInfo};
use crate::engine::{Severity, Status};
use crate::frameworks::rollup::{ControlResult, ControlStatus, FrameworkResult};

/// How many rules "top failing rules" lists.
const TOP_RULES: usize = 10;

/// Escape text for HTML element content and double- or single-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A fragment usable in an `id` and `href="#…"`: ASCII letters, digits, `-`, `_`, `.`.
fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `'sha256-…'` for a Content-Security-Policy allowing exactly this inline block.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

// ---------------------------------------------------------------------------------------------
// Colours. Text colours meet WCAG AA (4.5:1) on their backgrounds, chart fills 3:1 on white;
// the tests compute the ratios. Status is never shown by colour alone: always a word and an icon.

/// (label, icon, text colour, background) of a finding status badge.
fn status_style(s: Status) -> (&'static str, &'static str, &'static str, &'static str) {
    match s {
        Status::Pass => ("Pass", "\u{2713}", "#1b5e20", "#e3f4e6"),
        Status::Fail => ("Fail", "\u{2717}", "#8b1a1a", "#fde7e7"),
        Status::Unknown => ("Unknown", "?", "#6b4700", "#fff3cd"),
        Status::Error => ("Error", "!", "#6a1b7a", "#f6e6fa"),
        Status::Waived => ("Waived", "\u{2691}", "#1c4a86", "#e4eefb"),
        Status::Baseline => ("Baseline", "\u{2248}", "#5c2b00", "#fbe9dc"),
    }
}

/// (label, icon, text colour, background, chart fill) of a control status.
fn control_style(
    s: ControlStatus,
) -> (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
) {
    match s {
        ControlStatus::Pass => ("Pass", "\u{2713}", "#1b5e20", "#e3f4e6", "#2e7d32"),
        ControlStatus::Fail => ("Fail", "\u{2717}", "#8b1a1a", "#fde7e7", "#c62828"),
        ControlStatus::Unknown => ("Unknown", "?", "#6b4700", "#fff3cd", "#a86400"),
        ControlStatus::Error => ("Error", "!", "#6a1b7a", "#f6e6fa", "#7b1fa2"),
        ControlStatus::Manual => ("Manual", "\u{270e}", "#37474f", "#eceff1", "#546e7a"),
        ControlStatus::NotApplicable => ("N/A", "\u{2013}", "#424242", "#f0f0f0", "#6e6e6e"),
    }
}

/// Bar fill of a severity in the severity chart.
fn severity_fill(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "#8e0038",
        Severity::High => "#c62828",
        Severity::Medium => "#a35200",
        Severity::Low => "#1f5fa8",
        Severity::Info => "#5f6b7a",
    }
}

const CONTROL_ORDER: [ControlStatus; 6] = [
    ControlStatus::Pass,
    ControlStatus::Fail,
    ControlStatus::Unknown,
    ControlStatus::Error,
    ControlStatus::Manual,
    ControlStatus::NotApplicable,
];

/// Finding statuses, most urgent first (findings table order and filter).
const STATUS_ORDER: [Status; 6] = [
    Status::Fail,
    Status::Error,
    Status::Unknown,
    Status::Baseline,
    Status::Waived,
    Status::Pass,
];

fn status_rank(s: Status) -> usize {
    STATUS_ORDER.iter().position(|x| *x == s).unwrap_or(0)
}

fn badge(s: Status) -> String {
    let (label, icon, _, _) = status_style(s);
    format!(
        "<span class=\"st st-{}\"><span aria-hidden=\"true\">{icon}</span> {label}</span>",
        s.as_str()
    )
}

fn control_badge(s: ControlStatus) -> String {
    let (label, icon, _, _, _) = control_style(s);
    format!(
        "<span class=\"st cs-{}\"><span aria-hidden=\"true\">{icon}</span> {label}</span>",
        s.as_str()
    )
}

fn swatch(fill: &str) -> String {
    format!(
        "<svg class=\"sw\" width=\"12\" height=\"12\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"#333\" stroke-width=\"1\"/></svg>"
    )
}

fn sev_label(s: Severity) -> String {
    let t = s.as_str();
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------

const CSS: &str = r#"
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;color:#1a1a1a;background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
a{color:#0b57a4}
a:focus,summary:focus,input:focus,select:focus{outline:3px solid #0b57a4;outline-offset:2px}
.skip{position:absolute;left:-9999px}
.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
header.page{border-bottom:4px solid #1f3a5f;padding:16px 0 8px;margin-bottom:8px}
h1{font-size:1.9rem;margin:0 0 4px;color:#1f3a5f}
h2{font-size:1.45rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid #c8ccd2;color:#1f3a5f}
h3{font-size:1.15rem;margin:20px 0 6px}
.sub{margin:0;color:#444}
nav.toc ul{list-style:none;margin:8px 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0;overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:.9em}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #c8ccd2;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
.mono,td.msg{overflow-wrap:anywhere}
.nw{white-space:nowrap}
thead th{background:#e8ecf2}
tbody th{font-weight:600}
tbody tr:nth-child(even){background:#f6f7f9}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.st{display:inline-block;padding:0 6px;border:1px solid currentColor;border-radius:3px;font-weight:600;white-space:nowrap}
.st-pass,.cs-pass{color:#1b5e20;background:#e3f4e6}
.st-fail,.cs-fail{color:#8b1a1a;background:#fde7e7}
.st-unknown,.cs-unknown{color:#6b4700;background:#fff3cd}
.st-error,.cs-error{color:#6a1b7a;background:#f6e6fa}
.st-waived{color:#1c4a86;background:#e4eefb}
.st-baseline{color:#5c2b00;background:#fbe9dc}
.cs-manual{color:#37474f;background:#eceff1}
.cs-not_applicable{color:#424242;background:#f0f0f0}
.banner{border:2px solid;border-radius:4px;padding:4px 16px 8px;margin:16px 0}
.banner h2{border:0;margin:8px 0 4px;font-size:1.2rem}
.banner-error{border-color:#b3261e;background:#fdecea}
.banner-error h2{color:#8b1a1a}
.banner-warn{border-color:#8a5a00;background:#fff6dc}
.banner-warn h2{color:#5c3b00}
.banner-ok{border-color:#2e7d32;background:#eef8f0}
.cards{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline;margin:8px 0}
.score{font-size:2rem;font-weight:700;color:#1f3a5f}
.delta-up{color:#1b5e20;font-weight:600}
.delta-down{color:#8b1a1a;font-weight:600}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}
svg.chart text{font:12px system-ui,"Liberation Sans","DejaVu Sans",sans-serif}
svg.sw{vertical-align:-1px;margin-right:4px}
details{margin:0}
summary{cursor:pointer}
details .rule{margin:8px 0 2px}
details ul{margin:2px 0 6px;padding-left:20px}
.muted{color:#4a4a4a}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;margin:8px 0;padding:8px;background:#f6f7f9;border:1px solid #c8ccd2}
.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem}
.filters input,.filters select{font:inherit;padding:2px 4px;border:1px solid #6b7280}
footer{margin:40px auto 24px;color:#4a4a4a;border-top:1px solid #c8ccd2;padding-top:8px}
@page{margin:14mm}
@media print{
body{font-size:10pt}
.wrap{max-width:none;padding:0}
nav.toc,.filters,.skip,.noprint{display:none!important}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
thead{display:table-header-group}
tr,.banner,svg.chart{break-inside:avoid}
h2,h3,caption{break-after:avoid}
section.fw{break-before:page}
details::details-content{content-visibility:visible;display:block}
#findings-table tr[hidden]{display:table-row!important}
}
"#;

const SCRIPT: &str = r#"
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("findings-table");
  if (form && table && table.tBodies.length) {
    var text = document.getElementById("filter-text");
    var status = document.getElementById("filter-status");
    var severity = document.getElementById("filter-severity");
    var count = document.getElementById("filter-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var apply = function () {
      var q = text.value.trim().toLowerCase(), s = status.value, v = severity.value, shown = 0;
      rows.forEach(function (r) {
        var ok = (!s || r.getAttribute("data-status") === s) &&
          (!v || r.getAttribute("data-severity") === v) &&
          (!q || r.textContent.toLowerCase().indexOf(q) !== -1);
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = shown + " of " + rows.length + " findings shown";
    };
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
"#;

// ---------------------------------------------------------------------------------------------

/// What the renderer looks up more than once.
struct Index<'a> {
    rules: BTreeMap<&'a str, &'a RuleInfo>,
    findings_by_rule: BTreeMap<&'a str, Vec<&'a Finding>>,
}

impl<'a> Index<'a> {
    fn new(report: &'a Report) -> Index<'a> {
        let mut findings_by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for f in &report.findings {
            findings_by_rule.entry(&f.rule_id).or_default().push(f);
        }
        Index {
            rules: report.rules.iter().map(|r| (r.id.as_str(), r)).collect(),
            findings_by_rule,
        }
    }
}

pub fn render(report: &Report) -> Vec<u8> {
    let idx = Index::new(report);
    let mut body = String::new();
    header(&mut body, report);
    banners(&mut body, report);
    scan_section(&mut body, report);
    summary_section(&mut body, report);
    if let Some(t) = &report.trend {
        trend_section(&mut body, t);
    }
    for fw in &report.frameworks {
        framework_section(&mut body, fw, report.trend.as_ref(), &idx);
    }
    findings_section(&mut body, report);
    rules_section(&mut body, report, &idx);
    body.push_str("</main>\n");
    footer(&mut body, report);

    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(CSS),
        csp_hash(SCRIPT)
    );
    let title = format!(
        "Compliance report {} \u{2013} complyctl",
        report.scan.started_at
    );
    let mut out = String::with_capacity(body.len() + CSS.len() + SCRIPT.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        esc(&csp)
    );
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"{} {}\">",
        esc(&report.tool.name),
        esc(&report.tool.version)
    );
    let _ = writeln!(out, "<title>{}</title>", esc(&title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
    out.push_str("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
    out.push_str(&body);
    let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out.into_bytes()
}

fn header(o: &mut String, r: &Report) {
    let _ = writeln!(
        o,
        "<header class=\"page wrap\">\n<h1>Compliance report</h1>\n<p class=\"sub\">{} {} \u{b7} scan started {} \u{b7} {} resources, {} rules</p>\n</header>",
        esc(&r.tool.name),
        esc(&r.tool.version),
        esc(&r.scan.started_at),
        r.summary.resources,
        r.summary.rules
    );
    o.push_str("<nav class=\"toc wrap\" aria-label=\"Contents\"><ul>");
    let mut link = |href: &str, text: &str| {
        let _ = write!(o, "<li><a href=\"#{}\">{}</a></li>", esc(href), esc(text));
    };
    if !r.errors.is_empty() {
        link("errors", "Collection errors");
    }
    link("scan", "Scan");
    link("summary", "Summary");
    if r.trend.is_some() {
        link("trend", "Trend");
    }
    for fw in &r.frameworks {
        link(&format!("fw-{}", slug(&fw.id)), &fw.name);
    }
    link("findings", "Findings");
    link("rules", "Rules");
    o.push_str("</ul></nav>\n<main id=\"main\" class=\"wrap\">\n");
}

fn banners(o: &mut String, r: &Report) {
    if !r.errors.is_empty() {
        let _ = writeln!(
            o,
            "<section id=\"errors\" class=\"banner banner-error\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\"><span aria-hidden=\"true\">\u{26a0}</span> Scan incomplete: {} collection error{}</h2>\n<p>Some data could not be collected. Findings and control results below may be missing resources; treat them as incomplete.</p>",
            r.errors.len(),
            if r.errors.len() == 1 { "" } else { "s" }
        );
        o.push_str("<table>\n<caption>Collection errors</caption>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Service</th><th scope=\"col\">Region</th><th scope=\"col\">Operation</th><th scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
        for e in &r.errors {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&e.source),
                esc(&e.service),
                esc(e.region.as_deref().unwrap_or("-")),
                esc(&e.operation),
                esc(&e.message)
            );
        }
        o.push_str("</tbody>\n</table>\n</section>\n");
    }
    let undecided = r.count(Status::Error);
    if undecided > 0 {
        let _ = writeln!(
            o,
            "<section class=\"banner banner-error\" aria-labelledby=\"rule-errors-h\">\n<h2 id=\"rule-errors-h\"><span aria-hidden=\"true\">\u{26a0}</span> {undecided} finding{} could not be evaluated</h2>\n<p>A rule failed at run time or its data could not be collected; see the findings with status <strong>Error</strong>.</p>\n</section>",
            if undecided == 1 { "" } else { "s" }
        );
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(
            o,
            "<section id=\"warnings\" class=\"banner banner-warn\" aria-labelledby=\"warnings-h\">\n<h2 id=\"warnings-h\"><span aria-hidden=\"true\">\u{26a0}</span> Warnings ({})</h2>\n<ul>",
            r.warnings.len()
        );
        for w in &r.warnings {
            let _ = writeln!(o, "<li>{}</li>", esc(w));
        }
        o.push_str("</ul>\n</section>\n");
    }
}

fn join_or_dash(v: &BTreeSet<&str>) -> String {
    if v.is_empty() {
        "\u{2014} (not known)".to_string()
    } else {
        v.iter().map(|s| esc(s)).collect::<Vec<_>>().join(", ")
    }
}

fn scan_section(o: &mut String, r: &Report) {
    let mut accounts: BTreeSet<&str> = BTreeSet::new();
    let mut regions: BTreeSet<&str> = BTreeSet::new();
    for s in &r.scan.sources {
        accounts.extend(s.account.as_deref());
        regions.extend(s.regions.iter().map(String::as_str));
    }
    for f in &r.findings {
        accounts.extend(f.resource.account.as_deref());
        regions.extend(f.resource.region.as_deref());
    }
    o.push_str("<section id=\"scan\" aria-labelledby=\"scan-h\">\n<h2 id=\"scan-h\">Scan</h2>\n<dl class=\"meta\">\n");
    let mut row = |k: &str, v: String| {
        let _ = writeln!(o, "<dt>{k}</dt><dd>{v}</dd>");
    };
    row("Accounts", join_or_dash(&accounts));
    row("Regions", join_or_dash(&regions));
    row(
        "Scan time",
        format!(
            "{} to {} (UTC)",
            esc(&r.scan.started_at),
            esc(&r.scan.finished_at)
        ),
    );
    row(
        "Tool",
        format!("{} {}", esc(&r.tool.name), esc(&r.tool.version)),
    );
    row(
        "Policy set (SHA-256)",
        format!(
            "<code>{}</code>",
            esc(r.scan.policy_hash.as_deref().unwrap_or("not recorded"))
        ),
    );
    row(
        "Inventory (SHA-256)",
        format!(
            "<code>{}</code>",
            esc(r.scan.inventory_sha256.as_deref().unwrap_or("not recorded"))
        ),
    );
    let fws: Vec<String> = r
        .frameworks
        .iter()
        .map(|f| format!("{} {}", esc(&f.name), esc(&f.version)))
        .collect();
    row(
        "Frameworks",
        if fws.is_empty() {
            "none".into()
        } else {
            fws.join("; ")
        },
    );
    o.push_str("</dl>\n");
    o.push_str("<table>\n<caption>Sources</caption>\n<thead><tr><th scope=\"col\">Type</th><th scope=\"col\">Path</th><th scope=\"col\">Account</th><th scope=\"col\">Regions</th><th scope=\"col\">Terraform</th></tr></thead>\n<tbody>\n");
    if r.scan.sources.is_empty() {
        o.push_str("<tr><td colspan=\"5\">No source recorded.</td></tr>\n");
    }
    for s in &r.scan.sources {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(s.source_type.as_str()),
            esc(s.path.as_deref().unwrap_or("-")),
            esc(s.account.as_deref().unwrap_or("-")),
            if s.regions.is_empty() {
                "-".to_string()
            } else {
                esc(&s.regions.join(", "))
            },
            esc(s.terraform_version.as_deref().unwrap_or("-"))
        );
    }
    o.push_str("</tbody>\n</table>\n");
    let sk = &r.summary.skipped;
    let unsupported: u64 = sk.unsupported.values().sum();
    let unlinked: u64 = sk.unlinked.values().sum();
    if sk.deleted + unsupported + sk.non_aws + unlinked + sk.data_sources > 0 {
        let _ = writeln!(
            o,
            "<p class=\"muted\">Not evaluated: {} being deleted, {} unsupported AWS, {} non-AWS, {} data sources, {} unlinked split resources.</p>",
            sk.deleted, unsupported, sk.non_aws, sk.data_sources, unlinked
        );
    }
    o.push_str("</section>\n");
}

fn summary_section(o: &mut String, r: &Report) {
    o.push_str("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n");
    // Findings by status.
    o.push_str("<table>\n<caption>Findings by status</caption>\n<thead><tr>");
    for s in STATUS_ORDER {
        let _ = write!(o, "<th scope=\"col\">{}</th>", badge(s));
    }
    o.push_str("<th scope=\"col\">Total</th></tr></thead>\n<tbody><tr>");
    for s in STATUS_ORDER {
        let _ = write!(o, "<td class=\"num\">{}</td>", r.count(s));
    }
    let _ = writeln!(
        o,
        "<td class=\"num\">{}</td></tr></tbody>\n</table>",
        r.findings.len()
    );

    // Severity breakdown of failing findings.
    let mut by_sev: BTreeMap<Severity, u64> = BTreeMap::new();
    for f in r.findings.iter().filter(|f| is_failing(f.status)) {
        *by_sev.entry(f.severity).or_default() += 1;
    }
    o.push_str("<h3 id=\"severity-h\">Failing findings by severity</h3>\n");
    severity_chart(o, &by_sev);

    // Top failing rules.
    let mut by_rule: BTreeMap<&str, (Severity, &str, u64)> = BTreeMap::new();
    for f in r.findings.iter().filter(|f| is_failing(f.status)) {
        let e = by_rule
            .entry(&f.rule_id)
            .or_insert((f.severity, &f.title, 0));
        e.2 += 1;
    }
    let mut top: Vec<(&str, (Severity, &str, u64))> = by_rule.into_iter().collect();
    top.sort_by(|a, b| (b.1 .2, b.1 .0, a.0).cmp(&(a.1 .2, a.1 .0, b.0)));
    o.push_str("<h3 id=\"top-rules-h\">Top failing rules</h3>\n");
    if top.is_empty() {
        o.push_str("<p>No rule fails.</p>\n");
    } else {
        o.push_str("<table aria-labelledby=\"top-rules-h\">\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Title</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Failing resources</th></tr></thead>\n<tbody>\n");
        for (id, (sev, title, n)) in top.iter().take(TOP_RULES) {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\" class=\"nw\"><a href=\"#rule-{}\">{}</a></th><td>{}</td><td>{}</td><td class=\"num\">{n}</td></tr>",
                esc(&slug(id)),
                esc(id),
                esc(title),
                sev_label(*sev)
            );
        }
        o.push_str("</tbody>\n</table>\n");
        if top.len() > TOP_RULES {
            let _ = writeln!(
                o,
                "<p class=\"muted\">{} more failing rules are listed under <a href=\"#findings\">Findings</a>.</p>",
                top.len() - TOP_RULES
            );
        }
    }
    o.push_str("</section>\n");
}

/// Horizontal bars, one per severity, with the count written beside each bar.
fn severity_chart(o: &mut String, by_sev: &BTreeMap<Severity, u64>) {
    let max = by_sev.values().copied().max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (90.0, 460.0, 26.0);
    let height = row_h * Severity::ALL.len() as f64 + 8.0;
    let desc: Vec<String> = Severity::ALL
        .iter()
        .map(|s| format!("{}: {}", sev_label(*s), by_sev.get(s).copied().unwrap_or(0)))
        .collect();
    let _ = writeln!(
        o,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"sev-t sev-d\" width=\"640\" height=\"{height}\" viewBox=\"0 0 640 {height}\"><title id=\"sev-t\">Failing findings by severity</title><desc id=\"sev-d\">{}</desc>",
        esc(&desc.join(", "))
    );
    for (i, s) in Severity::ALL.iter().enumerate() {
        let n = by_sev.get(s).copied().unwrap_or(0);
        let y = 4.0 + row_h * i as f64;
        let w = if n == 0 {
            0.0
        } else {
            (bar_w * n as f64 / max as f64).max(2.0)
        };
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{:.1}\" fill=\"#1a1a1a\">{}</text><rect x=\"{label_w}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#1a1a1a\">{n}</text>",
            y + 16.0,
            sev_label(*s),
            y + 3.0,
            row_h - 8.0,
            severity_fill(*s),
            label_w + w + 6.0,
            y + 16.0
        );
    }
    o.push_str("</svg>\n");
}

fn trend_section(o: &mut String, t: &Trend) {
    let _ = writeln!(
        o,
        "<section id=\"trend\" aria-labelledby=\"trend-h\">\n<h2 id=\"trend-h\">Trend since the previous run</h2>\n<p>Compared with the run of {} (complyctl {}): <strong>{} new</strong>, <strong>{} resolved</strong> and {} unchanged failing findings.</p>",
        esc(&t.previous.started_at),
        esc(&t.previous.tool_version),
        t.counts.new,
        t.counts.resolved,
        t.counts.unchanged
    );
    if t.policy_changed() {
        o.push_str("<p class=\"banner banner-warn\">The rule set changed between the two runs (the policy hash differs): some changes may come from the rules, not the infrastructure.</p>\n");
    }
    if !t.frameworks.is_empty() {
        o.push_str("<table>\n<caption>Per framework</caption>\n<thead><tr><th scope=\"col\">Framework</th><th scope=\"col\" class=\"num\">New</th><th scope=\"col\" class=\"num\">Resolved</th><th scope=\"col\" class=\"num\">Previous score</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\" class=\"num\">Change</th><th scope=\"col\" class=\"num\">Failed controls</th></tr></thead>\n<tbody>\n");
        for f in &t.frameworks {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{} <span class=\"muted\">({})</span></th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&f.name),
                esc(&f.id),
                f.new_findings,
                f.resolved_findings,
                fmt_score(f.previous_score),
                fmt_score(f.current_score),
                delta_html(f.delta),
                esc(&fmt_controls(f.previous_failed_controls, f.current_failed_controls).replace("->", "\u{2192}"))
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    for (what, list) in [
        ("New failing findings", &t.new),
        ("Resolved findings", &t.resolved),
    ] {
        let _ = writeln!(
            o,
            "<details{}><summary>{what} ({})</summary>",
            if what.starts_with("New") && !list.is_empty() && list.len() <= 50 {
                " open"
            } else {
                ""
            },
            list.len()
        );
        trend_table(o, list);
        o.push_str("</details>\n");
    }
    o.push_str("</section>\n");
}

fn delta_html(d: Option<f64>) -> String {
    match d {
        Some(x) if x > 0.0 => format!(
            "<span class=\"delta-up\"><span aria-hidden=\"true\">\u{25b2}</span> {} <span class=\"muted\">better</span></span>",
            fmt_delta(d)
        ),
        Some(x) if x < 0.0 => format!(
            "<span class=\"delta-down\"><span aria-hidden=\"true\">\u{25bc}</span> {} <span class=\"muted\">worse</span></span>",
            fmt_delta(d)
        ),
        Some(_) => "0.0 <span class=\"muted\">unchanged</span>".into(),
        None => "-".into(),
    }
}

fn trend_table(o: &mut String, list: &[TrendFinding]) {
    if list.is_empty() {
        o.push_str("<p>None.</p>\n");
        return;
    }
    o.push_str("<table>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th><th scope=\"col\">Before</th><th scope=\"col\">Now</th><th scope=\"col\">Fingerprint</th></tr></thead>\n<tbody>\n");
    let st = |s: Option<Status>| s.map(badge).unwrap_or_else(|| "absent".into());
    for f in list {
        let _ = writeln!(
            o,
            "<tr><td class=\"nw\">{}</td><td>{} <span class=\"muted\">{}</span></td><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td class=\"mono\">{}</td></tr>",
            sev_label(f.severity),
            esc(&f.rule_id),
            esc(&f.title),
            esc(&f.resource_id),
            st(f.previous_status),
            st(f.current_status),
            esc(&f.fingerprint)
        );
    }
    o.push_str("</tbody>\n</table>\n");
}

/// A stacked bar of the control statuses, labelled with the counts where they fit.
fn control_chart(o: &mut String, fw: &FrameworkResult, id: &str) {
    let c = &fw.control_counts;
    let parts: Vec<(ControlStatus, u64)> = CONTROL_ORDER
        .iter()
        .map(|s| {
            (
                *s,
                match s {
                    ControlStatus::Pass => c.pass,
                    ControlStatus::Fail => c.fail,
                    ControlStatus::Unknown => c.unknown,
                    ControlStatus::Error => c.error,
                    ControlStatus::Manual => c.manual,
                    ControlStatus::NotApplicable => c.not_applicable,
                },
            )
        })
        .collect();
    let total: u64 = parts.iter().map(|p| p.1).sum();
    let desc: Vec<String> = parts
        .iter()
        .map(|(s, n)| format!("{} {n}", control_style(*s).0))
        .collect();
    let width = 640.0;
    let _ = write!(
        o,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" width=\"640\" height=\"34\" viewBox=\"0 0 640 34\"><title id=\"{id}-t\">{} controls by status</title><desc id=\"{id}-d\">{}</desc>",
        esc(&fw.name),
        esc(&desc.join(", "))
    );
    if total == 0 {
        o.push_str("<rect x=\"0\" y=\"2\" width=\"640\" height=\"30\" fill=\"#f0f0f0\" stroke=\"#6e6e6e\"/></svg>\n");
        return;
    }
    let mut x = 0.0;
    for (s, n) in parts {
        if n == 0 {
            continue;
        }
        let w = width * n as f64 / total as f64;
        let fill = control_style(s).4;
        let _ = write!(
            o,
            "<rect x=\"{x:.2}\" y=\"2\" width=\"{w:.2}\" height=\"30\" fill=\"{fill}\" stroke=\"#fff\" stroke-width=\"1\"/>"
        );
        if w >= 28.0 {
            let _ = write!(
                o,
                "<text x=\"{:.2}\" y=\"22\" fill=\"#fff\" text-anchor=\"middle\" font-weight=\"600\">{n}</text>",
                x + w / 2.0
            );
        }
        x += w;
    }
    o.push_str("</svg>\n");
}

fn framework_section(o: &mut String, fw: &FrameworkResult, trend: Option<&Trend>, idx: &Index) {
    let id = format!("fw-{}", slug(&fw.id));
    let _ = writeln!(
        o,
        "<section id=\"{id}\" class=\"fw\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{} <span class=\"muted\">{} ({})</span></h2>",
        esc(&fw.name),
        esc(&fw.version),
        esc(&fw.id)
    );
    let _ = writeln!(o, "<h3 id=\"{id}-score\">Scorecard</h3>");
    let change = trend.and_then(|t| t.frameworks.iter().find(|c| c.id == fw.id));
    let _ = write!(
        o,
        "<div class=\"cards\"><p><span class=\"score\">{}</span> of decided automated controls pass</p>",
        fmt_score(fw.score)
    );
    if let Some(c) = change {
        let _ = write!(
            o,
            "<p>Since the previous run: {} \u{b7} {} new, {} resolved failing findings</p>",
            delta_html(c.delta),
            c.new_findings,
            c.resolved_findings
        );
    }
    o.push_str("</div>\n");
    control_chart(o, fw, &format!("{id}-chart"));
    let c = &fw.control_counts;
    let _ = write!(o, "<table aria-labelledby=\"{id}-score\">\n<thead><tr>");
    for s in CONTROL_ORDER {
        let (label, _, _, _, fill) = control_style(s);
        let long = match s {
            ControlStatus::Pass => "Passed",
            ControlStatus::Fail => "Failed",
            ControlStatus::NotApplicable => "Not applicable",
            _ => label,
        };
        let _ = write!(
            o,
            "<th scope=\"col\" class=\"num\">{}{long}</th>",
            swatch(fill)
        );
    }
    o.push_str("<th scope=\"col\" class=\"num\">Controls</th><th scope=\"col\" class=\"num\">Score</th></tr></thead>\n<tbody><tr>");
    let total = c.pass + c.fail + c.unknown + c.error + c.manual + c.not_applicable;
    for n in [
        c.pass,
        c.fail,
        c.unknown,
        c.error,
        c.manual,
        c.not_applicable,
        total,
    ] {
        let _ = write!(o, "<td class=\"num\">{n}</td>");
    }
    let _ = writeln!(
        o,
        "<td class=\"num\">{}</td></tr></tbody>\n</table>",
        fmt_score(fw.score)
    );
    let _ = writeln!(o, "<h3 id=\"{id}-controls\">Controls</h3>\n<p class=\"muted\">Expand a control to see its rules, the resources that do not pass, and how to fix them.</p>");
    let _ = writeln!(o, "<table aria-labelledby=\"{id}-controls\">\n<thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Status</th><th scope=\"col\">Title and evidence</th><th scope=\"col\" class=\"num\">Pass</th><th scope=\"col\" class=\"num\">Not passing</th></tr></thead>\n<tbody>");
    for ctl in &fw.controls {
        control_row(o, ctl, idx);
    }
    o.push_str("</tbody>\n</table>\n</section>\n");
}

fn control_row(o: &mut String, c: &ControlResult, idx: &Index) {
    let k = &c.counts;
    let not_passing = k.fail + k.unknown + k.error + k.waived + k.baseline;
    let _ = write!(
        o,
        "<tr><th scope=\"row\" class=\"nw\">{}</th><td>{}</td><td><details><summary>{}</summary>",
        esc(&c.id),
        control_badge(c.status),
        esc(&c.title)
    );
    match c.status {
        ControlStatus::Manual => {
            o.push_str("<p>No automated rule evidences this control: assess it manually.</p>")
        }
        ControlStatus::NotApplicable => o.push_str(
            "<p>No resource of the kinds its rules check was in scope, so no rule applied.</p>",
        ),
        _ => {}
    }
    for rule_id in &c.rules {
        let findings = idx
            .findings_by_rule
            .get(rule_id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let pass = findings.iter().filter(|f| f.status == Status::Pass).count();
        let info = idx.rules.get(rule_id.as_str());
        let _ = write!(
            o,
            "<p class=\"rule\"><a href=\"#rule-{}\"><strong>{}</strong></a> {} <span class=\"muted\">({}; {} resources, {pass} pass)</span></p>",
            esc(&slug(rule_id)),
            esc(rule_id),
            esc(info.map(|r| r.title.as_str()).unwrap_or("")),
            info.map(|r| sev_label(r.severity))
                .unwrap_or_else(|| "not evaluated".into()),
            findings.len()
        );
        let mut bad: Vec<&&Finding> = findings
            .iter()
            .filter(|f| f.status != Status::Pass)
            .collect();
        bad.sort_by_key(|f| (status_rank(f.status), &f.resource.id));
        if !bad.is_empty() {
            o.push_str("<ul>");
            for f in &bad {
                let _ = write!(
                    o,
                    "<li>{} <span class=\"mono\">{}</span>: {}{}</li>",
                    badge(f.status),
                    esc(&f.resource.id),
                    esc(&f.message),
                    waiver_text(f)
                );
            }
            o.push_str("</ul>");
            if let Some(r) = info.filter(|r| !r.remediation.is_empty()) {
                let _ = write!(
                    o,
                    "<p><strong>Remediation:</strong> {}</p>",
                    esc(&r.remediation)
                );
            }
        }
    }
    let _ = writeln!(
        o,
        "</details></td><td class=\"num\">{}</td><td class=\"num\">{not_passing}</td></tr>",
        k.pass
    );
}

fn waiver_text(f: &Finding) -> String {
    let Some(w) = &f.waiver else {
        return String::new();
    };
    let mut s = format!(" <em>Waived ({}): {}", esc(&w.source), esc(&w.reason));
    if let Some(owner) = &w.owner {
        let _ = write!(s, "; owner {}", esc(owner));
    }
    if let Some(exp) = &w.expires {
        let _ = write!(s, "; until {}", esc(exp));
    }
    s.push_str("</em>");
    s
}

fn findings_section(o: &mut String, r: &Report) {
    o.push_str("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n");
    let _ = writeln!(
        o,
        "<p>Every decision of every rule on every resource ({} findings), the most urgent first.</p>",
        r.findings.len()
    );
    // The filter is inert markup until the inline script shows it; without JavaScript the
    // table simply shows every finding.
    o.push_str("<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter findings\" hidden>\n<label for=\"filter-text\">Search<input id=\"filter-text\" type=\"search\" autocomplete=\"off\" placeholder=\"rule, resource, message\"></label>\n<label for=\"filter-status\">Status<select id=\"filter-status\"><option value=\"\">All</option>");
    for s in STATUS_ORDER {
        let _ = write!(
            o,
            "<option value=\"{}\">{}</option>",
            s.as_str(),
            status_style(s).0
        );
    }
    o.push_str("</select></label>\n<label for=\"filter-severity\">Severity<select id=\"filter-severity\"><option value=\"\">All</option>");
    for s in Severity::ALL {
        let _ = write!(
            o,
            "<option value=\"{}\">{}</option>",
            s.as_str(),
            sev_label(s)
        );
    }
    o.push_str("</select></label>\n<p id=\"filter-count\" aria-live=\"polite\"></p>\n</form>\n");
    let mut rows: Vec<&Finding> = r.findings.iter().collect();
    rows.sort_by(|a, b| {
        (
            status_rank(a.status),
            b.severity,
            &a.rule_id,
            &a.resource.id,
            &a.fingerprint,
        )
            .cmp(&(
                status_rank(b.status),
                a.severity,
                &b.rule_id,
                &b.resource.id,
                &b.fingerprint,
            ))
    });
    o.push_str("<table id=\"findings-table\">\n<caption>All findings</caption>\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th><th scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
    for f in rows {
        let res = &f.resource;
        let mut where_ = Vec::new();
        if res.name != res.id && !res.name.is_empty() {
            where_.push(format!("name {}", esc(&res.name)));
        }
        if let Some(a) = &res.account {
            where_.push(format!("account {}", esc(a)));
        }
        if let Some(rg) = &res.region {
            where_.push(esc(rg));
        }
        if let Some(l) = &res.location {
            where_.push(match l.line {
                Some(n) => format!("{}:{n}", esc(&l.file)),
                None => esc(&l.file),
            });
        }
        let _ = writeln!(
            o,
            "<tr data-status=\"{}\" data-severity=\"{}\"><td>{}</td><td class=\"nw\">{}</td><td class=\"nw\"><a href=\"#rule-{}\">{}</a></td><td><span class=\"mono\">{}</span>{}</td><td class=\"msg\">{}{}</td></tr>",
            f.status.as_str(),
            f.severity.as_str(),
            badge(f.status),
            sev_label(f.severity),
            esc(&slug(&f.rule_id)),
            esc(&f.rule_id),
            esc(&res.id),
            if where_.is_empty() {
                String::new()
            } else {
                format!("<br><span class=\"muted\">{}</span>", where_.join(" \u{b7} "))
            },
            esc(&f.message),
            waiver_text(f)
        );
    }
    if r.findings.is_empty() {
        o.push_str("<tr><td colspan=\"5\">No findings.</td></tr>\n");
    }
    o.push_str("</tbody>\n</table>\n</section>\n");
}

fn rules_section(o: &mut String, r: &Report, idx: &Index) {
    o.push_str(
        "<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">Rules</h2>\n",
    );
    let _ = writeln!(
        o,
        "<p>The {} rules evaluated, what they check and how to fix a failure.</p>",
        r.rules.len()
    );
    o.push_str("<table>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\">What it checks</th><th scope=\"col\">Remediation</th><th scope=\"col\" class=\"num\">Failing</th></tr></thead>\n<tbody>\n");
    for rule in &r.rules {
        let failing = idx
            .findings_by_rule
            .get(rule.id.as_str())
            .map(|v| v.iter().filter(|f| is_failing(f.status)).count())
            .unwrap_or(0);
        let _ = writeln!(
            o,
            "<tr id=\"rule-{}\"><th scope=\"row\">{}<br><span class=\"muted\">{}</span></th><td>{}</td><td><strong>{}</strong><br>{}</td><td>{}</td><td class=\"num\">{failing}</td></tr>",
            esc(&slug(&rule.id)),
            esc(&rule.id),
            esc(rule.kind.as_str()),
            sev_label(rule.severity),
            esc(&rule.title),
            esc(&rule.description),
            esc(&rule.remediation)
        );
    }
    o.push_str("</tbody>\n</table>\n</section>\n");
}

fn footer(o: &mut String, r: &Report) {
    let _ = writeln!(
        o,
        "<footer class=\"wrap\"><p>Generated by {} {} from the JSON report of the same scan (schema version {}). This file is self-contained: it loads nothing from the network.</p></footer>",
        esc(&r.tool.name),
        esc(&r.tool.version),
        r.schema_version
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn luminance(hex: &str) -> f64 {
        let h = hex.trim_start_matches('#');
        let v = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap();
        0.2126 * channel(v(0)) + 0.7152 * channel(v(2)) + 0.0722 * channel(v(4))
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn colours_meet_wcag_aa() {
        for s in STATUS_ORDER {
            let (label, _, fg, bg) = status_style(s);
            assert!(contrast(fg, bg) >= 4.5, "{label}: {}", contrast(fg, bg));
            // Badges sit on white and on the zebra rows too.
            assert!(contrast(fg, "#f6f7f9") >= 4.5, "{label}");
        }
        for s in CONTROL_ORDER {
            let (label, _, fg, bg, fill) = control_style(s);
            assert!(contrast(fg, bg) >= 4.5, "{label}: {}", contrast(fg, bg));
            // Counts are written in white on the chart segments; segments stand out from white.
            assert!(contrast("#ffffff", fill) >= 4.5, "{label} fill");
            assert!(contrast(fill, "#ffffff") >= 3.0, "{label} fill");
        }
        for s in Severity::ALL {
            assert!(contrast(severity_fill(s), "#ffffff") >= 3.0, "{s}");
        }
        for (fg, bg) in [
            ("#1a1a1a", "#ffffff"),
            ("#4a4a4a", "#ffffff"),
            ("#4a4a4a", "#f6f7f9"),
            ("#0b57a4", "#ffffff"),
            ("#0b57a4", "#f6f7f9"),
            ("#1f3a5f", "#ffffff"),
            ("#8b1a1a", "#fdecea"),
            ("#5c3b00", "#fff6dc"),
            ("#1a1a1a", "#e8ecf2"),
        ] {
            assert!(
                contrast(fg, bg) >= 4.5,
                "{fg} on {bg}: {}",
                contrast(fg, bg)
            );
        }
    }

    #[test]
    fn escaping_and_base64() {
        assert_eq!(
            esc("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(slug("a b<c>.D_1"), "a-b-c-.D_1");
    }
}
