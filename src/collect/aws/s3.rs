//! S3 (global listing): every bucket with its region and configuration, and the account-level
//! Block Public Access settings (S3 Control). AWS's "not found" answers mean "not configured".

use std::collections::{BTreeMap, HashMap};

use aws_sdk_s3::Client;
use serde_json::{json, Map, Value};

use super::util::{policy_document, tags};
use super::{not_collected, Account, ApiError, Collected};
use crate::inventory::{CollectionError, Kind, Resource};

const SERVICE: &str = "s3";

/// Error codes meaning "this bucket has no such configuration".
const NOT_CONFIGURED: &[&str] = &[
    "NoSuchBucketPolicy",
    "ServerSideEncryptionConfigurationNotFoundError",
    "NoSuchPublicAccessBlockConfiguration",
    "NoSuchLifecycleConfiguration",
    "ReplicationConfigurationNotFoundError",
    "ObjectLockConfigurationNotFoundError",
    "OwnershipControlsNotFoundError",
    "NoSuchTagSet",
    "NoSuchTagSetError",
];

fn client(acct: &Account, region: &str) -> Client {
    let mut b = aws_sdk_s3::config::Builder::from(&acct.config(region));
    if acct.endpoint_url.is_some() {
        b = b.force_path_style(true);
    }
    Client::from_conf(b.build())
}

/// Every bucket of the account; `regions` (the scanned ones) are where ListBuckets is asked
/// per region when it does not say where each bucket is.
pub async fn collect(acct: &Account, default_region: &str, regions: &[String]) -> Collected {
    let mut out = Collected::default();
    account_public_access_block(acct, default_region, &mut out).await;

    let home = client(acct, default_region);
    let mut buckets = match list_buckets(acct, &home, None).await {
        Ok(b) => b,
        Err(e) => {
            out.fail(acct, SERVICE, None, "ListBuckets", &e, true);
            return out;
        }
    };
    // AWS names each bucket's region in ListBuckets; emulators may not, and then each bucket
    // would cost a GetBucketLocation. Asking ListBuckets for the buckets of each scanned
    // region places most of them in a few requests (GetBucketLocation finds the rest).
    if buckets.iter().any(|(_, r)| r.is_none()) {
        let mut order = vec![default_region.to_string()];
        order.extend(regions.iter().filter(|r| *r != default_region).cloned());
        let placed = regions_from_filtered_lists(acct, &home, &buckets, &order).await;
        for (name, region) in &mut buckets {
            if region.is_none() {
                *region = placed.get(name.as_str()).cloned();
            }
        }
    }

    let mut clients: HashMap<String, Client> = HashMap::new();
    clients.insert(default_region.to_string(), home.clone());
    let mut tasks = tokio::task::JoinSet::new();
    for (name, listed_region) in buckets {
        let acct = acct.clone();
        let home = home.clone();
        // Regions are resolved inside the task; clients are cheap to clone once built.
        let known = listed_region.as_ref().and_then(|r| clients.get(r).cloned());
        tasks.spawn(async move {
            let mut errors = Vec::new();
            let region = match listed_region {
                Some(r) => r,
                None => match acct
                    .call(home.get_bucket_location().bucket(&name).send())
                    .await
                {
                    Ok(o) => location_region(o.location_constraint().map(|c| c.as_str())),
                    Err(e) => {
                        errors.push(acct.error(
                            SERVICE,
                            None,
                            "GetBucketLocation",
                            &scoped(&name, e),
                        ));
                        return (unreadable_bucket(&acct, &name), errors);
                    }
                },
            };
            let c = known.unwrap_or_else(|| client(&acct, &region));
            let res = bucket(&acct, &c, &name, &region, &mut errors).await;
            (res, errors)
        });
    }
    out.absorb(acct, SERVICE, "GetBucketLocation", tasks).await;
    out
}

