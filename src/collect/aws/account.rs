//! The `aws.account` resource: one per account and region, assembled from what the
//! service collectors contributed (EBS default encryption from EC2, root user facts from IAM)
//! and a record of which services were collected completely.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::{not_collected, Account, Collected};
use crate::inventory::{Kind, Resource, SERVICES, SKIPPED};

/// Account attributes and the service that provides each.
const FROM_SERVICE: &[(&str, &str)] = &[
    ("ebs_default_encryption", "ec2"),
    ("root_mfa_enabled", "iam"),
    ("root_hardware_mfa", "iam"),
    ("root_access_keys_present", "iam"),
    ("root_last_used", "iam"),
];

/// The id of the account resource of one region: `arn:<partition>:::<account>:account/<region>`.
pub fn account_arn(acct: &Account, region: &str) -> String {
    format!("arn:{}:::{}:account/{region}", acct.partition, acct.id)
}

/// The output of one service for this region: global services have one for all regions.
fn lookup<'a>(
    global: &'a BTreeMap<&str, Collected>,
    regional: &'a BTreeMap<(String, &str), Collected>,
    region: &str,
    service: &str,
) -> Option<&'a Collected> {
    global.get(service).or_else(|| {
        regional
            .iter()
            .find(|((r, s), _)| r == region && *s == service)
            .map(|(_, c)| c)
    })
}

/// The region whose account resource carries the account-wide (global) facts, so that
/// rules about them report once per account, not once per region: the region where the
/// partition's global services live when it was scanned, else the first scanned region.
pub fn home_region<'a>(partition: &str, regions: &'a [String]) -> Option<&'a String> {
    let global = match partition {
        "aws-us-gov" => "us-gov-west-1",
        "aws-cn" => "cn-north-1",
        _ => "us-east-1",
    };
    regions
        .iter()
        .find(|r| r.as_str() == global)
        .or_else(|| regions.iter().min())
}

