//! `scan --aws --push-securityhub`: the report's ASFF findings imported into each scanned
//! account's AWS Security Hub, with a finding lifecycle.
//!
//! - Each account's findings go to its own product ARN,
//!   `arn:<partition>:securityhub:<region>:<account>:product/<account>/default`, in the region of
//!   the resource (global resources: the account's home region), in `BatchImportFindings`
//!   requests of at most 100.
//! - Ids are stable (`complyctl/<rule>/<fingerprint>`), so a re-push updates findings instead of
//!   adding them; a finding that already exists keeps its `CreatedAt` and `FirstObservedAt`.
//! - Lifecycle: an active complyctl finding in a scanned account and region that this run no
//!   longer reports (the resource passes, or is gone) is re-imported as `PASSED` and
//!   `ARCHIVED`. Only within this run's scope: the same product ARN (account and region), a rule
//!   this run evaluated, and a region whose collection had no error (a failed collection proves
//!   nothing about what is fixed). A narrow scan never archives a wide scan's findings.
//!   The scope is checked on each finding returned by `GetFindings`, not only in its filters.
//! - Findings a response lists in `FailedFindings` are sent again (up to [`ATTEMPTS`] times in
//!   all), then reported as push errors.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::Future;
use std::time::Duration;

use aws_config::{Region, SdkConfig};
use aws_sdk_securityhub::types as sh;

use crate::collect::aws::account::home_region;
use crate::collect::aws::{base_config, identify, targets, util, ApiError, AwsError, AwsOptions};
use crate::inventory::SourceType;
use crate::report::asff::{self, limits, AsffFinding};
use crate::report::Report;

/// Attempts per batch: the first import plus retries of its `FailedFindings`.
pub const ATTEMPTS: usize = 3;

/// The prefix of every complyctl finding id.
const ID_PREFIX: &str = "complyctl/";

/// What a push did in one account and region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegionPush {
    pub account: String,
    pub region: String,
    /// Findings of this run imported (created or updated).
    pub imported: usize,
    /// Earlier findings archived as resolved.
    pub archived: usize,
    /// `BatchImportFindings` requests sent, retries included.
    pub requests: usize,
    /// Lifecycle skipped: the region's collection was incomplete.
    pub lifecycle_skipped: bool,
}

/// A push that did not fully succeed somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushError {
    pub account: String,
    pub region: Option<String>,
    pub operation: String,
    pub message: String,
}

impl std::fmt::Display for PushError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.region {
            Some(r) => write!(
                f,
                "{}/{r}: {}: {}",
                self.account, self.operation, self.message
            ),
            None => write!(f, "{}: {}: {}", self.account, self.operation, self.message),
        }
    }
}

#[derive(Debug, Default)]
pub struct PushOutcome {
    pub regions: Vec<RegionPush>,
    pub errors: Vec<PushError>,
}

/// One live account of the report: the regions it was scanned in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Scope {
    account: String,
    regions: Vec<String>,
    /// Regions whose collection had no error (none when a global service failed).
    clean: BTreeSet<String>,
}

/// The live accounts and regions a report covers, and where its collection was complete.
fn scopes(report: &Report) -> Vec<Scope> {
    let mut by_account: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in &report.scan.sources {
        if s.source_type != SourceType::Aws {
            continue;
        }
        if let Some(a) = &s.account {
            by_account
                .entry(a.clone())
                .or_default()
                .extend(s.regions.iter().cloned());
        }
    }
    by_account
        .into_iter()
        .map(|(account, regions)| {
            let errors: Vec<_> = report
                .errors
                .iter()
                .filter(|e| e.source == format!("aws:{account}"))
                .collect();
            let clean = if errors.iter().any(|e| e.region.is_none()) {
                BTreeSet::new()
            } else {
                regions
                    .iter()
                    .filter(|r| {
                        !errors
                            .iter()
                            .any(|e| e.region.as_deref() == Some(r.as_str()))
                    })
                    .cloned()
                    .collect()
            };
            Scope {
                account,
                regions: regions.into_iter().collect(),
                clean,
            }
        })
        .collect()
}

pub fn product_arn(partition: &str, region: &str, account: &str) -> String {
    format!("arn:{partition}:securityhub:{region}:{account}:product/{account}/default")
}

