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
    for f in findings {
        out.extend_from_slice(b",\n    ");
        // Printed at its depth in the report directly: printing each finding at depth 0 and
        // copying it with its lines indented cost a pass over every byte of the report.
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::at_depth(2));
        serde::Serialize::serialize(f, &mut ser).map_err(io::Error::other)?;
    }
    Ok(out)
}

/// serde_json's pretty layout (two spaces per level, `": "` after keys, empty containers as
/// `[]` and `{}`) for a value that starts `depth` levels deep. serde_json's own
/// `PrettyFormatter` always starts at depth 0.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn at_depth(depth: usize) -> Pretty {
        Pretty {
            depth,
            has_value: false,
        }
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
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
