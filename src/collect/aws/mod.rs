//! Live AWS collector: the official AWS SDK for Rust -> the normalized inventory.
//!
//! This module owns what is common to every service: options, the credential chain
//! (`--profile`, `--role-arn` via STS AssumeRole), regions (`--region all` via
//! DescribeRegions), endpoint override for emulators, retries and timeouts, bounded
//! concurrency, progress, and turning API failures into [`CollectionError`]s. One module per
//! service holds the SDK calls and the mapping to normalized attributes, nothing else.
//! A collector never knows about rules.

pub(crate) mod account;
mod cloudtrail;
mod config;
mod ec2;
mod eks;
mod guardduty;
mod iam;
mod kms;
mod progress;
mod s3;
mod securityhub;
pub(crate) mod util;

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_sts::config::SharedCredentialsProvider;
use aws_sdk_sts::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_smithy_async::future::pagination_stream::PaginationStream;
use serde_json::{Map, Value};
use tokio::sync::Semaphore;

use crate::inventory::unknown::{marker, Reason};
use crate::inventory::{
    CollectionError, Inventory, Kind, Resource, SourceInfo, SourceType, SERVICES,
};

use self::progress::Progress;

/// Default number of AWS API requests in flight at once.
pub const DEFAULT_CONCURRENCY: usize = 16;
/// Default maximum attempts per request (first try + retries).
pub const DEFAULT_MAX_ATTEMPTS: u32 = 5;

/// The SDK's retry strategies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryMode {
    /// Exponential backoff with jitter on throttling and transient errors.
    Standard,
    /// Standard plus client-side rate limiting when AWS throttles.
    Adaptive,
}

/// What to scan and how.
#[derive(Debug, Clone)]
pub struct AwsOptions {
    /// A named profile from the shared config/credentials files; None = the default chain.
    pub profile: Option<String>,
    /// Regions to scan; empty = the configured default region; `all` = every enabled region.
    pub regions: Vec<String>,
    /// Roles to assume, one account each; empty = the caller's own account.
    pub role_arns: Vec<String>,
    /// Send every request here (emulators, VPC endpoints); S3 then uses path-style addressing.
    pub endpoint_url: Option<String>,
    /// API requests in flight at once, over all services, regions and accounts.
    pub concurrency: usize,
    pub retry_mode: RetryMode,
    pub max_attempts: u32,
    pub connect_timeout: Duration,
    /// Limit for one attempt of one request.
    pub attempt_timeout: Duration,
    /// Limit for one request including all its retries.
    pub operation_timeout: Duration,
    /// The services to collect (names of [`crate::inventory::SERVICES`]); empty = all of them.
    pub services: Vec<String>,
    /// Draw a progress display on stderr.
    pub progress: bool,
}

impl Default for AwsOptions {
    fn default() -> Self {
        AwsOptions {
            profile: None,
            regions: Vec::new(),
            role_arns: Vec::new(),
            endpoint_url: None,
            concurrency: DEFAULT_CONCURRENCY,
            retry_mode: RetryMode::Adaptive,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            connect_timeout: Duration::from_secs(10),
            attempt_timeout: Duration::from_secs(30),
            operation_timeout: Duration::from_secs(120),
            services: Vec::new(),
            progress: false,
        }
    }
}

/// Failures that stop a scan before anything could be collected.
#[derive(Debug, thiserror::Error)]
pub enum AwsError {
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    #[error("--concurrency must be at least 1")]
    Concurrency,
    #[error("no AWS region configured: give --region REGION (or `--region all`), or set AWS_REGION or a region in the profile")]
    NoRegion,
    #[error("`--region all` cannot be combined with other regions")]
    AllWithOthers,
    #[error("--role-arn {0}: not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)")]
    RoleArn(String),
    #[error("unknown service `{0}` (expected one of: {list})", list = SERVICES.join(", "))]
    Service(String),
    #[error("cannot identify the AWS account (sts:GetCallerIdentity): {0}. Check the credentials (AWS_PROFILE / --profile, AWS_ACCESS_KEY_ID, SSO login)")]
    Identity(String),
}