/// The region a finding is imported into, from its product ARN.
fn arn_region(product_arn: &str) -> Option<&str> {
    product_arn.split(':').nth(3)
}

/// This run's findings for one account, by region: live resources of the account that did not
/// pass (a pass is only sent to archive an earlier failure).
fn findings_for(
    report: &Report,
    scope: &Scope,
    partition: &str,
    home: &str,
) -> BTreeMap<String, Vec<AsffFinding>> {
    let opts = asff::Options {
        partition: partition.to_string(),
        account: Some(scope.account.clone()),
        region: Some(home.to_string()),
        include_passed: false,
    };
    let mut out: BTreeMap<String, Vec<AsffFinding>> = BTreeMap::new();
    for f in asff::findings(report, &opts) {
        let live = f
            .product_fields
            .get("complyctl/Source")
            .is_some_and(|s| s == SourceType::Aws.as_str());
        if !live || f.aws_account_id != scope.account {
            continue;
        }
        if let Some(r) = arn_region(&f.product_arn) {
            out.entry(r.to_string()).or_default().push(f);
        }
    }
    out
}

/// Whether an existing finding may be archived by this run: ours, in this account and region's
/// product, active, from a rule this run evaluated, and not reported again.
fn archivable(
    f: &sh::AwsSecurityFinding,
    product_arn: &str,
    account: &str,
    rules: &BTreeSet<&str>,
    current: &BTreeSet<&str>,
) -> bool {
    let id = f.id.as_deref().unwrap_or_default();
    id.starts_with(ID_PREFIX)
        && !current.contains(id)
        && f.product_arn.as_deref() == Some(product_arn)
        && f.aws_account_id.as_deref() == Some(account)
        && f.record_state.as_ref() == Some(&sh::RecordState::Active)
        && f.generator_id.as_deref().is_some_and(|g| rules.contains(g))
}

/// The archived form of a finding this run no longer reports.
fn archived(mut f: sh::AwsSecurityFinding, now: &str) -> sh::AwsSecurityFinding {
    let requirements = f
        .compliance
        .as_ref()
        .and_then(|c| c.related_requirements.clone());
    f.compliance = Some(
        sh::Compliance::builder()
            .status(sh::ComplianceStatus::Passed)
            .set_related_requirements(requirements)
            .build(),
    );
    f.record_state = Some(sh::RecordState::Archived);
    f.updated_at = Some(now.to_string());
    f
}

