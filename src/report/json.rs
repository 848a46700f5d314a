//! The JSON report (documented in docs/report-format.md).

use std::io::{self, Write};

use super::{Finding, Report};

/// Findings rendered per block: two blocks (one per thread) are in memory at a time. Reports
/// with fewer than two blocks of findings are written on one thread.
pub const BLOCK: usize = 2048;

/// Stream the report as pretty JSON into `out`. A 100k-resource report is about a GiB of
/// JSON; the CLI writes it through this instead of holding all of it in memory.
///
/// The findings are most of a large report; they are rendered on two threads, a block each
/// at a time, and written in order, so the bytes are those of `serde_json::to_writer_pretty`
/// (tests hold it to that).
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if report.findings.len() < 2 * BLOCK {
        serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::other)?;
        return out.write_all(b"\n");
    }
    // Everything but the findings, with an empty list where they go.
    let shell = serde_json::to_vec_pretty(&without_findings(report)).map_err(io::Error::other)?;
    // A top-level key is the only place a newline (strings escape theirs) is followed by
    // exactly two spaces and a quote.
    const EMPTY: &[u8] = b"\n  \"findings\": []";
    let at = shell
        .windows(EMPTY.len())
        .position(|w| w == EMPTY)
        .ok_or_else(|| io::Error::other("the report has no findings list"))?;
    let (head, tail) = (
        &shell[..at + EMPTY.len() - 1],
        &shell[at + EMPTY.len() - 1..],
    );
    out.write_all(head)?;

    let mut first = true;
    let mut blocks = report.findings.chunks(BLOCK);
    loop {
        let (a, b) = (blocks.next(), blocks.next());
        let Some(a) = a else { break };
        let (ra, rb) = std::thread::scope(|s| {
            let other = b.map(|b| s.spawn(move || render_block(b)));
            let ra = render_block(a);
            let rb = match other {
                Some(h) => h
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("a JSON writer thread panicked"))),
                None => Ok(Vec::new()),
            };
            (ra, rb)
        });
        for block in [ra?, rb?] {
            if block.is_empty() {
                continue;
            }
            // Blocks start with the separator of their first element: ",\n    ".
            out.write_all(if first { &block[1..] } else { &block })?;
            first = false;
        }
    }
    out.write_all(b"\n  ")?;
    out.write_all(tail)?;
    out.write_all(b"\n")
}

/// A block of findings as the pretty printer writes them inside the report's findings list
/// (two levels deep), each element preceded by `,\n    `.
fn render_block(findings: &[Finding]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(findings.len() * 1536);
    // Each finding is printed at depth 0 into `scratch`, then copied with every line after
    // the first indented by four spaces. Indenting inside an io::Write wrapper instead cost
    // a dynamic write call per JSON token, a tenth of a large scan's report time.
    let mut scratch = Vec::with_capacity(2048);
    for f in findings {
        out.extend_from_slice(b",\n    ");
        scratch.clear();
        serde_json::to_writer_pretty(&mut scratch, f).map_err(io::Error::other)?;
        indent_into(&mut out, &scratch);
    }
    Ok(out)
}

/// Appends `text` to `out` with four spaces after every newline (the depth of a findings
/// element). Strings in JSON escape their newlines, so every newline is a line break.
fn indent_into(out: &mut Vec<u8>, text: &[u8]) {
    let mut lines = text.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        out.extend_from_slice(first);
    }
    for line in lines {
        out.extend_from_slice(b"\n    ");
        out.extend_from_slice(line);
    }
}

/// The report without its findings (a field-by-field copy: a new field of [`Report`] fails
/// to compile here rather than go missing from the JSON).
fn without_findings(r: &Report) -> Report {
    let Report {
        schema_version,
        tool,
        scan,
        summary,
        findings: _,
        frameworks,
        rules,
        errors,
        warnings,
        trend,
    } = r;
    Report {
        schema_version: *schema_version,
        tool: tool.clone(),
        scan: scan.clone(),
        summary: summary.clone(),
        findings: Vec::new(),
        frameworks: frameworks.clone(),
        rules: rules.clone(),
        errors: errors.clone(),
        warnings: warnings.clone(),
        trend: trend.clone(),
    }
}

pub fn render(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    if let Err(e) = write(report, &mut out) {
        return format!("{{\"error\": \"{e}\"}}\n").into_bytes();
    }
    out
}