/// A failed AWS API call, reduced to what a report may show (never credentials).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub(crate) struct ApiError {
    /// The AWS error code (`AccessDenied`, `NoSuchBucketPolicy`...), when AWS answered.
    pub code: Option<String>,
    pub message: String,
}

impl ApiError {
    pub fn has_code(&self, codes: &[&str]) -> bool {
        self.code.as_deref().is_some_and(|c| codes.contains(&c))
    }
}

impl<E, R> From<SdkError<E, R>> for ApiError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    fn from(e: SdkError<E, R>) -> Self {
        let code = e.code().map(str::to_string);
        let message = match (&code, e.message()) {
            (Some(c), Some(m)) if !m.is_empty() => format!("{c}: {m}"),
            (Some(c), _) => c.clone(),
            _ => DisplayErrorContext(&e).to_string(),
        };
        ApiError { code, message }
    }
}

/// What one service collector produced in one region (or globally).
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub resources: Vec<Resource>,
    pub errors: Vec<CollectionError>,
    /// Attributes this service contributes to the region's `aws.account` resource.
    pub account: Map<String, Value>,
    /// False when a failure left part of this service's inventory missing (not only some
    /// attributes marked): the `aws.account` resource then records the service as not collected.
    pub incomplete: bool,
}

/// One account being scanned: its identity, credentials and the shared request limiter.
#[derive(Debug, Clone)]
pub(crate) struct Account {
    pub id: String,
    pub partition: String,
    config: SdkConfig,
    pub endpoint_url: Option<String>,
    limiter: Arc<Semaphore>,
}

impl Account {
    /// `aws:<account id>`, the source named in collection errors.
    pub fn source(&self) -> String {
        format!("aws:{}", self.id)
    }

    /// This account as a scanned source, over `regions`.
    pub fn source_info(&self, regions: Vec<String>) -> SourceInfo {
        SourceInfo {
            source_type: SourceType::Aws,
            path: None,
            terraform_version: None,
            format_version: None,
            account: Some(self.id.clone()),
            regions,
        }
    }

    /// The SDK configuration for one region.
    pub fn config(&self, region: &str) -> SdkConfig {
        self.config
            .to_builder()
            .region(Region::new(region.to_string()))
            .build()
    }

    /// Run one request while holding a concurrency permit.
    pub async fn call<T, E>(&self, fut: impl Future<Output = Result<T, E>>) -> Result<T, ApiError>
    where
        ApiError: From<E>,
    {
        let _permit = self.limiter.acquire().await;
        fut.await.map_err(ApiError::from)
    }

    /// Run one request while holding a concurrency permit, keeping the SDK's error.
    pub async fn call_raw<T, E>(&self, fut: impl Future<Output = Result<T, E>>) -> Result<T, E> {
        let _permit = self.limiter.acquire().await;
        fut.await
    }

    /// Follow a paginator to its end, one permit per page.
    pub async fn pages<T, E>(
        &self,
        mut stream: PaginationStream<Result<T, E>>,
    ) -> Result<Vec<T>, ApiError>
    where
        ApiError: From<E>,
    {
        let mut out = Vec::new();
        loop {
            let next = {
                let _permit = self.limiter.acquire().await;
                stream.next().await
            };
            match next {
                None => return Ok(out),
                Some(Ok(page)) => out.push(page),
                Some(Err(e)) => return Err(ApiError::from(e)),
            }
        }
    }

    pub fn error(
        &self,
        service: &str,
        region: Option<&str>,
        operation: &str,
        err: &ApiError,
    ) -> CollectionError {
        CollectionError {
            source: self.source(),
            service: service.to_string(),
            region: region.map(str::to_string),
            operation: operation.to_string(),
            message: err.message.clone(),
        }
    }

