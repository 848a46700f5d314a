//! `.complyctl.yaml`: the repository's settings. Found by walking up from the current
//! directory (or `--config FILE`); every key has a flag, and flags win.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FILE_NAME: &str = ".complyctl.yaml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Framework packs to report on (default: all).
    #[serde(default)]
    pub frameworks: Vec<String>,
    /// critical, high, medium, low or none.
    pub fail_on: Option<String>,
    /// Format written to stdout.
    pub format: Option<String>,
    /// Extra reports: `FORMAT=PATH`.
    #[serde(default)]
    pub outputs: Vec<String>,
    #[serde(default)]
    pub policy_dirs: Vec<PathBuf>,
    #[serde(default)]
    pub rules: RuleSelection,
    /// Rule parameters, e.g. `password_min_length: 16` (override framework packs' values).
    #[serde(default)]
    pub params: BTreeMap<String, Value>,
    #[serde(default)]
    pub waivers: Vec<WaiverConfig>,
    /// Honour `complyctl:waive:<RULE_ID>` resource tags (default true).
    pub inline_waivers: Option<bool>,
    /// A baseline file from `complyctl baseline create`.
    pub baseline: Option<PathBuf>,
    /// Evaluation threads.
    pub workers: Option<usize>,
    /// Terraform configuration directory for file:line locations.
    pub tf_dir: Option<PathBuf>,
    /// Repository root that SARIF and report locations are relative to.
    pub sarif_root: Option<PathBuf>,
    /// The previous JSON report, for the trend.
    pub previous: Option<PathBuf>,
    /// Write an evidence bundle (inventory, reports, manifest) here.
    pub evidence_dir: Option<PathBuf>,
    #[serde(default)]
    pub aws: AwsConfig,
    /// The file this was read from (not a key).
    #[serde(skip)]
    pub origin: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleSelection {
    /// Only these rules (ids or globs such as `S3.*`); empty = all.
    #[serde(default)]
    pub enable: Vec<String>,
    /// Never these rules (ids or globs).
    #[serde(default)]
    pub disable: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AwsConfig {
    /// A named profile (`--profile`).
    pub profile: Option<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub role_arns: Vec<String>,
    /// The services to collect (`--service`); empty = all.
    #[serde(default)]
    pub services: Vec<String>,
    pub concurrency: Option<usize>,
    pub endpoint_url: Option<String>,
    pub allow_partial: Option<bool>,
}

/// An accepted risk: `{rule, resource, reason, owner, expires}`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WaiverConfig {
    /// Rule id or glob (`*` and `?`).
    pub rule: String,
    /// Resource id, ARN or Terraform address, or a glob of one (`*` and `?`; brackets are literal).
    #[serde(default = "any")]
    pub resource: String,
    pub reason: String,
    pub owner: Option<String>,
    /// YYYY-MM-DD: the last day the waiver applies.
    pub expires: Option<String>,
}

fn any() -> String {
    "*".to_string()
}

/// `*` matches any run of characters, `?` one; everything else is literal (Terraform
/// addresses are full of brackets and quotes, so no character classes).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

impl Config {
    /// Parse and validate config text (no path rebasing).
    pub fn parse(origin: &str, text: &str) -> Result<Config, ConfigError> {
        let cfg: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            crate::yaml::parse(origin, text).map_err(|e| ConfigError::Invalid(e.to_string()))?
        };
        cfg.validate(Path::new(origin))?;
        Ok(cfg)
    }

    /// Read and validate one config file. Relative paths in it are relative to its directory.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let mut cfg: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            crate::yaml::parse(&path.display().to_string(), &text)
                .map_err(|e| ConfigError::Invalid(e.to_string()))?
        };
        cfg.origin = Some(path.to_path_buf());
        cfg.validate(path)?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let rebase = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        cfg.policy_dirs.iter_mut().for_each(rebase);
        if let Some(b) = cfg.baseline.as_mut() {
            rebase(b);
        }
        for p in [
            &mut cfg.tf_dir,
            &mut cfg.sarif_root,
            &mut cfg.previous,
            &mut cfg.evidence_dir,
        ] {
            if let Some(p) = p.as_mut() {
                rebase(p);
            }
        }
        Ok(cfg)
    }

    fn validate(&self, path: &Path) -> Result<(), ConfigError> {
        let at = |key: &str, msg: String| {
            ConfigError::Invalid(format!("{}: {key}: {msg}", path.display()))
        };
        if let Some(f) = &self.fail_on {
            if !["critical", "high", "medium", "low", "none"].contains(&f.as_str()) {
                return Err(at(
                    "fail_on",
                    format!("`{f}` is not one of critical, high, medium, low, none"),
                ));
            }
        }
        if let Some(f) = &self.format {
            if !crate::report::FORMATS.contains(&f.as_str()) {
                return Err(at(
                    "format",
                    format!("`{f}` is not one of {}", crate::report::FORMATS.join(", ")),
                ));
            }
        }
        for (i, w) in self.waivers.iter().enumerate() {
            if w.reason.trim().is_empty() {
                return Err(at(
                    &format!("waivers[{i}].reason"),
                    "a waiver needs a reason".into(),
                ));
            }
            if let Some(e) = &w.expires {
                if chrono::NaiveDate::parse_from_str(e, "%Y-%m-%d").is_err() {
                    return Err(at(
                        &format!("waivers[{i}].expires"),
                        format!("`{e}` is not a date (YYYY-MM-DD)"),
                    ));
                }
            }
        }
        if self.workers == Some(0) {
            return Err(at("workers", "must be at least 1".into()));
        }
        Ok(())
    }

    /// `.complyctl.yaml` in `start` or the nearest parent directory that has one.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }

    /// Is this rule id selected by `rules.enable` / `rules.disable`?
    pub fn rule_enabled(&self, id: &str) -> bool {
        let enabled =
            self.rules.enable.is_empty() || self.rules.enable.iter().any(|p| glob_match(p, id));
        enabled && !self.rules.disable.iter().any(|p| glob_match(p, id))
    }
}

