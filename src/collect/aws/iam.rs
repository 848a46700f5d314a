//! IAM (global): users, groups, roles and policies from GetAccountAuthorizationDetails, the
//! credential report, the password policy, the account summary and MFA devices and access
//! keys. Contributes the root user's facts to the `aws.account` resources.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use aws_sdk_iam::types::{
    AssignmentStatusType, ManagedPolicyDetail, PolicyDetail, ReportStateType, SummaryKeyType,
};
use aws_sdk_iam::Client;
use serde_json::{json, Map, Value};

use super::util::{opt_str, policy_document, report_time, rfc3339_value, str_list, tags};
use super::{not_collected, Account, ApiError, Collected};
use crate::inventory::Kind;

const SERVICE: &str = "iam";

/// How long to wait for IAM to generate the credential report.
const REPORT_WAIT: Duration = Duration::from_secs(90);

pub async fn collect(acct: &Account, default_region: &str) -> Collected {
    let client = Client::new(&acct.config(default_region));
    let mut out = Collected::default();

    let report = credential_report(acct, &client, &mut out).await;
    root_facts(acct, &client, report.as_ref(), &mut out).await;
    password_policy(acct, &client, &mut out).await;

    let pages = acct
        .pages(
            client
                .get_account_authorization_details()
                .into_paginator()
                .send(),
        )
        .await;
    let pages = match pages {
        Ok(p) => p,
        Err(e) => {
            out.fail(
                acct,
                SERVICE,
                None,
                "GetAccountAuthorizationDetails",
                &e,
                true,
            );
            return out;
        }
    };

    // Who is attached to which policy, and which groups each user is in.
    let mut attached_to: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut members: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut users = Vec::new();
    for page in &pages {
        for u in page.user_detail_list() {
            let name = u.user_name().unwrap_or_default().to_string();
            for p in u.attached_managed_policies() {
                if let Some(arn) = p.policy_arn() {
                    attached_to.entry(arn.to_string()).or_default().push(
                        json!({"kind": Kind::IamUser.as_str(), "id": u.arn().unwrap_or_default()}),
                    );
                }
            }
            for g in u.group_list() {
                members.entry(g.clone()).or_default().push(name.clone());
            }
            users.push(u.clone());
        }
        for g in page.group_detail_list() {
            for p in g.attached_managed_policies() {
                if let Some(arn) = p.policy_arn() {
                    attached_to.entry(arn.to_string()).or_default().push(
                        json!({"kind": Kind::IamGroup.as_str(), "id": g.arn().unwrap_or_default()}),
                    );
                }
            }
        }
        for r in page.role_detail_list() {
            for p in r.attached_managed_policies() {
                if let Some(arn) = p.policy_arn() {
                    attached_to.entry(arn.to_string()).or_default().push(
                        json!({"kind": Kind::IamRole.as_str(), "id": r.arn().unwrap_or_default()}),
                    );
                }
            }
        }
    }

    // Users, with their MFA devices and access keys fetched concurrently.
    let mut tasks = tokio::task::JoinSet::new();
    for u in users {
        let acct = acct.clone();
        let client = client.clone();
        let row = u
            .user_name()
            .and_then(|n| report.as_ref().and_then(|r| r.users.get(n).cloned()));
        tasks.spawn(async move { user(&acct, &client, u, row).await });
    }
    out.absorb(acct, SERVICE, "ListMFADevices", tasks).await;

    for page in &pages {
        for g in page.group_detail_list() {
            let name = g.group_name().unwrap_or_default().to_string();
            let mut attrs = Map::new();
            attrs.insert("group_name".into(), json!(name));
            attrs.insert("arn".into(), opt_str(g.arn()));
            attrs.insert(
                "attached_policies".into(),
                attached(g.attached_managed_policies()),
            );
            attrs.insert("inline_policies".into(), inline(g.group_policy_list()));
            let mut m = members.get(&name).cloned().unwrap_or_default();
            m.sort();
            attrs.insert("members".into(), json!(m));
            out.resources.push(acct.resource(
                Kind::IamGroup,
                g.arn().unwrap_or_default().to_string(),
                name,
                None,
                BTreeMap::new(),
                attrs,
            ));
        }
        for r in page.role_detail_list() {
            let name = r.role_name().unwrap_or_default().to_string();
            let path = r.path().unwrap_or("/");
            let mut attrs = Map::new();
            attrs.insert("role_name".into(), json!(name));
            attrs.insert("arn".into(), opt_str(r.arn()));
            attrs.insert("path".into(), json!(path));
            attrs.insert(
                "assume_role_policy".into(),
                r.assume_role_policy_document()
                    .map(policy_document)
                    .unwrap_or(Value::Null),
            );
            attrs.insert(
                "attached_policies".into(),
                attached(r.attached_managed_policies()),
            );
            attrs.insert("inline_policies".into(), inline(r.role_policy_list()));
            attrs.insert(
                "service_linked".into(),
                json!(path.starts_with("/aws-service-role/")),
            );
            out.resources.push(acct.resource(
                Kind::IamRole,
                r.arn().unwrap_or_default().to_string(),
                name,
                None,
                tags(r.tags().iter().map(|t| (Some(t.key()), Some(t.value())))),
                attrs,
            ));
        }
        for p in page.policies() {
            if let Some(res) = managed_policy(acct, p, &attached_to) {
                out.resources.push(res);
            }
        }
    }
    out
}

