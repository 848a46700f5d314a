//! `scan --aws --push-securityhub` against moto's Security Hub: import, re-import without
//! duplicates, archive what was fixed, stay inside the scanned scope, batches of 100.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_securityhub::types as sh;
use common::moto::{runtime, Moto, ACCOUNT};
use serde_json::Value;

const REGION: &str = "us-east-1";

/// `scan --aws --push-securityhub --format json` of us-east-1 -> (exit code, report, stderr).
fn push(moto: &Moto, extra: &[&str]) -> (i32, Value, String) {
    push_in(moto, REGION, None, extra)
}

/// The same for `region`, with `config` as `--config` (else `--no-config`).
fn push_in(
    moto: &Moto,
    region: &str,
    config: Option<&std::path::Path>,
    extra: &[&str],
) -> (i32, Value, String) {
    let mut args = match config {
        Some(c) => vec!["--config", common::path_str(c)],
        None => vec!["--no-config"],
    };
    args.extend([
        "scan",
        "--format",
        "json",
        "--region",
        region,
        "--push-securityhub",
    ]);
    args.extend_from_slice(extra);
    common::json_output(&mut moto.complyctl(&args))
}

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

async fn hub(moto: &Moto, region: &str) -> aws_sdk_securityhub::Client {
    aws_sdk_securityhub::Client::new(&moto.config(region).await)
}

/// Run `f` on a thread with a large stack: decoding Security Hub findings (a very large type)
/// in an unoptimized build needs more than a test thread's 2 MiB.
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// Every finding Security Hub holds in `region`, by id.
fn hub_findings(moto: &'static Moto, region: &str) -> BTreeMap<String, sh::AwsSecurityFinding> {
    let region = region.to_string();
    big_stack(move || hub_findings_now(moto, &region))
}

fn hub_findings_now(moto: &Moto, region: &str) -> BTreeMap<String, sh::AwsSecurityFinding> {
    current_thread().block_on(async {
        let client = hub(moto, region).await;
        let mut out = BTreeMap::new();
        let mut token: Option<String> = None;
        loop {
            let page = client
                .get_findings()
                .max_results(100)
                .set_next_token(token.clone())
                .send()
                .await
                .expect("GetFindings");
            for f in page.findings() {
                let id = f.id.clone().expect("finding id");
                assert!(
                    out.insert(id.clone(), f.clone()).is_none(),
                    "duplicate {id}"
                );
            }
            match page.next_token() {
                Some(t) if !t.is_empty() => token = Some(t.to_string()),
                _ => break,
            }
        }
        out
    })
}

fn active(all: &BTreeMap<String, sh::AwsSecurityFinding>) -> BTreeSet<String> {
    all.iter()
        .filter(|(_, f)| f.record_state == Some(sh::RecordState::Active))
        .map(|(id, _)| id.clone())
        .collect()
}

/// The Security Hub ids of a report's findings that a push sends (live, not passing).
fn pushed_ids(report: &Value) -> BTreeSet<String> {
    pushed_ids_of(report, None)
}

/// The same, only those on resource `id` when given.
fn pushed_ids_of(report: &Value, id: Option<&str>) -> BTreeSet<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["status"] != "pass")
        .filter(|f| id.is_none_or(|id| f["resource"]["id"] == id))
        .map(|f| {
            format!(
                "complyctl/{}/{}",
                f["rule_id"].as_str().unwrap(),
                f["fingerprint"].as_str().unwrap()
            )
        })
        .collect()
}

fn create_buckets(moto: &Moto, names: &[String]) {
    runtime().block_on(async {
        let s3 = moto.s3(REGION).await;
        for b in names {
            s3.create_bucket().bucket(b).send().await.unwrap();
        }
    });
}

fn names(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}-{i:03}")).collect()
}

fn summary_line<'a>(stderr: &'a str, region: &str) -> &'a str {
    let head = format!("securityhub: {ACCOUNT}/{region}: ");
    stderr
        .lines()
        .find(|l| l.starts_with(&head))
        .unwrap_or_else(|| panic!("no push summary for {region} in: {stderr}"))
}

