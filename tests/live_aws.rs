//! `complyctl scan --aws` end to end against moto, a real AWS API emulator: accounts are
//! seeded through the AWS SDK for Rust, then the complyctl binary scans them over HTTP.
//! Needs moto (`./scripts/test.sh` installs it); fails with instructions when it is missing.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use aws_sdk_ec2::types as ec2t;
use aws_sdk_s3::types as s3t;
use common::moto::{runtime, Moto, ACCOUNT};
use serde_json::Value;

const REGION: &str = "us-east-1";

fn scan_json(moto: &Moto, extra: &[&str]) -> (i32, Value, String) {
    let mut args = vec!["scan", "--format", "json", "--region", REGION];
    args.extend_from_slice(extra);
    common::json_output(&mut moto.complyctl(&args))
}

fn collect_json(moto: &Moto, extra: &[&str]) -> (i32, Value, String) {
    let mut args = vec!["collect", "--region", REGION];
    args.extend_from_slice(extra);
    common::json_output(&mut moto.complyctl(&args))
}

/// The finding of `rule` on the resource `id`.
fn finding<'a>(report: &'a Value, rule: &str, id: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .and_then(|fs| {
            fs.iter()
                .find(|f| f["rule_id"] == rule && f["resource"]["id"] == id)
        })
        .unwrap_or_else(|| {
            let ids: Vec<String> = report["findings"]
                .as_array()
                .map(|fs| {
                    fs.iter()
                        .filter(|f| f["rule_id"] == rule)
                        .map(|f| format!("{} {}", f["resource"]["id"], f["status"]))
                        .collect()
                })
                .unwrap_or_default();
            panic!("no {rule} finding on {id}; {rule} findings: {ids:#?}")
        })
}

fn status(report: &Value, rule: &str, id: &str) -> String {
    finding(report, rule, id)["status"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// A failing finding that is mapped to framework controls.
fn assert_fails(report: &Value, rule: &str, id: &str) {
    let f = finding(report, rule, id);
    assert_eq!(f["status"], "fail", "{rule} on {id}: {f:#}");
    assert_eq!(f["resource"]["source"], "aws");
    assert_eq!(f["resource"]["account"], ACCOUNT);
    let controls = f["controls"].as_object().map(|c| c.len()).unwrap_or(0);
    assert!(controls > 0, "{rule} has no framework controls: {f:#}");
}

fn assert_passes(report: &Value, rule: &str, id: &str) {
    let f = finding(report, rule, id);
    assert_eq!(f["status"], "pass", "{rule} on {id}: {f:#}");
}

fn resource<'a>(inv: &'a Value, id: &str) -> &'a Value {
    inv["resources"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["id"] == id))
        .unwrap_or_else(|| panic!("no resource {id} in the inventory"))
}

fn of_kind<'a>(inv: &'a Value, kind: &str) -> Vec<&'a Value> {
    inv["resources"]
        .as_array()
        .map(|rs| rs.iter().filter(|r| r["kind"] == kind).collect())
        .unwrap_or_default()
}

fn bucket_arn(name: &str) -> String {
    format!("arn:aws:s3:::{name}")
}

const TLS_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::good-bucket","arn:aws:s3:::good-bucket/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#;

