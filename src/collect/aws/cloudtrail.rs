//! CloudTrail (regional): trails whose home region this is, with their logging status and
//! event selectors. Multi-region trails are reported once, in their home region.

use aws_sdk_cloudtrail::Client;
use serde_json::{json, Map, Value};

use super::util::opt_str;
use super::{not_collected, Account, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "cloudtrail";

pub async fn collect(acct: &Account, region: &str) -> Collected {
    let client = Client::new(&acct.config(region));
    let mut out = Collected::default();
    let r = Some(region);
    let trails = match acct
        .call(client.describe_trails().include_shadow_trails(false).send())
        .await
    {
        Ok(o) => o.trail_list().to_vec(),
        Err(e) => {
            out.fail(acct, SERVICE, r, "DescribeTrails", &e, true);
            return out;
        }
    };
    for t in trails {
        let name = t.name().unwrap_or_default().to_string();
        let arn = t
            .trail_arn()
            .map(str::to_string)
            .unwrap_or_else(|| acct.arn("cloudtrail", region, &format!("trail/{name}")));
        let (status, selectors) = tokio::join!(
            acct.call(client.get_trail_status().name(&arn).send()),
            acct.call(client.get_event_selectors().trail_name(&arn).send()),
        );
        let is_logging = match status {
            Ok(s) => json!(s.is_logging().unwrap_or(false)),
            Err(e) => {
                out.fail(acct, SERVICE, r, "GetTrailStatus", &e, false);
                not_collected()
            }
        };
        let event_selectors = match selectors {
            Ok(s) => {
                let mut v: Vec<Value> = s
                    .event_selectors()
                    .iter()
                    .map(|e| {
                        json!({
                            "ReadWriteType": e.read_write_type().map(|x| x.as_str()),
                            "IncludeManagementEvents": e.include_management_events(),
                            "DataResources": e.data_resources().iter().map(|d| json!({"Type": d.r#type(), "Values": d.values()})).collect::<Vec<_>>(),
                            "ExcludeManagementEventSources": e.exclude_management_event_sources(),
                        })
                    })
                    .collect();
                v.extend(s.advanced_event_selectors().iter().map(|a| {
                    json!({
                        "Name": a.name(),
                        "FieldSelectors": a.field_selectors().iter().map(|f| json!({
                            "Field": f.field(),
                            "Equals": f.equals(),
                            "StartsWith": f.starts_with(),
                            "EndsWith": f.ends_with(),
                            "NotEquals": f.not_equals(),
                            "NotStartsWith": f.not_starts_with(),
                            "NotEndsWith": f.not_ends_with(),
                        })).collect::<Vec<_>>(),
                    })
                }));
                Value::Array(v)
            }
            Err(e) => {
                out.fail(acct, SERVICE, r, "GetEventSelectors", &e, false);
                not_collected()
            }
        };
        let mut a = Map::new();
        a.insert("trail_name".into(), json!(name));
        a.insert("arn".into(), json!(arn));
        a.insert(
            "is_multi_region".into(),
            json!(t.is_multi_region_trail().unwrap_or(false)),
        );
        a.insert(
            "include_global_service_events".into(),
            json!(t.include_global_service_events().unwrap_or(false)),
        );
        a.insert(
            "log_file_validation".into(),
            json!(t.log_file_validation_enabled().unwrap_or(false)),
        );
        a.insert("kms_key_id".into(), opt_str(t.kms_key_id()));
        a.insert("s3_bucket_name".into(), opt_str(t.s3_bucket_name()));
        a.insert("is_logging".into(), is_logging);
        a.insert(
            "home_region".into(),
            opt_str(t.home_region().or(Some(region))),
        );
        a.insert(
            "cloudwatch_logs_log_group_arn".into(),
            opt_str(t.cloud_watch_logs_log_group_arn()),
        );
        a.insert("event_selectors".into(), event_selectors);
        out.resources.push(acct.resource(
            Kind::CloudtrailTrail,
            arn,
            name,
            r,
            Default::default(),
            a,
        ));
    }
    out
}
