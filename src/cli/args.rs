//! Command-line definitions (clap). Parsing only; validation happens in `settings`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "complyctl",
    version,
    about = "Policy-as-code compliance scanner for AWS accounts and Terraform plans",
    long_about = "complyctl evaluates Terraform plans (and AWS accounts) against Rego rules and maps the results \
to SOC 2, FedRAMP, NIST CSF and MPA TPN controls.",
    after_help = "Exit codes: 0 no failing finding at/above --fail-on; 1 there is one; 2 usage or input error; 3 scan incomplete.\n\n\
Examples:\n  terraform show -json tfplan > plan.json\n  complyctl scan --plan plan.json\n  complyctl scan --aws --region all\n  complyctl scan --plan plan.json --framework mpa-tpn --format json --output report.json\n  complyctl inventory --plan plan.json"
)]
pub struct Cli {
    /// Read settings from this file instead of the nearest .complyctl.yaml
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore .complyctl.yaml files
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// When to use colour: auto (a terminal and NO_COLOR unset), always, never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More logging on stderr (-v info, -vv debug)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate Terraform plans, live AWS accounts or saved inventories and report findings
    #[command(
        after_help = "Examples:\n  complyctl scan --plan plan.json\n  complyctl scan --aws --profile audit --region us-east-1 --region eu-west-1\n  complyctl scan --plan a.json --plan b.json --fail-on critical\n  complyctl scan --plan plan.json --format sarif --output sarif=results.sarif\n  complyctl scan --plan infra/plan.json --tf-dir infra --output sarif=results.sarif --output markdown=summary.md"
    )]
    Scan(ScanArgs),
    /// Collect a normalized inventory (e.g. of a live AWS account) and save it with scan metadata
    #[command(
        after_help = "Examples:\n  complyctl collect --aws --region all -o inventory.json\n  complyctl scan --inventory inventory.json"
    )]
    Collect(CollectArgs),
    /// Print the normalized inventory of a plan as JSON (the input rules see)
    #[command(
        after_help = "Example:\n  complyctl inventory --plan plan.json | jq '.resources[] | select(.kind == \"aws.s3.bucket\")'"
    )]
    Inventory(InventoryArgs),
    /// List, show and test rules
    #[command(
        subcommand,
        after_help = "Examples:\n  complyctl policy list\n  complyctl policy show S3.VERSIONING\n  complyctl policy test ./my-policies"
    )]
    Policy(PolicyCommand),
    /// List and show framework packs
    #[command(
        subcommand,
        after_help = "Examples:\n  complyctl framework list\n  complyctl framework show mpa-tpn --format json"
    )]
    Framework(FrameworkCommand),
    /// Record the current failing findings, so pipelines fail only on new ones
    #[command(
        subcommand,
        after_help = "Example:\n  complyctl baseline create --plan plan.json -o .complyctl-baseline.json"
    )]
    Baseline(BaselineCommand),
    /// Write a commented starter .complyctl.yaml
    #[command(after_help = "Example:\n  complyctl init && $EDITOR .complyctl.yaml")]
    Init {
        /// Where to write it
        #[arg(default_value = ".complyctl.yaml")]
        path: PathBuf,
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// Compare two JSON reports: new, resolved and unchanged failing findings, score changes
    #[command(
        after_help = "Examples:\n  complyctl diff last-night.json tonight.json\n  complyctl diff old.json new.json --format markdown > comment.md"
    )]
    Diff(DiffArgs),
    /// Check an evidence bundle written by `scan --evidence-dir`
    #[command(
        subcommand,
        after_help = "Example:\n  complyctl evidence verify evidence/2026-01-01"
    )]
    Evidence(EvidenceCommand),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  complyctl completions bash > /etc/bash_completion.d/complyctl\n  complyctl completions zsh > \"${fpath[1]}/_complyctl\"\n  complyctl completions fish > ~/.config/fish/completions/complyctl.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from the same definitions as --help
    #[command(after_help = "Example:\n  complyctl man > /usr/local/share/man/man1/complyctl.1")]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Scan and write the failing findings' fingerprints
    #[command(
        after_help = "Example:\n  complyctl baseline create --plan plan.json -o .complyctl-baseline.json\n  complyctl scan --plan plan.json --baseline .complyctl-baseline.json"
    )]
    Create {
        #[command(flatten)]
        scan: ScanArgs,
    },
}