    /// A live resource: id is the ARN, location null.
    pub fn resource(
        &self,
        kind: Kind,
        arn: String,
        name: String,
        region: Option<&str>,
        tags: BTreeMap<String, String>,
        attributes: Map<String, Value>,
    ) -> Resource {
        Resource {
            id: arn,
            kind,
            source: SourceType::Aws,
            source_path: None,
            name,
            account: Some(self.id.clone()),
            region: region.map(str::to_string),
            tags,
            location: None,
            terraform: None,
            attributes: Value::Object(attributes),
        }
    }

    /// `arn:<partition>:<service>:<region>:<account>:<rest>`.
    pub fn arn(&self, service: &str, region: &str, rest: &str) -> String {
        format!(
            "arn:{}:{service}:{region}:{}:{rest}",
            self.partition, self.id
        )
    }
}

impl Collected {
    /// Gather the `(resource, errors)` of per-resource tasks. A task that panicked is a bug;
    /// it is recorded against `operation` and marks the service incomplete, never dropped.
    pub async fn absorb(
        &mut self,
        acct: &Account,
        service: &str,
        operation: &str,
        mut tasks: tokio::task::JoinSet<(Resource, Vec<CollectionError>)>,
    ) {
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok((res, errs)) => {
                    self.resources.push(res);
                    self.errors.extend(errs);
                }
                Err(e) => self.fail(
                    acct,
                    service,
                    None,
                    operation,
                    &ApiError {
                        code: None,
                        message: format!("a {operation} task failed: {e}"),
                    },
                    true,
                ),
            }
        }
    }

    /// Record a failure of `operation`; `incomplete` when resources may be missing because of it.
    pub fn fail(
        &mut self,
        acct: &Account,
        service: &str,
        region: Option<&str>,
        operation: &str,
        err: &ApiError,
        incomplete: bool,
    ) {
        tracing::debug!(account = %acct.id, service, region, operation, "{}", err.message);
        self.errors
            .push(acct.error(service, region, operation, err));
        self.incomplete |= incomplete;
    }
}

/// The value of an attribute that could not be read.
pub(crate) fn not_collected() -> Value {
    marker(Reason::NotCollected)
}

/// Scan every account and region in `opts` into one inventory.
pub fn collect(opts: &AwsOptions) -> Result<Inventory, AwsError> {
    if opts.concurrency == 0 {
        return Err(AwsError::Concurrency);
    }
    if opts.regions.iter().any(|r| r == "all") && opts.regions.len() > 1 {
        return Err(AwsError::AllWithOthers);
    }
    for arn in &opts.role_arns {
        if util::role_account(arn).is_none() {
            return Err(AwsError::RoleArn(arn.clone()));
        }
    }
    if let Some(s) = opts
        .services
        .iter()
        .find(|s| !SERVICES.contains(&s.as_str()))
    {
        return Err(AwsError::Service(s.clone()));
    }
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 8);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .map_err(AwsError::Runtime)?;
    rt.block_on(collect_async(opts))
}

/// The accounts to work on: the caller's own (`None`), or one per `--role-arn`, each with
/// the credentials to reach it.
pub(crate) async fn targets(
    opts: &AwsOptions,
    base: &SdkConfig,
) -> Vec<(Option<String>, SdkConfig)> {
    if opts.role_arns.is_empty() {
        return vec![(None, base.clone())];
    }
    let mut out = Vec::new();
    for arn in &opts.role_arns {
        let provider = aws_config::sts::AssumeRoleProvider::builder(arn.clone())
            .session_name("complyctl")
            .configure(base)
            .build()
            .await;
        let conf = base
            .to_builder()
            .credentials_provider(SharedCredentialsProvider::new(provider))
            .build();
        out.push((Some(arn.clone()), conf));
    }
    out
}