/// The account's buckets, with the region ListBuckets gives (AWS does, emulators may not);
/// with `region`, only the buckets of that region (ListBuckets' `bucket-region` filter).
async fn list_buckets(
    acct: &Account,
    home: &Client,
    region: Option<&str>,
) -> Result<Vec<(String, Option<String>)>, ApiError> {
    // Paginated requests (AWS requires them above the default bucket quota), with the API's
    // largest page: a page size also keeps emulators that truncate without a continuation
    // token (moto) from hiding buckets.
    let pages = acct
        .pages(
            home.list_buckets()
                .max_buckets(10_000)
                .set_bucket_region(region.map(str::to_string))
                .into_paginator()
                .send(),
        )
        .await?;
    Ok(pages
        .iter()
        .flat_map(|p| p.buckets())
        .filter_map(|b| {
            b.name()
                .map(|n| (n.to_string(), b.bucket_region().map(str::to_string)))
        })
        .collect())
}

/// A region of another partition: no bucket of this account can be there, so a ListBuckets
/// filtered on it must come back empty.
fn foreign_region(partition: &str) -> &'static str {
    match partition {
        "aws" => "cn-north-1",
        _ => "us-east-1",
    }
}

/// The regions of `buckets` from ListBuckets filtered on each of `regions`, for the buckets
/// found there. Empty when the endpoint does not show that it honours the filter: one that
/// ignored it would put every bucket in the first region asked.
async fn regions_from_filtered_lists(
    acct: &Account,
    home: &Client,
    buckets: &[(String, Option<String>)],
    regions: &[String],
) -> HashMap<String, String> {
    let probe = match list_buckets(acct, home, Some(foreign_region(&acct.partition))).await {
        Ok(b) => names(b),
        Err(_) => return HashMap::new(),
    };
    let mut lists = Vec::new();
    for region in regions {
        // A region that cannot be listed leaves its buckets to GetBucketLocation.
        if let Ok(b) = list_buckets(acct, home, Some(region)).await {
            lists.push((region.clone(), names(b)));
        }
    }
    let listed: Vec<String> = buckets.iter().map(|(n, _)| n.clone()).collect();
    place_buckets(&listed, &probe, &lists)
}

fn names(buckets: Vec<(String, Option<String>)>) -> Vec<String> {
    buckets.into_iter().map(|(n, _)| n).collect()
}

/// Where the `listed` buckets are, from the answers of ListBuckets filtered on a region that
/// holds none of them (`probe`) and on each scanned region (`lists`). Trusted only if the
/// filter visibly works: the probe is empty and no bucket is in two regions. A bucket found
/// in no list is left out (GetBucketLocation then asks for it).
fn place_buckets(
    listed: &[String],
    probe: &[String],
    lists: &[(String, Vec<String>)],
) -> HashMap<String, String> {
    if !probe.is_empty() {
        return HashMap::new();
    }
    let listed: std::collections::HashSet<&str> = listed.iter().map(String::as_str).collect();
    let mut placed = HashMap::new();
    for (region, names) in lists {
        for name in names.iter().filter(|n| listed.contains(n.as_str())) {
            if placed.insert(name.clone(), region.clone()).is_some() {
                return HashMap::new();
            }
        }
    }
    placed
}

/// `GetBucketLocation`'s answer as a region: empty is us-east-1, `EU` is eu-west-1.
fn location_region(c: Option<&str>) -> String {
    match c {
        None | Some("") => "us-east-1".to_string(),
        Some("EU") => "eu-west-1".to_string(),
        Some(r) => r.to_string(),
    }
}

fn scoped(bucket: &str, e: ApiError) -> ApiError {
    ApiError {
        code: e.code,
        message: format!("bucket {bucket}: {}", e.message),
    }
}

fn bucket_arn(acct: &Account, name: &str) -> String {
    format!("arn:{}:s3:::{name}", acct.partition)
}

/// A bucket whose region could not be read: listed, every setting not collected.
fn unreadable_bucket(acct: &Account, name: &str) -> Resource {
    let mut attrs = Map::new();
    attrs.insert("bucket".into(), json!(name));
    for k in [
        "encryption",
        "public_access_block",
        "versioning",
        "logging",
        "lifecycle_rules",
        "policy",
        "acl",
        "object_lock",
        "replication",
        "ownership_controls",
        "policy_is_public",
    ] {
        attrs.insert(k.into(), not_collected());
    }
    acct.resource(
        Kind::S3Bucket,
        bucket_arn(acct, name),
        name.to_string(),
        None,
        BTreeMap::new(),
        attrs,
    )
}

/// Settles the "get configuration" calls of one bucket.
struct Settle<'a> {
    acct: &'a Account,
    bucket: &'a str,
    region: &'a str,
    errors: &'a mut Vec<CollectionError>,
}

