//! AWS faults between complyctl and a real AWS emulator: a fault-injecting proxy in front of
//! moto throttles, fails, resets, stalls and denies chosen operations.
//!
//! - Transient faults: the SDK's retries recover, and the inventory is identical to a
//!   fault-free run (same SHA-256 of its resources: nothing lost, nothing duplicated).
//! - Persistent faults: the affected resources are `error`, never `pass`, the run exits 3, and
//!   it finishes within a bound.
//! - Credentials never reach stdout or stderr, even at the most verbose log level.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use aws_sdk_s3::types as s3t;
use common::fault_proxy::{Fault, FaultProxy, Rule};
use common::moto::{runtime, Moto};
use serde_json::Value;

const REGION: &str = "us-east-1";

/// A small account: buckets with and without settings, IAM users, an open security group.
fn seed(moto: &Moto) {
    runtime().block_on(async {
        let s3 = moto.s3(REGION).await;
        for b in ["faults-a", "faults-b", "faults-c"] {
            s3.create_bucket().bucket(b).send().await.unwrap();
        }
        common::moto::set_versioning(&s3, "faults-a", true).await;
        s3.put_bucket_encryption()
            .bucket("faults-a")
            .server_side_encryption_configuration(
                s3t::ServerSideEncryptionConfiguration::builder()
                    .rules(
                        s3t::ServerSideEncryptionRule::builder()
                            .apply_server_side_encryption_by_default(
                                s3t::ServerSideEncryptionByDefault::builder()
                                    .sse_algorithm(s3t::ServerSideEncryption::AwsKms)
                                    .build()
                                    .unwrap(),
                            )
                            .build(),
                    )
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();
        let iam = aws_sdk_iam::Client::new(&moto.config(REGION).await);
        for u in ["ann", "bob", "cy"] {
            iam.create_user().user_name(u).send().await.unwrap();
        }
        iam.create_access_key()
            .user_name("bob")
            .send()
            .await
            .unwrap();
        let ec2 = aws_sdk_ec2::Client::new(&moto.config(REGION).await);
        let sg = ec2
            .create_security_group()
            .group_name("open-ssh")
            .description("ssh from anywhere")
            .send()
            .await
            .unwrap();
        ec2.authorize_security_group_ingress()
            .group_id(sg.group_id().unwrap())
            .ip_protocol("tcp")
            .from_port(22)
            .to_port(22)
            .cidr_ip("0.0.0.0/0")
            .send()
            .await
            .unwrap();
        let kms = aws_sdk_kms::Client::new(&moto.config(REGION).await);
        kms.create_key().send().await.unwrap();
    });
}

/// `complyctl ARGS --region us-east-1` through `url`, killed if it outlives `limit`.
fn run_at(
    moto: &Moto,
    url: &str,
    args: &[&str],
    limit: Duration,
) -> (i32, Value, String, Duration) {
    let mut all = args.to_vec();
    all.extend(["--region", REGION]);
    let started = Instant::now();
    let out = moto
        .complyctl_at(url, &all)
        .timeout(limit)
        .output()
        .expect("run complyctl");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        took < limit,
        "complyctl did not finish within {limit:?} (killed); stderr: {stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {stderr}"));
    (out.status.code().unwrap_or(-1), v, stderr, took)
}

