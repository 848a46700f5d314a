//! Security Hub (regional): the hub and its enabled standards. A region where Security Hub
//! is not enabled has no hub resource; that is data, not an error.

use aws_sdk_securityhub::Client;
use serde_json::{json, Map, Value};

use super::{not_collected, Account, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "securityhub";

/// DescribeHub's answers for "Security Hub is not enabled in this account and region".
const NOT_ENABLED: &[&str] = &["InvalidAccessException", "ResourceNotFoundException"];

pub async fn collect(acct: &Account, region: &str) -> Collected {
    let client = Client::new(&acct.config(region));
    let mut out = Collected::default();
    let r = Some(region);
    let hub = match acct.call(client.describe_hub().send()).await {
        Ok(h) => h,
        Err(e) if e.has_code(NOT_ENABLED) => return out,
        Err(e) => {
            out.fail(acct, SERVICE, r, "DescribeHub", &e, true);
            return out;
        }
    };
    let standards = match acct
        .pages(client.get_enabled_standards().into_paginator().send())
        .await
    {
        Ok(pages) => {
            let mut v: Vec<Value> = pages
                .iter()
                .flat_map(|p| p.standards_subscriptions())
                .map(|s| {
                    json!({
                        "arn": s.standards_arn(),
                        "status": s.standards_status().map(|x| x.as_str()),
                    })
                })
                .collect();
            v.sort_by(|a, b| a["arn"].as_str().cmp(&b["arn"].as_str()));
            Value::Array(v)
        }
        Err(e) => {
            out.fail(acct, SERVICE, r, "GetEnabledStandards", &e, false);
            not_collected()
        }
    };
    let arn = hub
        .hub_arn()
        .map(str::to_string)
        .unwrap_or_else(|| acct.arn("securityhub", region, "hub/default"));
    let mut a = Map::new();
    a.insert("hub_arn".into(), json!(arn));
    a.insert("enabled".into(), json!(true));
    a.insert("standards".into(), standards);
    a.insert(
        "auto_enable_controls".into(),
        json!(hub.auto_enable_controls().unwrap_or(true)),
    );
    out.resources.push(acct.resource(
        Kind::SecurityhubHub,
        arn,
        format!("securityhub {region}"),
        r,
        Default::default(),
        a,
    ));
    out
}