#[test]
fn push_repush_fix_and_archive() {
    let moto = Moto::get();
    let _g = moto.lock();
    create_buckets(moto, &["alpha".to_string(), "beta".to_string()]);

    // First push: every non-passing finding, once, active, under the account's own product.
    let (code, first, stderr) = push(moto, &[]);
    assert_eq!(code, 1, "{stderr}");
    let want = pushed_ids(&first);
    assert!(want.len() > 10, "{want:?}");
    let held = hub_findings(moto, REGION);
    assert_eq!(active(&held), want);
    assert_eq!(
        summary_line(&stderr, REGION),
        format!(
            "securityhub: {ACCOUNT}/{REGION}: {} imported, 0 archived, 1 request(s)",
            want.len()
        )
    );
    let product = format!("arn:aws:securityhub:{REGION}:{ACCOUNT}:product/{ACCOUNT}/default");
    for f in held.values() {
        assert_eq!(f.product_arn.as_deref(), Some(product.as_str()));
        assert_eq!(f.aws_account_id.as_deref(), Some(ACCOUNT));
        let rule = f.id.as_deref().unwrap().split('/').nth(1).unwrap();
        assert_eq!(f.generator_id.as_deref(), Some(rule));
    }
    let versioning_alpha = first["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "S3.VERSIONING" && f["resource"]["id"] == "arn:aws:s3:::alpha")
        .map(|f| {
            format!(
                "complyctl/S3.VERSIONING/{}",
                f["fingerprint"].as_str().unwrap()
            )
        })
        .expect("alpha has no versioning");
    let created = held[&versioning_alpha].created_at.clone();

    // Re-push: the same findings, no duplicates, first-seen times kept.
    let (_, _, stderr) = push(moto, &[]);
    let again = hub_findings(moto, REGION);
    assert_eq!(again.len(), held.len(), "{stderr}");
    assert_eq!(active(&again), want);
    assert_eq!(again[&versioning_alpha].created_at, created);
    assert!(summary_line(&stderr, REGION).contains(" 0 archived"));

    // alpha gets versioning: exactly that one finding is archived, the rest stay active.
    runtime().block_on(async {
        common::moto::set_versioning(&moto.s3(REGION).await, "alpha", true).await;
    });
    let (_, second, stderr) = push(moto, &[]);
    let archived_now: BTreeSet<String> = want.difference(&pushed_ids(&second)).cloned().collect();
    assert_eq!(archived_now, BTreeSet::from([versioning_alpha.clone()]));
    assert!(
        summary_line(&stderr, REGION).contains(" 1 archived"),
        "{stderr}"
    );
    let after_fix = hub_findings(moto, REGION);
    assert_eq!(
        after_fix[&versioning_alpha].record_state,
        Some(sh::RecordState::Archived)
    );
    let mut still = want.clone();
    still.remove(&versioning_alpha);
    assert_eq!(active(&after_fix), still);

    // beta is deleted: its findings are archived as passed too.
    runtime().block_on(async {
        let s3 = moto.s3(REGION).await;
        s3.delete_bucket().bucket("beta").send().await.unwrap();
    });
    let (_, third, stderr) = push(moto, &[]);
    let now = pushed_ids(&third);
    let gone: BTreeSet<String> = want.difference(&now).cloned().collect();
    assert!(gone.contains(&versioning_alpha));
    assert!(gone.iter().any(|id| {
        held[id]
            .resources
            .as_ref()
            .is_some_and(|r| r[0].id.as_deref() == Some("arn:aws:s3:::beta"))
    }));
    let held = hub_findings(moto, REGION);
    assert_eq!(active(&held), now);
    for id in &gone {
        let f = &held[id];
        assert_eq!(f.record_state, Some(sh::RecordState::Archived), "{id}");
        assert_eq!(
            f.compliance.as_ref().and_then(|c| c.status.clone()),
            Some(sh::ComplianceStatus::Passed),
            "{id}"
        );
    }
    // This push archived beta's findings (alpha's was archived by the one before).
    let beta_gone = pushed_ids(&second).difference(&now).count();
    assert!(summary_line(&stderr, REGION).contains(&format!(" {beta_gone} archived")));
}

#[test]
fn a_narrow_scan_never_archives_outside_its_scope() {
    let moto = Moto::get();
    let _g = moto.lock();
    create_buckets(moto, &["gamma".to_string()]);
    let (_, first, stderr) = push(moto, &[]);
    let want = pushed_ids(&first);
    assert_eq!(active(&hub_findings(moto, REGION)), want, "{stderr}");
    // Another tool's finding in the same product.
    big_stack(move || {
        current_thread().block_on(async {
            let foreign = sh::AwsSecurityFinding::builder()
                .schema_version("2018-10-08")
                .id("othertool/s3/gamma")
                .product_arn(format!(
                    "arn:aws:securityhub:{REGION}:{ACCOUNT}:product/{ACCOUNT}/default"
                ))
                .generator_id("S3.VERSIONING")
                .aws_account_id(ACCOUNT)
                .set_types(Some(vec!["Software and Configuration Checks".into()]))
                .created_at("2026-01-01T00:00:00Z")
                .updated_at("2026-01-01T00:00:00Z")
                .severity(
                    sh::Severity::builder()
                        .label(sh::SeverityLabel::Low)
                        .build(),
                )
                .title("t")
                .description("d")
                .resources(
                    sh::Resource::builder()
                        .r#type("AwsS3Bucket")
                        .id("arn:aws:s3:::gamma")
                        .build(),
                )
                .record_state(sh::RecordState::Active)
                .build();
            hub(moto, REGION)
                .await
                .batch_import_findings()
                .findings(foreign)
                .send()
                .await
                .unwrap();
        })
    });
    runtime().block_on(async {
        moto.s3(REGION)
            .await
            .delete_bucket()
            .bucket("gamma")
            .send()
            .await
            .unwrap();
    });

    // A scan that does not evaluate the S3 rules archives none of their findings...
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".complyctl.yaml");
    std::fs::write(&config, "rules:\n  disable: [\"S3.*\"]\n").unwrap();
    let (_, _, stderr) = push_in(moto, REGION, Some(&config), &[]);
    // gamma's findings (all from S3 rules; gamma is gone now).
    let s3_before = pushed_ids_of(&first, Some("arn:aws:s3:::gamma"));
    assert!(!s3_before.is_empty());
    assert!(s3_before.iter().all(|id| id.starts_with("complyctl/S3.")));
    let s3_active = |held: &BTreeMap<String, sh::AwsSecurityFinding>| -> BTreeSet<String> {
        active(held).intersection(&s3_before).cloned().collect()
    };
    assert_eq!(
        s3_active(&hub_findings(moto, REGION)),
        s3_before,
        "{stderr}"
    );

    // ...nor does a scan of another region...
    let (_, _, stderr) = push_in(moto, "eu-west-1", None, &[]);
    assert!(
        summary_line(&stderr, "eu-west-1").contains(" 0 archived"),
        "{stderr}"
    );
    assert_eq!(s3_active(&hub_findings(moto, REGION)), s3_before);

    // ...while a full scan of the region archives them, and never another tool's finding.
    let (_, _, stderr) = push(moto, &[]);
    let held = hub_findings(moto, REGION);
    assert!(s3_active(&held).is_empty(), "{stderr}");
    assert_eq!(
        held["othertool/s3/gamma"].record_state,
        Some(sh::RecordState::Active),
        "another tool's finding is never touched"
    );
}

#[test]
fn two_hundred_fifty_findings_go_in_three_batches() {
    let moto = Moto::get();
    let _g = moto.lock();
    // Bare buckets fail a fixed number of rules each: enough of them for 201..=300 findings.
    create_buckets(moto, &names("bulk", 1));
    let (_, one, _) = push(moto, &[]);
    let base = pushed_ids(&one).len();
    let per_bucket = one["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] != "pass" && f["resource"]["id"] == "arn:aws:s3:::bulk-000")
        .count();
    assert!(per_bucket > 0);
    let account_level = base - per_bucket;
    let buckets = (250 - account_level).div_ceil(per_bucket);
    create_buckets(moto, &names("bulk", buckets)[1..]);
    let (_, report, stderr) = push(moto, &[]);
    let n = pushed_ids(&report).len();
    assert!((250..=300).contains(&n), "{n} findings");
    assert_eq!(active(&hub_findings(moto, REGION)).len(), n);
    assert_eq!(
        summary_line(&stderr, REGION),
        format!("securityhub: {ACCOUNT}/{REGION}: {n} imported, 0 archived, 3 request(s)")
    );
}
