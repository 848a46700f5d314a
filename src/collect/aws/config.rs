//! AWS Config (regional): configuration recorders and whether they are recording.

use std::collections::HashMap;

use aws_sdk_config::Client;
use serde_json::{json, Map, Value};

use super::util::opt_str;
use super::{not_collected, Account, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "config";

pub async fn collect(acct: &Account, region: &str) -> Collected {
    let client = Client::new(&acct.config(region));
    let mut out = Collected::default();
    let r = Some(region);
    let (recorders, statuses) = tokio::join!(
        acct.call(client.describe_configuration_recorders().send()),
        acct.call(client.describe_configuration_recorder_status().send()),
    );
    let recorders = match recorders {
        Ok(o) => o.configuration_recorders().to_vec(),
        Err(e) => {
            out.fail(acct, SERVICE, r, "DescribeConfigurationRecorders", &e, true);
            return out;
        }
    };
    let statuses: Option<HashMap<String, (bool, Option<String>)>> = match statuses {
        Ok(o) => Some(
            o.configuration_recorders_status()
                .iter()
                .filter_map(|s| {
                    s.name().map(|n| {
                        (
                            n.to_string(),
                            (
                                s.recording(),
                                s.last_status().map(|x| x.as_str().to_string()),
                            ),
                        )
                    })
                })
                .collect(),
        ),
        Err(e) => {
            out.fail(
                acct,
                SERVICE,
                r,
                "DescribeConfigurationRecorderStatus",
                &e,
                false,
            );
            None
        }
    };
    for rec in recorders {
        let name = rec.name().unwrap_or("default").to_string();
        let group = rec.recording_group();
        let (recording, last_status) = match &statuses {
            Some(m) => match m.get(&name) {
                Some((rec, last)) => (json!(rec), opt_str(last.as_deref())),
                None => (json!(false), Value::Null),
            },
            None => (not_collected(), not_collected()),
        };
        let mut a = Map::new();
        a.insert("recorder_name".into(), json!(name));
        a.insert(
            "all_supported".into(),
            json!(group.map(|g| g.all_supported()).unwrap_or(true)),
        );
        a.insert(
            "include_global_resource_types".into(),
            json!(group
                .map(|g| g.include_global_resource_types())
                .unwrap_or(false)),
        );
        a.insert("recording".into(), recording);
        a.insert("last_status".into(), last_status);
        a.insert("role_arn".into(), opt_str(rec.role_arn()));
        let arn = rec.arn().map(str::to_string).unwrap_or_else(|| {
            acct.arn("config", region, &format!("configuration-recorder/{name}"))
        });
        out.resources.push(acct.resource(
            Kind::ConfigRecorder,
            arn,
            name,
            r,
            Default::default(),
            a,
        ));
    }
    out
}
