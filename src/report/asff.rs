//! AWS Security Finding Format: the `BatchImportFindings` request body, `{"Findings": [...]}`.
//!
//! One finding per (rule, resource, account, region) that is not a pass (passes too with
//! `include_passed`, as `PASSED` and `ARCHIVED`). `Id` is `complyctl/<rule>/<fingerprint>`, so a
//! re-import updates the same finding instead of adding one. Every string respects the field
//! limits of the Security Hub API (botocore `securityhub` 2018-10-26 model and the ASFF
//! reference): long text is cut with `…`, lists are capped, empty values are left out.
//!
//! Terraform plan findings have no account (and sometimes no region) until apply. Those come
//! from [`Options::account`] / [`Options::region`] when set (a push knows both from its
//! credentials); otherwise they are [`PLACEHOLDER_ACCOUNT`] / [`PLACEHOLDER_REGION`] and the
//! finding's `ProductFields["complyctl/Placeholders"]` names the fields to replace before an
//! import. See docs/report-formats.md.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{control_refs, rule_doc_url, Finding, Report, RuleInfo};
use crate::engine::{Severity, Status};
use crate::inventory::Kind;

/// Account id used when neither the finding nor the options know one (12 digits, as the API
/// requires; no real account has it).
pub const PLACEHOLDER_ACCOUNT: &str = "000000000000";
/// Region used when neither the finding, the options nor the report's sources name one.
pub const PLACEHOLDER_REGION: &str = "us-east-1";

/// Limits from the Security Hub API reference (characters).
pub mod limits {
    pub const ID: usize = 512;
    pub const GENERATOR_ID: usize = 512;
    pub const PRODUCT_ARN: usize = 2048;
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 1024;
    pub const RECOMMENDATION_TEXT: usize = 512;
    pub const NOTE_TEXT: usize = 512;
    pub const SEVERITY_ORIGINAL: usize = 64;
    pub const RESOURCE_TYPE: usize = 256;
    pub const REGION: usize = 16;
    pub const TYPES: usize = 50;
    pub const RELATED_REQUIREMENTS: usize = 32;
    pub const RESOURCES: usize = 32;
    /// `ProductFields`: pairs, key and value length.
    pub const PRODUCT_FIELDS: usize = 50;
    pub const FIELD_KEY: usize = 128;
    pub const PRODUCT_FIELD_VALUE: usize = 2048;
    /// `Resources[].Details.Other` values.
    pub const OTHER_FIELD_VALUE: usize = 1024;
    /// `Resources[].Tags`: AWS tag limits.
    pub const TAGS: usize = 50;
    pub const TAG_VALUE: usize = 256;
    /// Findings per `BatchImportFindings` request.
    pub const BATCH: usize = 100;
}