/// A managed policy: every customer managed one, and AWS managed ones that are attached.
fn managed_policy(
    acct: &Account,
    p: &ManagedPolicyDetail,
    attached_to: &BTreeMap<String, Vec<Value>>,
) -> Option<crate::inventory::Resource> {
    let arn = p.arn()?.to_string();
    let aws_managed = arn.contains(":iam::aws:policy/");
    let users = attached_to.get(&arn);
    if aws_managed && users.is_none() && p.attachment_count().unwrap_or(0) == 0 {
        return None;
    }
    let default = p
        .policy_version_list()
        .iter()
        .find(|v| v.is_default_version())
        .or_else(|| {
            p.policy_version_list()
                .iter()
                .find(|v| v.version_id() == p.default_version_id())
        });
    let document = default
        .and_then(|v| v.document())
        .map(policy_document)
        .unwrap_or(Value::Null);
    let mut attrs = Map::new();
    attrs.insert("policy_name".into(), opt_str(p.policy_name()));
    attrs.insert("arn".into(), json!(arn));
    attrs.insert("aws_managed".into(), json!(aws_managed));
    attrs.insert("document".into(), document);
    attrs.insert(
        "attachment_count".into(),
        p.attachment_count()
            .map(|n| json!(n))
            .unwrap_or(Value::Null),
    );
    attrs.insert(
        "attached_to".into(),
        Value::Array(users.cloned().unwrap_or_default()),
    );
    Some(acct.resource(
        Kind::IamPolicy,
        arn,
        p.policy_name().unwrap_or_default().to_string(),
        None,
        BTreeMap::new(),
        attrs,
    ))
}

fn attached(list: &[aws_sdk_iam::types::AttachedPolicy]) -> Value {
    let mut arns: Vec<&str> = list.iter().filter_map(|p| p.policy_arn()).collect();
    arns.sort();
    str_list(arns)
}

fn inline(list: &[PolicyDetail]) -> Value {
    Value::Array(
        list.iter()
            .map(|p| {
                json!({
                    "name": p.policy_name(),
                    "document": p.policy_document().map(policy_document).unwrap_or(Value::Null),
                })
            })
            .collect(),
    )
}