impl Settle<'_> {
    /// The value, `absent` when AWS says "not configured", or not collected on a failure.
    fn value<T>(
        &mut self,
        operation: &str,
        r: Result<T, ApiError>,
        absent: Value,
        map: impl FnOnce(T) -> Value,
    ) -> Value {
        match r {
            Ok(v) => map(v),
            Err(e) if e.has_code(NOT_CONFIGURED) => absent,
            Err(e) => {
                self.errors.push(self.acct.error(
                    SERVICE,
                    Some(self.region),
                    operation,
                    &scoped(self.bucket, e),
                ));
                not_collected()
            }
        }
    }

    /// [`Settle::value`] of a question that was only asked when other answers left it open:
    /// `None` (not asked) settles as `absent`.
    fn asked<T>(
        &mut self,
        operation: &str,
        r: Option<Result<T, ApiError>>,
        absent: Value,
        map: impl FnOnce(T) -> Value,
    ) -> Value {
        match r {
            Some(r) => self.value(operation, r, absent, map),
            None => absent,
        }
    }
}

async fn bucket(
    acct: &Account,
    c: &Client,
    name: &str,
    region: &str,
    errors: &mut Vec<CollectionError>,
) -> Resource {
    // Some answers make other questions moot, and every request costs (an account with
    // thousands of buckets asks S3 13 questions per bucket otherwise): those are asked after
    // the answer they depend on, and only when it leaves them open.
    let versioned = async {
        let ver = versioning(acct, c, name).await;
        // Object Lock and replication both need versioning (creating a bucket with Object
        // Lock turns it on, and neither can be configured without it): a bucket that never had
        // versioning has neither. Suspended, or unreadable, versioning settles nothing.
        let never_versioned = matches!(&ver, Ok(v) if v["status"] == "Disabled");
        if never_versioned {
            return (ver, None);
        }
        let (lock, repl) = tokio::join!(
            acct.call(c.get_object_lock_configuration().bucket(name).send()),
            acct.call(c.get_bucket_replication().bucket(name).send()),
        );
        (ver, Some((lock, repl)))
    };
    let policy = async {
        let pol = acct.call(c.get_bucket_policy().bucket(name).send()).await;
        // Without a bucket policy nothing is public by policy: S3's verdict would be false.
        if matches!(&pol, Err(e) if e.has_code(&["NoSuchBucketPolicy"])) {
            return (pol, None);
        }
        let status = acct
            .call(c.get_bucket_policy_status().bucket(name).send())
            .await;
        (pol, Some(status))
    };
    let (enc, pab, (ver, versioned_only), log, (pol, status), acl, lc, own, tagging) = tokio::join!(
        acct.call(c.get_bucket_encryption().bucket(name).send()),
        acct.call(c.get_public_access_block().bucket(name).send()),
        versioned,
        acct.call(c.get_bucket_logging().bucket(name).send()),
        policy,
        acct.call(c.get_bucket_acl().bucket(name).send()),
        acct.call(c.get_bucket_lifecycle_configuration().bucket(name).send()),
        acct.call(c.get_bucket_ownership_controls().bucket(name).send()),
        acct.call(c.get_bucket_tagging().bucket(name).send()),
    );
    let (lock, repl) = match versioned_only {
        Some((lock, repl)) => (Some(lock), Some(repl)),
        None => (None, None),
    };
    let mut s = Settle {
        acct,
        bucket: name,
        region,
        errors,
    };
    let mut a = Map::new();
    a.insert("bucket".into(), json!(name));
    a.insert(
        "encryption".into(),
        s.value("GetBucketEncryption", enc, Value::Null, |o| {
            o.server_side_encryption_configuration()
                .and_then(|c| c.rules().first())
                .and_then(|r| {
                    r.apply_server_side_encryption_by_default().map(|d| {
                        json!({
                            "algorithm": d.sse_algorithm().as_str(),
                            "kms_key_id": d.kms_master_key_id(),
                            "bucket_key_enabled": r.bucket_key_enabled(),
                        })
                    })
                })
                .unwrap_or(Value::Null)
        }),
    );
    a.insert(
        "public_access_block".into(),
        s.value("GetPublicAccessBlock", pab, Value::Null, |o| {
            o.public_access_block_configuration()
                .map(|p| {
                    json!({
                        "block_public_acls": p.block_public_acls().unwrap_or(false),
                        "ignore_public_acls": p.ignore_public_acls().unwrap_or(false),
                        "block_public_policy": p.block_public_policy().unwrap_or(false),
                        "restrict_public_buckets": p.restrict_public_buckets().unwrap_or(false),
                    })
                })
                .unwrap_or(Value::Null)
        }),
    );
    a.insert(
        "versioning".into(),
        s.value("GetBucketVersioning", ver, Value::Null, |v| v),
    );
    a.insert(
        "logging".into(),
        s.value("GetBucketLogging", log, Value::Null, |o| {
            o.logging_enabled()
                .map(|l| json!({"target_bucket": l.target_bucket(), "target_prefix": l.target_prefix()}))
                .unwrap_or(Value::Null)
        }),
    );
    a.insert(
        "policy".into(),
        s.value("GetBucketPolicy", pol, Value::Null, |o| {
            o.policy()
                .filter(|p| !p.trim().is_empty())
                .map(policy_document)
                .unwrap_or(Value::Null)
        }),
    );
    a.insert(
        "policy_is_public".into(),
        s.asked("GetBucketPolicyStatus", status, json!(false), |o| {
            json!(o
                .policy_status()
                .and_then(|s| s.is_public())
                .unwrap_or(false))
        }),
    );
    a.insert(
        "acl".into(),
        s.value(
            "GetBucketAcl",
            acl,
            json!({"canned": null, "grants": []}),
            |o| {
                let grants: Vec<Value> = o
                .grants()
                .iter()
                .map(|g| {
                    let grantee = g.grantee();
                    json!({
                        "grantee_type": grantee.map(|x| x.r#type().as_str()),
                        "grantee": grantee.and_then(|x| x.id().or(x.uri()).or(x.email_address())),
                        "permission": g.permission().map(|p| p.as_str()),
                    })
                })
                .collect();
                json!({"canned": null, "grants": grants})
            },
        ),
    );
    a.insert(
        "lifecycle_rules".into(),
        s.value("GetBucketLifecycleConfiguration", lc, json!([]), |o| {
            Value::Array(o.rules().iter().map(lifecycle_rule).collect())
        }),
    );
    a.insert(
        "object_lock".into(),
        s.asked("GetObjectLockConfiguration", lock, Value::Null, |o| match o
            .object_lock_configuration()
        {
            None => Value::Null,
            Some(c) => {
                let r = c.rule().and_then(|r| r.default_retention());
                json!({
                    "enabled": c.object_lock_enabled().is_some_and(|e| e.as_str() == "Enabled"),
                    "mode": r.and_then(|r| r.mode()).map(|m| m.as_str()),
                    "days": r.and_then(|r| r.days()),
                    "years": r.and_then(|r| r.years()),
                })
            }
        }),
    );
    a.insert(
        "replication".into(),
        s.asked("GetBucketReplication", repl, Value::Null, |o| {
            match o.replication_configuration() {
                None => Value::Null,
                Some(c) => {
                    let rules: Vec<Value> = c
                        .rules()
                        .iter()
                        .map(|r| {
                            json!({
                                "id": r.id(),
                                "status": r.status().as_str(),
                                "destination_bucket": r.destination().map(|d| d.bucket()),
                                "storage_class": r.destination().and_then(|d| d.storage_class()).map(|s| s.as_str()),
                            })
                        })
                        .collect();
                    json!({"role": c.role(), "rules": rules})
                }
            }
        }),
    );
    a.insert(
        "ownership_controls".into(),
        s.value("GetBucketOwnershipControls", own, Value::Null, |o| {
            o.ownership_controls()
                .and_then(|c| c.rules().first())
                .map(|r| json!({"object_ownership": r.object_ownership().as_str()}))
                .unwrap_or(Value::Null)
        }),
    );
    let tags = match tagging {
        Ok(o) => tags(o.tag_set().iter().map(|t| (Some(t.key()), Some(t.value())))),
        Err(e) if e.has_code(NOT_CONFIGURED) => BTreeMap::new(),
        Err(e) => {
            // Tags are descriptive, not evidence: record the failure, keep the bucket.
            s.errors
                .push(acct.error(SERVICE, Some(region), "GetBucketTagging", &scoped(name, e)));
            BTreeMap::new()
        }
    };
    acct.resource(
        Kind::S3Bucket,
        bucket_arn(acct, name),
        name.to_string(),
        Some(region),
        tags,
        a,
    )
}

/// The bucket's versioning state; a bucket that never had versioning has no status
/// (`Disabled`).
///
/// moto answers GetBucketVersioning with a `<GetBucketVersioningResponse>` root instead of
/// `<VersioningConfiguration>`, which the SDK rejects. Such a 200 reply still carries the
/// answer, so it is read leniently (only that root element, only on HTTP 200); any other
/// failure stays a failure.
async fn versioning(acct: &Account, c: &Client, name: &str) -> Result<Value, ApiError> {
    match acct
        .call_raw(c.get_bucket_versioning().bucket(name).send())
        .await
    {
        Ok(o) => Ok(versioning_value(
            o.status().map(|s| s.as_str()),
            o.mfa_delete().map(|m| m.as_str()),
        )),
        Err(e) => {
            let lenient = e
                .raw_response()
                .filter(|r| r.status().as_u16() == 200)
                .and_then(|r| r.body().bytes())
                .and_then(|b| std::str::from_utf8(b).ok())
                .filter(|text| text.contains("<GetBucketVersioningResponse"))
                .map(|text| {
                    versioning_value(
                        xml_text(text, "Status").as_deref(),
                        xml_text(text, "MfaDelete").as_deref(),
                    )
                });
            lenient.ok_or_else(|| ApiError::from(e))
        }
    }
}

fn versioning_value(status: Option<&str>, mfa_delete: Option<&str>) -> Value {
    json!({
        "status": status.filter(|s| !s.is_empty()).unwrap_or("Disabled"),
        "mfa_delete": mfa_delete == Some("Enabled"),
    })
}

/// The text of the first `<tag>text</tag>` in `xml`.
fn xml_text(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&format!("</{tag}>"))?;
    Some(xml[start..start + end].trim().to_string())
}

