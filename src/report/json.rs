//! The JSON report (documented in docs/report-format.md).

use std::io::{self, Write};

use super::Report;

/// Stream the report as pretty JSON into `out`. A 100k-resource report is about a GiB of
/// JSON; the CLI writes it through this instead of holding all of it in memory.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

pub fn render(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    if let Err(e) = write(report, &mut out) {
        return format!("{{\"error\": \"{e}\"}}\n").into_bytes();
    }
    out
}
