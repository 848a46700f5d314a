//! EKS (regional): clusters (endpoint access, public CIDRs, logging, secrets encryption,
//! version) and their node groups.

use std::collections::BTreeMap;

use aws_sdk_eks::Client;
use serde_json::{json, Map, Value};

use super::util::{opt_str, str_list};
use super::{not_collected, Account, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "eks";

fn tag_map(t: Option<&std::collections::HashMap<String, String>>) -> BTreeMap<String, String> {
    t.map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default()
}

pub async fn collect(acct: &Account, region: &str) -> Collected {
    let client = Client::new(&acct.config(region));
    let mut out = Collected::default();
    let r = Some(region);
    let names: Vec<String> = match acct
        .pages(client.list_clusters().into_paginator().send())
        .await
    {
        Ok(pages) => pages.iter().flat_map(|p| p.clusters()).cloned().collect(),
        Err(e) => {
            out.fail(acct, SERVICE, r, "ListClusters", &e, true);
            return out;
        }
    };
    for name in names {
        let cluster = match acct
            .call(client.describe_cluster().name(&name).send())
            .await
        {
            Ok(o) => o.cluster().cloned(),
            Err(e) => {
                out.fail(acct, SERVICE, r, "DescribeCluster", &e, true);
                continue;
            }
        };
        let Some(c) = cluster else { continue };
        let vpc = c.resources_vpc_config();
        let public = vpc.map(|v| v.endpoint_public_access()).unwrap_or(true);
        // EKS allows 0.0.0.0/0 when a public endpoint has no CIDR list.
        let cidrs: Vec<&str> = match vpc.map(|v| v.public_access_cidrs()) {
            Some(c) if !c.is_empty() => c.iter().map(String::as_str).collect(),
            _ if public => vec!["0.0.0.0/0"],
            _ => Vec::new(),
        };
        // EKS envelope encryption applies to Kubernetes secrets (the only resource type it
        // ever supported), so any encryption config with a KMS key is the secrets key.
        let key = c
            .encryption_config()
            .iter()
            .filter_map(|e| e.provider())
            .find_map(|p| p.key_arn());
        let mut log_types: Vec<&str> = c
            .logging()
            .map(|l| l.cluster_logging())
            .unwrap_or_default()
            .iter()
            .filter(|s| s.enabled() == Some(true))
            .flat_map(|s| s.types().iter().map(|t| t.as_str()))
            .collect();
        log_types.sort();
        log_types.dedup();

        let nodegroups = nodegroups(acct, &client, &name, region, &mut out).await;
        let ng_names = match &nodegroups {
            Some(list) => {
                let mut n: Vec<&str> = list.iter().map(|(n, _)| n.as_str()).collect();
                n.sort();
                str_list(n)
            }
            None => not_collected(),
        };
        let mut a = Map::new();
        a.insert("cluster_name".into(), json!(name));
        a.insert("version".into(), opt_str(c.version()));
        a.insert("endpoint_public_access".into(), json!(public));
        a.insert(
            "endpoint_private_access".into(),
            json!(vpc.map(|v| v.endpoint_private_access()).unwrap_or(false)),
        );
        a.insert("public_access_cidrs".into(), str_list(cidrs));
        a.insert("secrets_encryption_key".into(), opt_str(key));
        a.insert("enabled_log_types".into(), str_list(log_types));
        a.insert("nodegroups".into(), ng_names);
        let arn = c
            .arn()
            .map(str::to_string)
            .unwrap_or_else(|| acct.arn("eks", region, &format!("cluster/{name}")));
        out.resources.push(acct.resource(
            Kind::EksCluster,
            arn,
            name.clone(),
            r,
            tag_map(c.tags()),
            a,
        ));
        for (_, res) in nodegroups.unwrap_or_default() {
            out.resources.push(res);
        }
    }
    out
}

/// The node groups of one cluster, or None when they could not be listed.
async fn nodegroups(
    acct: &Account,
    client: &Client,
    cluster: &str,
    region: &str,
    out: &mut Collected,
) -> Option<Vec<(String, crate::inventory::Resource)>> {
    let r = Some(region);
    let names: Vec<String> = match acct
        .pages(
            client
                .list_nodegroups()
                .cluster_name(cluster)
                .into_paginator()
                .send(),
        )
        .await
    {
        Ok(pages) => pages.iter().flat_map(|p| p.nodegroups()).cloned().collect(),
        Err(e) => {
            out.fail(acct, SERVICE, r, "ListNodegroups", &e, true);
            return None;
        }
    };
    let mut list = Vec::new();
    for ng in names {
        let desc = acct
            .call(
                client
                    .describe_nodegroup()
                    .cluster_name(cluster)
                    .nodegroup_name(&ng)
                    .send(),
            )
            .await;
        let n = match desc {
            Ok(o) => match o.nodegroup() {
                Some(n) => n.clone(),
                None => continue,
            },
            Err(e) => {
                out.fail(acct, SERVICE, r, "DescribeNodegroup", &e, true);
                continue;
            }
        };
        let remote = n.remote_access().map(|ra| {
            json!({
                "ec2_ssh_key": ra.ec2_ssh_key(),
                "source_security_group_ids": ra.source_security_groups(),
            })
        });
        let mut a = Map::new();
        a.insert("nodegroup_name".into(), json!(ng));
        a.insert("cluster_name".into(), json!(cluster));
        a.insert("remote_access".into(), remote.unwrap_or(Value::Null));
        let arn = n
            .nodegroup_arn()
            .map(str::to_string)
            .unwrap_or_else(|| acct.arn("eks", region, &format!("nodegroup/{cluster}/{ng}")));
        let res = acct.resource(Kind::EksNodegroup, arn, ng.clone(), r, tag_map(n.tags()), a);
        list.push((ng, res));
    }
    Some(list)
}