#[test]
fn transient_faults_are_retried_and_nothing_is_lost_or_duplicated() {
    let moto = Moto::get();
    let _g = moto.lock();
    seed(moto);
    let limit = Duration::from_secs(300);
    let (code, clean, stderr, _) = run_at(moto, &moto.url, &["collect"], limit);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(clean["errors"], Value::Array(vec![]));

    // Every kind of fault, each a few times and fewer than the attempts (5).
    let rules = vec![
        Rule::times("s3", "?encryption", Fault::Throttle, 2),
        Rule::times("s3", "?versioning", Fault::SlowDown, 3),
        Rule::times("s3", "GET /?", Fault::ServerError, 2),
        Rule::times(
            "iam",
            "GetAccountAuthorizationDetails",
            Fault::ServerError,
            2,
        ),
        Rule::times("iam", "ListAccessKeys", Fault::Reset, 2),
        Rule::times("ec2", "DescribeSecurityGroups", Fault::Reset, 1),
        Rule::times("ec2", "DescribeVpcs", Fault::Throttle, 2),
        Rule::times("kms", "ListKeys", Fault::Slow(Duration::from_secs(4)), 1),
        Rule::times("kms", "GetKeyRotationStatus", Fault::Throttle, 1),
        Rule::times("sts", "GetCallerIdentity", Fault::ServerError, 1),
    ];
    let planned: usize = rules.iter().map(|r| r.remaining.unwrap_or(0)).sum();
    let proxy = FaultProxy::start(moto.port, rules);
    let (code, faulty, stderr, _) = run_at(
        moto,
        &proxy.url,
        &["collect", "--request-timeout", "1"],
        limit,
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(faulty["errors"], Value::Array(vec![]), "{stderr}");
    // Every planned fault happened (each rule matched real requests)...
    assert_eq!(proxy.injected(), planned, "log: {:#?}", proxy.log());
    // ...and the inventory is the same, resource for resource.
    assert_eq!(faulty["sha256"], clean["sha256"]);
    assert_eq!(faulty["resources"], clean["resources"]);
}

#[test]
fn persistent_faults_give_errors_never_passes_and_exit_3_in_bounded_time() {
    let moto = Moto::get();
    let _g = moto.lock();
    seed(moto);
    let proxy = FaultProxy::start(
        moto.port,
        vec![
            Rule::always("s3", "?encryption", Fault::ServerError),
            Rule::always("s3", "?versioning", Fault::Slow(Duration::from_secs(3))),
            Rule::always("ec2", "DescribeSecurityGroups", Fault::Reset),
            Rule::always("kms", "ListKeys", Fault::Throttle),
            Rule::always("guardduty", "*", Fault::AccessDenied),
            Rule::always("iam", "GetAccountPasswordPolicy", Fault::AccessDenied),
        ],
    );
    let (code, report, stderr, _) = run_at(
        moto,
        &proxy.url,
        &[
            "scan",
            "--format",
            "json",
            "--max-attempts",
            "3",
            "--request-timeout",
            "1",
        ],
        Duration::from_secs(300),
    );
    assert_eq!(code, 3, "{stderr}");
    let errors: BTreeSet<(String, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["service"].as_str().unwrap().to_string(),
                e["operation"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for want in [
        ("s3", "GetBucketEncryption"),
        ("s3", "GetBucketVersioning"),
        ("ec2", "DescribeSecurityGroups"),
        ("kms", "ListKeys"),
        ("guardduty", "ListDetectors"),
        ("iam", "GetAccountPasswordPolicy"),
    ] {
        assert!(
            errors.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} not in {errors:?}"
        );
    }
    let findings = report["findings"].as_array().unwrap();
    let status = |rule: &str, id: &str| {
        findings
            .iter()
            .find(|f| f["rule_id"] == rule && f["resource"]["id"] == id)
            .map(|f| f["status"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no {rule} finding on {id}"))
    };
    // Even faults-a, encrypted and versioned, cannot pass: complyctl could not see it.
    for b in ["faults-a", "faults-b", "faults-c"] {
        let arn = format!("arn:aws:s3:::{b}");
        assert_eq!(status("S3.ENCRYPTION_AT_REST", &arn), "error", "{b}");
        assert_eq!(status("S3.VERSIONING", &arn), "error", "{b}");
    }
    let account = format!("arn:aws:::{}:account/{REGION}", common::moto::ACCOUNT);
    assert_eq!(status("GUARDDUTY.ENABLED", &account), "error");
    assert_eq!(status("IAM.PASSWORD_POLICY_LENGTH", &account), "error");
    // Nothing that needed the failed data passed.
    for f in findings {
        let rule = f["rule_id"].as_str().unwrap();
        let needs_failed = rule.starts_with("S3.ENCRYPTION")
            || rule == "S3.VERSIONING"
            || rule == "S3.MFA_DELETE"
            || rule.starts_with("GUARDDUTY.")
            || rule.starts_with("IAM.PASSWORD_POLICY");
        if needs_failed {
            assert_ne!(f["status"], "pass", "{rule} on {}", f["resource"]["id"]);
        }
    }
    // No security group was listed, so none can pass or fail: the account says EC2 was not
    // fully collected.
    assert!(!findings
        .iter()
        .any(|f| f["resource"]["kind"] == "aws.ec2.security_group"));
}

/// Sentinel credentials are never printed, not even with every log level on.
#[test]
fn credentials_never_appear_in_output_or_logs() {
    let moto = Moto::get();
    let _g = moto.lock();
    seed(moto);
    const KEY_ID: &str = "AKIASENTINEL7KEYID00";
    const SECRET: &str = "sentinelSECRETsentinelSECRETsentinel0001";
    const TOKEN: &str = "sentinelSESSIONTOKENsentinelSESSIONTOKEN0002";
    // A denied operation too, so error paths (which quote AWS's answers) are covered.
    let proxy = FaultProxy::start(
        moto.port,
        vec![Rule::always("guardduty", "*", Fault::AccessDenied)],
    );
    for (verbosity, log) in [("-vv", None), ("-vv", Some("trace"))] {
        for args in [
            vec!["scan", "--format", "json", verbosity],
            vec!["collect", verbosity],
        ] {
            let mut c = moto.complyctl_at(&proxy.url, &args);
            c.args(["--region", REGION])
                .env("AWS_ACCESS_KEY_ID", KEY_ID)
                .env("AWS_SECRET_ACCESS_KEY", SECRET)
                .env("AWS_SESSION_TOKEN", TOKEN);
            if let Some(l) = log {
                c.env("COMPLYCTL_LOG", l);
            }
            let out = c.output().unwrap();
            assert_eq!(out.status.code(), Some(3), "AccessDenied on GuardDuty");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.len() > 100, "the log ran: {stderr}");
            for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
                for secret in [SECRET, TOKEN] {
                    assert!(
                        !text.contains(secret),
                        "{args:?} {log:?}: a credential is in {name}"
                    );
                }
            }
        }
    }
}
