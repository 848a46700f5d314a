//! Progress on stderr: one line per service and region, only when asked (stderr is a
//! terminal and not `-q`). Never writes to stdout, so reports stay clean.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Collected;

#[derive(Debug, Clone)]
pub(crate) struct Progress {
    multi: Option<MultiProgress>,
}

/// The progress line of one collector task (a no-op when progress is off).
#[derive(Debug)]
pub(crate) struct Bar(Option<ProgressBar>);

impl Progress {
    pub fn new(enabled: bool) -> Self {
        Progress {
            multi: enabled.then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr())),
        }
    }

    pub fn task(&self, account: &str, service: &str, region: &str) -> Bar {
        let Some(multi) = &self.multi else {
            return Bar(None);
        };
        let style = ProgressStyle::with_template("{spinner} {prefix:.bold} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = multi.add(ProgressBar::new_spinner());
        bar.set_style(style);
        bar.set_prefix(format!("{account} {service:<11} {region}"));
        bar.set_message("collecting");
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Bar(Some(bar))
    }

    pub fn finish(&self) {
        if let Some(m) = &self.multi {
            let _ = m.clear();
        }
    }
}

impl Bar {
    pub fn done(&self, out: &Collected) {
        if let Some(bar) = &self.0 {
            let errors = match out.errors.len() {
                0 => String::new(),
                1 => ", 1 error".to_string(),
                n => format!(", {n} errors"),
            };
            bar.finish_with_message(format!("{} resources{errors}", out.resources.len()));
        }
    }
}