/// The configured region, else us-east-1 (where STS and global services answer).
pub(crate) fn default_region(conf: &SdkConfig) -> String {
    conf.region()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "us-east-1".to_string())
}

/// Whose credentials these are: (account id, partition), from sts:GetCallerIdentity.
pub(crate) async fn identify(conf: &SdkConfig) -> Result<(String, String), ApiError> {
    let sts = aws_sdk_sts::Client::new(
        &conf
            .to_builder()
            .region(Region::new(default_region(conf)))
            .build(),
    );
    let ident = sts.get_caller_identity().send().await?;
    let account = ident.account().unwrap_or_default().to_string();
    let partition = ident
        .arn()
        .and_then(|a| a.split(':').nth(1))
        .filter(|p| !p.is_empty())
        .unwrap_or("aws")
        .to_string();
    Ok((account, partition))
}

pub(crate) async fn base_config(opts: &AwsOptions) -> SdkConfig {
    let retry = match opts.retry_mode {
        RetryMode::Standard => RetryConfig::standard(),
        RetryMode::Adaptive => RetryConfig::adaptive(),
    }
    .with_max_attempts(opts.max_attempts.max(1))
    .with_initial_backoff(Duration::from_millis(200))
    .with_max_backoff(Duration::from_secs(20));
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(opts.connect_timeout)
        .operation_attempt_timeout(opts.attempt_timeout)
        .operation_timeout(opts.operation_timeout)
        .build();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(retry)
        .timeout_config(timeouts);
    if let Some(p) = &opts.profile {
        loader = loader.profile_name(p);
    }
    if let Some(u) = &opts.endpoint_url {
        loader = loader.endpoint_url(u);
    }
    // An explicit single region becomes the default region (used for STS and global services).
    if let Some(r) = opts.regions.first().filter(|r| *r != "all") {
        loader = loader.region(Region::new(r.clone()));
    }
    loader.load().await
}

async fn collect_async(opts: &AwsOptions) -> Result<Inventory, AwsError> {
    let base = base_config(opts).await;
    if opts.regions.is_empty() && base.region().is_none() {
        return Err(AwsError::NoRegion);
    }
    let limiter = Arc::new(Semaphore::new(opts.concurrency));
    let progress = Progress::new(opts.progress);
    let mut inv = Inventory::default();

    for (role, conf) in targets(opts, &base).await {
        let default_region = default_region(&conf);
        let ident = {
            let _permit = limiter.acquire().await;
            identify(&conf).await
        };
        let (account_id, partition) = match ident {
            Ok(i) => i,
            Err(e) => match &role {
                // Without a role there is nothing to scan: say so plainly.
                None => return Err(AwsError::Identity(e.message)),
                Some(arn) => {
                    let acct = util::role_account(arn).unwrap_or_default();
                    inv.errors.push(CollectionError {
                        source: format!("aws:{acct}"),
                        service: "sts".to_string(),
                        region: None,
                        operation: "AssumeRole".to_string(),
                        message: format!("cannot assume {arn}: {}", e.message),
                    });
                    continue;
                }
            },
        };
        let acct = Account {
            id: account_id,
            partition,
            config: conf
                .to_builder()
                .region(Region::new(default_region.clone()))
                .build(),
            endpoint_url: opts.endpoint_url.clone(),
            limiter: limiter.clone(),
        };
        inv.extend(scan_account(acct, opts, &default_region, &progress).await?);
    }
    progress.finish();
    inv.sort();
    Ok(inv)
}

/// The regions to scan in one account.
async fn resolve_regions(
    acct: &Account,
    opts: &AwsOptions,
    default_region: &str,
) -> Result<Vec<String>, ApiError> {
    if opts.regions.iter().any(|r| r == "all") {
        let client = aws_sdk_ec2::Client::new(&acct.config(default_region));
        let out = acct
            .call(client.describe_regions().all_regions(false).send())
            .await?;
        let mut regions: Vec<String> = out
            .regions()
            .iter()
            .filter(|r| r.opt_in_status().is_none_or(|s| s != "not-opted-in"))
            .filter_map(|r| r.region_name().map(str::to_string))
            .collect();
        regions.sort();
        regions.dedup();
        return Ok(regions);
    }
    let mut regions = opts.regions.clone();
    if regions.is_empty() {
        regions.push(default_region.to_string());
    }
    regions.sort();
    regions.dedup();
    Ok(regions)
}

