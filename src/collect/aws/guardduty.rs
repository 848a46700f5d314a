//! GuardDuty (regional): detectors and their status. A region without a detector has
//! GuardDuty off; that is data (no resource), not an error.

use std::collections::BTreeMap;

use aws_sdk_guardduty::Client;
use serde_json::{json, Map, Value};

use super::{not_collected, Account, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "guardduty";

pub async fn collect(acct: &Account, region: &str) -> Collected {
    let client = Client::new(&acct.config(region));
    let mut out = Collected::default();
    let r = Some(region);
    let ids: Vec<String> = match acct
        .pages(client.list_detectors().into_paginator().send())
        .await
    {
        Ok(pages) => pages
            .iter()
            .flat_map(|p| p.detector_ids())
            .cloned()
            .collect(),
        Err(e) => {
            out.fail(acct, SERVICE, r, "ListDetectors", &e, true);
            return out;
        }
    };
    for id in ids {
        let (status, frequency, tags) = match acct
            .call(client.get_detector().detector_id(&id).send())
            .await
        {
            Ok(d) => (
                d.status().map(|s| json!(s.as_str())).unwrap_or(Value::Null),
                d.finding_publishing_frequency()
                    .map(|f| json!(f.as_str()))
                    .unwrap_or(Value::Null),
                d.tags()
                    .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                    .unwrap_or_default(),
            ),
            Err(e) => {
                out.fail(acct, SERVICE, r, "GetDetector", &e, false);
                (not_collected(), not_collected(), BTreeMap::new())
            }
        };
        let mut a = Map::new();
        a.insert("detector_id".into(), json!(id));
        a.insert("status".into(), status);
        a.insert("finding_publishing_frequency".into(), frequency);
        out.resources.push(acct.resource(
            Kind::GuarddutyDetector,
            acct.arn("guardduty", region, &format!("detector/{id}")),
            id.clone(),
            r,
            tags,
            a,
        ));
    }
    out
}