#[derive(Debug, Clone)]
pub struct Options {
    /// `aws`, `aws-cn`, `aws-us-gov`, ...
    pub partition: String,
    /// Account for findings that have none (plans).
    pub account: Option<String>,
    /// Region for findings that have none (plans without a provider region, global resources).
    pub region: Option<String>,
    /// Also emit passing findings, as `PASSED` with `RecordState: ARCHIVED`.
    pub include_passed: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            partition: "aws".to_string(),
            account: None,
            region: None,
            include_passed: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Payload {
    pub findings: Vec<AsffFinding>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffFinding {
    pub schema_version: String,
    pub id: String,
    pub product_arn: String,
    pub product_name: String,
    pub company_name: String,
    pub generator_id: String,
    pub aws_account_id: String,
    pub types: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    pub first_observed_at: String,
    pub last_observed_at: String,
    pub severity: AsffSeverity,
    pub title: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation: Option<Remediation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    pub product_fields: BTreeMap<String, String>,
    pub resources: Vec<AsffResource>,
    pub compliance: Compliance,
    pub record_state: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow: Option<Workflow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffSeverity {
    pub label: String,
    pub original: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Remediation {
    pub recommendation: Recommendation,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Recommendation {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffResource {
    #[serde(rename = "Type")]
    pub resource_type: String,
    pub id: String,
    pub partition: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    pub details: ResourceDetails,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResourceDetails {
    pub other: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Compliance {
    pub status: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_requirements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Workflow {
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Note {
    pub text: String,
    pub updated_by: String,
    pub updated_at: String,
}

/// Cut `s` to at most `max` characters, ending with `…` when cut. Whitespace-only text (which
/// the API's `NonEmptyString` rejects) becomes `fallback`.
pub fn clip(s: &str, max: usize, fallback: &str) -> String {
    let s = if s.trim().is_empty() { fallback } else { s };
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "CRITICAL",
        Severity::High => "HIGH",
        Severity::Medium => "MEDIUM",
        Severity::Low => "LOW",
        Severity::Info => "INFORMATIONAL",
    }
}

/// `Compliance.Status` for a finding status.
pub fn compliance_status(s: Status) -> &'static str {
    match s {
        Status::Pass => "PASSED",
        Status::Fail | Status::Waived | Status::Baseline => "FAILED",
        Status::Unknown => "WARNING",
        Status::Error => "NOT_AVAILABLE",
    }
}

/// The ASFF resource type for a kind (`Other` where Security Hub has none).
pub fn resource_type(k: Kind) -> &'static str {
    match k {
        Kind::Account => "AwsAccount",
        Kind::IamUser => "AwsIamUser",
        Kind::IamGroup => "AwsIamGroup",
        Kind::IamRole => "AwsIamRole",
        Kind::IamPolicy => "AwsIamPolicy",
        Kind::S3Bucket => "AwsS3Bucket",
        Kind::S3AccountPublicAccessBlock => "AwsS3AccountPublicAccessBlock",
        Kind::EksCluster => "AwsEksCluster",
        Kind::Ec2Vpc => "AwsEc2Vpc",
        Kind::Ec2Subnet => "AwsEc2Subnet",
        Kind::Ec2SecurityGroup => "AwsEc2SecurityGroup",
        Kind::Ec2NetworkAcl => "AwsEc2NetworkAcl",
        Kind::CloudtrailTrail => "AwsCloudTrailTrail",
        Kind::GuarddutyDetector => "AwsGuardDutyDetector",
        Kind::KmsKey => "AwsKmsKey",
        Kind::IamPasswordPolicy
        | Kind::EksNodegroup
        | Kind::ConfigRecorder
        | Kind::SecurityhubHub => "Other",
    }
}

/// The `Types` classifier for a framework pack.
fn standard_classifier(fw_id: &str, fw_name: Option<&str>) -> String {
    let known = match fw_id {
        "soc2" => Some("SOC 2"),
        id if id.starts_with("fedramp") => Some("NIST 800-53 Controls (USA)"),
        id if id.starts_with("nist-csf") => Some("NIST CSF Controls (USA)"),
        _ => None,
    };
    let c = known.map(str::to_string).unwrap_or_else(|| {
        // `/` separates namespace, category and classifier: keep it out of the name.
        fw_name.unwrap_or(fw_id).replace('/', "-")
    });
    format!("Software and Configuration Checks/Industry and Regulatory Standards/{c}")
}

fn is_account_id(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

fn field_map(
    pairs: Vec<(String, String)>,
    max_pairs: usize,
    max_value: usize,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (k, v) in pairs {
        if out.len() >= max_pairs {
            break;
        }
        if k.trim().is_empty() || v.trim().is_empty() {
            continue;
        }
        out.insert(clip(&k, limits::FIELD_KEY, "-"), clip(&v, max_value, "-"));
    }
    out
}

/// The findings, in report order. A push splits them into batches of [`limits::BATCH`].
pub fn findings(report: &Report, opts: &Options) -> Vec<AsffFinding> {
    let rules: BTreeMap<&str, &RuleInfo> =
        report.rules.iter().map(|r| (r.id.as_str(), r)).collect();
    let fw_names: BTreeMap<&str, &str> = report
        .frameworks
        .iter()
        .map(|f| (f.id.as_str(), f.name.as_str()))
        .collect();
    let source_region = report
        .scan
        .sources
        .iter()
        .flat_map(|s| s.regions.iter())
        .next()
        .cloned();
    let mut out = Vec::new();
    for f in &report.findings {
        if f.status == Status::Pass && !opts.include_passed {
            continue;
        }
        out.push(finding(
            report,
            f,
            rules.get(f.rule_id.as_str()).copied(),
            &fw_names,
            source_region.as_deref(),
            opts,
        ));
    }
    out
}

fn finding(
    report: &Report,
    f: &Finding,
    rule: Option<&RuleInfo>,
    fw_names: &BTreeMap<&str, &str>,
    source_region: Option<&str>,
    opts: &Options,
) -> AsffFinding {
    let mut placeholders = Vec::new();
    let account = match f
        .resource
        .account
        .as_deref()
        .filter(|a| is_account_id(a))
        .or(opts.account.as_deref().filter(|a| is_account_id(a)))
    {
        Some(a) => a.to_string(),
        None => {
            placeholders.push("AwsAccountId");
            PLACEHOLDER_ACCOUNT.to_string()
        }
    };
    let region = match f
        .resource
        .region
        .as_deref()
        .or(opts.region.as_deref())
        .or(source_region)
        .filter(|r| !r.trim().is_empty())
    {
        Some(r) => clip(r, limits::REGION, PLACEHOLDER_REGION),
        None => {
            placeholders.push("Region");
            PLACEHOLDER_REGION.to_string()
        }
    };
    let partition = if opts.partition.trim().is_empty() {
        "aws"
    } else {
        opts.partition.as_str()
    };
    let product_arn = clip(
        &format!("arn:{partition}:securityhub:{region}:{account}:product/{account}/default"),
        limits::PRODUCT_ARN,
        "-",
    );

    let mut types: Vec<String> = f
        .controls
        .iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(fw, _)| standard_classifier(fw, fw_names.get(fw.as_str()).copied()))
        .collect();
    types.sort();
    types.dedup();
    if types.is_empty() {
        types.push("Software and Configuration Checks/AWS Security Best Practices".to_string());
    }
    types.truncate(limits::TYPES);

    let total: usize = f.controls.values().map(Vec::len).sum();
    let requirements = control_refs(&f.controls, limits::RELATED_REQUIREMENTS);
    let omitted = total.saturating_sub(requirements.len());

    let location = f.resource.location.as_ref().map(|l| match l.line {
        Some(n) => format!("{}:{n}", l.file),
        None => l.file.clone(),
    });
    let mut description = f.message.clone();
    if f.status == Status::Unknown {
        description = format!("Cannot be decided from the input: {description}");
    }
    if !description.trim_end().ends_with(['.', '!', '?']) {
        description.push('.');
    }
    description.push_str(&format!(" Resource: {}", f.resource.id));
    if let Some(l) = &location {
        description.push_str(&format!(" ({l})"));
    }
    let title = rule.map(|r| r.title.as_str()).unwrap_or(f.title.as_str());
    let doc_url = rule.filter(|r| r.builtin).map(|r| rule_doc_url(&r.id));

    let mut fields: Vec<(String, String)> = vec![
        ("ProviderName".into(), report.tool.name.clone()),
        ("ProviderVersion".into(), report.tool.version.clone()),
        ("complyctl/Status".into(), f.status.as_str().to_string()),
        ("complyctl/Fingerprint".into(), f.fingerprint.clone()),
        (
            "complyctl/Source".into(),
            f.resource.source.as_str().to_string(),
        ),
        (
            "complyctl/Kind".into(),
            f.resource.kind.as_str().to_string(),
        ),
    ];
    if let Some(l) = &location {
        fields.push(("complyctl/Location".into(), l.clone()));
    }
    if let Some(w) = &f.waiver {
        fields.push(("complyctl/Waiver/Reason".into(), w.reason.clone()));
        fields.push(("complyctl/Waiver/Source".into(), w.source.clone()));
        if let Some(o) = &w.owner {
            fields.push(("complyctl/Waiver/Owner".into(), o.clone()));
        }
        if let Some(e) = &w.expires {
            fields.push(("complyctl/Waiver/Expires".into(), e.clone()));
        }
    }
    if omitted > 0 {
        fields.push((
            "complyctl/RelatedRequirementsOmitted".into(),
            omitted.to_string(),
        ));
    }
    if !placeholders.is_empty() {
        fields.push(("complyctl/Placeholders".into(), placeholders.join(",")));
    }

    let mut other = vec![
        ("Name".to_string(), f.resource.name.clone()),
        ("Kind".to_string(), f.resource.kind.as_str().to_string()),
        ("Source".to_string(), f.resource.source.as_str().to_string()),
    ];
    if let Some(l) = &location {
        other.push(("Location".to_string(), l.clone()));
    }
    let tags = field_map(
        f.resource
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        limits::TAGS,
        limits::TAG_VALUE,
    );

    let (workflow, note) = match (&f.status, &f.waiver) {
        (Status::Waived, w) => {
            let mut text = match w {
                Some(w) => format!("Waived ({}): {}", w.source, w.reason),
                None => "Waived".to_string(),
            };
            if let Some(w) = w {
                if let Some(o) = &w.owner {
                    text.push_str(&format!("; owner {o}"));
                }
                if let Some(e) = &w.expires {
                    text.push_str(&format!("; expires {e}"));
                }
            }
            (
                Some(Workflow {
                    status: "SUPPRESSED".to_string(),
                }),
                Some(Note {
                    text: clip(&text, limits::NOTE_TEXT, "Waived"),
                    updated_by: "complyctl".to_string(),
                    updated_at: report.scan.finished_at.clone(),
                }),
            )
        }
        _ => (None, None),
    };

    AsffFinding {
        schema_version: "2018-10-08".to_string(),
        id: clip(
            &format!("complyctl/{}/{}", f.rule_id, f.fingerprint),
            limits::ID,
            "complyctl",
        ),
        product_arn,
        product_name: "complyctl".to_string(),
        company_name: "complyctl".to_string(),
        generator_id: clip(&f.rule_id, limits::GENERATOR_ID, "complyctl"),
        aws_account_id: account,
        types,
        created_at: report.scan.started_at.clone(),
        updated_at: report.scan.finished_at.clone(),
        first_observed_at: report.scan.started_at.clone(),
        last_observed_at: report.scan.started_at.clone(),
        severity: AsffSeverity {
            label: if f.status == Status::Pass {
                "INFORMATIONAL".to_string()
            } else {
                severity_label(f.severity).to_string()
            },
            original: clip(f.severity.as_str(), limits::SEVERITY_ORIGINAL, "-"),
        },
        title: clip(title, limits::TITLE, &f.rule_id),
        description: clip(&description, limits::DESCRIPTION, title),
        remediation: rule
            .filter(|r| !r.remediation.trim().is_empty())
            .map(|r| Remediation {
                recommendation: Recommendation {
                    text: clip(&r.remediation, limits::RECOMMENDATION_TEXT, "-"),
                    url: doc_url.clone(),
                },
            }),
        source_url: doc_url,
        product_fields: field_map(fields, limits::PRODUCT_FIELDS, limits::PRODUCT_FIELD_VALUE),
        resources: vec![AsffResource {
            resource_type: clip(
                resource_type(f.resource.kind),
                limits::RESOURCE_TYPE,
                "Other",
            ),
            id: clip(&f.resource.id, limits::PRODUCT_ARN, "-"),
            partition: partition.to_string(),
            region: f
                .resource
                .region
                .as_deref()
                .filter(|r| !r.trim().is_empty())
                .map(|r| clip(r, limits::REGION, "-")),
            tags,
            details: ResourceDetails {
                other: field_map(other, limits::PRODUCT_FIELDS, limits::OTHER_FIELD_VALUE),
            },
        }],
        compliance: Compliance {
            status: compliance_status(f.status).to_string(),
            related_requirements: requirements,
        },
        record_state: if f.status == Status::Pass {
            "ARCHIVED".to_string()
        } else {
            "ACTIVE".to_string()
        },
        workflow,
        note,
    }
}

pub fn render(report: &Report, opts: &Options) -> Vec<u8> {
    let payload = Payload {
        findings: findings(report, opts),
    };
    let mut out = serde_json::to_vec_pretty(&payload)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}").into_bytes());
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_by_characters() {
        assert_eq!(clip("abc", 3, "x"), "abc");
        assert_eq!(clip("abcd", 3, "x"), "ab…");
        assert_eq!(clip("ééééé", 4, "x").chars().count(), 4);
        assert_eq!(clip("  ", 3, "x"), "x");
    }

    #[test]
    fn every_kind_has_a_type() {
        for k in Kind::ALL {
            assert!(!resource_type(*k).is_empty());
        }
    }
}