/// The regional services, in the order their progress lines appear.
const REGIONAL: &[&str] = &[
    "ec2",
    "eks",
    "cloudtrail",
    "config",
    "guardduty",
    "securityhub",
    "kms",
];

async fn scan_account(
    acct: Account,
    opts: &AwsOptions,
    default_region: &str,
    progress: &Progress,
) -> Result<Inventory, AwsError> {
    let mut inv = Inventory::default();
    let regions = match resolve_regions(&acct, opts, default_region).await {
        Ok(r) => r,
        Err(e) => {
            inv.errors
                .push(acct.error("ec2", Some(default_region), "DescribeRegions", &e));
            inv.sources.push(acct.source_info(Vec::new()));
            return Ok(inv);
        }
    };
    inv.sources.push(acct.source_info(regions.clone()));

    let selected =
        |service: &str| opts.services.is_empty() || opts.services.iter().any(|s| s == service);
    let mut tasks = tokio::task::JoinSet::new();
    // Global services run once per account.
    for service in ["iam", "s3"].into_iter().filter(|s| selected(s)) {
        let acct = acct.clone();
        let bar = progress.task(&acct.id, service, "global");
        let default_region = default_region.to_string();
        let regions = regions.clone();
        tasks.spawn(async move {
            let out = match service {
                "iam" => iam::collect(&acct, &default_region).await,
                _ => s3::collect(&acct, &default_region, &regions).await,
            };
            bar.done(&out);
            (service, None::<String>, out)
        });
    }
    for region in &regions {
        for &service in REGIONAL.iter().filter(|s| selected(s)) {
            let acct = acct.clone();
            let region = region.clone();
            let bar = progress.task(&acct.id, service, &region);
            tasks.spawn(async move {
                let out = match service {
                    "ec2" => ec2::collect(&acct, &region).await,
                    "eks" => eks::collect(&acct, &region).await,
                    "cloudtrail" => cloudtrail::collect(&acct, &region).await,
                    "config" => config::collect(&acct, &region).await,
                    "guardduty" => guardduty::collect(&acct, &region).await,
                    "securityhub" => securityhub::collect(&acct, &region).await,
                    _ => kms::collect(&acct, &region).await,
                };
                bar.done(&out);
                (service, Some(region), out)
            });
        }
    }

    let mut global: BTreeMap<&str, Collected> = BTreeMap::new();
    let mut regional: BTreeMap<(String, &str), Collected> = BTreeMap::new();
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((service, None, out)) => {
                global.insert(service, out);
            }
            Ok((service, Some(region), out)) => {
                regional.insert((region, service), out);
            }
            // A panic in a collector is a bug; record it rather than losing the whole scan.
            Err(e) => inv.errors.push(CollectionError {
                source: acct.source(),
                service: "complyctl".to_string(),
                region: None,
                operation: "collect".to_string(),
                message: format!("a collector task failed: {e}"),
            }),
        }
    }
    let home = account::home_region(&acct.partition, &regions);
    for region in &regions {
        let res = account::account_resource(
            &acct,
            region,
            Some(region) == home,
            &selected,
            &global,
            &regional,
        );
        inv.resources.push(res);
    }
    for (_, out) in global.into_iter() {
        inv.resources.extend(out.resources);
        inv.errors.extend(out.errors);
    }
    for (_, out) in regional.into_iter() {
        inv.resources.extend(out.resources);
        inv.errors.extend(out.errors);
    }
    Ok(inv)
}
