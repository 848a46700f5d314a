//! Raw arguments + config file -> validated settings. Flags win over the file.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;

use super::args::{AwsArgs, FailOn, Format, RetryModeArg, ScanArgs, SourceArgs};
use super::output::parse_output_spec;
use crate::collect::aws::{AwsOptions, RetryMode};
use crate::config::{AwsConfig, Config};
use crate::report::Report;
use crate::triage::{Baseline, Triage};

/// What to read: plans (with their Terraform configuration), saved inventories and live
/// AWS accounts.
pub struct SourceSpec {
    pub plans: Vec<PathBuf>,
    pub inventories: Vec<PathBuf>,
    pub tf_dir: Option<PathBuf>,
    pub sarif_root: Option<PathBuf>,
    /// `--aws` and its flags; `None` without `--aws`.
    pub aws: Option<AwsOptions>,
}

impl SourceSpec {
    pub fn from_args(args: &SourceArgs, config: Option<&Config>) -> SourceSpec {
        SourceSpec {
            plans: args.plans.clone(),
            inventories: args.inventories.clone(),
            tf_dir: args
                .tf_dir
                .clone()
                .or_else(|| config.and_then(|c| c.tf_dir.clone())),
            sarif_root: args
                .sarif_root
                .clone()
                .or_else(|| config.and_then(|c| c.sarif_root.clone())),
            aws: args
                .aws
                .aws
                .then(|| aws_options(&args.aws, config.map(|c| &c.aws))),
        }
    }

    /// Show the collectors' progress display (stderr is a terminal and not `-q`).
    pub fn set_progress(&mut self, on: bool) {
        if let Some(a) = &mut self.aws {
            a.progress = on;
        }
    }
}

/// The collector options of `--aws` and its flags, falling back to the config's `aws:`
/// section (a list given as flags replaces the file's).
fn aws_options(a: &AwsArgs, config: Option<&AwsConfig>) -> AwsOptions {
    let file = config.cloned().unwrap_or_default();
    let list = |flags: &Vec<String>, file: Vec<String>| {
        if flags.is_empty() {
            file
        } else {
            flags.clone()
        }
    };
    AwsOptions {
        profile: a.profile.clone().or(file.profile),
        regions: list(&a.regions, file.regions),
        role_arns: list(&a.role_arns, file.role_arns),
        services: list(&a.services, file.services),
        endpoint_url: a.endpoint_url.clone().or(file.endpoint_url),
        concurrency: a
            .concurrency
            .or(file.concurrency)
            .unwrap_or(crate::collect::aws::DEFAULT_CONCURRENCY),
        retry_mode: match a.retry_mode {
            RetryModeArg::Standard => RetryMode::Standard,
            RetryModeArg::Adaptive => RetryMode::Adaptive,
        },
        max_attempts: a.max_attempts,
        attempt_timeout: std::time::Duration::from_secs(a.request_timeout),
        // Every attempt may use its whole time, plus the backoff between attempts.
        operation_timeout: std::time::Duration::from_secs(
            a.request_timeout * u64::from(a.max_attempts.max(1)) + 60,
        ),
        ..AwsOptions::default()
    }
}

/// Everything `scan` (and `baseline create`) needs, decided.
pub struct ScanSettings {
    pub sources: SourceSpec,
    pub policy_dirs: Vec<PathBuf>,
    pub frameworks: Vec<String>,
    pub format: Format,
    pub outputs: Vec<(Format, PathBuf)>,
    pub fail_on: FailOn,
    pub workers: usize,
    pub params: serde_json::Map<String, serde_json::Value>,
    pub triage: Triage,
    pub config: Config,
    /// `--previous`: the earlier report to compute the trend against.
    pub previous: Option<Report>,
    /// `--evidence-dir`: where to write the evidence bundle.
    pub evidence_dir: Option<PathBuf>,
    /// `--allow-partial`: collection errors do not turn the exit code into 3.
    pub allow_partial: bool,
    /// `--push-securityhub`: import the findings into Security Hub after the scan.
    pub push_securityhub: bool,
}

/// A JSON report written by `scan --format json` (for `--previous` and `diff`).
pub fn load_report(path: &std::path::Path) -> Result<Report> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Report::from_json(&bytes)
        .with_context(|| format!("{}: not a complyctl JSON report", path.display()))
}

