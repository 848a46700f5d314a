//! A real browser for the HTML report tests: Debian's headless Chromium, kept offline.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

/// Debian's chromium (scripts/test.sh installs it), or COMPLYCTL_CHROMIUM. Missing is a
/// failure unless COMPLYCTL_SKIP_BROWSER=1: a browser test must not pass by not running.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("COMPLYCTL_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Some(dir) = std::env::var_os("PATH")
            .into_iter()
            .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
            .find(|d| d.join(name).is_file())
        {
            return Some(dir.join(name));
        }
    }
    if std::env::var("COMPLYCTL_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("skipping the browser test: COMPLYCTL_SKIP_BROWSER=1");
        return None;
    }
    panic!(
        "chromium not found: install it (`apt-get install chromium`, which scripts/test.sh does \
         as root), point COMPLYCTL_CHROMIUM at a Chromium binary, or set COMPLYCTL_SKIP_BROWSER=1"
    );
}

/// Run headless Chromium on `page` with `extra` args; returns (stdout, stderr).
pub fn run_chromium(bin: &Path, page: &Path, profile: &Path, extra: &[&str]) -> (String, String) {
    let url = format!("file://{}", page.display());
    let out = Process::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            // Any request that tried to leave the machine fails, and a failed load is a
            // console error, which this test rejects.
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(extra)
        .arg(&url)
        .output()
        .expect("cannot run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

pub fn console_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.contains(":CONSOLE")
                || l.contains("Uncaught")
                || l.contains("console.error")
                || l.contains("Content Security Policy")
        })
        .collect()
}