#[derive(Debug, Args, Default)]
pub struct SourceArgs {
    /// A Terraform plan in JSON (`terraform show -json tfplan`); repeatable
    #[arg(long = "plan", value_name = "FILE")]
    pub plans: Vec<PathBuf>,
    /// A saved normalized inventory (`complyctl inventory` output); repeatable
    #[arg(long = "inventory", value_name = "FILE")]
    pub inventories: Vec<PathBuf>,
    /// The Terraform configuration behind the plans, to give findings a file and line
    /// (default: each plan file's directory); local modules are followed
    #[arg(long = "tf-dir", value_name = "DIR")]
    pub tf_dir: Option<PathBuf>,
    /// Resource locations (and SARIF URIs) are relative to this directory, the repository
    /// root [default: the current directory]
    #[arg(long = "sarif-root", value_name = "DIR")]
    pub sarif_root: Option<PathBuf>,
    #[command(flatten)]
    pub aws: AwsArgs,
}

/// A live AWS scan (see docs/live-aws.md).
#[derive(Debug, Args, Default)]
pub struct AwsArgs {
    /// Scan a live AWS account with the standard credential chain
    #[arg(long)]
    pub aws: bool,
    /// Named profile from ~/.aws/config and ~/.aws/credentials
    #[arg(long, value_name = "NAME", requires = "aws")]
    pub profile: Option<String>,
    /// Region to scan; repeatable; `all` = every region enabled in the account (default: the configured region)
    #[arg(long = "region", value_name = "REGION", requires = "aws")]
    pub regions: Vec<String>,
    /// Assume this IAM role and scan its account; repeatable (one account each)
    #[arg(long = "role-arn", value_name = "ARN", requires = "aws")]
    pub role_arns: Vec<String>,
    /// Collect only these services (comma-separated or repeated); rules about the others do
    /// not apply [default: all]
    #[arg(long = "service", value_name = "SERVICE", value_delimiter = ',', requires = "aws",
          value_parser = clap::builder::PossibleValuesParser::new(crate::inventory::SERVICES.iter().copied()))]
    pub services: Vec<String>,
    /// Send every AWS request to this URL (emulators, VPC endpoints); S3 uses path-style addressing
    #[arg(long, value_name = "URL", requires = "aws")]
    pub endpoint_url: Option<String>,
    /// AWS API requests in flight at once [default: 16]
    #[arg(long, value_name = "N", requires = "aws")]
    pub concurrency: Option<usize>,
    /// SDK retry strategy for throttling and transient faults
    #[arg(long, value_enum, default_value_t = RetryModeArg::Adaptive, requires = "aws")]
    pub retry_mode: RetryModeArg,
    /// Attempts per request, first try included
    #[arg(long, value_name = "N", default_value_t = crate::collect::aws::DEFAULT_MAX_ATTEMPTS, requires = "aws")]
    pub max_attempts: u32,
    /// Seconds one attempt of one request may take before it is abandoned and retried
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600), requires = "aws")]
    pub request_timeout: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum RetryModeArg {
    Standard,
    #[default]
    Adaptive,
}

