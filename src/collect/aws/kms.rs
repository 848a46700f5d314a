//! KMS (regional): customer managed keys with their rotation status. AWS managed keys are
//! skipped (AWS rotates them; customers cannot change them).

use aws_sdk_kms::Client;
use serde_json::{json, Map};

use super::util::tags;
use super::{not_collected, Account, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "kms";

pub async fn collect(acct: &Account, region: &str) -> Collected {
    let client = Client::new(&acct.config(region));
    let mut out = Collected::default();
    let r = Some(region);
    let ids: Vec<String> = match acct.pages(client.list_keys().into_paginator().send()).await {
        Ok(pages) => pages
            .iter()
            .flat_map(|p| p.keys())
            .filter_map(|k| k.key_id().map(str::to_string))
            .collect(),
        Err(e) => {
            out.fail(acct, SERVICE, r, "ListKeys", &e, true);
            return out;
        }
    };
    // Aliases name keys in reports; without them the key id does.
    let mut aliases: std::collections::HashMap<String, String> = Default::default();
    match acct
        .pages(client.list_aliases().into_paginator().send())
        .await
    {
        Ok(pages) => {
            for a in pages.iter().flat_map(|p| p.aliases()) {
                if let (Some(k), Some(n)) = (a.target_key_id(), a.alias_name()) {
                    aliases
                        .entry(k.to_string())
                        .or_insert_with(|| n.to_string());
                }
            }
        }
        Err(e) => out.fail(acct, SERVICE, r, "ListAliases", &e, false),
    }
    for id in ids {
        let meta = match acct.call(client.describe_key().key_id(&id).send()).await {
            Ok(o) => match o.key_metadata() {
                Some(m) => m.clone(),
                None => continue,
            },
            Err(e) => {
                out.fail(acct, SERVICE, r, "DescribeKey", &e, true);
                continue;
            }
        };
        let manager = meta.key_manager().map(|m| m.as_str()).unwrap_or("CUSTOMER");
        if manager == "AWS" {
            continue;
        }
        let spec = meta
            .key_spec()
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "SYMMETRIC_DEFAULT".to_string());
        let usage = meta
            .key_usage()
            .map(|u| u.as_str())
            .unwrap_or("ENCRYPT_DECRYPT");
        let state = meta.key_state().map(|s| s.as_str()).unwrap_or("Enabled");
        let origin = meta.origin().map(|o| o.as_str()).unwrap_or("AWS_KMS");
        // Only symmetric encryption keys with AWS-generated material can rotate automatically;
        // KMS rejects the question for others, and keys pending deletion cannot be read.
        let rotatable = spec == "SYMMETRIC_DEFAULT"
            && usage == "ENCRYPT_DECRYPT"
            && origin == "AWS_KMS"
            && !state.starts_with("Pending");
        let rotation = if rotatable {
            match acct
                .call(client.get_key_rotation_status().key_id(&id).send())
                .await
            {
                Ok(o) => json!(o.key_rotation_enabled()),
                Err(e) => {
                    out.fail(acct, SERVICE, r, "GetKeyRotationStatus", &e, false);
                    not_collected()
                }
            }
        } else {
            json!(false)
        };
        let key_tags = match acct
            .call(client.list_resource_tags().key_id(&id).send())
            .await
        {
            Ok(o) => tags(
                o.tags()
                    .iter()
                    .map(|t| (Some(t.tag_key()), Some(t.tag_value()))),
            ),
            Err(e) => {
                out.fail(acct, SERVICE, r, "ListResourceTags", &e, false);
                Default::default()
            }
        };
        let arn = meta
            .arn()
            .map(str::to_string)
            .unwrap_or_else(|| acct.arn("kms", region, &format!("key/{id}")));
        let mut a = Map::new();
        a.insert("key_id".into(), json!(meta.key_id()));
        a.insert("arn".into(), json!(arn));
        a.insert("key_manager".into(), json!(manager));
        a.insert("key_spec".into(), json!(spec));
        a.insert("key_usage".into(), json!(usage));
        a.insert("key_state".into(), json!(state));
        a.insert("rotation_enabled".into(), rotation);
        a.insert(
            "multi_region".into(),
            json!(meta.multi_region().unwrap_or(false)),
        );
        let name = aliases.get(&id).cloned().unwrap_or_else(|| id.clone());
        out.resources
            .push(acct.resource(Kind::KmsKey, arn, name, r, key_tags, a));
    }
    out
}