async fn user(
    acct: &Account,
    client: &Client,
    u: aws_sdk_iam::types::UserDetail,
    row: Option<ReportRow>,
) -> (
    crate::inventory::Resource,
    Vec<crate::inventory::CollectionError>,
) {
    let name = u.user_name().unwrap_or_default().to_string();
    let mut errors = Vec::new();
    let mut attrs = Map::new();
    attrs.insert("user_name".into(), json!(name));
    attrs.insert("arn".into(), opt_str(u.arn()));
    attrs.insert("path".into(), json!(u.path().unwrap_or("/")));

    // Console access and password use come from the credential report; a user created
    // after the report was generated is looked up directly.
    let (console, last_used) = match &row {
        Some(r) => (
            json!(r.field("password_enabled") == Some("true")),
            opt_str(
                r.field("password_last_used")
                    .and_then(report_time)
                    .as_deref(),
            ),
        ),
        None => {
            let console = match acct
                .call(client.get_login_profile().user_name(&name).send())
                .await
            {
                Ok(_) => json!(true),
                Err(e) if e.has_code(&["NoSuchEntity"]) => json!(false),
                Err(e) => {
                    errors.push(acct.error(SERVICE, None, "GetLoginProfile", &scoped(&name, e)));
                    not_collected()
                }
            };
            let last_used = match acct.call(client.get_user().user_name(&name).send()).await {
                Ok(o) => rfc3339_value(o.user().and_then(|u| u.password_last_used())),
                Err(e) => {
                    errors.push(acct.error(SERVICE, None, "GetUser", &scoped(&name, e)));
                    not_collected()
                }
            };
            (console, last_used)
        }
    };
    attrs.insert("console_access".into(), console);
    attrs.insert("password_last_used".into(), last_used);

    let mfa = acct
        .pages(
            client
                .list_mfa_devices()
                .user_name(&name)
                .into_paginator()
                .send(),
        )
        .await;
    match mfa {
        Ok(pages) => {
            let devices: Vec<Value> = pages
                .iter()
                .flat_map(|p| p.mfa_devices())
                .map(|d| json!({"serial": d.serial_number(), "type": mfa_type(d.serial_number())}))
                .collect();
            attrs.insert("mfa_active".into(), json!(!devices.is_empty()));
            attrs.insert("mfa_devices".into(), Value::Array(devices));
        }
        Err(e) => {
            errors.push(acct.error(SERVICE, None, "ListMFADevices", &scoped(&name, e)));
            attrs.insert("mfa_active".into(), not_collected());
            attrs.insert("mfa_devices".into(), not_collected());
        }
    }

    let keys = acct
        .pages(
            client
                .list_access_keys()
                .user_name(&name)
                .into_paginator()
                .send(),
        )
        .await;
    match keys {
        Ok(pages) => {
            let mut list = Vec::new();
            for k in pages.iter().flat_map(|p| p.access_key_metadata()) {
                let id = k.access_key_id().unwrap_or_default().to_string();
                let last_used = match acct
                    .call(client.get_access_key_last_used().access_key_id(&id).send())
                    .await
                {
                    Ok(o) => {
                        rfc3339_value(o.access_key_last_used().and_then(|l| l.last_used_date()))
                    }
                    Err(e) => {
                        errors.push(acct.error(
                            SERVICE,
                            None,
                            "GetAccessKeyLastUsed",
                            &scoped(&name, e),
                        ));
                        not_collected()
                    }
                };
                list.push(json!({
                    "id": id,
                    "status": k.status().map(|s| s.as_str()),
                    "created": rfc3339_value(k.create_date()),
                    "last_used": last_used,
                }));
            }
            attrs.insert("access_keys".into(), Value::Array(list));
        }
        Err(e) => {
            errors.push(acct.error(SERVICE, None, "ListAccessKeys", &scoped(&name, e)));
            attrs.insert("access_keys".into(), not_collected());
        }
    }

    let mut groups: Vec<&str> = u.group_list().iter().map(String::as_str).collect();
    groups.sort();
    attrs.insert("groups".into(), str_list(groups));
    attrs.insert(
        "attached_policies".into(),
        attached(u.attached_managed_policies()),
    );
    attrs.insert("inline_policies".into(), inline(u.user_policy_list()));
    attrs.insert("created".into(), rfc3339_value(u.create_date()));
    let res = acct.resource(
        Kind::IamUser,
        u.arn().unwrap_or_default().to_string(),
        name,
        None,
        tags(u.tags().iter().map(|t| (Some(t.key()), Some(t.value())))),
        attrs,
    );
    (res, errors)
}

/// An error message naming the user it was about.
fn scoped(user: &str, e: ApiError) -> ApiError {
    ApiError {
        code: e.code,
        message: format!("user {user}: {}", e.message),
    }
}