#[derive(Debug, Args, Default)]
pub struct PolicyArgs {
    /// A directory of additional .rego rules; repeatable
    #[arg(long = "policy-dir", value_name = "DIR")]
    pub policy_dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub sources: SourceArgs,
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Limit findings and roll-up to these framework packs (comma-separated or repeated)
    #[arg(long = "framework", value_name = "ID", value_delimiter = ',')]
    pub frameworks: Vec<String>,
    /// Format written to stdout [default: table]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Also write a report to a file: `PATH` (in --format) or `FORMAT=PATH`; repeatable
    #[arg(long = "output", short = 'o', value_name = "[FORMAT=]PATH")]
    pub outputs: Vec<String>,
    /// Exit 1 when a failing finding has this severity or higher [default: high]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Evaluation threads (default: all cores)
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Findings in this baseline are reported as `baseline` and do not fail the build
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Ignore complyctl:waive:<RULE_ID> tags on resources (refuse self-granted waivers)
    #[arg(long)]
    pub no_inline_waivers: bool,
    /// Compare with this earlier JSON report: adds a `trend` section to every format
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// Also write an evidence bundle here: inventory.json, report.json, report.html, manifest.json
    #[arg(long, value_name = "DIR")]
    pub evidence_dir: Option<PathBuf>,
    /// Exit with the findings' code even when collection was incomplete (errors are still reported)
    #[arg(long)]
    pub allow_partial: bool,
    /// Import the findings into each scanned account's AWS Security Hub (and archive the ones
    /// this scan no longer reports); needs securityhub:BatchImportFindings and GetFindings
    #[arg(long, requires = "aws")]
    pub push_securityhub: bool,
}

#[derive(Debug, Args)]
pub struct CollectArgs {
    #[command(flatten)]
    pub sources: SourceArgs,
    /// Write to this file instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier JSON report
    pub old: PathBuf,
    /// The later JSON report
    pub new: PathBuf,
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Recompute the SHA-256 of every file in manifest.json (exit 0 ok, 1 altered, 2 unreadable)
    #[command(after_help = "Example:\n  complyctl evidence verify evidence/2026-01-01")]
    Verify {
        /// The bundle directory
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct InventoryArgs {
    #[command(flatten)]
    pub sources: SourceArgs,
    /// Write to this file instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A terminal table: summary by framework and the failing findings
    Table,
    /// The full JSON report (docs/report-format.md)
    Json,
    /// SARIF 2.1.0, for GitHub/GitLab code scanning
    Sarif,
    /// JUnit XML, for CI test reports
    Junit,
    /// A Markdown summary, for PR comments and $GITHUB_STEP_SUMMARY
    Markdown,
    /// AWS Security Finding Format: a Security Hub BatchImportFindings request body
    Asff,
    /// A self-contained HTML audit report (inline CSS and SVG, works offline, prints to PDF)
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Critical,
    High,
    Medium,
    Low,
    None,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// List the rules (built-in and --policy-dir)
    #[command(
        after_help = "Examples:\n  complyctl policy list\n  complyctl policy list --policy-dir ./my-policies --format json"
    )]
    List {
        #[command(flatten)]
        policies: PolicyArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show a rule's documentation: what it checks, why, how to fix, mapped controls
    #[command(after_help = "Example:\n  complyctl policy show IAM.ROOT_MFA")]
    Show {
        /// Rule id, e.g. S3.ENCRYPTION_AT_REST
        id: String,
        #[command(flatten)]
        policies: PolicyArgs,
    },
    /// Print the rule reference (Markdown) generated from the rules' metadata and the packs
    #[command(after_help = "Example:\n  complyctl policy docs > docs/rules.md")]
    Docs {
        #[command(flatten)]
        policies: PolicyArgs,
    },
    /// Run the test_* rules of _test.rego files (the built-in ones, or those in DIR)
    #[command(
        after_help = "Examples:\n  complyctl policy test\n  complyctl policy test ./my-policies"
    )]
    Test {
        /// Directories of policies and tests; none = the built-in policies
        dirs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// List the framework packs with their control counts
    #[command(after_help = "Example:\n  complyctl framework list --format json")]
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show one pack's controls and the rules that evidence them
    #[command(after_help = "Example:\n  complyctl framework show soc2")]
    Show {
        /// Framework id, e.g. mpa-tpn
        id: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}