fn map(m: &BTreeMap<String, String>) -> Option<HashMap<String, String>> {
    (!m.is_empty()).then(|| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

/// An ASFF finding as the SDK sends it.
pub fn to_sdk(f: &AsffFinding) -> sh::AwsSecurityFinding {
    let resources = f
        .resources
        .iter()
        .map(|r| {
            sh::Resource::builder()
                .r#type(&r.resource_type)
                .id(&r.id)
                .partition(sh::Partition::from(r.partition.as_str()))
                .set_region(r.region.clone())
                .set_tags(map(&r.tags))
                .details(
                    sh::ResourceDetails::builder()
                        .set_other(map(&r.details.other))
                        .build(),
                )
                .build()
        })
        .collect();
    let remediation = f.remediation.as_ref().map(|r| {
        sh::Remediation::builder()
            .recommendation(
                sh::Recommendation::builder()
                    .text(&r.recommendation.text)
                    .set_url(r.recommendation.url.clone())
                    .build(),
            )
            .build()
    });
    sh::AwsSecurityFinding::builder()
        .schema_version(&f.schema_version)
        .id(&f.id)
        .product_arn(&f.product_arn)
        .product_name(&f.product_name)
        .company_name(&f.company_name)
        .set_region(arn_region(&f.product_arn).map(str::to_string))
        .generator_id(&f.generator_id)
        .aws_account_id(&f.aws_account_id)
        .set_types(Some(f.types.clone()))
        .created_at(&f.created_at)
        .updated_at(&f.updated_at)
        .first_observed_at(&f.first_observed_at)
        .last_observed_at(&f.last_observed_at)
        .severity(
            sh::Severity::builder()
                .label(sh::SeverityLabel::from(f.severity.label.as_str()))
                .original(&f.severity.original)
                .build(),
        )
        .title(&f.title)
        .description(&f.description)
        .set_remediation(remediation)
        .set_source_url(f.source_url.clone())
        .set_product_fields(map(&f.product_fields))
        .set_resources(Some(resources))
        .compliance(
            sh::Compliance::builder()
                .status(sh::ComplianceStatus::from(f.compliance.status.as_str()))
                .set_related_requirements(
                    (!f.compliance.related_requirements.is_empty())
                        .then(|| f.compliance.related_requirements.clone()),
                )
                .build(),
        )
        .record_state(sh::RecordState::from(f.record_state.as_str()))
        .set_workflow(f.workflow.as_ref().map(|w| {
            sh::Workflow::builder()
                .status(sh::WorkflowStatus::from(w.status.as_str()))
                .build()
        }))
        .set_note(f.note.as_ref().map(|n| {
            sh::Note::builder()
                .text(&n.text)
                .updated_by(&n.updated_by)
                .updated_at(&n.updated_at)
                .build()
        }))
        .build()
}

/// Import `findings` in batches of [`limits::BATCH`], sending each batch's `FailedFindings`
/// again (up to [`ATTEMPTS`] sends in all, with a pause between them). `send` imports one
/// batch and returns the `(id, message)` of the findings it rejected. Returns the number of
/// requests sent and the findings that never got in.
pub(crate) async fn import_with_retry<F, Fut>(
    findings: Vec<sh::AwsSecurityFinding>,
    pause: Duration,
    mut send: F,
) -> (usize, Vec<(String, String)>)
where
    F: FnMut(Vec<sh::AwsSecurityFinding>) -> Fut,
    Fut: Future<Output = Result<Vec<(String, String)>, ApiError>>,
{
    let mut requests = 0;
    let mut failed = Vec::new();
    let mut rest = findings;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(limits::BATCH));
        let mut batch = std::mem::replace(&mut rest, tail);
        for attempt in 1..=ATTEMPTS {
            requests += 1;
            let rejected = match send(batch.clone()).await {
                Ok(r) => r,
                // The whole request failed (after the SDK's own retries): every finding of it.
                Err(e) => batch
                    .iter()
                    .map(|f| (f.id.clone().unwrap_or_default(), e.message.clone()))
                    .collect(),
            };
            if rejected.is_empty() {
                break;
            }
            let ids: BTreeSet<&str> = rejected.iter().map(|(id, _)| id.as_str()).collect();
            if attempt == ATTEMPTS {
                failed.extend(rejected.iter().cloned());
                break;
            }
            batch.retain(|f| ids.contains(f.id.as_deref().unwrap_or_default()));
            tokio::time::sleep(pause * attempt as u32).await;
        }
    }
    (requests, failed)
}

/// Push the report's live findings to Security Hub in every account and region it scanned.
pub fn push(report: &Report, opts: &AwsOptions) -> Result<PushOutcome, AwsError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // A Security Hub finding is a very large type (hundreds of nested resource-detail
        // structs); decoding a page of them in an unoptimized build needs more than the
        // default 2 MiB of stack.
        .thread_stack_size(STACK)
        .enable_all()
        .build()
        .map_err(AwsError::Runtime)?;
    let (report, opts) = (report.clone(), opts.clone());
    rt.block_on(async move {
        tokio::spawn(async move { push_async(&report, &opts).await })
            .await
            .map_err(|e| AwsError::Runtime(std::io::Error::other(e.to_string())))?
    })
}

/// Stack of the push's worker threads.
const STACK: usize = 64 << 20;