/// The `aws.account` resource of one region; `home` when it is the account's home region,
/// `selected` says which services the scan was asked to collect.
pub fn account_resource(
    acct: &Account,
    region: &str,
    home: bool,
    selected: &dyn Fn(&str) -> bool,
    global: &BTreeMap<&str, Collected>,
    regional: &BTreeMap<(String, &str), Collected>,
) -> Resource {
    let mut attrs = Map::new();
    attrs.insert("account_id".into(), json!(acct.id));
    attrs.insert("region".into(), json!(region));
    attrs.insert("home_region".into(), json!(home));
    let lookup = |service: &str| lookup(global, regional, region, service);
    // A service left out on purpose contributes nothing: its rules do not apply, and a
    // not-collected marker would turn the account's other unknowns into errors.
    for (attr, service) in FROM_SERVICE.iter().filter(|(_, s)| selected(s)) {
        let v = lookup(service)
            .and_then(|c| c.account.get(*attr).cloned())
            .unwrap_or_else(not_collected);
        attrs.insert((*attr).into(), v);
    }
    // Which services' inventories are complete for this account and region. A rule that
    // reads other kinds from data.inventory (e.g. "a GuardDuty detector exists") must treat
    // a not-collected service as unknown, never as absence; a skipped one is out of scope.
    let mut collection = Map::new();
    for &service in SERVICES {
        let v = match lookup(service) {
            _ if !selected(service) => json!(SKIPPED),
            Some(c) if !c.incomplete => json!("complete"),
            _ => not_collected(),
        };
        collection.insert(service.into(), v);
    }
    attrs.insert("collection".into(), Value::Object(collection));
    acct.resource(
        Kind::Account,
        account_arn(acct, region),
        format!("{}/{region}", acct.id),
        Some(region),
        BTreeMap::new(),
        attrs,
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::Arc;

    use super::super::REGIONAL;
    use super::*;
    use crate::inventory::unknown::contains_not_collected;

    fn acct() -> Account {
        Account {
            id: "123456789012".into(),
            partition: "aws".into(),
            config: aws_config::SdkConfig::builder().build(),
            endpoint_url: None,
            limiter: Arc::new(tokio::sync::Semaphore::new(1)),
        }
    }

    #[test]
    fn a_failed_service_is_not_collected_on_the_account_resource() {
        let a = acct();
        let mut global = BTreeMap::new();
        let mut iam = Collected::default();
        for k in [
            "root_mfa_enabled",
            "root_hardware_mfa",
            "root_access_keys_present",
        ] {
            iam.account.insert(k.into(), json!(true));
        }
        iam.account.insert("root_last_used".into(), Value::Null);
        global.insert("iam", iam);
        global.insert("s3", Collected::default());
        let mut regional = BTreeMap::new();
        let mut ec2 = Collected::default();
        ec2.account
            .insert("ebs_default_encryption".into(), json!(true));
        regional.insert(("us-east-1".to_string(), "ec2"), ec2);
        for s in ["eks", "cloudtrail", "config", "securityhub", "kms"] {
            regional.insert(("us-east-1".to_string(), s), Collected::default());
        }
        let gd = Collected {
            incomplete: true,
            ..Collected::default()
        };
        regional.insert(("us-east-1".to_string(), "guardduty"), gd);

        let all = |_: &str| true;
        let r = account_resource(&a, "us-east-1", true, &all, &global, &regional);
        assert_eq!(r.id, "arn:aws:::123456789012:account/us-east-1");
        assert_eq!(r.attributes["ebs_default_encryption"], json!(true));
        assert_eq!(r.attributes["root_mfa_enabled"], json!(true));
        assert_eq!(r.attributes["collection"]["ec2"], json!("complete"));
        assert_eq!(
            r.attributes["collection"]["guardduty"],
            json!({"$unknown": "not_collected"})
        );
        assert!(contains_not_collected(&r.attributes));

        // A region whose EC2 task never reported: its attributes are not collected either.
        let r = account_resource(&a, "eu-west-1", false, &all, &global, &regional);
        assert_eq!(
            r.attributes["ebs_default_encryption"],
            json!({"$unknown": "not_collected"})
        );
        assert_eq!(r.attributes["root_access_keys_present"], json!(true));
    }

    #[test]
    fn every_collector_is_a_service_of_the_inventory() {
        let collectors: BTreeSet<&str> = ["iam", "s3"]
            .into_iter()
            .chain(REGIONAL.iter().copied())
            .collect();
        let services: BTreeSet<&str> = SERVICES.iter().copied().collect();
        assert_eq!(collectors, services);
    }

    #[test]
    fn a_skipped_service_is_recorded_as_such_and_contributes_nothing() {
        let a = acct();
        let mut global = BTreeMap::new();
        let mut s3 = Collected::default();
        s3.account.insert("unused".into(), json!(true));
        global.insert("s3", s3);
        let only_s3 = |s: &str| s == "s3";
        let r = account_resource(&a, "us-east-1", true, &only_s3, &global, &BTreeMap::new());
        assert_eq!(r.attributes["collection"]["s3"], json!("complete"));
        for s in SERVICES.iter().filter(|s| **s != "s3") {
            assert_eq!(r.attributes["collection"][s], json!("skipped"), "{s}");
        }
        // No not-collected markers: nothing failed, the rest was not asked for.
        assert!(!contains_not_collected(&r.attributes));
        for (attr, _) in FROM_SERVICE {
            assert!(r.attributes.get(*attr).is_none(), "{attr}");
        }
    }

    #[test]
    fn home_region_is_the_partitions_global_region_or_the_first() {
        let r = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let regions = r(&["eu-west-1", "us-east-1", "ap-south-1"]);
        assert_eq!(
            home_region("aws", &regions).map(String::as_str),
            Some("us-east-1")
        );
        assert_eq!(
            home_region("aws-cn", &regions).map(String::as_str),
            Some("ap-south-1")
        );
        let gov = r(&["us-gov-east-1", "us-gov-west-1"]);
        assert_eq!(
            home_region("aws-us-gov", &gov).map(String::as_str),
            Some("us-gov-west-1")
        );
        assert_eq!(home_region("aws", &[]), None);
    }
}
