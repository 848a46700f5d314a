//! EC2 (regional): VPCs with their flow logs, subnets, security groups, network ACLs, and EBS
//! default encryption (an `aws.account` attribute).

use std::collections::{BTreeMap, HashMap};

use aws_sdk_ec2::types::{IpPermission, Tag};
use aws_sdk_ec2::Client;
use serde_json::{json, Map, Value};

use super::util::{opt_str, protocol, tags};
use super::{not_collected, Account, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "ec2";

fn ec2_tags(t: &[Tag]) -> BTreeMap<String, String> {
    tags(t.iter().map(|t| (t.key(), t.value())))
}

/// The `Name` tag, else the id.
fn display_name(t: &BTreeMap<String, String>, id: &str) -> String {
    t.get("Name")
        .filter(|n| !n.is_empty())
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

pub async fn collect(acct: &Account, region: &str) -> Collected {
    let client = Client::new(&acct.config(region));
    let mut out = Collected::default();
    let r = Some(region);

    let (ebs, vpcs, flow_logs, subnets, sgs, nacls) = tokio::join!(
        acct.call(client.get_ebs_encryption_by_default().send()),
        acct.pages(client.describe_vpcs().into_paginator().send()),
        acct.pages(client.describe_flow_logs().into_paginator().send()),
        acct.pages(client.describe_subnets().into_paginator().send()),
        acct.pages(client.describe_security_groups().into_paginator().send()),
        acct.pages(client.describe_network_acls().into_paginator().send()),
    );

    let ebs = match ebs {
        Ok(o) => json!(o.ebs_encryption_by_default().unwrap_or(false)),
        Err(e) => {
            out.fail(acct, SERVICE, r, "GetEbsEncryptionByDefault", &e, false);
            not_collected()
        }
    };
    out.account.insert("ebs_default_encryption".into(), ebs);

    // Flow logs by the VPC they watch.
    let flow_logs: Option<HashMap<String, Vec<Value>>> = match flow_logs {
        Ok(pages) => {
            let mut by_vpc: HashMap<String, Vec<Value>> = HashMap::new();
            for fl in pages.iter().flat_map(|p| p.flow_logs()) {
                let Some(res) = fl.resource_id().filter(|id| id.starts_with("vpc-")) else {
                    continue;
                };
                by_vpc.entry(res.to_string()).or_default().push(json!({
                    "id": fl.flow_log_id(),
                    "traffic_type": fl.traffic_type().map(|t| t.as_str()),
                    "destination_type": fl.log_destination_type().map(|t| t.as_str()),
                    "status": fl.flow_log_status(),
                }));
            }
            for v in by_vpc.values_mut() {
                v.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
            }
            Some(by_vpc)
        }
        Err(e) => {
            out.fail(acct, SERVICE, r, "DescribeFlowLogs", &e, false);
            None
        }
    };

    match vpcs {
        Ok(pages) => {
            for v in pages.iter().flat_map(|p| p.vpcs()) {
                let id = v.vpc_id().unwrap_or_default().to_string();
                let t = ec2_tags(v.tags());
                let logs = match &flow_logs {
                    Some(m) => Value::Array(m.get(&id).cloned().unwrap_or_default()),
                    None => not_collected(),
                };
                let mut a = Map::new();
                a.insert("vpc_id".into(), json!(id));
                a.insert("cidr_block".into(), opt_str(v.cidr_block()));
                a.insert("is_default".into(), json!(v.is_default().unwrap_or(false)));
                a.insert("flow_logs".into(), logs);
                out.resources.push(acct.resource(
                    Kind::Ec2Vpc,
                    acct.arn("ec2", region, &format!("vpc/{id}")),
                    display_name(&t, &id),
                    r,
                    t,
                    a,
                ));
            }
        }
        Err(e) => out.fail(acct, SERVICE, r, "DescribeVpcs", &e, true),
    }

    match subnets {
        Ok(pages) => {
            for s in pages.iter().flat_map(|p| p.subnets()) {
                let id = s.subnet_id().unwrap_or_default().to_string();
                let t = ec2_tags(s.tags());
                let arn = s
                    .subnet_arn()
                    .map(str::to_string)
                    .unwrap_or_else(|| acct.arn("ec2", region, &format!("subnet/{id}")));
                let mut a = Map::new();
                a.insert("subnet_id".into(), json!(id));
                a.insert("vpc_id".into(), opt_str(s.vpc_id()));
                a.insert("cidr_block".into(), opt_str(s.cidr_block()));
                a.insert(
                    "map_public_ip_on_launch".into(),
                    json!(s.map_public_ip_on_launch().unwrap_or(false)),
                );
                out.resources.push(acct.resource(
                    Kind::Ec2Subnet,
                    arn,
                    display_name(&t, &id),
                    r,
                    t,
                    a,
                ));
            }
        }
        Err(e) => out.fail(acct, SERVICE, r, "DescribeSubnets", &e, true),
    }

    match sgs {
        Ok(pages) => {
            for g in pages.iter().flat_map(|p| p.security_groups()) {
                let id = g.group_id().unwrap_or_default().to_string();
                let t = ec2_tags(g.tags());
                let arn = g
                    .security_group_arn()
                    .map(str::to_string)
                    .unwrap_or_else(|| acct.arn("ec2", region, &format!("security-group/{id}")));
                let name = g.group_name().unwrap_or_default();
                let mut a = Map::new();
                a.insert("group_id".into(), json!(id));
                a.insert("group_name".into(), json!(name));
                a.insert("vpc_id".into(), opt_str(g.vpc_id()));
                a.insert("description".into(), opt_str(g.description()));
                a.insert("is_default".into(), json!(name == "default"));
                a.insert(
                    "ingress".into(),
                    Value::Array(
                        g.ip_permissions()
                            .iter()
                            .map(|p| permission(p, &id))
                            .collect(),
                    ),
                );
                a.insert(
                    "egress".into(),
                    Value::Array(
                        g.ip_permissions_egress()
                            .iter()
                            .map(|p| permission(p, &id))
                            .collect(),
                    ),
                );
                let shown = if name.is_empty() {
                    id.clone()
                } else {
                    name.to_string()
                };
                out.resources
                    .push(acct.resource(Kind::Ec2SecurityGroup, arn, shown, r, t, a));
            }
        }
        Err(e) => out.fail(acct, SERVICE, r, "DescribeSecurityGroups", &e, true),
    }

    match nacls {
        Ok(pages) => {
            for n in pages.iter().flat_map(|p| p.network_acls()) {
                let id = n.network_acl_id().unwrap_or_default().to_string();
                let t = ec2_tags(n.tags());
                let mut entries: Vec<Value> = n
                    .entries()
                    .iter()
                    .map(|e| {
                        let proto = protocol(e.protocol());
                        let all = proto == json!("-1");
                        let pr = e.port_range();
                        json!({
                            "rule_number": e.rule_number(),
                            "egress": e.egress().unwrap_or(false),
                            "protocol": proto,
                            "action": e.rule_action().map(|a| a.as_str().to_ascii_lowercase()),
                            "cidr_ipv4": e.cidr_block(),
                            "cidr_ipv6": e.ipv6_cidr_block(),
                            "from_port": if all { None } else { pr.and_then(|p| p.from()) },
                            "to_port": if all { None } else { pr.and_then(|p| p.to()) },
                        })
                    })
                    .collect();
                entries.sort_by_key(|e| (e["egress"].as_bool(), e["rule_number"].as_i64()));
                let mut a = Map::new();
                a.insert("network_acl_id".into(), json!(id));
                a.insert("vpc_id".into(), opt_str(n.vpc_id()));
                a.insert("is_default".into(), json!(n.is_default().unwrap_or(false)));
                a.insert("entries".into(), Value::Array(entries));
                out.resources.push(acct.resource(
                    Kind::Ec2NetworkAcl,
                    acct.arn("ec2", region, &format!("network-acl/{id}")),
                    display_name(&t, &id),
                    r,
                    t,
                    a,
                ));
            }
        }
        Err(e) => out.fail(acct, SERVICE, r, "DescribeNetworkAcls", &e, true),
    }
    out
}

/// One EC2 IpPermission in the normalized shape: protocol `-1` covers all ports (null).
fn permission(p: &IpPermission, own_id: &str) -> Value {
    let proto = protocol(p.ip_protocol());
    let all = proto == json!("-1");
    let descriptions = p
        .ip_ranges()
        .iter()
        .filter_map(|r| r.description())
        .chain(p.ipv6_ranges().iter().filter_map(|r| r.description()))
        .chain(p.prefix_list_ids().iter().filter_map(|r| r.description()))
        .chain(
            p.user_id_group_pairs()
                .iter()
                .filter_map(|r| r.description()),
        )
        .find(|d| !d.is_empty());
    // EC2 lists a self-reference as a pair naming the group itself: that is `self`.
    let mut groups: Vec<&str> = Vec::new();
    let mut self_ref = false;
    for g in p
        .user_id_group_pairs()
        .iter()
        .filter_map(|pair| pair.group_id())
    {
        if g == own_id {
            self_ref = true;
        } else {
            groups.push(g);
        }
    }
    json!({
        "protocol": proto,
        "from_port": if all { None } else { p.from_port() },
        "to_port": if all { None } else { p.to_port() },
        "cidr_ipv4": p.ip_ranges().iter().filter_map(|r| r.cidr_ip()).collect::<Vec<_>>(),
        "cidr_ipv6": p.ipv6_ranges().iter().filter_map(|r| r.cidr_ipv6()).collect::<Vec<_>>(),
        "prefix_lists": p.prefix_list_ids().iter().filter_map(|r| r.prefix_list_id()).collect::<Vec<_>>(),
        "security_groups": groups,
        "self": self_ref,
        "description": descriptions,
    })
}
