//! Where output goes: colour decisions, `--output FORMAT=PATH` specs, atomic file writes.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::ValueEnum;

use super::args::{ColorChoice, Format};

fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub fn stdout_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color_env() && std::io::stdout().is_terminal(),
    }
}

pub fn stderr_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color_env() && std::io::stderr().is_terminal(),
    }
}

/// `PATH` or `FORMAT=PATH`.
pub fn parse_output_spec(spec: &str, default: Format) -> Result<(Format, PathBuf)> {
    if let Some((fmt, path)) = spec.split_once('=') {
        let format = match Format::from_str(fmt, true) {
            Ok(f) => f,
            Err(_) if !fmt.contains(['/', '\\', '.']) => {
                let known: Vec<String> = Format::value_variants()
                    .iter()
                    .filter_map(|f| f.to_possible_value())
                    .map(|v| v.get_name().to_string())
                    .collect();
                bail!(
                    "--output {spec}: unknown format `{fmt}` (expected one of: {})",
                    known.join(", ")
                )
            }
            // `=` inside a plain path
            _ => return Ok((default, PathBuf::from(spec))),
        };
        if path.is_empty() {
            bail!("--output {spec}: missing path after `=`");
        }
        return Ok((format, PathBuf::from(path)));
    }
    if spec.is_empty() {
        bail!("--output needs a path");
    }
    Ok((default, PathBuf::from(spec)))
}

/// Write a whole file or nothing: a temp file in the same directory, then rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// [`write_atomic`] for content produced by a writer (streamed, never all in memory).
pub fn write_atomic_with(
    path: &Path,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        produce(&mut f)?;
        let f = f.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("{}: cannot write", path.display()))
}

pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    write_stdout_with(|out| out.write_all(bytes))
}

/// [`write_stdout`] for content produced by a writer.
pub fn write_stdout_with(
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match produce(&mut out).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // `complyctl ... | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("cannot write to stdout"),
    }
}
