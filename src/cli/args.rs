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
Examples:\n  terraform show -json tfplan > plan.json\n  complyctl scan --plan plan.json\n  complyctl scan --plan plan.json --framework mpa-tpn --format json --output report.json\n  complyctl inventory --plan plan.json"
)]
pub struct Cli {
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
    /// Evaluate Terraform plans or saved inventories and report findings
    #[command(
        after_help = "Examples:\n  complyctl scan --plan plan.json\n  complyctl scan --plan a.json --plan b.json --fail-on critical\n  complyctl scan --plan plan.json --format sarif --output sarif=results.sarif\n  complyctl scan --plan infra/plan.json --tf-dir infra --output sarif=results.sarif --output markdown=summary.md"
    )]
    Scan(ScanArgs),
    /// Print the normalized inventory of a plan as JSON (the input rules see)
    #[command(
        after_help = "Example:\n  complyctl inventory --plan plan.json | jq '.resources[] | select(.kind == \"aws.s3.bucket\")'"
    )]
    Inventory(InventoryArgs),
    /// List, show and test rules
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// List and show framework packs
    #[command(subcommand)]
    Framework(FrameworkCommand),
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
    /// Format written to stdout
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also write a report to a file: `PATH` (in --format) or `FORMAT=PATH`; repeatable
    #[arg(long = "output", short = 'o', value_name = "[FORMAT=]PATH")]
    pub outputs: Vec<String>,
    /// Exit 1 when a failing finding has this severity or higher
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    pub fail_on: FailOn,
    /// Evaluation threads (default: all cores)
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
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
    List {
        #[command(flatten)]
        policies: PolicyArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show a rule's documentation: what it checks, why, how to fix, mapped controls
    Show {
        /// Rule id, e.g. S3.ENCRYPTION_AT_REST
        id: String,
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
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show one pack's controls and the rules that evidence them
    Show {
        /// Framework id, e.g. mpa-tpn
        id: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}