/// The commented starter config `complyctl init` writes.
pub const STARTER: &str = r#"# complyctl configuration. Every key has a command-line flag; flags win.
# Docs: docs/ci.md (pipelines, waivers, baselines) and `complyctl --help`.

# Framework packs to report on (default: all). `complyctl framework list` shows them.
frameworks: [soc2, mpa-tpn]

# Fail the build (exit 1) on failing findings of this severity or higher:
# critical, high, medium, low or none.
fail_on: high

# What goes to stdout, and extra report files written in the same run (FORMAT=PATH).
format: table
outputs: []
#  - json=complyctl-report.json

# Your own rules, next to the built-in ones.
policy_dirs: []
#  - policies/

# Choose rules by id or glob.
rules:
  enable: []        # empty = every rule
  disable: []
#    - S3.CROSS_REGION_REPLICATION

# Rule parameters (defaults: `complyctl policy show RULE_ID`).
params: {}
#  password_min_length: 16
#  access_key_max_age_days: 90

# Accepted risks. A waiver needs a reason; it stops applying after `expires`.
# A waiver that matches nothing is reported as a warning (probably stale or mistyped).
waivers: []
#  - rule: S3.ACCESS_LOGGING
#    resource: aws_s3_bucket.logs          # id, ARN or Terraform address; * and ? glob
#    reason: "This bucket is the log target; logging it would loop"
#    owner: platform-team@example.com
#    expires: 2027-06-30

# Honour complyctl:waive:<RULE_ID> tags on resources. Set to false in CI to refuse
# self-granted waivers.
inline_waivers: true

# Fail only on findings that are not in this baseline (`complyctl baseline create`).
# baseline: .complyctl-baseline.json

# Live AWS scans (`complyctl scan --aws`); flags win.
aws:
  # profile: audit
  regions: []           # [all] = every enabled region; [] = the profile's region
  role_arns: []         # one account each
  services: []          # e.g. [iam, s3, ec2]; [] = every service
  # concurrency: 16
  # allow_partial: false  # exit with the findings' code even when collection was incomplete
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_treat_brackets_literally() {
        assert!(glob_match("S3.*", "S3.VERSIONING"));
        assert!(!glob_match("S3.*", "EC2.SG_OPEN_SSH"));
        assert!(glob_match(
            r#"module.media["raw"].*"#,
            r#"module.media["raw"].aws_s3_bucket.this"#
        ));
        assert!(!glob_match(
            r#"module.media["raw"].*"#,
            r#"module.media["final"].aws_s3_bucket.this"#
        ));
        assert!(glob_match(
            "arn:aws:s3:::acme-*-logs",
            "arn:aws:s3:::acme-prod-logs"
        ));
        assert!(glob_match("*", ""));
        assert!(glob_match("a?c", "abc"));
    }

    #[test]
    fn the_starter_config_is_valid() {
        let dir = tempfile_dir();
        let p = dir.join(FILE_NAME);
        std::fs::write(&p, STARTER).unwrap();
        let c = Config::load(&p).unwrap();
        assert_eq!(c.fail_on.as_deref(), Some("high"));
        assert_eq!(c.frameworks, vec!["soc2", "mpa-tpn"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn tempfile_dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("complyctl-config-test-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
