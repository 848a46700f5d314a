//! Small conversions shared by the service collectors.

use std::collections::BTreeMap;

use aws_sdk_sts::primitives::{DateTime, DateTimeFormat};
use serde_json::{json, Value};

/// The account id of an IAM role ARN (`arn:aws:iam::123456789012:role/NAME`).
pub fn role_account(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", p, "iam", "", acct, res]
            if !p.is_empty()
                && acct.len() == 12
                && acct.bytes().all(|b| b.is_ascii_digit())
                && res.starts_with("role/") =>
        {
            Some(acct.to_string())
        }
        _ => None,
    }
}

/// An SDK timestamp as RFC 3339 in UTC, to the second.
pub fn rfc3339(t: &DateTime) -> Option<String> {
    let secs = t.secs();
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .or_else(|| t.fmt(DateTimeFormat::DateTime).ok())
}

pub fn rfc3339_value(t: Option<&DateTime>) -> Value {
    t.and_then(rfc3339)
        .map(Value::String)
        .unwrap_or(Value::Null)
}

/// A credential-report timestamp (`2024-01-02T03:04:05+00:00`, or `N/A`, `no_information`,
/// `not_supported`) as RFC 3339 in UTC, or None.
pub fn report_time(s: &str) -> Option<String> {
    chrono::DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|d| {
            d.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
}

/// Decode `%XX` escapes (IAM returns policy documents URL-encoded). `+` is kept: IAM
/// encodes spaces as `%20`, and a literal `+` may appear in a document.
pub fn url_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A policy document as returned by IAM or S3 (URL-encoded or not) parsed to JSON, with
/// `Statement` always a list. Text that is not JSON is kept as a string.
pub fn policy_document(text: &str) -> Value {
    let parsed = serde_json::from_str::<Value>(text)
        .or_else(|_| serde_json::from_str::<Value>(&url_decode(text)));
    match parsed {
        Ok(mut doc) => {
            if let Some(obj) = doc.as_object_mut() {
                if let Some(s) = obj.get_mut("Statement") {
                    if s.is_object() {
                        *s = Value::Array(vec![s.take()]);
                    }
                }
            }
            doc
        }
        Err(_) => Value::String(text.to_string()),
    }
}

/// Tags from (key, value) pairs; pairs without a key are dropped.
pub fn tags<'a>(
    pairs: impl IntoIterator<Item = (Option<&'a str>, Option<&'a str>)>,
) -> BTreeMap<String, String> {
    pairs
        .into_iter()
        .filter_map(|(k, v)| k.map(|k| (k.to_string(), v.unwrap_or_default().to_string())))
        .collect()
}

/// `-1`/`all` -> `-1`; protocol numbers 6/17/1/58 -> names; names lower-cased.
pub fn protocol(p: Option<&str>) -> Value {
    match p.map(str::to_ascii_lowercase).as_deref() {
        None => Value::Null,
        Some("-1" | "all") => json!("-1"),
        Some("6") => json!("tcp"),
        Some("17") => json!("udp"),
        Some("1") => json!("icmp"),
        Some("58") => json!("icmpv6"),
        Some(other) => json!(other),
    }
}

pub fn opt_str(s: Option<&str>) -> Value {
    s.map(|s| Value::String(s.to_string()))
        .unwrap_or(Value::Null)
}

pub fn str_list<'a>(items: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(items.into_iter().map(|s| json!(s)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns_name_their_account() {
        assert_eq!(
            role_account("arn:aws:iam::123456789012:role/audit").as_deref(),
            Some("123456789012")
        );
        assert_eq!(
            role_account("arn:aws-us-gov:iam::123456789012:role/a/b").as_deref(),
            Some("123456789012")
        );
        assert_eq!(role_account("arn:aws:iam::123456789012:user/x"), None);
        assert_eq!(role_account("arn:aws:iam::1234:role/x"), None);
        assert_eq!(role_account("role/x"), None);
    }

    #[test]
    fn documents_are_url_decoded_and_statements_listed() {
        let enc = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%7D";
        let doc = policy_document(enc);
        assert_eq!(doc["Statement"][0]["Action"], json!("*"));
        assert_eq!(
            policy_document(r#"{"Statement":[{"Effect":"Deny"}]}"#)["Statement"][0]["Effect"],
            json!("Deny")
        );
        assert_eq!(policy_document("not json"), json!("not json"));
        assert_eq!(url_decode("a%20b%2"), "a b%2");
        assert_eq!(url_decode("100%"), "100%");
        assert_eq!(url_decode("%E2%9C%93"), "✓");
    }

    #[test]
    fn report_times_are_utc_or_none() {
        assert_eq!(
            report_time("2024-01-02T03:04:05+01:00").as_deref(),
            Some("2024-01-02T02:04:05Z")
        );
        assert_eq!(report_time("N/A"), None);
        assert_eq!(report_time("no_information"), None);
    }

    #[test]
    fn protocols_are_normalized() {
        assert_eq!(protocol(Some("-1")), json!("-1"));
        assert_eq!(protocol(Some("6")), json!("tcp"));
        assert_eq!(protocol(Some("TCP")), json!("tcp"));
        assert_eq!(protocol(None), Value::Null);
    }
}