/// The config the command line asks for: `--config FILE`, none with `--no-config`, else the
/// nearest `.complyctl.yaml` walking up from the current directory.
pub fn load_config(explicit: Option<&PathBuf>, disabled: bool) -> Result<Config> {
    if disabled {
        return Ok(Config::default());
    }
    let path = match explicit {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d)),
    };
    match path {
        Some(p) => {
            tracing::info!("using config {}", p.display());
            Ok(Config::load(&p)?)
        }
        None => Ok(Config::default()),
    }
}

fn parse_enum<T: ValueEnum>(what: &str, s: &str, origin: &str) -> Result<T> {
    match T::from_str(s, true) {
        Ok(v) => Ok(v),
        Err(_) => bail!("{origin}: {what}: `{s}` is not a valid value"),
    }
}

pub fn scan_settings(args: &ScanArgs, config: Config) -> Result<ScanSettings> {
    let origin = config
        .origin
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "config".into());
    let format = match (args.format, &config.format) {
        (Some(f), _) => f,
        (None, Some(s)) => parse_enum("format", s, &origin)?,
        (None, None) => Format::Table,
    };
    let fail_on = match (args.fail_on, &config.fail_on) {
        (Some(f), _) => f,
        (None, Some(s)) => parse_enum("fail_on", s, &origin)?,
        (None, None) => FailOn::High,
    };
    // Outputs from flags replace the file's; so do frameworks and policy dirs (a flag says
    // what this run wants, it does not add to a list the reader cannot see).
    let output_specs: Vec<String> = if args.outputs.is_empty() {
        config.outputs.clone()
    } else {
        args.outputs.clone()
    };
    let outputs = output_specs
        .iter()
        .map(|s| parse_output_spec(s, format))
        .collect::<Result<Vec<_>>>()?;
    let frameworks = if args.frameworks.is_empty() {
        config.frameworks.clone()
    } else {
        args.frameworks.clone()
    };
    let policy_dirs = if args.policies.policy_dirs.is_empty() {
        config.policy_dirs.clone()
    } else {
        args.policies.policy_dirs.clone()
    };
    let workers = args.workers.or(config.workers).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    if workers == 0 {
        bail!("--workers must be at least 1");
    }
    let baseline_path = args.baseline.clone().or_else(|| config.baseline.clone());
    let baseline = match baseline_path {
        Some(p) => Some(Baseline::load(&p).with_context(|| "loading the baseline".to_string())?),
        None => None,
    };
    let triage = Triage {
        waivers: config.waivers.clone(),
        inline_waivers: !args.no_inline_waivers && config.inline_waivers.unwrap_or(true),
        baseline,
    };
    let previous = match args.previous.as_ref().or(config.previous.as_ref()) {
        Some(p) => Some(load_report(p).context("loading the --previous report")?),
        None => None,
    };
    Ok(ScanSettings {
        sources: SourceSpec::from_args(&args.sources, Some(&config)),
        previous,
        evidence_dir: args
            .evidence_dir
            .clone()
            .or_else(|| config.evidence_dir.clone()),
        allow_partial: args.allow_partial || config.aws.allow_partial.unwrap_or(false),
        push_securityhub: args.push_securityhub,
        policy_dirs,
        frameworks,
        format,
        outputs,
        fail_on,
        workers,
        params: config
            .params
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        triage,
        config,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_flags_win_over_the_config_and_the_config_fills_the_rest() {
        let file = AwsConfig {
            profile: Some("audit".into()),
            regions: vec!["eu-west-1".into()],
            role_arns: vec!["arn:aws:iam::111111111111:role/audit".into()],
            services: vec!["iam".into(), "s3".into()],
            concurrency: Some(4),
            endpoint_url: Some("http://127.0.0.1:5000".into()),
            allow_partial: None,
        };
        let flags = AwsArgs {
            aws: true,
            regions: vec!["us-east-1".into(), "us-west-2".into()],
            ..AwsArgs::default()
        };
        let o = aws_options(&flags, Some(&file));
        assert_eq!(o.regions, ["us-east-1", "us-west-2"]);
        assert_eq!(o.profile.as_deref(), Some("audit"));
        assert_eq!(o.role_arns, file.role_arns);
        assert_eq!(o.concurrency, 4);
        assert_eq!(o.endpoint_url, file.endpoint_url);
        assert_eq!(o.services, ["iam", "s3"]);

        let o = aws_options(&AwsArgs::default(), None);
        assert!(o.regions.is_empty() && o.profile.is_none());
        assert_eq!(o.concurrency, crate::collect::aws::DEFAULT_CONCURRENCY);
    }
}