/// Virtual MFA devices have an IAM ARN serial (`arn:aws:iam::123456789012:mfa/name`);
/// hardware TOTP tokens a plain serial number; FIDO keys an `arn:aws:iam::...:u2f/...` serial.
fn mfa_type(serial: &str) -> &'static str {
    if serial.starts_with("arn:") && serial.contains(":mfa/") {
        "virtual"
    } else {
        "hardware"
    }
}

/// One row of the credential report, by column name.
#[derive(Debug, Clone)]
struct ReportRow(HashMap<String, String>);

impl ReportRow {
    fn field(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

#[derive(Debug)]
struct CredentialReport {
    root: Option<ReportRow>,
    users: HashMap<String, ReportRow>,
}

/// Generate the credential report, wait until it is complete, and parse it.
async fn credential_report(
    acct: &Account,
    client: &Client,
    out: &mut Collected,
) -> Option<CredentialReport> {
    let started = tokio::time::Instant::now();
    let mut delay = Duration::from_millis(250);
    loop {
        match acct.call(client.generate_credential_report().send()).await {
            Ok(o) if o.state() == Some(&ReportStateType::Complete) => break,
            Ok(_) => {}
            Err(e) => {
                out.fail(acct, SERVICE, None, "GenerateCredentialReport", &e, false);
                return None;
            }
        }
        if started.elapsed() > REPORT_WAIT {
            let e = ApiError {
                code: None,
                message: format!(
                    "the credential report was not complete after {}s",
                    REPORT_WAIT.as_secs()
                ),
            };
            out.fail(acct, SERVICE, None, "GenerateCredentialReport", &e, false);
            return None;
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(5));
    }
    match acct.call(client.get_credential_report().send()).await {
        Ok(o) => {
            let text = o
                .content()
                .map(|b| String::from_utf8_lossy(b.as_ref()).into_owned())
                .unwrap_or_default();
            Some(parse_report(&text))
        }
        Err(e) => {
            out.fail(acct, SERVICE, None, "GetCredentialReport", &e, false);
            None
        }
    }
}

fn parse_report(text: &str) -> CredentialReport {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> = lines.next().map(csv_fields).unwrap_or_default();
    let mut report = CredentialReport {
        root: None,
        users: HashMap::new(),
    };
    for line in lines {
        let row = ReportRow(header.iter().cloned().zip(csv_fields(line)).collect());
        match row.field("user") {
            Some("<root_account>") => report.root = Some(row),
            Some(u) => {
                let u = u.to_string();
                report.users.insert(u, row);
            }
            None => {}
        }
    }
    report
}

/// Split one CSV line (RFC 4180 quoting; the report normally has none).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// Root user facts for the `aws.account` resources.
async fn root_facts(
    acct: &Account,
    client: &Client,
    report: Option<&CredentialReport>,
    out: &mut Collected,
) {
    let root = report.and_then(|r| r.root.as_ref());
    let last_used = match (report, root) {
        (Some(_), Some(row)) => {
            let mut times: Vec<String> = [
                "password_last_used",
                "access_key_1_last_used_date",
                "access_key_2_last_used_date",
            ]
            .iter()
            .filter_map(|f| row.field(f).and_then(report_time))
            .collect();
            times.sort();
            opt_str(times.last().map(String::as_str))
        }
        (Some(_), None) => Value::Null,
        (None, _) => not_collected(),
    };
    out.account.insert("root_last_used".into(), last_used);

    let (mfa, keys) = match acct.call(client.get_account_summary().send()).await {
        Ok(o) => {
            let map = o.summary_map().cloned().unwrap_or_default();
            let get = |k: SummaryKeyType| -> Value {
                map.get(&k)
                    .map(|n| json!(*n > 0))
                    .unwrap_or_else(not_collected)
            };
            (
                get(SummaryKeyType::AccountMfaEnabled),
                get(SummaryKeyType::AccountAccessKeysPresent),
            )
        }
        Err(e) => {
            out.fail(acct, SERVICE, None, "GetAccountSummary", &e, false);
            // The credential report knows both too.
            match root {
                Some(r) => (
                    json!(r.field("mfa_active") == Some("true")),
                    json!(
                        r.field("access_key_1_active") == Some("true")
                            || r.field("access_key_2_active") == Some("true")
                    ),
                ),
                None => (not_collected(), not_collected()),
            }
        }
    };
    // Hardware MFA: MFA is on and no virtual device is assigned to the root user.
    let hardware = match mfa {
        Value::Bool(false) => json!(false),
        Value::Bool(true) => {
            let pages = acct
                .pages(
                    client
                        .list_virtual_mfa_devices()
                        .assignment_status(AssignmentStatusType::Assigned)
                        .into_paginator()
                        .send(),
                )
                .await;
            match pages {
                Ok(pages) => {
                    let root_virtual =
                        pages.iter().flat_map(|p| p.virtual_mfa_devices()).any(|d| {
                            d.user().is_some_and(|u| u.arn().ends_with(":root"))
                                || d.serial_number().ends_with(":mfa/root-account-mfa-device")
                        });
                    json!(!root_virtual)
                }
                Err(e) => {
                    out.fail(acct, SERVICE, None, "ListVirtualMFADevices", &e, false);
                    not_collected()
                }
            }
        }
        _ => not_collected(),
    };
    out.account.insert("root_mfa_enabled".into(), mfa);
    out.account.insert("root_hardware_mfa".into(), hardware);
    out.account.insert("root_access_keys_present".into(), keys);
}

async fn password_policy(acct: &Account, client: &Client, out: &mut Collected) {
    let p = match acct.call(client.get_account_password_policy().send()).await {
        Ok(o) => match o.password_policy() {
            Some(p) => p.clone(),
            None => return,
        },
        // No password policy is data (the account uses IAM's defaults), not an error.
        Err(e) if e.has_code(&["NoSuchEntity"]) => return,
        Err(e) => {
            out.fail(acct, SERVICE, None, "GetAccountPasswordPolicy", &e, true);
            return;
        }
    };
    let mut attrs = Map::new();
    attrs.insert(
        "minimum_password_length".into(),
        json!(p.minimum_password_length().unwrap_or(6)),
    );
    attrs.insert(
        "require_uppercase_characters".into(),
        json!(p.require_uppercase_characters()),
    );
    attrs.insert(
        "require_lowercase_characters".into(),
        json!(p.require_lowercase_characters()),
    );
    attrs.insert("require_numbers".into(), json!(p.require_numbers()));
    attrs.insert("require_symbols".into(), json!(p.require_symbols()));
    attrs.insert(
        "max_password_age".into(),
        json!(p.max_password_age().unwrap_or(0)),
    );
    attrs.insert(
        "password_reuse_prevention".into(),
        json!(p.password_reuse_prevention().unwrap_or(0)),
    );
    attrs.insert(
        "allow_users_to_change_password".into(),
        json!(p.allow_users_to_change_password()),
    );
    attrs.insert(
        "hard_expiry".into(),
        json!(p.hard_expiry().unwrap_or(false)),
    );
    out.resources.push(acct.resource(
        Kind::IamPasswordPolicy,
        format!(
            "arn:{}:iam::{}:account-password-policy",
            acct.partition, acct.id
        ),
        "account-password-policy".to_string(),
        None,
        BTreeMap::new(),
        attrs,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_report_rows_are_parsed() {
        let csv = "user,arn,user_creation_time,password_enabled,password_last_used,mfa_active,access_key_1_active,access_key_1_last_used_date,access_key_2_active,access_key_2_last_used_date\n\
<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2024-03-01T10:00:00+00:00,true,false,N/A,false,2024-05-01T00:00:00+00:00\n\
alice,arn:aws:iam::123456789012:user/alice,2021-01-01T00:00:00+00:00,true,no_information,false,true,N/A,false,N/A\n";
        let r = parse_report(csv);
        let root = r.root.as_ref().map(|r| r.field("mfa_active"));
        assert_eq!(root, Some(Some("true")));
        assert_eq!(r.users["alice"].field("password_enabled"), Some("true"));
        assert_eq!(csv_fields(r#"a,"b,c","d""e""#), vec!["a", "b,c", "d\"e"]);
    }

    #[test]
    fn mfa_types() {
        assert_eq!(mfa_type("arn:aws:iam::123456789012:mfa/alice"), "virtual");
        assert_eq!(mfa_type("GAHT12345678"), "hardware");
    }
}