async fn push_async(report: &Report, opts: &AwsOptions) -> Result<PushOutcome, AwsError> {
    let base = base_config(opts).await;
    let mut out = PushOutcome::default();
    let scopes = scopes(report);
    if scopes.is_empty() {
        return Ok(out);
    }
    // The credentials of each account (those a --role-arn reaches, else the caller's own),
    // keyed by the account sts:GetCallerIdentity says they belong to: findings only ever go
    // to the account whose credentials carry them.
    let mut confs: BTreeMap<String, (SdkConfig, String)> = BTreeMap::new();
    let mut identity_errors: BTreeMap<String, String> = BTreeMap::new();
    for (role, conf) in targets(opts, &base).await {
        match identify(&conf).await {
            Ok((account, partition)) => {
                confs.entry(account).or_insert((conf, partition));
            }
            Err(e) => {
                let who = role
                    .as_deref()
                    .and_then(util::role_account)
                    .unwrap_or_default();
                identity_errors.insert(who, e.message);
            }
        }
    }
    let rules: BTreeSet<&str> = report.rules.iter().map(|r| r.id.as_str()).collect();
    let now = crate::scan::now_rfc3339();
    for scope in scopes {
        let Some((conf, partition)) = confs.get(&scope.account) else {
            let (operation, message) = match identity_errors
                .get(&scope.account)
                .or_else(|| identity_errors.get(""))
            {
                Some(m) => ("GetCallerIdentity", m.clone()),
                None => (
                    "push",
                    "no credentials reach this account (give its --role-arn)".to_string(),
                ),
            };
            out.errors.push(PushError {
                account: scope.account.clone(),
                region: None,
                operation: operation.to_string(),
                message,
            });
            continue;
        };
        let Some(home) = home_region(partition, &scope.regions).cloned() else {
            continue;
        };
        let mut by_region = findings_for(report, &scope, partition, &home);
        for region in &scope.regions {
            let current = by_region.remove(region).unwrap_or_default();
            let (push, errors) =
                push_region(conf, &scope, region, partition, current, &rules, &now).await;
            out.regions.push(push);
            out.errors.extend(errors);
        }
    }
    Ok(out)
}

async fn push_region(
    conf: &SdkConfig,
    scope: &Scope,
    region: &str,
    partition: &str,
    current: Vec<AsffFinding>,
    rules: &BTreeSet<&str>,
    now: &str,
) -> (RegionPush, Vec<PushError>) {
    let account = scope.account.as_str();
    let mut result = RegionPush {
        account: account.to_string(),
        region: region.to_string(),
        lifecycle_skipped: !scope.clean.contains(region),
        ..RegionPush::default()
    };
    let mut errors = Vec::new();
    let err = |op: &str, message: String| PushError {
        account: account.to_string(),
        region: Some(region.to_string()),
        operation: op.to_string(),
        message,
    };
    let client = aws_sdk_securityhub::Client::new(
        &conf
            .to_builder()
            .region(Region::new(region.to_string()))
            .build(),
    );
    let product = product_arn(partition, region, account);

    // What Security Hub holds now: this product's active complyctl findings.
    let existing = match active_findings(&client, &product, account).await {
        Ok(v) => v,
        Err(e) => {
            // Without knowing what exists, still import (ids make it safe) but archive nothing.
            errors.push(err("GetFindings", e.message));
            result.lifecycle_skipped = true;
            Vec::new()
        }
    };
    let by_id: BTreeMap<&str, &sh::AwsSecurityFinding> = existing
        .iter()
        .filter_map(|f| f.id.as_deref().map(|id| (id, f)))
        .collect();
    let current_ids: BTreeSet<&str> = current.iter().map(|f| f.id.as_str()).collect();
    let mut batch: Vec<sh::AwsSecurityFinding> = Vec::new();
    for f in &current {
        let mut s = to_sdk(f);
        // A finding that was already there keeps when it was first seen.
        if let Some(old) = by_id.get(f.id.as_str()) {
            if old.created_at.is_some() {
                s.created_at = old.created_at.clone();
            }
            if old.first_observed_at.is_some() {
                s.first_observed_at = old.first_observed_at.clone();
            }
        }
        batch.push(s);
    }
    result.imported = batch.len();
    if !result.lifecycle_skipped {
        for f in &existing {
            if archivable(f, &product, account, rules, &current_ids) {
                batch.push(archived(f.clone(), now));
                result.archived += 1;
            }
        }
    }
    let archived_ids: BTreeSet<String> = batch[result.imported..]
        .iter()
        .filter_map(|f| f.id.clone())
        .collect();
    let (requests, failed) = import_with_retry(batch, Duration::from_millis(500), |b| {
        let client = client.clone();
        async move {
            let out = client
                .batch_import_findings()
                .set_findings(Some(b))
                .send()
                .await?;
            Ok(out
                .failed_findings()
                .iter()
                .map(|e| {
                    (
                        e.id().unwrap_or_default().to_string(),
                        format!(
                            "{}: {}",
                            e.error_code().unwrap_or("error"),
                            e.error_message().unwrap_or_default()
                        ),
                    )
                })
                .collect())
        }
    })
    .await;
    result.requests = requests;
    for (id, message) in failed {
        if archived_ids.contains(&id) {
            result.archived = result.archived.saturating_sub(1);
        } else {
            result.imported = result.imported.saturating_sub(1);
        }
        errors.push(err("BatchImportFindings", format!("{id}: {message}")));
    }
    (result, errors)
}