fn lifecycle_rule(r: &aws_sdk_s3::types::LifecycleRule) -> Value {
    json!({
        "id": r.id(),
        "enabled": r.status().as_str() == "Enabled",
        "transitions": r.transitions().iter().map(|t| json!({
            "days": t.days(),
            "storage_class": t.storage_class().map(|s| s.as_str()),
        })).collect::<Vec<_>>(),
        "expiration_days": r.expiration().and_then(|e| e.days()),
        "noncurrent_transitions": r.noncurrent_version_transitions().iter().map(|t| json!({
            "days": t.noncurrent_days(),
            "storage_class": t.storage_class().map(|s| s.as_str()),
        })).collect::<Vec<_>>(),
        "noncurrent_expiration_days": r.noncurrent_version_expiration().and_then(|e| e.noncurrent_days()),
        "abort_incomplete_multipart_days": r.abort_incomplete_multipart_upload().and_then(|a| a.days_after_initiation()),
    })
}

/// An endpoint resolver that sends S3 Control requests to `--endpoint-url` as is: the
/// standard rules would prepend the account id to the host (`123456789012.127.0.0.1`).
#[derive(Debug)]
struct FixedEndpoint(String);

impl aws_sdk_s3control::config::endpoint::ResolveEndpoint for FixedEndpoint {
    fn resolve_endpoint<'a>(
        &'a self,
        _params: &'a aws_sdk_s3control::config::endpoint::Params,
    ) -> aws_sdk_s3control::config::endpoint::EndpointFuture<'a> {
        aws_sdk_s3control::config::endpoint::EndpointFuture::ready(Ok(
            aws_sdk_s3control::config::endpoint::Endpoint::builder()
                .url(self.0.clone())
                .build(),
        ))
    }
}