async fn seed_s3(moto: &Moto) {
    let s3 = moto.s3(REGION).await;
    for b in ["good-bucket", "bad-bucket", "access-logs", "replica"] {
        let mut req = s3.create_bucket().bucket(b);
        if b == "good-bucket" {
            req = req.object_lock_enabled_for_bucket(true);
        }
        req.send().await.unwrap();
    }
    s3.put_bucket_acl()
        .bucket("access-logs")
        .grant_write("uri=http://acs.amazonaws.com/groups/s3/LogDelivery")
        .grant_read_acp("uri=http://acs.amazonaws.com/groups/s3/LogDelivery")
        .send()
        .await
        .unwrap();
    s3.put_bucket_encryption()
        .bucket("good-bucket")
        .server_side_encryption_configuration(
            s3t::ServerSideEncryptionConfiguration::builder()
                .rules(
                    s3t::ServerSideEncryptionRule::builder()
                        .apply_server_side_encryption_by_default(
                            s3t::ServerSideEncryptionByDefault::builder()
                                .sse_algorithm(s3t::ServerSideEncryption::AwsKms)
                                .kms_master_key_id("arn:aws:kms:us-east-1:123456789012:key/abc")
                                .build()
                                .unwrap(),
                        )
                        .bucket_key_enabled(true)
                        .build(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    s3.put_public_access_block()
        .bucket("good-bucket")
        .public_access_block_configuration(
            s3t::PublicAccessBlockConfiguration::builder()
                .block_public_acls(true)
                .ignore_public_acls(true)
                .block_public_policy(true)
                .restrict_public_buckets(true)
                .build(),
        )
        .send()
        .await
        .unwrap();
    // A partial block on bad-bucket: present but not all four settings.
    s3.put_public_access_block()
        .bucket("bad-bucket")
        .public_access_block_configuration(
            s3t::PublicAccessBlockConfiguration::builder()
                .block_public_acls(true)
                .ignore_public_acls(false)
                .block_public_policy(true)
                .restrict_public_buckets(false)
                .build(),
        )
        .send()
        .await
        .unwrap();
    for b in ["good-bucket", "replica"] {
        common::moto::set_versioning(&s3, b, true).await;
    }
    common::moto::set_versioning(&s3, "bad-bucket", false).await;
    s3.put_bucket_logging()
        .bucket("good-bucket")
        .bucket_logging_status(
            s3t::BucketLoggingStatus::builder()
                .logging_enabled(
                    s3t::LoggingEnabled::builder()
                        .target_bucket("access-logs")
                        .target_prefix("good/")
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    s3.put_bucket_policy()
        .bucket("good-bucket")
        .policy(TLS_POLICY)
        .send()
        .await
        .unwrap();
    // A public policy without the TLS statement.
    s3.put_bucket_policy()
        .bucket("bad-bucket")
        .policy(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bad-bucket/*"}}"#)
        .send()
        .await
        .unwrap();
    s3.put_bucket_lifecycle_configuration()
        .bucket("good-bucket")
        .lifecycle_configuration(
            s3t::BucketLifecycleConfiguration::builder()
                .rules(
                    s3t::LifecycleRule::builder()
                        .id("archive")
                        .status(s3t::ExpirationStatus::Enabled)
                        .filter(s3t::LifecycleRuleFilter::builder().prefix("").build())
                        .transitions(
                            s3t::Transition::builder()
                                .days(30)
                                .storage_class(s3t::TransitionStorageClass::Glacier)
                                .build(),
                        )
                        .expiration(s3t::LifecycleExpiration::builder().days(365).build())
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    s3.put_object_lock_configuration()
        .bucket("good-bucket")
        .object_lock_configuration(
            s3t::ObjectLockConfiguration::builder()
                .object_lock_enabled(s3t::ObjectLockEnabled::Enabled)
                .rule(
                    s3t::ObjectLockRule::builder()
                        .default_retention(
                            s3t::DefaultRetention::builder()
                                .mode(s3t::ObjectLockRetentionMode::Governance)
                                .days(30)
                                .build(),
                        )
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    s3.put_bucket_replication()
        .bucket("good-bucket")
        .replication_configuration(
            s3t::ReplicationConfiguration::builder()
                .role("arn:aws:iam::123456789012:role/replication")
                .rules(
                    s3t::ReplicationRule::builder()
                        .id("to-replica")
                        .priority(1)
                        .status(s3t::ReplicationRuleStatus::Enabled)
                        .filter(s3t::ReplicationRuleFilter::builder().prefix("").build())
                        .delete_marker_replication(
                            s3t::DeleteMarkerReplication::builder()
                                .status(s3t::DeleteMarkerReplicationStatus::Disabled)
                                .build(),
                        )
                        .destination(
                            s3t::Destination::builder()
                                .bucket("arn:aws:s3:::replica")
                                .storage_class(s3t::StorageClass::StandardIa)
                                .build()
                                .unwrap(),
                        )
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    s3.put_bucket_ownership_controls()
        .bucket("good-bucket")
        .ownership_controls(
            s3t::OwnershipControls::builder()
                .rules(
                    s3t::OwnershipControlsRule::builder()
                        .object_ownership(s3t::ObjectOwnership::BucketOwnerEnforced)
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    s3.put_bucket_tagging()
        .bucket("good-bucket")
        .tagging(
            s3t::Tagging::builder()
                .tag_set(
                    s3t::Tag::builder()
                        .key("team")
                        .value("media")
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    // A bucket in another region: its region comes from GetBucketLocation / ListBuckets.
    let eu = moto.s3("eu-west-1").await;
    eu.create_bucket()
        .bucket("eu-bucket")
        .create_bucket_configuration(
            s3t::CreateBucketConfiguration::builder()
                .location_constraint(s3t::BucketLocationConstraint::EuWest1)
                .build(),
        )
        .send()
        .await
        .unwrap();
}

#[test]
fn s3_settings_present_and_absent() {
    let moto = Moto::get();
    let _g = moto.lock();
    runtime().block_on(seed_s3(moto));

    let (code, report, stderr) = scan_json(moto, &[]);
    assert_eq!(report["errors"], Value::Array(vec![]), "{stderr}");
    assert_eq!(code, 1, "high findings expected; stderr: {stderr}");
    let good = bucket_arn("good-bucket");
    let bad = bucket_arn("bad-bucket");
    for rule in [
        "S3.ENCRYPTION_AT_REST",
        "S3.PUBLIC_ACCESS_BLOCK",
        "S3.VERSIONING",
        "S3.ACCESS_LOGGING",
        "S3.TLS_ONLY",
    ] {
        assert_fails(&report, rule, &bad);
        assert_passes(&report, rule, &good);
    }
    let msg = finding(&report, "S3.VERSIONING", &bad)["message"].clone();
    assert_eq!(msg, "Bucket versioning is Suspended, not Enabled");

    let (code, inv, stderr) = collect_json(moto, &[]);
    assert_eq!(code, 0, "{stderr}");
    let g = &resource(&inv, &good);
    assert_eq!(g["region"], REGION);
    assert_eq!(g["location"], Value::Null);
    assert_eq!(g["tags"]["team"], "media");
    let a = &g["attributes"];
    assert_eq!(a["encryption"]["algorithm"], "aws:kms");
    assert_eq!(a["encryption"]["bucket_key_enabled"], true);
    assert_eq!(
        a["versioning"],
        serde_json::json!({"status": "Enabled", "mfa_delete": false})
    );
    assert_eq!(a["logging"]["target_bucket"], "access-logs");
    assert_eq!(a["policy"]["Statement"][0]["Sid"], "DenyInsecureTransport");
    assert_eq!(a["policy_is_public"], false);
    assert_eq!(a["lifecycle_rules"][0]["id"], "archive");
    assert_eq!(a["lifecycle_rules"][0]["enabled"], true);
    assert_eq!(a["lifecycle_rules"][0]["expiration_days"], 365);
    assert_eq!(
        a["lifecycle_rules"][0]["transitions"][0]["storage_class"],
        "GLACIER"
    );
    assert_eq!(a["object_lock"]["enabled"], true);
    assert_eq!(a["object_lock"]["mode"], "GOVERNANCE");
    assert_eq!(a["object_lock"]["days"], 30);
    assert_eq!(
        a["replication"]["rules"][0]["destination_bucket"],
        "arn:aws:s3:::replica"
    );
    assert_eq!(
        a["ownership_controls"]["object_ownership"],
        "BucketOwnerEnforced"
    );

    let b = &resource(&inv, &bad)["attributes"];
    assert_eq!(b["encryption"], Value::Null);
    assert_eq!(b["logging"], Value::Null);
    assert_eq!(b["lifecycle_rules"], serde_json::json!([]));
    assert_eq!(b["object_lock"], Value::Null);
    assert_eq!(b["replication"], Value::Null);
    assert_eq!(b["ownership_controls"], Value::Null);
    assert_eq!(b["versioning"]["status"], "Suspended");
    assert_eq!(b["public_access_block"]["ignore_public_acls"], false);
    assert_eq!(
        b["policy"]["Statement"][0]["Effect"], "Allow",
        "Statement is always a list"
    );
    assert_eq!(b["policy_is_public"], true);
    assert_eq!(
        resource(&inv, &bucket_arn("replica"))["attributes"]["public_access_block"],
        Value::Null
    );

    let logs = &resource(&inv, &bucket_arn("access-logs"))["attributes"]["acl"];
    assert_eq!(logs["canned"], Value::Null);
    let grants = logs["grants"].as_array().expect("grants");
    assert!(
        grants.iter().any(|g| g["grantee_type"] == "Group"
            && g["grantee"] == "http://acs.amazonaws.com/groups/s3/LogDelivery"
            && g["permission"] == "WRITE"),
        "{grants:#?}"
    );
    assert_eq!(
        resource(&inv, &bucket_arn("eu-bucket"))["region"],
        "eu-west-1"
    );

    // Account-level Block Public Access (S3 Control): not configured means all off.
    let pab = of_kind(&inv, "aws.s3.account_public_access_block");
    assert_eq!(pab.len(), 1);
    assert_eq!(pab[0]["attributes"]["block_public_acls"], false);
}

async fn seed_iam(moto: &Moto) -> BTreeMap<&'static str, String> {
    let iam = aws_sdk_iam::Client::new(&moto.config(REGION).await);
    let mut out = BTreeMap::new();
    let admin = iam
        .create_policy()
        .policy_name("admin-star")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap();
    let admin_arn = admin.policy().and_then(|p| p.arn()).unwrap().to_string();
    let read = iam
        .create_policy()
        .policy_name("read-buckets")
        .policy_document(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}}"#)
        .send()
        .await
        .unwrap();
    out.insert("admin", admin_arn.clone());
    out.insert(
        "read",
        read.policy().and_then(|p| p.arn()).unwrap().to_string(),
    );

    for u in ["alice", "bob", "carol"] {
        iam.create_user().user_name(u).send().await.unwrap();
    }
    for u in ["alice", "bob"] {
        iam.create_login_profile()
            .user_name(u)
            .password("Correct-Horse-9")
            .send()
            .await
            .unwrap();
    }
    let mfa = iam
        .create_virtual_mfa_device()
        .virtual_mfa_device_name("alice")
        .send()
        .await
        .unwrap();
    let serial = mfa
        .virtual_mfa_device()
        .map(|d| d.serial_number().to_string())
        .unwrap();
    iam.enable_mfa_device()
        .user_name("alice")
        .serial_number(&serial)
        .authentication_code1("123456")
        .authentication_code2("654321")
        .send()
        .await
        .unwrap();
    out.insert("alice_mfa", serial);
    let key = iam
        .create_access_key()
        .user_name("bob")
        .send()
        .await
        .unwrap();
    let key = key.access_key().unwrap();
    out.insert("bob_key", key.access_key_id().to_string());
    out.insert(
        "bob_key_created",
        key.create_date()
            .map(|d| d.secs().to_string())
            .unwrap_or_default(),
    );
    iam.attach_user_policy()
        .user_name("bob")
        .policy_arn(&admin_arn)
        .send()
        .await
        .unwrap();
    iam.create_group()
        .group_name("readers")
        .send()
        .await
        .unwrap();
    iam.add_user_to_group()
        .group_name("readers")
        .user_name("carol")
        .send()
        .await
        .unwrap();
    iam.attach_group_policy()
        .group_name("readers")
        .policy_arn(out["read"].clone())
        .send()
        .await
        .unwrap();
    iam.create_role()
        .role_name("ci")
        .assume_role_policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
        .send()
        .await
        .unwrap();
    iam.attach_role_policy()
        .role_name("ci")
        .policy_arn("arn:aws:iam::aws:policy/AdministratorAccess")
        .send()
        .await
        .unwrap();
    iam.put_role_policy()
        .role_name("ci")
        .policy_name("inline-logs")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap();
    iam.update_account_password_policy()
        .minimum_password_length(14)
        .require_symbols(true)
        .password_reuse_prevention(24)
        .send()
        .await
        .unwrap();
    out
}

#[test]
fn iam_users_mfa_keys_and_admin_policies() {
    let moto = Moto::with_aws_managed_policies();
    let _g = moto.lock();
    // No password policy is data, not an error.
    let (code, inv, stderr) = collect_json(moto, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(of_kind(&inv, "aws.iam.password_policy").is_empty());

    let seeded = runtime().block_on(seed_iam(moto));
    let (code, report, stderr) = scan_json(moto, &[]);
    assert_eq!(code, 1, "critical findings expected; stderr: {stderr}");
    assert_eq!(report["errors"], Value::Array(vec![]), "{stderr}");
    assert_fails(&report, "IAM.POLICY_ADMIN_STAR", &seeded["admin"]);
    assert_fails(
        &report,
        "IAM.POLICY_ADMIN_STAR",
        "arn:aws:iam::aws:policy/AdministratorAccess",
    );
    assert_passes(&report, "IAM.POLICY_ADMIN_STAR", &seeded["read"]);

    let (_, inv, _) = collect_json(moto, &[]);
    let user =
        |n: &str| resource(&inv, &format!("arn:aws:iam::{ACCOUNT}:user/{n}"))["attributes"].clone();
    let alice = user("alice");
    assert_eq!(alice["console_access"], true);
    assert_eq!(alice["mfa_active"], true);
    assert_eq!(
        alice["mfa_devices"][0]["serial"],
        seeded["alice_mfa"].as_str()
    );
    assert_eq!(alice["mfa_devices"][0]["type"], "virtual");
    assert_eq!(alice["access_keys"], serde_json::json!([]));
    let bob = user("bob");
    assert_eq!(bob["console_access"], true);
    assert_eq!(bob["mfa_active"], false);
    assert_eq!(
        bob["attached_policies"],
        serde_json::json!([seeded["admin"]])
    );
    let key = &bob["access_keys"][0];
    assert_eq!(key["id"], seeded["bob_key"].as_str());
    assert_eq!(key["status"], "Active");
    assert_eq!(key["last_used"], Value::Null);
    // The key's age is measured from `created`: the SDK's CreateDate, to the second.
    let created = key["created"].as_str().expect("created");
    let secs: i64 = seeded["bob_key_created"].parse().unwrap();
    let want = chrono::DateTime::from_timestamp(secs, 0)
        .unwrap()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert_eq!(created, want);
    let carol = user("carol");
    assert_eq!(carol["console_access"], false);
    assert_eq!(carol["mfa_active"], false);
    assert_eq!(carol["groups"], serde_json::json!(["readers"]));
    let group = &resource(&inv, &format!("arn:aws:iam::{ACCOUNT}:group/readers"))["attributes"];
    assert_eq!(group["members"], serde_json::json!(["carol"]));
    assert_eq!(
        group["attached_policies"],
        serde_json::json!([seeded["read"]])
    );
    let role = &resource(&inv, &format!("arn:aws:iam::{ACCOUNT}:role/ci"))["attributes"];
    assert_eq!(role["service_linked"], false);
    assert_eq!(
        role["assume_role_policy"]["Statement"][0]["Principal"]["Service"],
        "ec2.amazonaws.com"
    );
    assert_eq!(role["inline_policies"][0]["name"], "inline-logs");
    assert_eq!(
        role["inline_policies"][0]["document"]["Statement"][0]["Action"],
        "logs:*"
    );
    let aws_admin = &resource(&inv, "arn:aws:iam::aws:policy/AdministratorAccess")["attributes"];
    assert_eq!(aws_admin["aws_managed"], true);
    assert_eq!(
        aws_admin["attached_to"],
        serde_json::json!([{"kind": "aws.iam.role", "id": format!("arn:aws:iam::{ACCOUNT}:role/ci")}])
    );
    // Unattached AWS managed policies are not inventoried.
    assert!(of_kind(&inv, "aws.iam.policy").len() < 10);
    let pp = of_kind(&inv, "aws.iam.password_policy");
    assert_eq!(pp.len(), 1);
    assert_eq!(pp[0]["attributes"]["minimum_password_length"], 14);
    assert_eq!(pp[0]["attributes"]["password_reuse_prevention"], 24);
    assert_eq!(pp[0]["attributes"]["require_uppercase_characters"], false);
    // Root facts from the account summary and the credential report.
    let acct = resource(&inv, &format!("arn:aws:::{ACCOUNT}:account/{REGION}"));
    assert_eq!(acct["attributes"]["account_id"], ACCOUNT);
    for k in [
        "root_mfa_enabled",
        "root_hardware_mfa",
        "root_access_keys_present",
    ] {
        assert!(
            acct["attributes"][k].is_boolean(),
            "{k}: {}",
            acct["attributes"]
        );
    }
    assert!(acct["attributes"].get("access_analyzer_enabled").is_none());
}

async fn seed_network(moto: &Moto) -> BTreeMap<&'static str, String> {
    let ec2 = aws_sdk_ec2::Client::new(&moto.config(REGION).await);
    let s3 = moto.s3(REGION).await;
    s3.create_bucket().bucket("flow-logs").send().await.unwrap();
    let mut ids = BTreeMap::new();
    let logged = ec2
        .create_vpc()
        .cidr_block("10.1.0.0/16")
        .send()
        .await
        .unwrap();
    let logged = logged.vpc().and_then(|v| v.vpc_id()).unwrap().to_string();
    let unlogged = ec2
        .create_vpc()
        .cidr_block("10.2.0.0/16")
        .send()
        .await
        .unwrap();
    let unlogged = unlogged.vpc().and_then(|v| v.vpc_id()).unwrap().to_string();
    ec2.create_flow_logs()
        .resource_ids(&logged)
        .resource_type(ec2t::FlowLogsResourceType::Vpc)
        .traffic_type(ec2t::TrafficType::All)
        .log_destination_type(ec2t::LogDestinationType::S3)
        .log_destination("arn:aws:s3:::flow-logs")
        .send()
        .await
        .unwrap();
    let subnet = ec2
        .create_subnet()
        .vpc_id(&logged)
        .cidr_block("10.1.1.0/24")
        .send()
        .await
        .unwrap();
    let subnet = subnet
        .subnet()
        .and_then(|s| s.subnet_id())
        .unwrap()
        .to_string();
    ec2.modify_subnet_attribute()
        .subnet_id(&subnet)
        .map_public_ip_on_launch(ec2t::AttributeBooleanValue::builder().value(true).build())
        .send()
        .await
        .unwrap();
    ids.insert("logged", logged.clone());
    ids.insert("unlogged", unlogged);
    ids.insert("subnet", subnet);

    let v4 = |cidr: &str| ec2t::IpRange::builder().cidr_ip(cidr).build();
    let perms: [(&str, ec2t::IpPermission); 4] = [
        (
            "ssh-world",
            ec2t::IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(22)
                .to_port(22)
                .ip_ranges(v4("0.0.0.0/0"))
                .build(),
        ),
        (
            "rdp-world-v6",
            ec2t::IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(3389)
                .to_port(3389)
                .ipv6_ranges(ec2t::Ipv6Range::builder().cidr_ipv6("::/0").build())
                .build(),
        ),
        (
            "all-world",
            ec2t::IpPermission::builder()
                .ip_protocol("-1")
                .ip_ranges(v4("0.0.0.0/0"))
                .build(),
        ),
        (
            "ssh-internal",
            ec2t::IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(22)
                .to_port(22)
                .ip_ranges(v4("10.0.0.0/8"))
                .build(),
        ),
    ];
    for (name, perm) in perms {
        let g = ec2
            .create_security_group()
            .group_name(name)
            .description(name)
            .vpc_id(&logged)
            .send()
            .await
            .unwrap();
        let id = g.group_id().unwrap().to_string();
        ec2.authorize_security_group_ingress()
            .group_id(&id)
            .ip_permissions(perm)
            .send()
            .await
            .unwrap();
        ids.insert(name, id);
    }
    ids
}

#[test]
fn security_groups_vpcs_and_flow_logs() {
    let moto = Moto::get();
    let _g = moto.lock();
    let ids = runtime().block_on(seed_network(moto));
    let (code, report, stderr) = scan_json(moto, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["errors"], Value::Array(vec![]), "{stderr}");
    let sg = |n: &str| format!("arn:aws:ec2:{REGION}:{ACCOUNT}:security-group/{}", ids[n]);
    let vpc = |n: &str| format!("arn:aws:ec2:{REGION}:{ACCOUNT}:vpc/{}", ids[n]);
    assert_fails(&report, "EC2.SG_OPEN_SSH", &sg("ssh-world"));
    assert_fails(&report, "EC2.SG_OPEN_SSH", &sg("all-world"));
    assert_passes(&report, "EC2.SG_OPEN_SSH", &sg("ssh-internal"));
    assert_passes(&report, "EC2.SG_OPEN_SSH", &sg("rdp-world-v6"));
    assert_fails(&report, "EC2.SG_OPEN_RDP", &sg("rdp-world-v6"));
    assert_fails(&report, "EC2.SG_OPEN_RDP", &sg("all-world"));
    assert_passes(&report, "EC2.SG_OPEN_RDP", &sg("ssh-world"));
    assert_passes(&report, "EC2.VPC_FLOW_LOGS", &vpc("logged"));
    assert_fails(&report, "EC2.VPC_FLOW_LOGS", &vpc("unlogged"));

    let (_, inv, _) = collect_json(moto, &[]);
    let all = &resource(&inv, &sg("all-world"))["attributes"];
    assert_eq!(all["ingress"][0]["protocol"], "-1");
    assert_eq!(all["ingress"][0]["from_port"], Value::Null);
    assert_eq!(all["ingress"][0]["to_port"], Value::Null);
    let ssh = &resource(&inv, &sg("ssh-world"))["attributes"];
    assert_eq!(
        ssh["ingress"][0],
        serde_json::json!({"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": ["0.0.0.0/0"],
            "cidr_ipv6": [], "prefix_lists": [], "security_groups": [], "self": false, "description": null})
    );
    let logged = &resource(&inv, &vpc("logged"))["attributes"];
    assert_eq!(logged["flow_logs"][0]["traffic_type"], "ALL");
    assert_eq!(logged["flow_logs"][0]["destination_type"], "s3");
    let subnet = of_kind(&inv, "aws.ec2.subnet")
        .into_iter()
        .find(|s| s["attributes"]["subnet_id"] == ids["subnet"].as_str())
        .expect("subnet");
    assert_eq!(subnet["attributes"]["map_public_ip_on_launch"], true);
    assert_eq!(subnet["attributes"]["vpc_id"], ids["logged"].as_str());
    // Every VPC has a default NACL with its catch-all deny entries.
    let nacls = of_kind(&inv, "aws.ec2.network_acl");
    assert!(nacls
        .iter()
        .any(|n| n["attributes"]["vpc_id"] == ids["unlogged"].as_str()
            && n["attributes"]["is_default"] == true));
    // EBS default encryption is an account attribute, per region.
    let acct = resource(&inv, &format!("arn:aws:::{ACCOUNT}:account/{REGION}"));
    assert_eq!(acct["attributes"]["ebs_default_encryption"], false);
}

async fn seed_eks(moto: &Moto) {
    let conf = moto.config(REGION).await;
    let ec2 = aws_sdk_ec2::Client::new(&conf);
    let eks = aws_sdk_eks::Client::new(&conf);
    let vpc = ec2
        .create_vpc()
        .cidr_block("10.9.0.0/16")
        .send()
        .await
        .unwrap();
    let vpc = vpc.vpc().and_then(|v| v.vpc_id()).unwrap().to_string();
    let subnet = ec2
        .create_subnet()
        .vpc_id(&vpc)
        .cidr_block("10.9.1.0/24")
        .send()
        .await
        .unwrap();
    let subnet = subnet
        .subnet()
        .and_then(|s| s.subnet_id())
        .unwrap()
        .to_string();
    let role = "arn:aws:iam::123456789012:role/eks";
    eks.create_cluster()
        .name("public-plain")
        .role_arn(role)
        .version("1.29")
        .resources_vpc_config(
            aws_sdk_eks::types::VpcConfigRequest::builder()
                .subnet_ids(&subnet)
                .endpoint_public_access(true)
                .endpoint_private_access(false)
                .build(),
        )
        .send()
        .await
        .unwrap();
    eks.create_cluster()
        .name("private-encrypted")
        .role_arn(role)
        .version("1.30")
        .resources_vpc_config(
            aws_sdk_eks::types::VpcConfigRequest::builder()
                .subnet_ids(&subnet)
                .endpoint_public_access(false)
                .endpoint_private_access(true)
                .build(),
        )
        .encryption_config(
            aws_sdk_eks::types::EncryptionConfig::builder()
                .provider(
                    aws_sdk_eks::types::Provider::builder()
                        .key_arn("arn:aws:kms:us-east-1:123456789012:key/eks")
                        .build(),
                )
                .build(),
        )
        .logging(
            aws_sdk_eks::types::Logging::builder()
                .cluster_logging(
                    aws_sdk_eks::types::LogSetup::builder()
                        .types(aws_sdk_eks::types::LogType::Audit)
                        .types(aws_sdk_eks::types::LogType::Api)
                        .enabled(true)
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    eks.create_nodegroup()
        .cluster_name("public-plain")
        .nodegroup_name("workers")
        .node_role(role)
        .subnets(&subnet)
        .remote_access(
            aws_sdk_eks::types::RemoteAccessConfig::builder()
                .ec2_ssh_key("ops")
                .source_security_groups("sg-12345678")
                .build(),
        )
        .send()
        .await
        .unwrap();
}

#[test]
fn eks_clusters_public_private_encrypted() {
    let moto = Moto::get();
    let _g = moto.lock();
    runtime().block_on(seed_eks(moto));
    let (code, report, stderr) = scan_json(moto, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["errors"], Value::Array(vec![]), "{stderr}");
    let arn = |n: &str| format!("arn:aws:eks:{REGION}:{ACCOUNT}:cluster/{n}");
    assert_fails(&report, "EKS.PUBLIC_ENDPOINT", &arn("public-plain"));
    assert_fails(&report, "EKS.SECRETS_ENCRYPTION", &arn("public-plain"));
    assert_passes(&report, "EKS.PUBLIC_ENDPOINT", &arn("private-encrypted"));
    assert_passes(&report, "EKS.SECRETS_ENCRYPTION", &arn("private-encrypted"));

    let (_, inv, _) = collect_json(moto, &[]);
    let public = &resource(&inv, &arn("public-plain"))["attributes"];
    assert_eq!(public["nodegroups"], serde_json::json!(["workers"]));
    assert_eq!(public["version"], "1.29");
    assert_eq!(public["endpoint_public_access"], true);
    let private = &resource(&inv, &arn("private-encrypted"))["attributes"];
    assert_eq!(
        private["enabled_log_types"],
        serde_json::json!(["api", "audit"])
    );
    assert_eq!(
        private["secrets_encryption_key"],
        "arn:aws:kms:us-east-1:123456789012:key/eks"
    );
    let ng = of_kind(&inv, "aws.eks.nodegroup");
    assert_eq!(ng.len(), 1);
    assert_eq!(ng[0]["attributes"]["cluster_name"], "public-plain");
    assert_eq!(ng[0]["attributes"]["remote_access"]["ec2_ssh_key"], "ops");
}

async fn seed_regional(moto: &Moto) -> BTreeMap<&'static str, String> {
    let conf = moto.config(REGION).await;
    let mut ids = BTreeMap::new();
    let gd = aws_sdk_guardduty::Client::new(&conf);
    let det = gd.create_detector().enable(true).send().await.unwrap();
    ids.insert("detector", det.detector_id().unwrap().to_string());

    let s3 = moto.s3(REGION).await;
    s3.create_bucket()
        .bucket("trail-logs")
        .send()
        .await
        .unwrap();
    let ct = aws_sdk_cloudtrail::Client::new(&conf);
    ct.create_trail()
        .name("org-trail")
        .s3_bucket_name("trail-logs")
        .is_multi_region_trail(true)
        .enable_log_file_validation(true)
        .send()
        .await
        .unwrap();
    ct.start_logging().name("org-trail").send().await.unwrap();
    ct.create_trail()
        .name("idle-trail")
        .s3_bucket_name("trail-logs")
        .send()
        .await
        .unwrap();

    let cfg = aws_sdk_config::Client::new(&conf);
    cfg.put_configuration_recorder()
        .configuration_recorder(
            aws_sdk_config::types::ConfigurationRecorder::builder()
                .name("default")
                .role_arn("arn:aws:iam::123456789012:role/config")
                .recording_group(
                    aws_sdk_config::types::RecordingGroup::builder()
                        .all_supported(true)
                        .include_global_resource_types(true)
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    cfg.put_delivery_channel()
        .delivery_channel(
            aws_sdk_config::types::DeliveryChannel::builder()
                .name("default")
                .s3_bucket_name("trail-logs")
                .build(),
        )
        .send()
        .await
        .unwrap();
    cfg.start_configuration_recorder()
        .configuration_recorder_name("default")
        .send()
        .await
        .unwrap();

    let kms = aws_sdk_kms::Client::new(&conf);
    for (name, rotate) in [("rotated", true), ("static", false)] {
        let k = kms.create_key().description(name).send().await.unwrap();
        let id = k.key_metadata().map(|m| m.key_id().to_string()).unwrap();
        if rotate {
            kms.enable_key_rotation().key_id(&id).send().await.unwrap();
        }
        kms.create_alias()
            .alias_name(format!("alias/{name}"))
            .target_key_id(&id)
            .send()
            .await
            .unwrap();
        ids.insert(name, id);
    }
    ids
}

#[test]
fn regional_services_and_a_region_without_guardduty() {
    let moto = Moto::get();
    let _g = moto.lock();
    let ids = runtime().block_on(seed_regional(moto));
    let (code, report, stderr) = scan_json(moto, &["--region", "eu-west-1"]);
    assert_eq!(report["errors"], Value::Array(vec![]), "{stderr}");
    assert_eq!(code, 1, "{stderr}");
    let key = |n: &str| format!("arn:aws:kms:{REGION}:{ACCOUNT}:key/{}", ids[n]);
    assert_passes(&report, "KMS.KEY_ROTATION", &key("rotated"));
    assert_fails(&report, "KMS.KEY_ROTATION", &key("static"));

    let (code, inv, stderr) = collect_json(moto, &["--region", "eu-west-1"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        inv["sources"][0]["regions"],
        serde_json::json!(["eu-west-1", REGION])
    );
    let detectors = of_kind(&inv, "aws.guardduty.detector");
    assert_eq!(detectors.len(), 1, "GuardDuty only in {REGION}");
    assert_eq!(detectors[0]["region"], REGION);
    assert_eq!(detectors[0]["attributes"]["status"], "ENABLED");
    assert_eq!(
        detectors[0]["attributes"]["detector_id"],
        ids["detector"].as_str()
    );
    // The region without GuardDuty: a complete account resource and no detector.
    let eu = resource(&inv, &format!("arn:aws:::{ACCOUNT}:account/eu-west-1"));
    assert_eq!(eu["attributes"]["collection"]["guardduty"], "complete");
    assert_eq!(eu["region"], "eu-west-1");

    let trails = of_kind(&inv, "aws.cloudtrail.trail");
    assert_eq!(trails.len(), 2, "multi-region trails are reported once");
    let org = trails
        .iter()
        .find(|t| t["name"] == "org-trail")
        .expect("org-trail");
    assert_eq!(org["attributes"]["is_multi_region"], true);
    assert_eq!(org["attributes"]["is_logging"], true);
    assert_eq!(org["attributes"]["log_file_validation"], true);
    assert_eq!(org["attributes"]["s3_bucket_name"], "trail-logs");
    let idle = trails
        .iter()
        .find(|t| t["name"] == "idle-trail")
        .expect("idle");
    assert_eq!(idle["attributes"]["is_logging"], false);

    let rec = of_kind(&inv, "aws.config.recorder");
    assert_eq!(rec.len(), 1);
    assert_eq!(rec[0]["attributes"]["recording"], true);
    assert_eq!(rec[0]["attributes"]["all_supported"], true);
    let keys = of_kind(&inv, "aws.kms.key");
    assert_eq!(keys.len(), 2);
    assert!(keys.iter().any(|k| k["name"] == "alias/rotated"));
}

#[test]
fn missing_api_is_an_error_and_allow_partial_keeps_the_findings_code() {
    let moto = Moto::get();
    let _g = moto.lock();
    runtime().block_on(async {
        let conf = moto.config(REGION).await;
        // Security Hub: moto has DescribeHub but not GetEnabledStandards.
        aws_sdk_securityhub::Client::new(&conf)
            .enable_security_hub()
            .send()
            .await
            .unwrap();
        let s3 = moto.s3(REGION).await;
        s3.create_bucket().bucket("plain").send().await.unwrap();
    });
    let (code, report, stderr) = scan_json(moto, &[]);
    assert_eq!(code, 3, "an incomplete scan exits 3; stderr: {stderr}");
    let errors = report["errors"].as_array().expect("errors");
    let e = errors
        .iter()
        .find(|e| e["operation"] == "GetEnabledStandards")
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(e["source"], format!("aws:{ACCOUNT}"));
    assert_eq!(e["service"], "securityhub");
    assert_eq!(e["region"], REGION);
    // Findings are still there; --allow-partial gives their exit code.
    assert_fails(&report, "S3.VERSIONING", &bucket_arn("plain"));
    let (code, _, stderr) = scan_json(moto, &["--allow-partial"]);
    assert_eq!(code, 1, "{stderr}");
    let (code, inv, _) = collect_json(moto, &[]);
    assert_eq!(code, 3);
    let hub = of_kind(&inv, "aws.securityhub.hub");
    assert_eq!(hub.len(), 1);
    assert_eq!(
        hub[0]["attributes"]["standards"],
        serde_json::json!({"$unknown": "not_collected"})
    );
}

#[test]
fn access_denied_is_recorded_and_affected_rules_are_errors() {
    let moto = Moto::get();
    let _g = moto.lock();
    let (key, secret) = runtime().block_on(async {
        let conf = moto.config(REGION).await;
        let s3 = moto.s3(REGION).await;
        s3.create_bucket().bucket("guarded").send().await.unwrap();
        let iam = aws_sdk_iam::Client::new(&conf);
        iam.create_user().user_name("auditor").send().await.unwrap();
        iam.put_user_policy()
            .user_name("auditor")
            .policy_name("audit-but-not-versioning")
            .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:GetBucketVersioning","Resource":"*"}]}"#)
            .send()
            .await
            .unwrap();
        let k = iam.create_access_key().user_name("auditor").send().await.unwrap();
        let k = k.access_key().unwrap();
        (k.access_key_id().to_string(), k.secret_access_key().to_string())
    });
    // From here on moto checks every request against the caller's IAM policies.
    moto.set_auth(Some(0));
    let out = moto
        .complyctl(&["scan", "--format", "json", "--region", REGION])
        .env("AWS_ACCESS_KEY_ID", &key)
        .env("AWS_SECRET_ACCESS_KEY", &secret)
        .output()
        .expect("run");
    moto.set_auth(None);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let errors = report["errors"].as_array().expect("errors");
    let e = errors
        .iter()
        .find(|e| e["operation"] == "GetBucketVersioning")
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert!(
        e["message"]
            .as_str()
            .unwrap_or_default()
            .contains("AccessDenied"),
        "{e}"
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap_or_default()
            .contains("guarded"),
        "{e}"
    );
    assert!(
        !e.to_string().contains(&secret),
        "errors never carry credentials"
    );
    // The rule that needed versioning is an error, never a pass; the others still decide.
    assert_eq!(
        status(&report, "S3.VERSIONING", &bucket_arn("guarded")),
        "error"
    );
    assert_eq!(
        status(&report, "S3.ENCRYPTION_AT_REST", &bucket_arn("guarded")),
        "fail"
    );
}

/// `complyctl collect` into `path` with `extra` flags; the saved inventory.
fn collect_file(moto: &Moto, path: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["collect", "--region", REGION, "-o", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = moto.complyctl(&args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The rule ids of a report's findings.
fn rule_ids(report: &Value) -> BTreeSet<String> {
    report["findings"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f["rule_id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn service_selection_collects_and_judges_only_those_services() {
    let moto = Moto::get();
    let _g = moto.lock();
    runtime().block_on(async {
        seed_s3(moto).await;
        seed_regional(moto).await;
    });
    let account = format!("arn:aws:::{ACCOUNT}:account/{REGION}");

    // Only S3: the bucket rules and the account's Block Public Access, nothing about the
    // services left out (no GuardDuty, CloudTrail or IAM verdicts from evidence not read).
    let (code, report, stderr) = scan_json(moto, &["--service", "s3"]);
    assert_eq!(report["errors"], Value::Array(vec![]), "{stderr}");
    assert_eq!(code, 1, "{stderr}");
    let rules = rule_ids(&report);
    assert!(rules.contains("S3.VERSIONING"), "{rules:?}");
    assert!(
        rules.iter().all(|r| r.starts_with("S3.")),
        "only S3 rules: {rules:?}"
    );
    assert_eq!(
        status(&report, "S3.ACCOUNT_PUBLIC_ACCESS_BLOCK", &account),
        "fail"
    );

    // Two services, saved and scanned later: the scope travels with the inventory.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.json");
    let p = path.to_str().unwrap();
    let inv = collect_file(moto, &path, &["--service", "guardduty,s3"]);
    let kinds: BTreeSet<&str> = inv["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["kind"].as_str())
        .collect();
    assert!(
        kinds.iter().all(|k| *k == "aws.account"
            || k.starts_with("aws.s3.")
            || k.starts_with("aws.guardduty.")),
        "{kinds:?}"
    );
    assert_eq!(of_kind(&inv, "aws.guardduty.detector").len(), 1);
    let acct = resource(&inv, &account);
    let collection = &acct["attributes"]["collection"];
    assert_eq!(collection["s3"], "complete");
    assert_eq!(collection["guardduty"], "complete");
    for skipped in [
        "iam",
        "ec2",
        "eks",
        "cloudtrail",
        "config",
        "securityhub",
        "kms",
    ] {
        assert_eq!(collection[skipped], "skipped", "{skipped}");
    }
    // Facts of skipped services are absent, not "not collected" (which would be an error).
    assert!(acct["attributes"].get("root_mfa_enabled").is_none());
    assert!(acct["attributes"].get("ebs_default_encryption").is_none());

    let (code, replay, stderr) = common::run_json(&["scan", "--format", "json", "--inventory", p]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(replay["errors"], Value::Array(vec![]), "{stderr}");
    let rules = rule_ids(&replay);
    assert!(rules.contains("GUARDDUTY.ENABLED"), "{rules:?}");
    assert!(
        rules
            .iter()
            .all(|r| r.starts_with("S3.") || r.starts_with("GUARDDUTY.")),
        "{rules:?}"
    );
}

#[test]
fn collect_then_scan_inventory_gives_the_same_findings() {
    let moto = Moto::get();
    let _g = moto.lock();
    runtime().block_on(async {
        seed_s3(moto).await;
        seed_network(moto).await;
    });
    let (code, direct, stderr) = scan_json(moto, &[]);
    assert_eq!(direct["errors"], Value::Array(vec![]), "{stderr}");
    assert_eq!(code, 1, "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.json");
    let p = path.to_str().unwrap();
    let saved = collect_file(moto, &path, &[]);
    assert!(saved["collected_at"].is_string());
    assert_eq!(saved["sha256"].as_str().map(str::len), Some(64));
    // A live inventory follows the published schema like a plan's.
    let schema: Value = serde_json::from_slice(
        &std::fs::read(common::repo().join("schema/inventory.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&saved)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let (code, replay, stderr) = common::run_json(&["scan", "--format", "json", "--inventory", p]);
    assert_eq!(code, 1, "{stderr}");
    let key = |r: &Value| -> Vec<(String, String, String, String, String)> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule_id"].to_string(),
                    f["resource"]["id"].to_string(),
                    f["status"].to_string(),
                    f["message"].to_string(),
                    f["fingerprint"].to_string(),
                )
            })
            .collect()
    };
    assert!(!key(&direct).is_empty());
    assert_eq!(key(&direct), key(&replay));
    assert_eq!(direct["summary"], replay["summary"]);
    // The VM and the reference interpreter agree on a live inventory too (account rules
    // reading data.inventory, ages, not-collected values).
    let out = common::complyctl()
        .args(["scan", "--format", "json", "--inventory", p])
        .env("COMPLYCTL_ENGINE", "interpreter")
        .output()
        .unwrap();
    let interpreted: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(key(&interpreted), key(&replay));

    // A saved inventory whose resources were edited is refused.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"Suspended\"", "\"Enabled\"", 1)).unwrap();
    let out = common::complyctl()
        .args(["scan", "--inventory", p])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sha256"));
}

#[test]
fn one_rule_two_sources() {
    let moto = Moto::get();
    let _g = moto.lock();
    runtime().block_on(async {
        let s3 = moto.s3(REGION).await;
        s3.create_bucket().bucket("media-raw").send().await.unwrap();
    });
    // The same bucket, unversioned, in a plan.
    let plan = serde_json::json!({
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": [{
            "address": "aws_s3_bucket.raw", "mode": "managed", "type": "aws_s3_bucket", "name": "raw",
            "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"bucket": "media-raw"}
        }]}},
        "resource_changes": [{
            "address": "aws_s3_bucket.raw", "mode": "managed", "type": "aws_s3_bucket", "name": "raw",
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["create"], "before": null, "after": {"bucket": "media-raw"},
                       "after_unknown": {"id": true, "arn": true}}
        }],
        "configuration": {"root_module": {"resources": [{
            "address": "aws_s3_bucket.raw", "mode": "managed", "type": "aws_s3_bucket", "name": "raw",
            "provider_config_key": "aws", "expressions": {"bucket": {"constant_value": "media-raw"}}
        }]}}
    });
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.json");
    std::fs::write(&plan_path, serde_json::to_vec(&plan).unwrap()).unwrap();
    let (_, live, stderr) = scan_json(moto, &[]);
    let (_, planned, _) = common::run_json(&[
        "scan",
        "--format",
        "json",
        "--plan",
        plan_path.to_str().unwrap(),
    ]);
    let live_f = finding(&live, "S3.VERSIONING", &bucket_arn("media-raw"));
    let plan_f = finding(&planned, "S3.VERSIONING", "aws_s3_bucket.raw");
    assert_eq!(live_f["status"], "fail", "{stderr}");
    assert_eq!(plan_f["status"], "fail");
    assert_eq!(live_f["controls"], plan_f["controls"]);
    assert_eq!(live_f["resource"]["name"], "media-raw");
    assert_eq!(plan_f["resource"]["name"], "media-raw");
}

#[test]
fn pagination_at_scale() {
    const USERS: usize = 1500;
    const BUCKETS: usize = 1100;
    let moto = Moto::get();
    let _g = moto.lock();
    let started = Instant::now();
    runtime().block_on(async {
        let conf = moto.config(REGION).await;
        let iam = aws_sdk_iam::Client::new(&conf);
        let s3 = moto.s3(REGION).await;
        let limit = std::sync::Arc::new(tokio::sync::Semaphore::new(16));
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..USERS {
            let (iam, limit) = (iam.clone(), limit.clone());
            tasks.spawn(async move {
                let _p = limit.acquire().await.unwrap();
                iam.create_user()
                    .user_name(format!("user-{i:04}"))
                    .send()
                    .await
                    .unwrap();
            });
        }
        for i in 0..BUCKETS {
            let (s3, limit) = (s3.clone(), limit.clone());
            tasks.spawn(async move {
                let _p = limit.acquire().await.unwrap();
                s3.create_bucket()
                    .bucket(format!("bucket-{i:04}"))
                    .send()
                    .await
                    .unwrap();
            });
        }
        while let Some(r) = tasks.join_next().await {
            r.unwrap();
        }
    });
    eprintln!(
        "seeded {USERS} users and {BUCKETS} buckets in {:?}",
        started.elapsed()
    );
    let started = Instant::now();
    let (code, inv, stderr) = collect_json(moto, &[]);
    eprintln!("collected in {:?}", started.elapsed());
    assert_eq!(code, 0, "{stderr}");
    let users = of_kind(&inv, "aws.iam.user");
    let buckets = of_kind(&inv, "aws.s3.bucket");
    assert_eq!(users.len(), USERS);
    assert_eq!(buckets.len(), BUCKETS);
    let mut names: Vec<&str> = buckets.iter().filter_map(|b| b["name"].as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), BUCKETS, "no bucket twice");
    assert_eq!(names.first().copied(), Some("bucket-0000"));
    assert_eq!(names.last().copied(), Some("bucket-1099"));
}

#[test]
fn role_arn_scans_each_account_under_its_own_id() {
    const OTHER: &str = "210987654321";
    let moto = Moto::get();
    let _g = moto.lock();
    runtime().block_on(async {
        // Seed the other account through credentials of a role assumed into it.
        let base = moto.config(REGION).await;
        let sts = aws_sdk_sts::Client::new(&base);
        let creds = sts
            .assume_role()
            .role_arn(format!("arn:aws:iam::{OTHER}:role/audit"))
            .role_session_name("seed")
            .send()
            .await
            .unwrap();
        let c = creds.credentials().unwrap();
        let conf = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new(REGION))
            .endpoint_url(&moto.url)
            .credentials_provider(aws_sdk_s3::config::Credentials::new(
                c.access_key_id(),
                c.secret_access_key(),
                Some(c.session_token().to_string()),
                None,
                "test",
            ))
            .load()
            .await;
        let s3 = aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&conf)
                .force_path_style(true)
                .build(),
        );
        s3.create_bucket()
            .bucket("other-account-bucket")
            .send()
            .await
            .unwrap();
        let own = moto.s3(REGION).await;
        own.create_bucket()
            .bucket("own-account-bucket")
            .send()
            .await
            .unwrap();
    });
    let role = format!("arn:aws:iam::{OTHER}:role/audit");
    let (code, inv, stderr) = collect_json(moto, &["--role-arn", &role]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(inv["sources"][0]["account"], OTHER);
    let buckets = of_kind(&inv, "aws.s3.bucket");
    assert!(
        buckets.iter().all(|b| b["account"] == OTHER),
        "every resource is reported under the assumed role's account"
    );
    assert!(
        resource(&inv, &format!("arn:aws:::{OTHER}:account/{REGION}"))["attributes"]["account_id"]
            == OTHER
    );
}

#[test]
fn unreachable_endpoint_is_a_clear_usage_error() {
    let moto = Moto::get();
    let _g = moto.lock();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let out = common::complyctl()
        .args([
            "scan",
            "--aws",
            "--region",
            REGION,
            "--max-attempts",
            "1",
            "--endpoint-url",
            &format!("http://127.0.0.1:{port}"),
        ])
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("GetCallerIdentity"), "{stderr}");
    assert!(
        !stderr.contains("testing"),
        "no credentials in messages: {stderr}"
    );
}

#[test]
fn region_all_scans_every_enabled_region() {
    let moto = Moto::get();
    let _g = moto.lock();
    let out = moto
        .complyctl(&["collect", "--region", "all"])
        .output()
        .expect("run complyctl");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let inv: Value = serde_json::from_slice(&out.stdout).expect("json");
    let regions: Vec<&str> = inv["sources"][0]["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(regions.len() > 10, "DescribeRegions: {regions:?}");
    assert!(regions.contains(&"eu-west-1") && regions.contains(&REGION));
    // One account resource per region, each complete.
    let accounts = of_kind(&inv, "aws.account");
    assert_eq!(accounts.len(), regions.len());
    assert!(accounts.iter().all(|a| !a["attributes"]["collection"]
        .to_string()
        .contains("not_collected")));
    // Account-wide facts are judged once, in the home region; regional ones in every region.
    let homes: Vec<&Value> = accounts
        .iter()
        .filter(|a| a["attributes"]["home_region"] == true)
        .map(|a| &a["region"])
        .collect();
    assert_eq!(homes, vec![&Value::from(REGION)]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.json");
    std::fs::write(&path, &out.stdout).unwrap();
    let out = common::complyctl()
        .args(["scan", "--format", "json", "--inventory"])
        .arg(&path)
        .output()
        .expect("run complyctl");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json report");
    let count = |rule: &str| {
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["rule_id"] == rule)
            .count()
    };
    assert_eq!(count("IAM.ROOT_MFA"), 1);
    assert_eq!(count("IAM.PASSWORD_POLICY_LENGTH"), 1);
    assert_eq!(count("S3.ACCOUNT_PUBLIC_ACCESS_BLOCK"), 1);
    assert_eq!(count("GUARDDUTY.ENABLED"), regions.len());
}

#[test]
fn profile_supplies_credentials_and_the_default_region() {
    let moto = Moto::get();
    let _g = moto.lock();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::write(
        &config,
        "[profile audit]\nregion = eu-west-1\naws_access_key_id = testing\naws_secret_access_key = testing\n",
    )
    .unwrap();
    let out = common::complyctl()
        .args([
            "collect",
            "--aws",
            "--profile",
            "audit",
            "--endpoint-url",
            &moto.url,
        ])
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .env("AWS_CONFIG_FILE", &config)
        .env("AWS_SHARED_CREDENTIALS_FILE", dir.path().join("none"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let inv: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(inv["sources"][0]["account"], ACCOUNT);
    assert_eq!(
        inv["sources"][0]["regions"],
        serde_json::json!(["eu-west-1"])
    );

    // Without a region anywhere, complyctl asks for one instead of guessing.
    let out = moto.complyctl(&["collect"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no AWS region"));
}

/// The nightly audit job against a live account: yesterday's JSON report as `--previous`, an
/// evidence bundle, an HTML report that renders offline, and a bundle an auditor can verify.
#[test]
fn nightly_live_audit_with_trend_and_evidence() {
    let moto = Moto::get();
    let _g = moto.lock();
    let rt = runtime();
    rt.block_on(seed_s3(moto));
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last.json");
    let (code, first, stderr) = scan_json(moto, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        status(&first, "S3.PUBLIC_ACCESS_BLOCK", &bucket_arn("bad-bucket")),
        "fail"
    );
    std::fs::write(&last, serde_json::to_vec_pretty(&first).unwrap()).unwrap();

    // During the day: bad-bucket's public access block is fixed, a new bucket has none.
    rt.block_on(async {
        let s3 = moto.s3(REGION).await;
        s3.put_public_access_block()
            .bucket("bad-bucket")
            .public_access_block_configuration(
                s3t::PublicAccessBlockConfiguration::builder()
                    .block_public_acls(true)
                    .ignore_public_acls(true)
                    .block_public_policy(true)
                    .restrict_public_buckets(true)
                    .build(),
            )
            .send()
            .await
            .unwrap();
        s3.create_bucket()
            .bucket("new-bucket")
            .send()
            .await
            .unwrap();
    });

    let out = dir.path().join("out");
    let (code, report, stderr) = scan_json(
        moto,
        &[
            "--previous",
            common::path_str(&last),
            "--evidence-dir",
            common::path_str(&out),
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["errors"], Value::Array(vec![]), "{stderr}");
    let has = |list: &Value, rule: &str, id: &str| {
        list.as_array()
            .expect("trend list")
            .iter()
            .any(|f| f["rule_id"] == rule && f["resource_id"] == id)
    };
    let trend = &report["trend"];
    assert!(has(
        &trend["resolved"],
        "S3.PUBLIC_ACCESS_BLOCK",
        &bucket_arn("bad-bucket")
    ));
    assert!(has(
        &trend["new"],
        "S3.PUBLIC_ACCESS_BLOCK",
        &bucket_arn("new-bucket")
    ));
    assert!(!has(
        &trend["new"],
        "S3.PUBLIC_ACCESS_BLOCK",
        &bucket_arn("bad-bucket")
    ));

    // The HTML report: every framework's scorecard and the trend.
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let frameworks = report["frameworks"].as_array().unwrap();
    assert_eq!(frameworks.len(), 7);
    for fw in frameworks {
        let id = fw["id"].as_str().unwrap();
        assert!(html.contains(&format!("id=\"fw-{id}\"")), "{id}");
    }
    assert_eq!(html.matches(">Scorecard</h3>").count(), 7);
    assert!(html.contains("Since the previous run"));
    assert!(html.contains("arn:aws:s3:::new-bucket"));

    // It renders in a real browser without touching the network.
    if let Some(bin) = common::browser::chromium() {
        let (dom, stderr) = common::browser::run_chromium(
            &bin,
            &out.join("report.html"),
            &dir.path().join("profile"),
            &["--dump-dom"],
        );
        assert!(
            common::browser::console_lines(&stderr).is_empty(),
            "{stderr}"
        );
        let total = report["findings"].as_array().unwrap().len();
        assert!(dom.contains(&format!("{total} of {total} findings shown")));
    }

    // The bundle verifies, and stops verifying when one byte of the inventory changes.
    let verify = || {
        common::complyctl()
            .args(["evidence", "verify", common::path_str(&out)])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(verify(), Some(0));
    let inv_path = out.join("inventory.json");
    let mut inv = std::fs::read(&inv_path).unwrap();
    let at = inv
        .windows(10)
        .position(|w| w == b"new-bucket")
        .expect("the inventory holds the bucket");
    inv[at] = b'N';
    std::fs::write(&inv_path, &inv).unwrap();
    assert_eq!(verify(), Some(1));
}