/// Every active complyctl finding of `product` (all pages), re-checked on our side.
async fn active_findings(
    client: &aws_sdk_securityhub::Client,
    product: &str,
    account: &str,
) -> Result<Vec<sh::AwsSecurityFinding>, ApiError> {
    let eq = |v: &str| {
        sh::StringFilter::builder()
            .comparison(sh::StringFilterComparison::Equals)
            .value(v)
            .build()
    };
    let filters = sh::AwsSecurityFindingFilters::builder()
        .product_arn(eq(product))
        .aws_account_id(eq(account))
        .record_state(eq("ACTIVE"))
        .id(sh::StringFilter::builder()
            .comparison(sh::StringFilterComparison::Prefix)
            .value(ID_PREFIX)
            .build())
        .build();
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .get_findings()
            .filters(filters.clone())
            .max_results(100)
            .set_next_token(token.clone())
            .send()
            .await?;
        out.extend(
            page.findings()
                .iter()
                .filter(|f| {
                    f.product_arn.as_deref() == Some(product)
                        && f.aws_account_id.as_deref() == Some(account)
                        && f.record_state.as_ref() == Some(&sh::RecordState::Active)
                        && f.id.as_deref().is_some_and(|id| id.starts_with(ID_PREFIX))
                })
                .cloned(),
        );
        match page.next_token() {
            Some(t) if !t.is_empty() && Some(t) != token.as_deref() => token = Some(t.to_string()),
            _ => break,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    fn finding(id: &str) -> sh::AwsSecurityFinding {
        sh::AwsSecurityFinding::builder().id(id).build()
    }

    #[tokio::test(flavor = "current_thread")]
    async fn batches_of_100_and_failed_findings_are_sent_again() {
        let all: Vec<_> = (0..250)
            .map(|i| finding(&format!("complyctl/R/{i}")))
            .collect();
        let sent = Arc::new(Mutex::new(Vec::<usize>::new()));
        let rejected_once = Arc::new(Mutex::new(BTreeSet::from(["complyctl/R/7".to_string()])));
        let (requests, failed) = import_with_retry(all, Duration::ZERO, |b| {
            let sent = sent.clone();
            let rejected_once = rejected_once.clone();
            async move {
                sent.lock().unwrap().push(b.len());
                let mut once = rejected_once.lock().unwrap();
                let mut out = Vec::new();
                for f in &b {
                    let id = f.id.clone().unwrap();
                    // R/7 fails once then succeeds; R/9 always fails.
                    if once.remove(&id) || id == "complyctl/R/9" {
                        out.push((id, "InvalidInput: nope".to_string()));
                    }
                }
                Ok(out)
            }
        })
        .await;
        // 3 batches (100, 100, 50); the first is retried twice more: R/7 and R/9, then R/9.
        assert_eq!(*sent.lock().unwrap(), vec![100, 2, 1, 100, 50]);
        assert_eq!(requests, 5);
        assert_eq!(
            failed,
            vec![(
                "complyctl/R/9".to_string(),
                "InvalidInput: nope".to_string()
            )]
        );
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_failed_request_fails_its_findings_after_the_attempts() {
        let all: Vec<_> = (0..3)
            .map(|i| finding(&format!("complyctl/R/{i}")))
            .collect();
        let (requests, failed) = import_with_retry(all, Duration::ZERO, |_| async {
            Err(ApiError {
                code: Some("InvalidAccessException".into()),
                message: "InvalidAccessException: Security Hub is not enabled".into(),
            })
        })
        .await;
        assert_eq!(requests, ATTEMPTS);
        assert_eq!(failed.len(), 3);
        assert!(failed[0].1.contains("not enabled"));
    }

    fn report(sources: serde_json::Value, errors: serde_json::Value) -> Report {
        let v = serde_json::json!({
            "schema_version": 1,
            "tool": {"name": "complyctl", "version": "0"},
            "scan": {"started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T00:00:00Z", "sources": sources},
            "summary": {"resources": 0, "rules": 0, "by_status": {"pass": 0, "fail": 0, "unknown": 0, "error": 0, "waived": 0}},
            "findings": [],
            "errors": errors,
        });
        serde_json::from_value(v).expect("a report")
    }

    #[test]
    fn scopes_are_live_accounts_and_regions_whose_collection_was_clean() {
        let r = report(
            serde_json::json!([
                {"type": "aws", "account": "111111111111", "regions": ["eu-west-1", "us-east-1"]},
                {"type": "aws", "account": "222222222222", "regions": ["us-east-1"]},
                {"type": "terraform-plan", "path": "plan.json"},
            ]),
            serde_json::json!([
                {"source": "aws:111111111111", "service": "guardduty", "region": "eu-west-1", "operation": "ListDetectors", "message": "AccessDenied"},
                {"source": "aws:222222222222", "service": "iam", "region": null, "operation": "GetAccountAuthorizationDetails", "message": "AccessDenied"},
            ]),
        );
        let s = scopes(&r);
        assert_eq!(s.len(), 2, "plans are not pushed");
        assert_eq!(s[0].account, "111111111111");
        assert_eq!(s[0].regions, ["eu-west-1", "us-east-1"]);
        // A regional failure suspends archiving in that region only...
        assert_eq!(s[0].clean, BTreeSet::from(["us-east-1".to_string()]));
        // ...a global one in the whole account.
        assert!(s[1].clean.is_empty());
    }

    #[test]
    fn only_our_active_findings_of_evaluated_rules_in_the_product_are_archived() {
        let product = product_arn("aws", "us-east-1", "123456789012");
        let rules = BTreeSet::from(["S3.VERSIONING"]);
        let current = BTreeSet::from(["complyctl/S3.VERSIONING/still"]);
        let base = |id: &str| {
            sh::AwsSecurityFinding::builder()
                .id(id)
                .product_arn(&product)
                .aws_account_id("123456789012")
                .generator_id("S3.VERSIONING")
                .record_state(sh::RecordState::Active)
                .build()
        };
        let ok = base("complyctl/S3.VERSIONING/fixed");
        assert!(archivable(&ok, &product, "123456789012", &rules, &current));
        // Reported again: updated, not archived.
        let still = base("complyctl/S3.VERSIONING/still");
        assert!(!archivable(
            &still,
            &product,
            "123456789012",
            &rules,
            &current
        ));
        // A rule this run did not evaluate.
        let mut other_rule = ok.clone();
        other_rule.generator_id = Some("IAM.ROOT_MFA".into());
        assert!(!archivable(
            &other_rule,
            &product,
            "123456789012",
            &rules,
            &current
        ));
        // Another region's product, another account, another tool, already archived.
        let mut other_region = ok.clone();
        other_region.product_arn = Some(product_arn("aws", "eu-west-1", "123456789012"));
        assert!(!archivable(
            &other_region,
            &product,
            "123456789012",
            &rules,
            &current
        ));
        let mut other_account = ok.clone();
        other_account.aws_account_id = Some("210987654321".into());
        assert!(!archivable(
            &other_account,
            &product,
            "123456789012",
            &rules,
            &current
        ));
        let mut not_ours = ok.clone();
        not_ours.id = Some("prowler-s3-versioning".into());
        assert!(!archivable(
            &not_ours,
            &product,
            "123456789012",
            &rules,
            &current
        ));
        let mut done = ok.clone();
        done.record_state = Some(sh::RecordState::Archived);
        assert!(!archivable(
            &done,
            &product,
            "123456789012",
            &rules,
            &current
        ));

        let a = archived(ok, "2026-01-01T00:00:00Z");
        assert_eq!(a.record_state, Some(sh::RecordState::Archived));
        assert_eq!(
            a.compliance.and_then(|c| c.status),
            Some(sh::ComplianceStatus::Passed)
        );
        assert_eq!(a.updated_at.as_deref(), Some("2026-01-01T00:00:00Z"));
    }
}