async fn account_public_access_block(acct: &Account, region: &str, out: &mut Collected) {
    let mut b = aws_sdk_s3control::config::Builder::from(&acct.config(region));
    if let Some(url) = &acct.endpoint_url {
        b = b.endpoint_resolver(FixedEndpoint(url.clone()));
    }
    let client = aws_sdk_s3control::Client::from_conf(b.build());
    let r = acct
        .call(client.get_public_access_block().account_id(&acct.id).send())
        .await;
    let attrs: Map<String, Value> = match r {
        Ok(o) => {
            let p = o.public_access_block_configuration();
            let get = |f: fn(
                &aws_sdk_s3control::types::PublicAccessBlockConfiguration,
            ) -> Option<bool>| { json!(p.and_then(f).unwrap_or(false)) };
            [
                ("block_public_acls", get(|p| p.block_public_acls())),
                ("ignore_public_acls", get(|p| p.ignore_public_acls())),
                ("block_public_policy", get(|p| p.block_public_policy())),
                (
                    "restrict_public_buckets",
                    get(|p| p.restrict_public_buckets()),
                ),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()
        }
        // Not configured: every setting is off.
        Err(e) if e.has_code(&["NoSuchPublicAccessBlockConfiguration"]) => [
            "block_public_acls",
            "ignore_public_acls",
            "block_public_policy",
            "restrict_public_buckets",
        ]
        .into_iter()
        .map(|k| (k.to_string(), json!(false)))
        .collect(),
        Err(e) => {
            out.fail(
                acct,
                SERVICE,
                None,
                "GetPublicAccessBlock (account)",
                &e,
                false,
            );
            [
                "block_public_acls",
                "ignore_public_acls",
                "block_public_policy",
                "restrict_public_buckets",
            ]
            .into_iter()
            .map(|k| (k.to_string(), not_collected()))
            .collect()
        }
    };
    out.resources.push(acct.resource(
        Kind::S3AccountPublicAccessBlock,
        format!(
            "arn:{}:s3::{}:account-public-access-block",
            acct.partition, acct.id
        ),
        format!("{} account public access block", acct.id),
        None,
        BTreeMap::new(),
        attrs,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn buckets_are_placed_by_filtered_lists_only_when_the_filter_works() {
        let listed = strings(&["a", "b", "c"]);
        let lists = vec![
            ("us-east-1".to_string(), strings(&["a", "b"])),
            ("eu-west-1".to_string(), strings(&["c", "not-listed"])),
        ];
        let placed = place_buckets(&listed, &[], &lists);
        assert_eq!(placed.len(), 3);
        assert_eq!(placed["a"], "us-east-1");
        assert_eq!(placed["c"], "eu-west-1");
        // A bucket in no list is left to GetBucketLocation.
        let placed = place_buckets(&listed, &[], &lists[..1]);
        assert_eq!(placed.len(), 2);
        assert!(!placed.contains_key("c"));
        // An endpoint that ignores the filter answers the probe with buckets ...
        assert!(place_buckets(&listed, &strings(&["a"]), &lists).is_empty());
        // ... or lists a bucket in two regions.
        let twice = vec![
            ("us-east-1".to_string(), listed.clone()),
            ("eu-west-1".to_string(), listed.clone()),
        ];
        assert!(place_buckets(&listed, &[], &twice).is_empty());
        assert_eq!(foreign_region("aws"), "cn-north-1");
        assert_eq!(foreign_region("aws-cn"), "us-east-1");
    }

    #[test]
    fn versioning_replies_are_read_leniently() {
        let moto = r#"<?xml version="1.0" encoding="utf-8"?>
<GetBucketVersioningResponse xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Suspended</Status><MfaDelete>Enabled</MfaDelete></GetBucketVersioningResponse>"#;
        assert_eq!(xml_text(moto, "Status").as_deref(), Some("Suspended"));
        assert_eq!(
            versioning_value(
                xml_text(moto, "Status").as_deref(),
                xml_text(moto, "MfaDelete").as_deref()
            ),
            json!({"status": "Suspended", "mfa_delete": true})
        );
        let empty = r#"<GetBucketVersioningResponse xmlns="x"/>"#;
        assert_eq!(xml_text(empty, "Status"), None);
        assert_eq!(
            versioning_value(None, None),
            json!({"status": "Disabled", "mfa_delete": false})
        );
    }

    #[test]
    fn bucket_locations() {
        assert_eq!(location_region(None), "us-east-1");
        assert_eq!(location_region(Some("")), "us-east-1");
        assert_eq!(location_region(Some("EU")), "eu-west-1");
        assert_eq!(location_region(Some("ap-south-1")), "ap-south-1");
    }
}
