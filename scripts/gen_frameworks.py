#!/usr/bin/env python3
"""Generate (and check) complyctl's framework packs, frameworks/<id>.yaml.

The packs are the only place where rule -> control mappings live. This script
builds them from

  * the control catalogs in ../shared/reference/catalogs (relative to the repo
    root; override with --reference-dir or $COMPLYCTL_REFERENCE_DIR), which give
    the control ids, their order and their titles;
  * the mapping table below (MAPPINGS), which records, per rule and framework,
    the mapping found in the research (../shared/reference/aws-check-control-
    mapping.md), what was dropped from it and what was added, each with a reason;
  * the manual-evidence texts in scripts/framework_evidence.py.

Usage:
  python3 scripts/gen_frameworks.py            # write frameworks/*.yaml
  python3 scripts/gen_frameworks.py --check    # validate packs on disk (needs PyYAML)

Output is deterministic: same inputs, byte-identical files. Generation needs only
the standard library; --check also needs PyYAML to parse the packs back.
See docs/frameworks.md for how to add a rule or a mapping.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import framework_evidence as ev  # noqa: E402  (sibling module with the manual texts)

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "frameworks"

# --------------------------------------------------------------------------
# Rules. Order here is the order rules are listed inside a control.
# sechub: the AWS Security Hub (FSBP) control the rule corresponds to, used in
# notes so a reader can find the research row.
# --------------------------------------------------------------------------
RULES = {
    "S3.ENCRYPTION_AT_REST": "S3.4",
    "S3.PUBLIC_ACCESS_BLOCK": "S3.8",
    "S3.VERSIONING": "S3.14",
    "S3.ACCESS_LOGGING": "S3.9",
    "S3.TLS_ONLY": "S3.5",
    "EC2.SG_OPEN_SSH": "EC2.13",
    "EC2.SG_OPEN_RDP": "EC2.14",
    "IAM.POLICY_ADMIN_STAR": "IAM.1",
    "EC2.VPC_FLOW_LOGS": "EC2.6",
    "EKS.PUBLIC_ENDPOINT": "EKS.1",
    "EKS.SECRETS_ENCRYPTION": "EKS.3",
    "KMS.KEY_ROTATION": "KMS.4",
    # IAM. "-": no Security Hub control checks this; IAM.28 (Access Analyzer) and IAM.2 have no research row.
    "IAM.ROOT_MFA": "IAM.9",
    "IAM.ROOT_HARDWARE_MFA": "IAM.6",
    "IAM.ROOT_ACCESS_KEYS": "IAM.4",
    "IAM.ROOT_RECENT_USE": "-",
    "IAM.USER_CONSOLE_MFA": "IAM.5",
    "IAM.PASSWORD_POLICY_LENGTH": "IAM.7",
    "IAM.PASSWORD_POLICY_REUSE": "IAM.7",
    "IAM.PASSWORD_POLICY_MAX_AGE": "IAM.7",
    "IAM.PASSWORD_POLICY_COMPLEXITY": "IAM.7",
    "IAM.ACCESS_KEY_ROTATION": "IAM.3",
    "IAM.CREDENTIALS_UNUSED": "IAM.8",
    "IAM.ACCESS_KEYS_SINGLE_ACTIVE": "-",
    "IAM.USER_NO_ATTACHED_POLICIES": "IAM.2",
    "IAM.USER_NO_INLINE_POLICIES": "IAM.2",
    "IAM.USER_NO_ADMIN_PRIVILEGES": "IAM.1",
    "IAM.ROLE_NO_ADMIN_PRIVILEGES": "IAM.1",
    "IAM.GROUP_NO_ADMIN_PRIVILEGES": "IAM.1",
    "IAM.ROLE_TRUST_NO_WILDCARD": "-",
    "IAM.ROLE_CROSS_ACCOUNT_EXTERNAL_ID": "-",
    "IAM.ACCESS_ANALYZER_ENABLED": "IAM.28",
    # S3. S3.2/S3.3, S3.12, S3.17 and S3.20 have no research row.
    "S3.ACCOUNT_PUBLIC_ACCESS_BLOCK": "S3.1",
    "S3.NO_PUBLIC_ACL": "S3.2/S3.3",
    "S3.NO_PUBLIC_POLICY": "S3.2/S3.3",
    "S3.KMS_ENCRYPTION": "S3.17",
    "S3.MFA_DELETE": "S3.20",
    "S3.LIFECYCLE_CONFIGURED": "S3.13",
    "S3.OBJECT_LOCK_EVIDENCE": "S3.15",
    "S3.LOG_RETENTION": "-",
    "S3.CROSS_REGION_REPLICATION": "S3.7",
    "S3.ACLS_DISABLED": "S3.12",
    # CloudTrail, Config, GuardDuty, Security Hub, KMS. CloudTrail.5/.6/.7 and KMS.3 have no research row.
    "CLOUDTRAIL.MULTI_REGION_ENABLED": "CloudTrail.1",
    "CLOUDTRAIL.LOG_FILE_VALIDATION": "CloudTrail.4",
    "CLOUDTRAIL.KMS_ENCRYPTION": "CloudTrail.2",
    "CLOUDTRAIL.BUCKET_NOT_PUBLIC": "CloudTrail.6",
    "CLOUDTRAIL.BUCKET_ACCESS_LOGGING": "CloudTrail.7",
    "CLOUDTRAIL.CLOUDWATCH_LOGS": "CloudTrail.5",
    "CONFIG.RECORDER_ENABLED": "Config.1",
    "GUARDDUTY.ENABLED": "GuardDuty.1",
    "SECURITYHUB.ENABLED": "-",
    "KMS.KEY_NOT_PENDING_DELETION": "KMS.3",
    # EKS and EC2 network. EKS.2, EC2.15, EC2.18, EC2.19 and EC2.53/54 have no research row.
    "EKS.CONTROL_PLANE_LOGGING": "EKS.8",
    "EKS.SUPPORTED_VERSION": "EKS.2",
    "EKS.NODEGROUP_REMOTE_ACCESS": "-",
    "EC2.SG_OPEN_ALL": "EC2.18",
    "EC2.SG_OPEN_ADMIN_PORTS": "EC2.53/EC2.54",
    "EC2.SG_OPEN_DB_PORTS": "EC2.19",
    "EC2.DEFAULT_SG_NO_TRAFFIC": "EC2.2",
    "EC2.NACL_NO_OPEN_ADMIN_PORTS": "EC2.21",
    "EC2.SUBNET_NO_PUBLIC_IP": "EC2.15",
    "EC2.EBS_DEFAULT_ENCRYPTION": "EC2.7",
    "EC2.SG_NO_UNRESTRICTED_EGRESS": "-",
}

# Every rule must be mapped to at least one control in each of these packs.
REQUIRED_PACKS = ("soc2", "fedramp-moderate", "nist-csf-2.0", "mpa-tpn")

# --------------------------------------------------------------------------
# Reusable reasons (so that identical decisions read identically in the notes).
# --------------------------------------------------------------------------
R_CC62 = ("CC6.2 is about registering and authorising users before credentials are issued, "
          "which a resource-configuration check does not evidence")
R_NOT_INVENTORY = "the check does not produce or maintain an inventory"
R_NOT_FLOW_MAP = ("the control asks for maintained representations of authorised data flows; "
                  "enabling a log does not provide them")
R_INVESTIGATOR = "the subcategory is about recording investigators' own actions, not resource access logs"
R_RISK_ANALYSIS = "a risk-analysis outcome; one resource setting is not evidence of it"
R_GOVERNANCE = "a governance/process outcome that a resource configuration cannot show to pass or fail"
R_IR_ACTIVITY = "an incident-response activity; a standing configuration is not evidence that incidents were contained or eradicated"
R_SHARING = "about sharing information on protection effectiveness, not a configuration"
R_PHYSICAL = "about monitoring the physical environment"
R_SUPPLIER = "about assessing suppliers"
R_VULN_ID = "about identifying asset vulnerabilities (scanning), not this setting"
R_DEVTEST = "about separating development/test from production; an ingress rule does not show that"
R_CAPACITY = "about capacity management, which versioning does not address"
R_PLANS = "about response/recovery plans being in place, a document outcome"
R_REQS = "about defining resilience requirements, a governance outcome"
R_PROOFING = "about identity proofing and binding credentials, which this check does not test"
R_ASSERTIONS = "about protecting identity assertions (tokens, federation), which this check does not test"
R_HR = "about cybersecurity in human-resources practices (e.g. off-boarding), which this check does not show"
R_CM_PRACTICE = ("about establishing and applying configuration-management practices; one resource setting "
                 "does not evidence the practice")
R_DECLARE = "declaring incidents against defined criteria is an incident-management decision, not a configuration"
R_IR_MGMT = ("an incident-management activity (executing the plan, triaging, categorising, escalating, estimating "
             "magnitude, starting recovery); a standing configuration is not evidence of it")
R_IR_COMMS = "about notifying and informing stakeholders during incidents, an incident-response activity"
R_RECOVERY = ("a recovery activity (verifying and restoring assets, declaring the end of recovery); a standing "
              "configuration is not evidence of it")
R_IMPROVE = ("identifying improvements from evaluations, tests and exercises is a management process; findings feed "
             "it but do not show it happened")
R_CTI_LOG = "about integrating threat intelligence into analysis; a log source does not do that"
R_CTI_FORUMS = "about receiving threat intelligence from information-sharing forums, an organisational activity"
R_MOBILE_CODE = ("about detecting unauthorised mobile code (scripts, macros, applets run on endpoints), which this "
                 "service does not do")
R_HW = "about verifying hardware integrity, which this check does not do"
R_VULN_DISCLOSURE = "about processes for receiving vulnerability disclosures from outside, not a configuration"
R_DEVTEST_LOG = "about separating development/test from production; log file validation does not show that"
R_CAPACITY_REPL = "about capacity management; a replica in another bucket does not add capacity"
R_CAPACITY_LC = ("about capacity to ensure availability; S3 storage is not capacity-bound, so lifecycle rules manage "
                 "retention and cost, not availability")
R_LC_NOT_BACKUP = ("a lifecycle rule transitions or expires objects; it is neither a backup nor a recovery measure, "
                   "and a rule that only deletes data passes the check (the semantics would be inverted)")
R_VALIDATION = ("log file validation protects the integrity of delivered log files; it does not generate, collect, "
                "analyse or monitor events (CLOUDTRAIL.MULTI_REGION_ENABLED is mapped to those outcomes)")
R_ENCRYPTION_LOG = ("encrypting the log files protects them at rest; it does not generate, collect, analyse or monitor "
                    "events (CLOUDTRAIL.MULTI_REGION_ENABLED is mapped to those outcomes)")
R_SH_MALWARE = ("Security Hub does not itself detect malicious code; it collects the findings of services that do "
                "(GuardDuty has its own rule, GUARDDUTY.ENABLED)")
R_SH_CTI = "Security Hub aggregates findings; it does not integrate threat intelligence into their analysis"
# SOC 2 criteria dropped from research rows.
R_CC13 = ("CC1.3 is about management structures, reporting lines and authorities (control environment), which "
          "removing unused credentials does not evidence")
R_CC31 = "CC3.1 is about specifying objectives for risk assessment, a governance outcome"
R_CC32 = ("CC3.2 is about identifying and analysing risks, a risk-assessment process that a configuration check "
          "does not evidence")
R_CC42 = ("CC4.2 is about evaluating and communicating internal-control deficiencies to those responsible, a "
          "governance process")
R_CC74 = ("CC7.4 is about executing the incident-response programme; a detection or findings service being enabled is "
          "not evidence that incidents were responded to")
R_PI13 = ("PI1.3 is about policies and procedures over system processing (processing integrity), which this logging "
          "setting does not evidence")

# Reasons shared by rules that have no research row of their own and are mapped like a related check.
A_HOST_SG = "security groups are the host (instance/ENI)-level boundary protection on AWS"
A_NODEGROUP_AS_SSH = ("no Security Hub control or research row; when a node group has an SSH key and no source security "
                      "groups, EKS opens port 22 (3389 on Windows nodes) of every node to 0.0.0.0/0, so it is mapped "
                      "as the research maps the SSH check (EC2.13)")
A_ADMIN_AS_SSH = ("no research row for EC2.53/EC2.54 (CIS checks); mapped as the research maps the SSH check (EC2.13): "
                  "the remote-administration ports checked include SSH (22) and RDP (3389)")
A_ALL_AS_SG = ("no research row for EC2.18; mapped as the research maps the open-port checks (EC2.13, EC2.14): all "
               "ports open to the internet include SSH and RDP")
A_DB_AS_SG = ("no research row for EC2.19; mapped as the research maps the open-port checks (EC2.13, EC2.14), which "
              "differ only in the ports")
A_S32_AS_BPA = ("no research row for S3.2/S3.3; mapped as the research maps Block Public Access (S3.1, S3.8): a public "
                "ACL or bucket policy exposes the bucket to anonymous users outside the system boundary")
A_CT6_AS_BPA = ("no research row for CloudTrail.6 (Security Hub lists only CIS requirements); mapped as Block Public "
                "Access (S3.1): a public log bucket exposes the account's audit trail to anyone")
A_CT7_AS_S39 = ("no research row for CloudTrail.7 (Security Hub lists only CIS requirements); mapped as the research "
                "maps S3 server access logging (S3.9): here the access log records reads, copies and deletions of the "
                "audit logs themselves")
A_EKS8_AS_LOGS = ("research has — for EKS.8; mapped as the research maps the other log sources (S3.9, EC2.6, "
                  "CloudTrail.1): the control-plane logs are the only record of who did what through the Kubernetes API")
A_IAM3_SINGLE = ("no Security Hub control or research row; mapped as the research maps access-key rotation (IAM.3): a "
                 "second long-lived active key is an extra credential to control, usually one that was never retired")
A_PASSWORD = ("research has —; the account password policy sets the requirements IAM users' console passwords must "
              "meet, part of managing and authenticating with credentials")


def _sechub(ctl: str, extra: str = "") -> str:
    """Reason for a control taken from a Security Hub control's NIST 800-53 r5 "related requirements"."""
    return (f"research has no row for {ctl}; listed for {ctl} in the Security Hub user guide (NIST 800-53 r5 related "
            f"requirements){extra}")

# FedRAMP research "[+extra]" controls that we do not use, with the reason.
FEDRAMP_EXTRA_SKIP = {
    "CM-6": "generic: Prowler/Steampipe attach CM-6 (Configuration Settings) to nearly every configuration check; "
            "one resource setting does not evidence the organisation's configuration-settings process",
    "CM-9": "generic: the configuration management plan is a document, not a resource setting",
    "CM-5(1)": "automated enforcement and auditing of change-access restrictions is not what this check tests",
    "CM-2": "baseline-configuration process control; generic",
    "CM-2(2)": "automation support for the baseline configuration; generic",
    "MP-2": "media access concerns handling of physical/digital media, not this setting",
    "SI-1": "policy-and-procedures control; evidenced manually",
    "CA-9": "internal system connections are not what this check tests",
    "CP-9": "encryption at rest does not evidence that backups are taken",
    "CP-9(8)": "the rule checks every bucket's default encryption, not backup storage specifically",
    "CP-10(2)": "transaction recovery for transaction-based systems; object versioning or replication is not that",
    "AU-8": "time stamps in records are not tested by enabling the log",
    "SI-4(2)": "automated tools for real-time analysis; enabling a log source is not the analysis tool",
    "AC-17": "remote access (user sessions) is not what this check tests",
    "AC-17(1)": "monitoring and control of remote access sessions is not tested by this check",
    "AC-17(4)": "privileged commands via remote access are not tested by this check",
    "SC-7(7)": "split tunnelling on remote devices is unrelated",
    "SC-7(12)": "host-based protection does not apply to this resource",
    "SC-7(5)": "deny-by-default network traffic rules are not what a bucket TLS condition tests",
    "AC-2": "account management (authorising, creating, reviewing and removing accounts) is not what a password-policy "
            "setting tests",
    "CM-12": "information location is not what this check tests",
    "IA-4": "identifier management (assigning and reusing user identifiers) is not what this check tests",
    "IA-4(4)": "identifying user status (e.g. contractor, foreign national) is not what this check tests",
    "IA-8(2)": "acceptance of external (federated) authenticators is not what this check tests",
    "MA-4": "nonlocal maintenance is not what this check tests",
    "AU-3(1)": "the additional audit content is organisation-defined; enabling the service does not show it is recorded",
    "CA-2": "control assessments are planned assessments by assessors; enabling a detection or findings service is not one",
    "RA-1": "policy-and-procedures control; evidenced manually",
    "RA-3": "risk assessment is a documented process, not a service setting",
    "RA-5": "vulnerability scanning is not what GuardDuty does (it detects threats in account, network and DNS activity)",
    "SI-4(23)": "host-based monitoring devices are not what this check tests (the rule checks the detector, not agents)",
    "SI-5": "receiving and acting on external security alerts and advisories is not what this check tests",
}

# --------------------------------------------------------------------------
# The mapping table.
#
# Per framework key ("soc2", "fedramp", "csf2", "csf11", "mpa") and rule:
#   research: controls the research table lists for this rule (verbatim; [] for "—")
#   drop:     {control: reason} research controls deliberately not mapped
#   add:      {control: reason} controls mapped although the research does not list them
# FedRAMP additionally has
#   extra:     the research "[+extra]" list (verbatim)
#   use_extra: {control: reason} extras that are mapped (the rest are noted as not used)
# The final mapping is (research - drop) + use_extra + add. FedRAMP mappings are
# shared by the three baselines; each pack keeps only the controls in its baseline.
# --------------------------------------------------------------------------
MAPPINGS = {
    "soc2": {
        "S3.ENCRYPTION_AT_REST": {
            "research": ["CC6.1", "CC6.2", "PI1.4"],
            "drop": {"CC6.2": R_CC62},
        },
        "S3.PUBLIC_ACCESS_BLOCK": {
            "research": [],
            "add": {
                "CC6.1": "research has — for bucket-level BPA (S3.8); the account-level BPA check (S3.1) maps here",
                "CC6.6": "research has — for bucket-level BPA (S3.8); the account-level BPA check (S3.1) maps here; "
                         "BPA keeps buckets from being reachable by anonymous users outside the system boundary",
            },
        },
        "S3.VERSIONING": {
            "research": ["A1.2", "C1.2", "CC7.4", "PI1.5"],
            "drop": {"C1.2": "C1.2 is about disposing of confidential information; versioning keeps deleted objects, "
                             "so a pass would not evidence disposal (and a fail would not hinder it)"},
        },
        "S3.ACCESS_LOGGING": {
            "research": ["A1.2", "CC6.1", "CC6.2", "CC7.2", "CC7.3"],
            "drop": {"CC6.2": R_CC62},
        },
        "S3.TLS_ONLY": {
            "research": ["CC6.1", "CC6.2"],
            "drop": {"CC6.2": R_CC62},
            "add": {"CC6.7": "CC6.7 covers protecting information in transmission (its points of focus include "
                             "encryption/secure channels); a TLS-only bucket policy is direct evidence"},
        },
        "EC2.SG_OPEN_SSH": {
            "research": ["CC6.1", "CC6.2", "CC6.6", "CC7.2"],
            "drop": {
                "CC6.2": R_CC62,
                "CC7.2": "CC7.2 is about monitoring for anomalies; an ingress rule is not monitoring "
                         "(the research maps the same check for RDP, EC2.14, without CC7.2)",
            },
        },
        "EC2.SG_OPEN_RDP": {
            "research": ["CC6.1", "CC6.2", "CC6.6"],
            "drop": {"CC6.2": R_CC62},
        },
        "IAM.POLICY_ADMIN_STAR": {
            "research": ["CC1.3", "CC6.1", "CC6.2", "CC6.3"],
        },
        "EC2.VPC_FLOW_LOGS": {
            "research": ["CC6.6", "CC7.2", "CC7.3"],
        },
        "EKS.PUBLIC_ENDPOINT": {
            "research": [],
            "add": {
                "CC6.1": "research has —; a private Kubernetes API endpoint is part of the logical access "
                         "architecture protecting the cluster (same basis as S3 BPA and open-port checks)",
                "CC6.6": "research has —; a public API endpoint exposes the cluster to sources outside the "
                         "system boundary, which CC6.6 addresses",
            },
        },
        "EKS.SECRETS_ENCRYPTION": {
            "research": [],
            "add": {"CC6.1": "research has —; CC6.1's points of focus include using encryption to protect data "
                             "and protecting encryption keys; envelope-encrypting Kubernetes secrets with KMS does both"},
        },
        "KMS.KEY_ROTATION": {
            "research": ["PI1.5"],
            "add": {"CC6.1": "CC6.1's points of focus include protecting encryption keys during their life cycle; "
                             "automatic rotation is part of that"},
        },
        # --- IAM ---
        "IAM.ROOT_MFA": {
            "research": ["CC6.6"],
            "add": {"CC6.1": "CC6.1's points of focus include identifying and authenticating users before they access "
                             "information assets; MFA on the most privileged sign-in is part of that"},
        },
        "IAM.ROOT_HARDWARE_MFA": {
            "research": ["CC6.6"],
            "add": {"CC6.1": "CC6.1's points of focus include identifying and authenticating users before they access "
                             "information assets; MFA on the most privileged sign-in is part of that"},
        },
        "IAM.ROOT_ACCESS_KEYS": {"research": ["CC6.1", "CC6.2", "CC6.3"]},
        "IAM.ROOT_RECENT_USE": {
            "research": [],
            "add": {
                "CC6.3": "no Security Hub control or research row; CC6.3 asks that access follow roles and least "
                         "privilege, and everyday work done as the root user runs with privileges nothing can limit",
                "CC7.2": "no Security Hub control or research row; an unexpected recent root sign-in or key use is an "
                         "anomaly CC7.2 monitoring should surface, and the rule reports it",
            },
        },
        "IAM.USER_CONSOLE_MFA": {
            "research": ["CC3.2", "CC6.6"],
            "drop": {"CC3.2": R_CC32},
            "add": {"CC6.1": "CC6.1's points of focus include identifying and authenticating users before they access "
                             "information assets; MFA on console sign-in is part of that"},
        },
        "IAM.PASSWORD_POLICY_LENGTH": {"research": [], "add": {"CC6.1": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_REUSE": {"research": [], "add": {"CC6.1": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_MAX_AGE": {"research": [], "add": {"CC6.1": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_COMPLEXITY": {"research": [], "add": {"CC6.1": A_PASSWORD}},
        "IAM.ACCESS_KEY_ROTATION": {"research": ["CC6.1", "CC6.2"]},
        "IAM.CREDENTIALS_UNUSED": {
            "research": ["CC1.3", "CC6.1", "CC6.2", "CC6.3"],
            "drop": {"CC1.3": R_CC13},
        },
        "IAM.ACCESS_KEYS_SINGLE_ACTIVE": {"research": [], "add": {"CC6.1": A_IAM3_SINGLE, "CC6.2": A_IAM3_SINGLE}},
        "IAM.USER_NO_ATTACHED_POLICIES": {"research": [], "add": {
            "CC6.3": "research has no row for IAM.2; CC6.3 asks that access be authorised and modified based on roles "
                     "and responsibilities, i.e. through groups or roles rather than per-user grants",
        }},
        "IAM.USER_NO_INLINE_POLICIES": {"research": [], "add": {
            "CC6.3": "research has no row for IAM.2; CC6.3 asks that access be authorised and modified based on roles "
                     "and responsibilities, i.e. through groups or roles rather than per-user grants",
        }},
        "IAM.USER_NO_ADMIN_PRIVILEGES": {"research": ["CC1.3", "CC6.1", "CC6.2", "CC6.3"]},
        "IAM.ROLE_NO_ADMIN_PRIVILEGES": {"research": ["CC1.3", "CC6.1", "CC6.2", "CC6.3"]},
        "IAM.GROUP_NO_ADMIN_PRIVILEGES": {"research": ["CC1.3", "CC6.1", "CC6.2", "CC6.3"]},
        "IAM.ROLE_TRUST_NO_WILDCARD": {"research": [], "add": {
            "CC6.1": "no Security Hub control or research row; a role that any AWS principal can assume opens the "
                     "account's logical access boundary to everyone",
            "CC6.3": "no Security Hub control or research row; CC6.3 requires access to be authorised, and a trust "
                     "policy naming every principal hands the role's permissions to principals nobody authorised",
        }},
        "IAM.ROLE_CROSS_ACCOUNT_EXTERNAL_ID": {"research": [], "add": {
            "CC6.1": "no Security Hub control or research row; requiring an external ID from third-party accounts "
                     "closes the confused-deputy path into the account",
            "CC6.3": "no Security Hub control or research row; access authorised for a third party should serve only "
                     "that party's requests for this account, which the external ID enforces",
        }},
        "IAM.ACCESS_ANALYZER_ENABLED": {"research": [], "add": {
            "CC6.3": "no research row for IAM.28 (a CIS check); CC6.3's points of focus include reviewing access roles "
                     "and rules, and Access Analyzer reports the resources shared outside the account or organisation",
            "CC7.2": "no research row for IAM.28; unintended external or public access is an anomaly that Access "
                     "Analyzer detects continuously",
        }},
        # --- S3 ---
        "S3.ACCOUNT_PUBLIC_ACCESS_BLOCK": {
            "research": ["CC6.1", "CC6.2", "CC6.6"],
            "drop": {"CC6.2": R_CC62},
        },
        "S3.NO_PUBLIC_ACL": {"research": [], "add": {"CC6.1": A_S32_AS_BPA, "CC6.6": A_S32_AS_BPA}},
        "S3.NO_PUBLIC_POLICY": {"research": [], "add": {"CC6.1": A_S32_AS_BPA, "CC6.6": A_S32_AS_BPA}},
        "S3.KMS_ENCRYPTION": {"research": [], "add": {
            "CC6.1": "no research row for S3.17; CC6.1's points of focus include using encryption to protect data and "
                     "protecting encryption keys, and with SSE-KMS reading the data also needs a separately controlled, "
                     "logged key",
        }},
        "S3.MFA_DELETE": {"research": [], "add": {
            "CC6.1": "no research row for S3.20; permanently deleting evidence then needs the root user's MFA device on "
                     "top of credentials, a logical access restriction over protected information",
        }},
        "S3.LIFECYCLE_CONFIGURED": {"research": ["C1.2"]},
        "S3.OBJECT_LOCK_EVIDENCE": {
            "research": ["C1.1", "CC6.1", "CC6.2", "PI1.5"],
            "drop": {"CC6.2": R_CC62},
        },
        "S3.LOG_RETENTION": {"research": [], "add": {
            "CC7.2": "no Security Hub control or research row; the research maps the log sources (S3.9, EC2.6, "
                     "CloudTrail.1) to CC7.2 and CC7.3, and logs deleted before the period under review can be neither "
                     "monitored nor evaluated",
            "CC7.3": "no Security Hub control or research row; the research maps the log sources (S3.9, EC2.6, "
                     "CloudTrail.1) to CC7.2 and CC7.3, and logs deleted before the period under review can be neither "
                     "monitored nor evaluated",
        }},
        "S3.CROSS_REGION_REPLICATION": {"research": ["A1.2", "CC7.4"]},
        "S3.ACLS_DISABLED": {"research": [], "add": {
            "CC6.1": "no research row for S3.12; with ACLs disabled, access to the bucket is governed by IAM and the "
                     "bucket policy alone, one reviewable access-control mechanism",
        }},
        # --- CloudTrail, Config, GuardDuty, Security Hub, KMS ---
        "CLOUDTRAIL.MULTI_REGION_ENABLED": {
            "research": ["A1.2", "CC2.1", "CC7.2", "PI1.3"],
            "drop": {"PI1.3": R_PI13},
            "add": {"CC7.3": "the research maps the other log sources (S3.9, EC2.6) here; the trail is the primary "
                             "record of API activity from which security events are evaluated"},
        },
        "CLOUDTRAIL.LOG_FILE_VALIDATION": {
            "research": ["CC7.3", "PI1.3"],
            "drop": {"PI1.3": R_PI13},
        },
        "CLOUDTRAIL.KMS_ENCRYPTION": {
            "research": ["CC6.1", "CC6.2"],
            "drop": {"CC6.2": R_CC62},
        },
        "CLOUDTRAIL.BUCKET_NOT_PUBLIC": {"research": [], "add": {"CC6.1": A_CT6_AS_BPA, "CC6.6": A_CT6_AS_BPA}},
        "CLOUDTRAIL.BUCKET_ACCESS_LOGGING": {"research": [], "add": {"CC7.2": A_CT7_AS_S39, "CC7.3": A_CT7_AS_S39}},
        "CLOUDTRAIL.CLOUDWATCH_LOGS": {"research": [], "add": {
            "CC7.2": "no research row for CloudTrail.5; delivery to CloudWatch Logs is what lets metric filters and "
                     "alarms watch API activity for anomalies as it happens",
        }},
        "CONFIG.RECORDER_ENABLED": {
            "research": ["CC2.1", "CC3.1", "CC3.4", "CC8.1", "PI1.3"],
            "drop": {"CC3.1": R_CC31,
                     "PI1.3": "PI1.3 is about policies and procedures over system processing (processing integrity), "
                              "which recording resource configurations does not evidence"},
            "add": {"CC7.1": "CC7.1 asks for detection and monitoring procedures that identify configuration changes; "
                             "the recorder keeps the configuration history of every resource"},
        },
        "GUARDDUTY.ENABLED": {
            "research": ["CC3.1", "CC3.2", "CC4.2", "CC6.6", "CC6.8", "CC7.1", "CC7.2", "CC7.3", "CC7.4"],
            "drop": {"CC3.1": R_CC31, "CC3.2": R_CC32, "CC4.2": R_CC42, "CC7.4": R_CC74},
        },
        "SECURITYHUB.ENABLED": {
            "research": ["CC3.1", "CC6.6", "CC6.8", "CC7.1", "CC7.2", "CC7.3", "CC7.4"],
            "drop": {"CC3.1": R_CC31, "CC6.8": R_SH_MALWARE, "CC7.4": R_CC74},
            "add": {"CC4.1": "CC4.1 asks for ongoing evaluations of whether controls are present and functioning; a "
                             "ready security standard evaluates the account's resources against its controls "
                             "continuously"},
        },
        "KMS.KEY_NOT_PENDING_DELETION": {"research": [], "add": {
            "CC6.1": "no research row for KMS.3; CC6.1's points of focus include protecting encryption keys during "
                     "their life cycle, and an unintended scheduled deletion destroys the key",
            "PI1.5": "no research row for KMS.3; as the research maps key rotation (KMS.4) here: once the key is "
                     "deleted, everything stored under it becomes unreadable",
        }},
        # --- EKS, EC2 network ---
        "EKS.CONTROL_PLANE_LOGGING": {"research": [], "add": {"CC7.2": A_EKS8_AS_LOGS, "CC7.3": A_EKS8_AS_LOGS}},
        "EKS.SUPPORTED_VERSION": {"research": [], "add": {
            "CC7.1": "no research row for EKS.2; CC7.1 covers susceptibility to newly discovered vulnerabilities, and "
                     "versions past EKS standard support no longer receive security patches",
        }},
        "EKS.NODEGROUP_REMOTE_ACCESS": {"research": [], "add": {"CC6.1": A_NODEGROUP_AS_SSH,
                                                                "CC6.6": A_NODEGROUP_AS_SSH}},
        "EC2.SG_OPEN_ALL": {"research": [], "add": {"CC6.1": A_ALL_AS_SG, "CC6.6": A_ALL_AS_SG}},
        "EC2.SG_OPEN_ADMIN_PORTS": {"research": [], "add": {"CC6.1": A_ADMIN_AS_SSH, "CC6.6": A_ADMIN_AS_SSH}},
        "EC2.SG_OPEN_DB_PORTS": {"research": [], "add": {"CC6.1": A_DB_AS_SG, "CC6.6": A_DB_AS_SG}},
        "EC2.DEFAULT_SG_NO_TRAFFIC": {
            "research": ["CC6.1", "CC6.2", "CC6.6"],
            "drop": {"CC6.2": R_CC62},
        },
        "EC2.NACL_NO_OPEN_ADMIN_PORTS": {"research": ["CC6.6"]},
        "EC2.SUBNET_NO_PUBLIC_IP": {"research": [], "add": {
            "CC6.1": "no research row for EC2.15; public addresses should be a deliberate per-resource choice in the "
                     "network architecture, not a subnet default (same basis as EKS.PUBLIC_ENDPOINT)",
            "CC6.6": "no research row for EC2.15; auto-assigned public addresses make every instance in the subnet "
                     "directly reachable from outside the system boundary",
        }},
        "EC2.EBS_DEFAULT_ENCRYPTION": {
            "research": ["CC6.1", "CC6.2"],
            "drop": {"CC6.2": R_CC62},
        },
        "EC2.SG_NO_UNRESTRICTED_EGRESS": {"research": [], "add": {
            "CC6.6": "no Security Hub control or research row; CC6.6 covers restricting the connections allowed "
                     "through the system boundary, outbound as well as inbound",
            "CC6.7": "no Security Hub control or research row; CC6.7 covers restricting the movement of information to "
                     "authorised parties, and open egress lets a compromised host send data anywhere",
        }},
    },

    "fedramp": {
        "S3.ENCRYPTION_AT_REST": {
            "research": ["AU-9", "SC-13", "SC-28", "SC-28(1)"],
            "extra": ["CM-6", "CM-9", "CP-9", "CP-9(8)"],
        },
        "S3.PUBLIC_ACCESS_BLOCK": {
            "research": ["AC-3", "AC-4", "AC-4(21)", "AC-6", "AC-21", "SC-7", "SC-7(3)", "SC-7(4)"],
            "extra": ["AC-17", "AC-17(1)", "AC-17(4)", "MP-2", "SC-7(7)"],
        },
        "S3.VERSIONING": {
            "research": ["CP-6", "CP-6(1)", "CP-9", "CP-10", "SI-12"],
            "extra": ["CP-10(2)", "SI-1"],
        },
        "S3.ACCESS_LOGGING": {
            "research": ["AC-2(4)", "AC-6(9)", "AU-2", "AU-3", "AU-6(3)", "AU-12", "CA-7"],
            "extra": ["AU-8", "CM-5(1)", "CM-6", "CM-9", "SI-4(2)"],
        },
        "S3.TLS_ONLY": {
            "research": ["AC-4", "AC-17(2)", "IA-5(1)", "SC-7(4)", "SC-8", "SC-8(1)", "SC-13", "SC-23"],
            "extra": ["CA-9", "CM-6", "CM-9", "SC-7(5)", "SI-1"],
        },
        "EC2.SG_OPEN_SSH": {
            "research": ["AC-4", "AC-4(21)", "CM-7", "SC-7", "SC-7(4)", "SC-7(5)"],
            "extra": ["AC-17", "AC-17(1)", "AC-17(4)", "CM-9", "SC-7(7)", "SC-7(12)"],
            "use_extra": {
                "AC-17": "SSH from the internet is a remote-access path; AC-17 requires remote access to be authorised "
                         "and restricted",
                "SC-7(12)": "security groups are the host (instance/ENI)-level boundary protection on AWS",
            },
        },
        "EC2.SG_OPEN_RDP": {
            # The research has no Security Hub base mapping for EC2.14, only extras.
            "research": [],
            "extra": ["AC-4(21)", "AC-17", "AC-17(1)", "AC-17(4)", "CM-2", "CM-2(2)", "CM-6", "CM-7", "CM-9",
                      "SC-7", "SC-7(5)", "SC-7(7)", "SC-7(12)"],
            "use_extra": {
                "AC-4(21)": "same control set as the SSH check (EC2.13), which differs only in the port",
                "AC-17": "RDP from the internet is a remote-access path; AC-17 requires remote access to be "
                         "authorised and restricted",
                "CM-7": "same control set as the SSH check (EC2.13): least functionality, no unneeded open ports",
                "SC-7": "same control set as the SSH check (EC2.13): boundary protection",
                "SC-7(5)": "same control set as the SSH check (EC2.13): deny by default, allow by exception",
                "SC-7(12)": "security groups are the host (instance/ENI)-level boundary protection on AWS",
            },
            "add": {
                "AC-4": "research base has — for EC2.14; mapped like the SSH check (EC2.13), which differs only in the port",
                "SC-7(4)": "research base has — for EC2.14; mapped like the SSH check (EC2.13), which differs only in the port",
            },
        },
        "IAM.POLICY_ADMIN_STAR": {
            "research": ["AC-2", "AC-2(1)", "AC-3", "AC-5", "AC-6", "AC-6(2)", "AC-6(10)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9", "MP-2"],
        },
        "EC2.VPC_FLOW_LOGS": {
            "research": ["AU-2", "AU-3", "AU-6(3)", "AU-12", "CA-7"],
            "extra": ["AU-8", "CM-5(1)", "CM-6", "CM-9"],
        },
        "EKS.PUBLIC_ENDPOINT": {
            "research": [],
            # Security Hub EKS.1 "Related requirements" (AWS Security Hub user guide, EKS controls page):
            # AC-21, AC-3, AC-3(7), AC-4, AC-4(21), AC-6, SC-7, SC-7(11), SC-7(16), SC-7(20), SC-7(21),
            # SC-7(3), SC-7(4), SC-7(9). AC-3(7), SC-7(9), SC-7(11), SC-7(16) are in no FedRAMP baseline.
            "add": {c: "research has —; listed for EKS.1 in the Security Hub user guide (NIST 800-53 r5 related requirements)"
                    for c in ["AC-3", "AC-4", "AC-4(21)", "AC-6", "AC-21", "SC-7", "SC-7(3)", "SC-7(4)",
                              "SC-7(20)", "SC-7(21)"]},
        },
        "EKS.SECRETS_ENCRYPTION": {
            "research": [],
            # AWS Control Tower control metadata for the EKS_SECRETS_ENCRYPTED check maps NIST 800-53 r5
            # CA-9(1), CM-3(6), SC-13, SC-28, SC-28(1), SI-7(6); CA-9(1) and SI-7(6) are in no FedRAMP baseline.
            "add": {c: "research has —; listed in AWS Control Tower's NIST 800-53 r5 mapping for the "
                       "EKS_SECRETS_ENCRYPTED control (KMS envelope encryption of secrets at rest)"
                    for c in ["SC-13", "SC-28", "SC-28(1)", "CM-3(6)"]},
        },
        "KMS.KEY_ROTATION": {
            "research": ["SC-12"],
            "extra": ["CM-6", "CM-9"],
        },
        # --- IAM ---
        "IAM.ROOT_MFA": {
            "research": ["AC-2(1)", "IA-2(1)", "IA-2(2)", "IA-2(6)", "IA-2(8)"],
            "extra": ["CM-6", "CM-9"],
        },
        "IAM.ROOT_HARDWARE_MFA": {
            "research": ["AC-2(1)", "IA-2(1)", "IA-2(2)", "IA-2(6)", "IA-2(8)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9"],
        },
        "IAM.ROOT_ACCESS_KEYS": {
            "research": ["AC-2(1)", "AC-6", "AC-6(2)", "AC-6(10)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9", "IA-2", "IA-4", "IA-4(4)", "MP-2"],
            "use_extra": {"IA-2": "root access keys authenticate as the shared root identity without MFA, so their use "
                                  "cannot be tied to an individual organisational user as IA-2 requires"},
        },
        # AC-6(9) (log the use of privileged functions) is not mapped: the rule reads the last-used date, it does
        # not log anything (CLOUDTRAIL.MULTI_REGION_ENABLED carries AC-6(9)).
        "IAM.ROOT_RECENT_USE": {
            "research": [],
            "add": {
                "AC-2": "no Security Hub control or research row; AC-2 requires monitoring the use of accounts, and the "
                        "rule reports recent use of the root account",
                "AC-2(12)": "no Security Hub control or research row; root use outside the rare tasks that need it is "
                            "atypical usage that AC-2(12) asks to be monitored and reported",
                "AC-6(2)": "no Security Hub control or research row; AC-6(2) requires privileged users to use "
                           "non-privileged accounts for other work, and regular root use runs everyday work with full "
                           "privileges",
            },
        },
        "IAM.USER_CONSOLE_MFA": {
            "research": ["AC-2(1)", "IA-2(1)", "IA-2(2)", "IA-2(6)", "IA-2(8)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9"],
        },
        "IAM.PASSWORD_POLICY_LENGTH": {
            "research": ["AC-2(1)", "AC-2(3)", "IA-5(1)"],
            "extra": ["AC-2", "CM-5(1)", "CM-6", "CM-9", "CM-12", "IA-4", "IA-5", "IA-8(2)", "MA-4"],
            "use_extra": {"IA-5": "IA-5 requires authenticators of sufficient strength for their use; the minimum "
                                  "length is the main factor in a password's strength"},
        },
        "IAM.PASSWORD_POLICY_REUSE": {
            "research": ["AC-2(1)", "AC-2(3)", "IA-5(1)"],
            "extra": ["AC-2", "CM-5(1)", "CM-6", "CM-9", "CM-12", "IA-4", "IA-5", "IA-8(2)", "MA-4"],
            "use_extra": {"IA-5": "IA-5 covers managing authenticators over their life cycle; refusing previously used "
                                  "(possibly leaked) passwords is part of it"},
        },
        "IAM.PASSWORD_POLICY_MAX_AGE": {
            "research": ["AC-2(1)", "AC-2(3)", "IA-5(1)"],
            "extra": ["AC-2", "CM-5(1)", "CM-6", "CM-9", "CM-12", "IA-4", "IA-5", "IA-8(2)", "MA-4"],
            "use_extra": {"IA-5": "IA-5 requires authenticators to be changed or refreshed at a defined interval; the "
                                  "policy makes console passwords expire"},
        },
        "IAM.PASSWORD_POLICY_COMPLEXITY": {
            "research": ["AC-2(1)", "AC-2(3)", "IA-5(1)"],
            "extra": ["AC-2", "CM-5(1)", "CM-6", "CM-9", "CM-12", "IA-4", "IA-5", "IA-8(2)", "MA-4"],
            "use_extra": {"IA-5": "IA-5 requires authenticators of sufficient strength for their use; the policy "
                                  "enforces the composition rules that IA-5(1) asks for"},
        },
        "IAM.ACCESS_KEY_ROTATION": {
            "research": ["AC-2(1)", "AC-2(3)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9"],
            "add": {"IA-5": "IA-5 requires authenticators to be changed or refreshed at a defined interval; access keys "
                            "are authenticators and the rule checks their age"},
        },
        "IAM.CREDENTIALS_UNUSED": {
            "research": ["AC-2", "AC-2(1)", "AC-2(3)", "AC-3", "AC-6"],
            "extra": ["CM-5(1)", "CM-6", "CM-9", "MP-2"],
        },
        "IAM.ACCESS_KEYS_SINGLE_ACTIVE": {"research": [], "add": {
            "IA-5": "no Security Hub control or research row; mapped like access-key rotation (IAM.3): IA-5 covers "
                    "managing authenticators over their life cycle, and a second long-lived active key is usually one "
                    "that was never retired",
        }},
        # Security Hub IAM.2 also lists AC-3(7) and AC-3(15) (in no FedRAMP baseline) and AC-6(3) (High; network
        # access to privileged commands, which per-user policy attachment is not about).
        "IAM.USER_NO_ATTACHED_POLICIES": {"research": [], "add": {
            c: _sechub("IAM.2") for c in ["AC-2", "AC-2(1)", "AC-3", "AC-6"]}},
        "IAM.USER_NO_INLINE_POLICIES": {"research": [], "add": {
            c: _sechub("IAM.2") for c in ["AC-2", "AC-2(1)", "AC-3", "AC-6"]}},
        "IAM.USER_NO_ADMIN_PRIVILEGES": {
            "research": ["AC-2", "AC-2(1)", "AC-3", "AC-5", "AC-6", "AC-6(2)", "AC-6(10)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9", "MP-2"],
        },
        "IAM.ROLE_NO_ADMIN_PRIVILEGES": {
            "research": ["AC-2", "AC-2(1)", "AC-3", "AC-5", "AC-6", "AC-6(2)", "AC-6(10)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9", "MP-2"],
        },
        "IAM.GROUP_NO_ADMIN_PRIVILEGES": {
            "research": ["AC-2", "AC-2(1)", "AC-3", "AC-5", "AC-6", "AC-6(2)", "AC-6(10)"],
            "extra": ["CM-5(1)", "CM-6", "CM-9", "MP-2"],
        },
        "IAM.ROLE_TRUST_NO_WILDCARD": {"research": [], "add": {
            "AC-3": "no Security Hub control or research row; the trust policy is the access-enforcement point for "
                    "assuming the role, and a wildcard principal without a condition lets anyone through",
            "AC-6": "no Security Hub control or research row; least privilege: the role's permissions go to every AWS "
                    "principal instead of those that need them",
        }},
        "IAM.ROLE_CROSS_ACCOUNT_EXTERNAL_ID": {"research": [], "add": {
            "AC-3": "no Security Hub control or research row; without an external ID condition the trust policy "
                    "enforces only the vendor's account, not on whose behalf it acts (confused deputy)",
            "AC-20": "no Security Hub control or research row; AC-20 requires terms and conditions for access to the "
                     "system from external systems, and the external ID is the condition agreed with the third party "
                     "whose account may assume the role",
        }},
        # IAM.28 lists only CIS requirements in the Security Hub user guide.
        "IAM.ACCESS_ANALYZER_ENABLED": {"research": [], "add": {
            "CA-7": "no research row for IAM.28; an active analyzer continuously monitors resource policies for access "
                    "from outside the account or organisation",
            "AC-6(7)": "no research row for IAM.28; AC-6(7) requires reviewing privileges to validate the need for "
                       "them, and Access Analyzer lists the external access granted by resource policies for that "
                       "review",
        }},
        # --- S3 ---
        "S3.ACCOUNT_PUBLIC_ACCESS_BLOCK": {
            "research": ["AC-3", "AC-4", "AC-4(21)", "AC-6", "AC-21", "SC-7", "SC-7(3)", "SC-7(4)"],
            "extra": ["AC-17", "AC-17(1)", "AC-17(4)", "CM-6", "CM-9", "MP-2", "SC-7(7)", "SC-7(12)"],
        },
        # S3.2 and S3.3 list the same requirements as S3.1/S3.8; AC-3(7), SC-7(9), SC-7(11) and SC-7(16) are in no
        # FedRAMP baseline.
        "S3.NO_PUBLIC_ACL": {"research": [], "add": {
            **{c: _sechub("S3.2/S3.3", ", the same set as for the Block Public Access checks")
               for c in ["AC-3", "AC-4", "AC-4(21)", "AC-6", "AC-21", "SC-7", "SC-7(3)", "SC-7(4)", "SC-7(20)",
                         "SC-7(21)"]},
            "AC-22": "AC-22 requires that information be made publicly accessible only by authorised individuals after "
                     "review; a public ACL publishes the bucket's objects to everyone",
        }},
        "S3.NO_PUBLIC_POLICY": {"research": [], "add": {
            **{c: _sechub("S3.2/S3.3", ", the same set as for the Block Public Access checks")
               for c in ["AC-3", "AC-4", "AC-4(21)", "AC-6", "AC-21", "SC-7", "SC-7(3)", "SC-7(4)", "SC-7(20)",
                         "SC-7(21)"]},
            "AC-22": "AC-22 requires that information be made publicly accessible only by authorised individuals after "
                     "review; a bucket policy allowing everyone publishes the bucket's objects",
        }},
        # Security Hub S3.17 also lists CA-9(1), SC-12(2) and SI-7(6) (in no baseline) and SC-7(10) (High; preventing
        # exfiltration, which encryption at rest is not).
        "S3.KMS_ENCRYPTION": {"research": [], "add": {
            **{c: _sechub("S3.17") for c in ["AU-9", "SC-13", "SC-28", "SC-28(1)", "CM-3(6)"]},
            "SC-12": "no research row for S3.17; SSE-KMS brings the bucket's data keys under KMS key management "
                     "(key policies, rotation, logged use); Security Hub lists SC-12(2), which is in no FedRAMP baseline",
        }},
        # Security Hub S3.20 lists CA-9(1), CM-2, CM-2(2), CM-3 and SC-5(2): baseline and change-control process
        # controls (generic, as CM-2 elsewhere) or in no baseline. Mapped by control text instead.
        "S3.MFA_DELETE": {"research": [], "add": {
            "AU-9": "no research row for S3.20; the rule checks evidence (log and audit) buckets, and MFA delete "
                    "protects their records from deletion with stolen credentials",
            "AU-9(4)": "no research row for S3.20; AU-9(4) limits management of audit information to a subset of "
                       "privileged users, and with MFA delete only the root user with its MFA device can permanently "
                       "delete log versions",
        }},
        "S3.LIFECYCLE_CONFIGURED": {
            "research": ["CP-9", "CP-10"],
            "drop": {"CP-9": R_LC_NOT_BACKUP, "CP-10": R_LC_NOT_BACKUP},
            "add": {"SI-12": "SI-12 requires information to be managed and retained according to requirements; "
                             "lifecycle rules put the retention and disposal schedule into effect"},
        },
        # Security Hub S3.15 lists only CP-6(2) (High; recovery time and point objectives, unrelated).
        "S3.OBJECT_LOCK_EVIDENCE": {"research": [], "add": {
            "AU-9": "research has — for S3.15; the rule checks evidence (log and audit) buckets, and Object Lock keeps "
                    "their records from being modified or deleted (WORM) until the retention period ends",
        }},
        "S3.LOG_RETENTION": {"research": [], "add": {
            "AU-11": "no Security Hub control or research row; AU-11 requires audit records to be retained for a "
                     "defined period, which the rule checks against log_retention_days",
            "SI-12": "no Security Hub control or research row; SI-12 requires information to be retained according to "
                     "requirements, and the rule checks that lifecycle expirations and Object Lock retention honour "
                     "the period",
        }},
        "S3.CROSS_REGION_REPLICATION": {
            "research": ["CP-6", "CP-6(1)", "CP-9", "CP-10"],
            "extra": ["CM-6", "CM-9", "CP-10(2)"],
        },
        # Security Hub S3.12 also lists AC-3(7) and AC-3(15), in no FedRAMP baseline.
        "S3.ACLS_DISABLED": {"research": [], "add": {c: _sechub("S3.12") for c in ["AC-2(1)", "AC-3", "AC-6"]}},
        # --- CloudTrail, Config, GuardDuty, Security Hub, KMS ---
        "CLOUDTRAIL.MULTI_REGION_ENABLED": {
            "research": ["AC-2(4)", "AC-6(9)", "AU-2", "AU-3", "AU-6(3)", "AU-12", "CA-7"],
            "extra": ["AU-3(1)", "AU-8", "CM-5(1)", "CM-6", "CM-9", "SI-4(2)"],
        },
        "CLOUDTRAIL.LOG_FILE_VALIDATION": {
            "research": ["AU-9", "SI-4", "SI-7(1)", "SI-7(7)"],
            "extra": ["CM-6", "CM-9", "SI-1", "SI-7"],
            "use_extra": {"SI-7": "SI-7 requires integrity verification of information; the digest files let anyone "
                                  "verify that delivered log files were not modified or deleted (SI-7(1) is in the "
                                  "base set)"},
        },
        "CLOUDTRAIL.KMS_ENCRYPTION": {
            "research": ["AU-9", "SC-13", "SC-28", "SC-28(1)"],
            "extra": ["CM-6", "CM-9", "CP-9"],
        },
        # CloudTrail.6 and CloudTrail.7 list only CIS requirements in the Security Hub user guide.
        "CLOUDTRAIL.BUCKET_NOT_PUBLIC": {"research": [], "add": {
            "AU-9": "no research row for CloudTrail.6; AU-9 requires audit information to be protected from "
                    "unauthorised access, modification and deletion, which a public log bucket allows",
            "AC-3": "no research row for CloudTrail.6; the bucket's Block Public Access, ACL and policy are the access "
                    "enforcement for the audit logs, and public access bypasses it",
        }},
        "CLOUDTRAIL.BUCKET_ACCESS_LOGGING": {"research": [], "add": {
            **{c: A_CT7_AS_S39 for c in ["AU-2", "AU-3", "AU-12"]},
            "AU-9": "no research row for CloudTrail.7; access logs of the trail's bucket record who read, copied or "
                    "deleted the audit logs, so tampering with audit information can be detected",
        }},
        # Security Hub CloudTrail.5 also lists AC-2(4), AC-6(9), AU-2, AU-3, AU-6(3), AU-10 and AU-12, which concern
        # generating the trail's records (mapped to CLOUDTRAIL.MULTI_REGION_ENABLED), AU-6(5) and SI-4(20) (High;
        # analyses the alarms would have to implement), and AC-4(26), SC-7(9), SI-3(8), SI-7(8), SI-20 (in no baseline).
        "CLOUDTRAIL.CLOUDWATCH_LOGS": {"research": [], "add": {
            **{c: _sechub("CloudTrail.5", ": delivery to CloudWatch Logs feeds automated review, analysis and "
                                          "alerting on the trail's events")
               for c in ["AU-6(1)", "AU-6(4)", "AU-7(1)", "CA-7", "SI-4(5)"]},
            "SI-4": "no research row for CloudTrail.5; SI-4 requires monitoring the system to detect attacks and "
                    "unauthorised use, and delivery to CloudWatch Logs is what lets alarms watch the trail's events in "
                    "near real time",
        }},
        "CONFIG.RECORDER_ENABLED": {"research": ["CM-3", "CM-6(1)", "CM-8"]},
        "GUARDDUTY.ENABLED": {
            "research": ["AC-2(12)", "AU-6(1)", "CA-7", "CM-8(3)", "SA-11(1)", "SC-5", "SI-4", "SI-4(1)", "SI-4(2)",
                         "SI-4(4)", "SI-4(5)"],
            "drop": {"SA-11(1)": "static code analysis by developers; GuardDuty analyses account, network and DNS "
                                 "activity, not code"},
            "extra": ["AU-3(1)", "CA-2", "RA-1", "RA-3", "RA-5", "SI-4(23)", "SI-5"],
        },
        "SECURITYHUB.ENABLED": {
            # The research has no Security Hub base mapping (Security Hub does not check itself), only extras.
            "research": [],
            "extra": ["AU-6(1)", "CA-2", "CA-7"],
            "use_extra": {
                "AU-6(1)": "Security Hub integrates the review and reporting of findings from several services with "
                           "automated mechanisms",
                "CA-7": "a ready security standard checks resources against its controls continuously, the automated "
                        "part of continuous monitoring",
            },
        },
        # Security Hub KMS.3 also lists SC-12(2), which is in no FedRAMP baseline.
        "KMS.KEY_NOT_PENDING_DELETION": {"research": [], "add": {
            "SC-12": _sechub("KMS.3", ": key management includes keeping keys in use from being destroyed"),
            "SC-12(1)": "no research row for KMS.3; SC-12(1) requires information to stay available when keys are "
                        "lost, and a key pending deletion makes everything encrypted under it unrecoverable",
        }},
        # --- EKS, EC2 network ---
        "EKS.CONTROL_PLANE_LOGGING": {"research": [], "add": {
            **{c: A_EKS8_AS_LOGS for c in ["AU-2", "AU-3", "AU-12"]},
            "AC-6(9)": "research has — for EKS.8; the audit log records privileged actions through the Kubernetes API "
                       "(reading secrets, changing RBAC), as AC-6(9) asks",
        }},
        # Security Hub EKS.2 also lists CA-9(1), SI-2(4) and SI-2(5), in no FedRAMP baseline.
        "EKS.SUPPORTED_VERSION": {"research": [], "add": {
            **{c: _sechub("EKS.2", ": the Kubernetes version is part of the cluster's baseline configuration and must "
                                   "still receive security patches")
               for c in ["CM-2", "SI-2", "SI-2(2)"]},
            "SA-22": "no research row for EKS.2; SA-22 requires replacing system components once their supplier no "
                     "longer supports them, and the rule fails versions past EKS standard support",
        }},
        "EKS.NODEGROUP_REMOTE_ACCESS": {"research": [], "add": {
            c: A_NODEGROUP_AS_SSH for c in ["AC-4", "AC-4(21)", "AC-17", "CM-7", "SC-7", "SC-7(4)", "SC-7(5)",
                                            "SC-7(12)"]}},
        # Security Hub EC2.18 also lists SC-7(11) and SC-7(16), in no FedRAMP baseline.
        "EC2.SG_OPEN_ALL": {"research": [], "add": {
            **{c: _sechub("EC2.18") for c in ["AC-4", "AC-4(21)", "SC-7", "SC-7(4)", "SC-7(5)", "SC-7(21)"]},
            "AC-17": "all ports open to the internet include SSH and RDP, remote-access paths that AC-17 requires to be "
                     "authorised and restricted (as for EC2.13)",
            "CM-7": "least functionality: all ports open to the internet expose every service, needed or not (as for "
                    "EC2.13)",
            "SC-7(12)": A_HOST_SG,
        }},
        "EC2.SG_OPEN_ADMIN_PORTS": {"research": [], "add": {
            c: A_ADMIN_AS_SSH for c in ["AC-4", "AC-4(21)", "AC-17", "CM-7", "SC-7", "SC-7(4)", "SC-7(5)",
                                        "SC-7(12)"]}},
        # Security Hub EC2.19 also lists CM-2 and CM-2(2) (baseline-configuration process controls, generic, as for
        # EC2.14) and CA-9(1), SC-7(11), SC-7(16) (in no FedRAMP baseline).
        "EC2.SG_OPEN_DB_PORTS": {"research": [], "add": {
            **{c: _sechub("EC2.19") for c in ["AC-4", "AC-4(21)", "CM-7", "SC-7", "SC-7(4)", "SC-7(5)", "SC-7(21)"]},
            "SC-7(12)": A_HOST_SG,
        }},
        "EC2.DEFAULT_SG_NO_TRAFFIC": {
            "research": ["AC-4", "AC-4(21)", "SC-7", "SC-7(4)", "SC-7(5)"],
            "extra": ["AC-17", "AC-17(1)", "AC-17(4)", "CM-6", "CM-9", "SC-7(7)", "SC-7(12)"],
            "use_extra": {"SC-7(12)": A_HOST_SG},
        },
        "EC2.NACL_NO_OPEN_ADMIN_PORTS": {
            "research": ["AC-4(21)", "CM-2", "CM-2(2)", "CM-7", "SC-7", "SC-7(5)"],
            "extra": ["AC-17", "AC-17(1)", "AC-17(4)", "CM-6", "CM-9", "SC-7(7)", "SC-7(12)"],
            "use_extra": {"AC-17": "remote-administration ports open to the internet are a remote-access path; AC-17 "
                                   "requires remote access to be authorised and restricted"},
        },
        # Security Hub EC2.15 lists the same requirements as EKS.1 (AC-3(7), SC-7(9), SC-7(11), SC-7(16): no baseline).
        "EC2.SUBNET_NO_PUBLIC_IP": {"research": [], "add": {
            c: _sechub("EC2.15") for c in ["AC-3", "AC-4", "AC-4(21)", "AC-6", "AC-21", "SC-7", "SC-7(3)", "SC-7(4)",
                                           "SC-7(20)", "SC-7(21)"]}},
        "EC2.EBS_DEFAULT_ENCRYPTION": {
            "research": ["SC-13", "SC-28", "SC-28(1)"],
            "extra": ["CM-6", "CM-9", "CP-9"],
        },
        "EC2.SG_NO_UNRESTRICTED_EGRESS": {"research": [], "add": {
            "AC-4": "no Security Hub control or research row; AC-4 requires enforcing approved information flows, and "
                    "unrestricted egress allows any flow out of the instance",
            "SC-7": "no Security Hub control or research row; boundary protection includes controlling outgoing "
                    "communications",
            "SC-7(5)": "no Security Hub control or research row; SC-7(5) requires denying traffic by default and "
                       "allowing it by exception, outbound included, and an allow-all egress rule is the opposite",
            "SC-7(12)": A_HOST_SG,
        }},
    },

    "csf2": {
        "S3.ENCRYPTION_AT_REST": {"research": ["PR.DS-01"]},
        "S3.PUBLIC_ACCESS_BLOCK": {
            "research": [],
            "add": {
                "PR.AA-05": "research has — for S3.8 (the account-level S3.1 row maps only RC.CO-04, public incident-"
                            "recovery updates, which is unrelated); BPA enforces that bucket permissions never grant "
                            "public access",
                "PR.DS-01": "research has — for S3.8; BPA protects the confidentiality of data at rest in the bucket",
            },
        },
        "S3.VERSIONING": {
            "research": ["DE.CM-09", "ID.AM-07", "ID.AM-08", "RC.RP-02"],
            "drop": {
                "DE.CM-09": "versioning keeps object versions; it does not monitor anything",
                "ID.AM-07": R_NOT_INVENTORY,
            },
            "add": {"PR.DS-11": "versioning keeps recoverable prior copies of objects; the CSF 1.1 research maps this "
                                "check to PR.IP-4 (backups), which NIST's 1.1-to-2.0 mapping moves to PR.DS-11"},
        },
        "S3.ACCESS_LOGGING": {
            "research": ["ID.AM-03", "PR.PS-04", "RS.AN-03", "RS.AN-06", "RS.AN-07"],
            "drop": {"ID.AM-03": R_NOT_FLOW_MAP, "RS.AN-06": R_INVESTIGATOR},
        },
        "S3.TLS_ONLY": {
            "research": ["PR.DS-01"],
            "drop": {"PR.DS-01": "PR.DS-01 is data at rest; TLS protects data in transit (PR.DS-02)"},
            "add": {"PR.DS-02": "a TLS-only bucket policy protects data in transit"},
        },
        "EC2.SG_OPEN_SSH": {
            "research": ["PR.IR-01", "RS.MI-01", "RS.MI-02"],
            "drop": {"RS.MI-01": R_IR_ACTIVITY, "RS.MI-02": R_IR_ACTIVITY},
        },
        "EC2.SG_OPEN_RDP": {
            "research": ["PR.IR-01", "RS.MI-01", "RS.MI-02"],
            "drop": {"RS.MI-01": R_IR_ACTIVITY, "RS.MI-02": R_IR_ACTIVITY},
        },
        "IAM.POLICY_ADMIN_STAR": {
            "research": ["GV.OC-03", "GV.RM-03", "PR.AA-01", "PR.AA-02", "PR.AA-03", "PR.AA-05", "PR.IR-01",
                         "RC.RP-04"],
            "drop": {
                "GV.OC-03": R_GOVERNANCE,
                "GV.RM-03": R_GOVERNANCE,
                "RC.RP-04": R_GOVERNANCE,
                "PR.AA-02": R_PROOFING,
                "PR.AA-03": "about authenticating users, services and hardware; an admin-policy check tests "
                            "authorisation, not authentication",
            },
        },
        "EC2.VPC_FLOW_LOGS": {
            "research": ["DE.CM-01", "ID.AM-03", "ID.RA-05", "RS.AN-03", "RS.AN-06", "RS.AN-07"],
            "drop": {"ID.RA-05": R_RISK_ANALYSIS, "RS.AN-06": R_INVESTIGATOR},
            "add": {"PR.PS-04": "flow logs are log records generated for continuous monitoring "
                                "(as the research maps S3 access logging here)"},
        },
        "EKS.PUBLIC_ENDPOINT": {
            "research": [],
            "add": {"PR.IR-01": "research has —; a private API endpoint protects the cluster environment from "
                                "unauthorised logical access from the internet"},
        },
        "EKS.SECRETS_ENCRYPTION": {
            "research": [],
            "add": {"PR.DS-01": "research has —; KMS envelope encryption protects Kubernetes secrets at rest"},
        },
        "KMS.KEY_ROTATION": {
            "research": ["ID.RA-05", "PR.AA-04", "PR.DS-01"],
            "drop": {
                "ID.RA-05": R_RISK_ANALYSIS,
                "PR.AA-04": "about protecting identity assertions (tokens, federation); KMS data-key rotation is not that",
            },
        },
        # --- IAM ---
        "IAM.ROOT_MFA": {
            "research": ["PR.AA-01", "PR.AA-02", "PR.AA-03", "PR.AA-04"],
            "drop": {"PR.AA-02": R_PROOFING, "PR.AA-04": R_ASSERTIONS},
        },
        "IAM.ROOT_HARDWARE_MFA": {
            "research": ["PR.AA-01", "PR.AA-02", "PR.AA-03", "PR.AA-04"],
            "drop": {"PR.AA-02": R_PROOFING, "PR.AA-04": R_ASSERTIONS},
        },
        "IAM.ROOT_ACCESS_KEYS": {"research": [], "add": {
            "PR.AA-01": "research has —; root access keys are a long-lived credential of the most privileged identity, "
                        "and PR.AA-01 asks that credentials be managed",
            "PR.AA-05": "research has —; root keys carry every permission and cannot be limited by IAM policies, the "
                        "opposite of least privilege",
        }},
        "IAM.ROOT_RECENT_USE": {"research": [], "add": {
            "PR.AA-05": "no Security Hub control or research row; least privilege: everyday work should not run as the "
                        "unrestricted root user",
            "DE.CM-03": "no Security Hub control or research row; the rule reports recent use of the root user, "
                        "technology usage that can indicate compromise",
        }},
        "IAM.USER_CONSOLE_MFA": {
            "research": ["DE.CM-03", "GV.RR-04", "PR.AA-01", "PR.AA-02", "PR.AA-03", "PR.AA-04"],
            "drop": {
                "DE.CM-03": "MFA is an authentication control; it does not monitor activity",
                "GV.RR-04": R_HR,
                "PR.AA-02": R_PROOFING,
                "PR.AA-04": R_ASSERTIONS,
            },
        },
        "IAM.PASSWORD_POLICY_LENGTH": {"research": [], "add": {"PR.AA-01": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_REUSE": {"research": [], "add": {"PR.AA-01": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_MAX_AGE": {"research": [], "add": {"PR.AA-01": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_COMPLEXITY": {"research": [], "add": {"PR.AA-01": A_PASSWORD}},
        "IAM.ACCESS_KEY_ROTATION": {
            "research": ["PR.AA-01", "PR.AA-05"],
            "drop": {"PR.AA-05": "about access permissions and least privilege; a key's age is a property of the "
                                 "credential (PR.AA-01), not of its permissions"},
        },
        "IAM.CREDENTIALS_UNUSED": {
            "research": ["GV.RR-04", "PR.AA-01", "PR.AA-05"],
            "drop": {"GV.RR-04": R_HR},
        },
        "IAM.ACCESS_KEYS_SINGLE_ACTIVE": {"research": [], "add": {"PR.AA-01": A_IAM3_SINGLE}},
        "IAM.USER_NO_ATTACHED_POLICIES": {"research": [], "add": {
            "PR.AA-05": "research has no row for IAM.2; PR.AA-05 asks that permissions be defined in policy, managed and "
                        "reviewed, which granting them through groups or roles rather than per user keeps possible",
        }},
        "IAM.USER_NO_INLINE_POLICIES": {"research": [], "add": {
            "PR.AA-05": "research has no row for IAM.2; PR.AA-05 asks that permissions be defined in policy, managed and "
                        "reviewed, which granting them through groups or roles rather than per user keeps possible",
        }},
        **{r: {
            "research": ["GV.OC-03", "GV.RM-03", "PR.AA-01", "PR.AA-02", "PR.AA-03", "PR.AA-05", "PR.IR-01",
                         "RC.RP-04"],
            "drop": {
                "GV.OC-03": R_GOVERNANCE,
                "GV.RM-03": R_GOVERNANCE,
                "RC.RP-04": R_GOVERNANCE,
                "PR.AA-02": R_PROOFING,
                "PR.AA-03": "about authenticating users, services and hardware; an admin-policy check tests "
                            "authorisation, not authentication",
            },
        } for r in ["IAM.USER_NO_ADMIN_PRIVILEGES", "IAM.ROLE_NO_ADMIN_PRIVILEGES", "IAM.GROUP_NO_ADMIN_PRIVILEGES"]},
        "IAM.ROLE_TRUST_NO_WILDCARD": {"research": [], "add": {
            "PR.AA-05": "no Security Hub control or research row; a trust policy naming every principal hands the "
                        "role's permissions to anyone",
        }},
        "IAM.ROLE_CROSS_ACCOUNT_EXTERNAL_ID": {"research": [], "add": {
            "PR.AA-05": "no Security Hub control or research row; the external ID limits a third party's access to the "
                        "requests it makes on this account's behalf (confused deputy)",
        }},
        "IAM.ACCESS_ANALYZER_ENABLED": {"research": [], "add": {
            "PR.AA-05": "no research row for IAM.28; PR.AA-05 asks that permissions be reviewed, and Access Analyzer "
                        "reports the resources shared outside the account or organisation",
        }},
        # --- S3 ---
        "S3.ACCOUNT_PUBLIC_ACCESS_BLOCK": {
            "research": ["RC.CO-04"],
            "drop": {"RC.CO-04": "about sharing public updates on incident recovery, unrelated to blocking public "
                                 "access"},
            "add": {
                "PR.AA-05": "account-level BPA enforces that no bucket's permissions grant public access (as for the "
                            "bucket-level check, S3.8)",
                "PR.DS-01": "account-level BPA protects the confidentiality of data at rest in every bucket of the "
                            "account (as for the bucket-level check, S3.8)",
            },
        },
        "S3.NO_PUBLIC_ACL": {"research": [], "add": {"PR.AA-05": A_S32_AS_BPA, "PR.DS-01": A_S32_AS_BPA}},
        "S3.NO_PUBLIC_POLICY": {"research": [], "add": {"PR.AA-05": A_S32_AS_BPA, "PR.DS-01": A_S32_AS_BPA}},
        "S3.KMS_ENCRYPTION": {"research": [], "add": {
            "PR.DS-01": "no research row for S3.17; KMS encryption protects data at rest with separately controlled keys",
        }},
        "S3.MFA_DELETE": {"research": [], "add": {
            "PR.DS-01": "no research row for S3.20; MFA delete protects the integrity and availability of evidence at "
                        "rest against deletion with stolen credentials",
        }},
        "S3.LIFECYCLE_CONFIGURED": {
            "research": ["DE.CM-09", "ID.AM-07", "ID.AM-08", "RC.RP-02"],
            "drop": {
                "DE.CM-09": "lifecycle rules move or expire data; they do not monitor anything",
                "ID.AM-07": R_NOT_INVENTORY,
                "RC.RP-02": R_LC_NOT_BACKUP,
            },
        },
        "S3.OBJECT_LOCK_EVIDENCE": {
            "research": ["ID.AM-07", "RC.RP-02"],
            "drop": {"ID.AM-07": R_NOT_INVENTORY},
            "add": {"PR.DS-01": "Object Lock protects the integrity of evidence at rest: locked versions cannot be "
                                "overwritten or deleted"},
        },
        "S3.LOG_RETENTION": {"research": [], "add": {
            "PR.PS-04": "no Security Hub control or research row; log records must be kept long enough to be "
                        "available for monitoring and investigation",
        }},
        "S3.CROSS_REGION_REPLICATION": {
            "research": ["ID.AM-07", "PR.IR-02", "PR.IR-03", "RC.RP-02"],
            "drop": {"ID.AM-07": R_NOT_INVENTORY},
            "add": {"PR.DS-11": "replication keeps a copy of the objects in another bucket; the CSF 1.1 research maps "
                                "this check to PR.IP-4 (backups), which NIST's 1.1-to-2.0 mapping moves to PR.DS-11"},
        },
        "S3.ACLS_DISABLED": {"research": [], "add": {
            "PR.AA-05": "no research row for S3.12; with ACLs disabled, permissions are defined only in IAM and bucket "
                        "policies, where they are managed and reviewed",
        }},
        # --- CloudTrail, Config, GuardDuty, Security Hub, KMS ---
        "CLOUDTRAIL.MULTI_REGION_ENABLED": {
            "research": ["DE.AE-02", "DE.AE-03", "DE.AE-04", "DE.AE-06", "DE.AE-07", "DE.AE-08", "DE.CM-01",
                         "DE.CM-03", "ID.AM-03"],
            "drop": {"DE.AE-07": R_CTI_LOG, "DE.AE-08": R_DECLARE, "ID.AM-03": R_NOT_FLOW_MAP},
            "add": {"PR.PS-04": "the trail generates the account's API-activity log records (as the research maps S3 "
                                "access logging here)"},
        },
        "CLOUDTRAIL.LOG_FILE_VALIDATION": {
            "research": ["DE.AE-02", "DE.AE-03", "DE.AE-04", "DE.AE-06", "DE.AE-07", "DE.AE-08", "DE.CM-01",
                         "DE.CM-03", "ID.RA-05", "ID.RA-09", "PR.AA-04", "PR.PS-01", "PR.PS-04", "RC.RP-03",
                         "RC.RP-05", "RS.AN-03", "RS.AN-06", "RS.AN-07", "RS.AN-08", "RS.CO-02", "RS.CO-03",
                         "RS.MI-01", "RS.MI-02"],
            "drop": {
                **{c: R_VALIDATION for c in ["DE.AE-02", "DE.AE-03", "DE.AE-04", "DE.AE-06", "DE.AE-07", "DE.AE-08",
                                             "DE.CM-01", "DE.CM-03", "RS.AN-03"]},
                "ID.RA-05": R_RISK_ANALYSIS,
                "ID.RA-09": "about assessing the authenticity of hardware and software before acquisition, not log files",
                "PR.AA-04": R_ASSERTIONS,
                "PR.PS-01": R_CM_PRACTICE,
                "RC.RP-03": R_RECOVERY,
                "RC.RP-05": R_RECOVERY,
                "RS.AN-06": R_INVESTIGATOR,
                "RS.AN-08": R_IR_MGMT,
                "RS.CO-02": R_IR_COMMS,
                "RS.CO-03": R_IR_COMMS,
                "RS.MI-01": R_IR_ACTIVITY,
                "RS.MI-02": R_IR_ACTIVITY,
            },
            "add": {"PR.DS-01": "the digest files make any modification or deletion of delivered log files detectable, "
                                "protecting their integrity at rest"},
        },
        "CLOUDTRAIL.KMS_ENCRYPTION": {
            "research": ["DE.AE-02", "DE.AE-03", "DE.AE-04", "DE.AE-06", "DE.AE-07", "DE.AE-08", "DE.CM-01",
                         "DE.CM-03", "ID.RA-05", "PR.AA-04", "PR.DS-01", "PR.PS-01", "PR.PS-04", "RC.RP-06",
                         "RS.AN-03", "RS.AN-06", "RS.AN-07", "RS.AN-08", "RS.CO-02", "RS.CO-03", "RS.MI-01",
                         "RS.MI-02"],
            "drop": {
                **{c: R_ENCRYPTION_LOG for c in ["DE.AE-02", "DE.AE-03", "DE.AE-04", "DE.AE-06", "DE.AE-07",
                                                 "DE.AE-08", "DE.CM-01", "DE.CM-03", "PR.PS-04", "RS.AN-03",
                                                 "RS.AN-07"]},
                "ID.RA-05": R_RISK_ANALYSIS,
                "PR.AA-04": R_ASSERTIONS,
                "PR.PS-01": R_CM_PRACTICE,
                "RC.RP-06": R_RECOVERY,
                "RS.AN-06": R_INVESTIGATOR,
                "RS.AN-08": R_IR_MGMT,
                "RS.CO-02": R_IR_COMMS,
                "RS.CO-03": R_IR_COMMS,
                "RS.MI-01": R_IR_ACTIVITY,
                "RS.MI-02": R_IR_ACTIVITY,
            },
        },
        "CLOUDTRAIL.BUCKET_NOT_PUBLIC": {"research": [], "add": {"PR.AA-05": A_CT6_AS_BPA, "PR.DS-01": A_CT6_AS_BPA}},
        "CLOUDTRAIL.BUCKET_ACCESS_LOGGING": {"research": [], "add": {"PR.PS-04": A_CT7_AS_S39,
                                                                     "RS.AN-07": A_CT7_AS_S39}},
        "CLOUDTRAIL.CLOUDWATCH_LOGS": {"research": [], "add": {
            "PR.PS-04": "no research row for CloudTrail.5; PR.PS-04 asks that log records be made available for "
                        "continuous monitoring, which delivery to CloudWatch Logs does for the trail's events",
            "DE.CM-03": "no research row for CloudTrail.5; delivery to CloudWatch Logs is the prerequisite for metric "
                        "filters and alarms on account activity (root use, policy changes, sign-ins without MFA)",
        }},
        "CONFIG.RECORDER_ENABLED": {
            "research": ["ID.RA-05"],
            "drop": {"ID.RA-05": R_RISK_ANALYSIS},
            "add": {
                "ID.AM-02": "the recorder maintains an inventory of the account's resources (services and systems) with "
                            "their configuration history",
                "PR.PS-01": "the recorded configuration history is what configuration-management practices are applied "
                            "and verified against",
                "DE.CM-09": "the recorder monitors configuration changes of every resource",
            },
        },
        "GUARDDUTY.ENABLED": {
            "research": ["DE.AE-02", "DE.AE-03", "DE.AE-04", "DE.AE-06", "DE.AE-07", "DE.AE-08", "ID.RA-03",
                         "ID.RA-04", "ID.RA-05", "RC.RP-04", "RC.RP-05", "RS.AN-03", "RS.AN-06", "RS.AN-07",
                         "RS.AN-08", "RS.CO-02", "RS.CO-03", "RS.MA-01", "RS.MA-03", "RS.MA-04", "RS.MA-05",
                         "RS.MI-01", "RS.MI-02"],
            "drop": {
                "DE.AE-08": R_DECLARE,
                "ID.RA-04": R_RISK_ANALYSIS,
                "ID.RA-05": R_RISK_ANALYSIS,
                "RC.RP-04": R_GOVERNANCE,
                "RC.RP-05": R_RECOVERY,
                "RS.AN-06": R_INVESTIGATOR,
                **{c: R_IR_MGMT for c in ["RS.AN-08", "RS.MA-01", "RS.MA-03", "RS.MA-04", "RS.MA-05"]},
                "RS.CO-02": R_IR_COMMS,
                "RS.CO-03": R_IR_COMMS,
                "RS.MI-01": R_IR_ACTIVITY,
                "RS.MI-02": R_IR_ACTIVITY,
            },
            "add": {
                "DE.CM-01": "GuardDuty analyses VPC flow logs and DNS logs for threats, which is network monitoring",
                "DE.CM-03": "GuardDuty analyses CloudTrail management events for anomalous use of credentials and APIs",
            },
        },
        "SECURITYHUB.ENABLED": {
            "research": ["DE.AE-02", "DE.AE-03", "DE.AE-04", "DE.AE-06", "DE.AE-07", "DE.AE-08", "ID.IM-01",
                         "ID.IM-02", "ID.RA-01", "ID.RA-03", "ID.RA-04", "ID.RA-05", "ID.RA-08", "RC.RP-04",
                         "RC.RP-05", "RS.AN-03", "RS.AN-06", "RS.AN-07", "RS.AN-08", "RS.CO-02", "RS.CO-03",
                         "RS.MA-01", "RS.MA-02", "RS.MA-03", "RS.MA-04", "RS.MA-05", "RS.MI-01", "RS.MI-02"],
            "drop": {
                "DE.AE-07": R_SH_CTI,
                "DE.AE-08": R_DECLARE,
                "ID.IM-01": R_IMPROVE,
                "ID.IM-02": R_IMPROVE,
                "ID.RA-04": R_RISK_ANALYSIS,
                "ID.RA-05": R_RISK_ANALYSIS,
                "ID.RA-08": R_VULN_DISCLOSURE,
                "RC.RP-04": R_GOVERNANCE,
                "RC.RP-05": R_RECOVERY,
                "RS.AN-06": R_INVESTIGATOR,
                **{c: R_IR_MGMT for c in ["RS.AN-08", "RS.MA-01", "RS.MA-02", "RS.MA-03", "RS.MA-04", "RS.MA-05"]},
                "RS.CO-02": R_IR_COMMS,
                "RS.CO-03": R_IR_COMMS,
                "RS.MI-01": R_IR_ACTIVITY,
                "RS.MI-02": R_IR_ACTIVITY,
            },
            "add": {"DE.CM-09": "a ready security standard monitors resource configurations continuously for "
                                "misconfigurations"},
        },
        "KMS.KEY_NOT_PENDING_DELETION": {"research": [], "add": {
            "PR.DS-01": "no research row for KMS.3; data at rest encrypted under a deleted key becomes unrecoverable, "
                        "losing its availability",
        }},
        # --- EKS, EC2 network ---
        "EKS.CONTROL_PLANE_LOGGING": {"research": [], "add": {"PR.PS-04": A_EKS8_AS_LOGS, "RS.AN-03": A_EKS8_AS_LOGS}},
        "EKS.SUPPORTED_VERSION": {"research": [], "add": {
            "PR.PS-02": "no research row for EKS.2; PR.PS-02 asks that software be maintained and replaced "
                        "commensurate with risk, and versions past standard support no longer get security patches",
        }},
        "EKS.NODEGROUP_REMOTE_ACCESS": {"research": [], "add": {"PR.IR-01": A_NODEGROUP_AS_SSH}},
        "EC2.SG_OPEN_ALL": {"research": [], "add": {"PR.IR-01": A_ALL_AS_SG}},
        "EC2.SG_OPEN_ADMIN_PORTS": {"research": [], "add": {"PR.IR-01": A_ADMIN_AS_SSH}},
        "EC2.SG_OPEN_DB_PORTS": {"research": [], "add": {"PR.IR-01": A_DB_AS_SG}},
        "EC2.DEFAULT_SG_NO_TRAFFIC": {
            "research": ["PR.IR-01", "RS.MI-01", "RS.MI-02"],
            "drop": {"RS.MI-01": R_IR_ACTIVITY, "RS.MI-02": R_IR_ACTIVITY},
        },
        "EC2.NACL_NO_OPEN_ADMIN_PORTS": {"research": [], "add": {
            "PR.IR-01": "research has — for EC2.21; mapped like the security-group checks for the same ports (EC2.13, "
                        "EC2.14): the network ACL protects the subnet from unauthorised logical access",
        }},
        "EC2.SUBNET_NO_PUBLIC_IP": {"research": [], "add": {
            "PR.IR-01": "no research row for EC2.15; without auto-assigned public addresses, instances are not "
                        "reachable from the internet unless given an address deliberately",
        }},
        "EC2.EBS_DEFAULT_ENCRYPTION": {"research": ["PR.DS-01"]},
        "EC2.SG_NO_UNRESTRICTED_EGRESS": {"research": [], "add": {
            "PR.IR-01": "no Security Hub control or research row; restricting egress protects the network from "
                        "unauthorised usage (command and control, exfiltration) by a compromised host",
        }},
    },

    "csf11": {
        "S3.ENCRYPTION_AT_REST": {"research": ["PR.DS-1"]},
        "S3.PUBLIC_ACCESS_BLOCK": {
            "research": ["PR.AC-3", "PR.AC-4", "PR.IP-8", "PR.PT-3"],
            "drop": {"PR.IP-8": R_SHARING},
            "add": {"PR.DS-5": "BPA is a protection against data leaks; the research maps the account-level BPA "
                               "check (S3.1) here"},
        },
        "S3.VERSIONING": {
            "research": ["ID.BE-5", "PR.DS-4", "PR.DS-6", "PR.IP-4", "PR.IP-9", "PR.PT-5", "RC.RP-1", "RS.RP-1"],
            "drop": {"ID.BE-5": R_REQS, "PR.DS-4": R_CAPACITY, "PR.IP-9": R_PLANS},
        },
        "S3.ACCESS_LOGGING": {
            "research": ["DE.AE-1", "DE.AE-3", "DE.AE-4", "DE.CM-1", "DE.CM-3", "DE.CM-6", "DE.CM-7", "ID.AM-3",
                         "PR.AC-6", "PR.DS-5", "PR.PT-1"],
            "drop": {"ID.AM-3": R_NOT_FLOW_MAP, "PR.AC-6": R_PROOFING},
        },
        "S3.TLS_ONLY": {"research": ["PR.DS-2"]},
        "EC2.SG_OPEN_SSH": {
            "research": ["DE.AE-1", "PR.AC-3", "PR.AC-5", "PR.DS-7", "PR.PT-4"],
            "drop": {"PR.DS-7": R_DEVTEST},
        },
        "EC2.SG_OPEN_RDP": {
            "research": ["DE.AE-1", "PR.AC-3", "PR.AC-5", "PR.DS-7", "PR.PT-4"],
            "drop": {"PR.DS-7": R_DEVTEST},
        },
        "IAM.POLICY_ADMIN_STAR": {"research": ["PR.AC-1", "PR.AC-4", "PR.PT-3"]},
        "EC2.VPC_FLOW_LOGS": {
            "research": ["DE.AE-1", "DE.AE-3", "DE.CM-1", "DE.CM-2", "DE.CM-7", "ID.AM-3", "ID.RA-1", "ID.RA-5",
                         "ID.SC-4", "PR.DS-5", "PR.PT-1"],
            "drop": {"DE.CM-2": R_PHYSICAL, "ID.RA-1": R_VULN_ID, "ID.RA-5": R_RISK_ANALYSIS, "ID.SC-4": R_SUPPLIER},
        },
        "EKS.PUBLIC_ENDPOINT": {
            "research": ["PR.AC-3", "PR.AC-4", "PR.AC-5", "PR.DS-5", "PR.IP-8", "PR.PT-3", "PR.PT-4"],
            "drop": {"PR.IP-8": R_SHARING},
        },
        "EKS.SECRETS_ENCRYPTION": {"research": ["PR.DS-1"]},
        "KMS.KEY_ROTATION": {
            "research": ["DE.CM-2", "ID.RA-1", "ID.RA-5", "ID.SC-4"],
            "drop": {"DE.CM-2": R_PHYSICAL, "ID.RA-1": R_VULN_ID, "ID.RA-5": R_RISK_ANALYSIS, "ID.SC-4": R_SUPPLIER},
            "add": {"PR.DS-1": "CSF 1.1 has no key-management subcategory; key rotation supports protecting data at rest"},
        },
        # --- IAM ---
        "IAM.ROOT_MFA": {"research": ["PR.AC-3", "PR.AC-7"]},
        "IAM.ROOT_HARDWARE_MFA": {"research": ["PR.AC-3", "PR.AC-7"]},
        "IAM.ROOT_ACCESS_KEYS": {"research": ["PR.AC-1", "PR.AC-4", "PR.PT-3"]},
        "IAM.ROOT_RECENT_USE": {"research": [], "add": {
            "PR.AC-4": "no Security Hub control or research row; least privilege: everyday work should not run as the "
                       "unrestricted root user",
            "DE.CM-3": "no Security Hub control or research row; the rule reports recent use of the root user, "
                       "activity that can indicate compromise",
        }},
        "IAM.USER_CONSOLE_MFA": {"research": ["PR.AC-3", "PR.AC-7"]},
        "IAM.PASSWORD_POLICY_LENGTH": {"research": [], "add": {"PR.AC-1": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_REUSE": {"research": [], "add": {"PR.AC-1": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_MAX_AGE": {"research": [], "add": {"PR.AC-1": A_PASSWORD}},
        "IAM.PASSWORD_POLICY_COMPLEXITY": {"research": [], "add": {"PR.AC-1": A_PASSWORD}},
        "IAM.ACCESS_KEY_ROTATION": {"research": ["PR.AC-1"]},
        "IAM.CREDENTIALS_UNUSED": {"research": ["PR.AC-1", "PR.AC-4"]},
        "IAM.ACCESS_KEYS_SINGLE_ACTIVE": {"research": [], "add": {"PR.AC-1": A_IAM3_SINGLE}},
        "IAM.USER_NO_ATTACHED_POLICIES": {"research": [], "add": {
            "PR.AC-4": "research has no row for IAM.2; permissions granted through groups or roles are managed per job "
                       "function, as least privilege requires",
        }},
        "IAM.USER_NO_INLINE_POLICIES": {"research": [], "add": {
            "PR.AC-4": "research has no row for IAM.2; permissions granted through groups or roles are managed per job "
                       "function, as least privilege requires",
        }},
        "IAM.USER_NO_ADMIN_PRIVILEGES": {"research": ["PR.AC-1", "PR.AC-4", "PR.PT-3"]},
        "IAM.ROLE_NO_ADMIN_PRIVILEGES": {"research": ["PR.AC-1", "PR.AC-4", "PR.PT-3"]},
        "IAM.GROUP_NO_ADMIN_PRIVILEGES": {"research": ["PR.AC-1", "PR.AC-4", "PR.PT-3"]},
        "IAM.ROLE_TRUST_NO_WILDCARD": {"research": [], "add": {
            "PR.AC-4": "no Security Hub control or research row; a trust policy naming every principal grants the "
                       "role's permissions to anyone, not by least privilege",
        }},
        "IAM.ROLE_CROSS_ACCOUNT_EXTERNAL_ID": {"research": [], "add": {
            "PR.AC-4": "no Security Hub control or research row; the external ID limits a third party's access to the "
                       "requests it makes on this account's behalf (confused deputy)",
        }},
        "IAM.ACCESS_ANALYZER_ENABLED": {"research": [], "add": {
            "PR.AC-4": "no research row for IAM.28; Access Analyzer reports the external access granted by resource "
                       "policies so it can be managed",
        }},
        # --- S3 ---
        "S3.ACCOUNT_PUBLIC_ACCESS_BLOCK": {
            "research": ["PR.AC-3", "PR.AC-5", "PR.DS-5", "PR.IP-8", "PR.PT-3"],
            "drop": {"PR.IP-8": R_SHARING},
        },
        "S3.NO_PUBLIC_ACL": {"research": [], "add": {"PR.AC-4": A_S32_AS_BPA, "PR.DS-5": A_S32_AS_BPA}},
        "S3.NO_PUBLIC_POLICY": {"research": [], "add": {"PR.AC-4": A_S32_AS_BPA, "PR.DS-5": A_S32_AS_BPA}},
        "S3.KMS_ENCRYPTION": {"research": [], "add": {
            "PR.DS-1": "no research row for S3.17; KMS encryption protects data at rest with separately controlled keys",
        }},
        "S3.MFA_DELETE": {"research": [], "add": {
            "PR.DS-1": "no research row for S3.20; MFA delete protects evidence at rest from deletion with stolen "
                       "credentials",
        }},
        "S3.LIFECYCLE_CONFIGURED": {
            "research": ["ID.BE-5", "PR.DS-4", "PR.IP-4", "PR.PT-5", "RC.RP-1"],
            "drop": {
                "ID.BE-5": R_REQS,
                "PR.DS-4": R_CAPACITY_LC,
                "PR.IP-4": R_LC_NOT_BACKUP,
                "PR.PT-5": R_LC_NOT_BACKUP,
                "RC.RP-1": R_LC_NOT_BACKUP,
            },
            "add": {
                "PR.IP-6": "lifecycle expiration destroys data that is no longer needed, according to the retention "
                           "policy",
                "PR.DS-3": "lifecycle rules manage objects through transfer to other storage classes and disposal",
            },
        },
        "S3.OBJECT_LOCK_EVIDENCE": {
            "research": ["ID.BE-5", "PR.DS-1", "PR.PT-5", "RC.RP-1"],
            "drop": {"ID.BE-5": R_REQS},
        },
        "S3.LOG_RETENTION": {"research": [], "add": {
            "PR.PT-1": "no Security Hub control or research row; PR.PT-1 asks that audit/log records be implemented in "
                       "accordance with policy, which includes keeping them for the required period",
        }},
        "S3.CROSS_REGION_REPLICATION": {
            "research": ["ID.BE-5", "PR.DS-4", "PR.IP-4", "PR.IP-9", "PR.PT-5", "RC.RP-1", "RS.RP-1"],
            "drop": {"ID.BE-5": R_REQS, "PR.DS-4": R_CAPACITY_REPL, "PR.IP-9": R_PLANS},
        },
        "S3.ACLS_DISABLED": {"research": [], "add": {
            "PR.AC-4": "no research row for S3.12; with ACLs disabled, permissions are managed only in IAM and bucket "
                       "policies",
        }},
        # --- CloudTrail, Config, GuardDuty, Security Hub, KMS ---
        "CLOUDTRAIL.MULTI_REGION_ENABLED": {
            "research": ["DE.AE-1", "DE.AE-3", "DE.AE-4", "DE.CM-1", "DE.CM-3", "DE.CM-6", "DE.CM-7", "ID.AM-3",
                         "PR.AC-6", "PR.DS-5", "PR.MA-2", "PR.PT-1"],
            "drop": {"ID.AM-3": R_NOT_FLOW_MAP, "PR.AC-6": R_PROOFING},
        },
        "CLOUDTRAIL.LOG_FILE_VALIDATION": {
            "research": ["DE.CM-2", "ID.RA-1", "ID.RA-5", "ID.SC-4", "PR.DS-6", "PR.DS-7"],
            "drop": {"DE.CM-2": R_PHYSICAL, "ID.RA-1": R_VULN_ID, "ID.RA-5": R_RISK_ANALYSIS, "ID.SC-4": R_SUPPLIER,
                     "PR.DS-7": R_DEVTEST_LOG},
        },
        "CLOUDTRAIL.KMS_ENCRYPTION": {
            "research": ["DE.CM-2", "ID.RA-1", "ID.RA-5", "ID.SC-4", "PR.DS-1"],
            "drop": {"DE.CM-2": R_PHYSICAL, "ID.RA-1": R_VULN_ID, "ID.RA-5": R_RISK_ANALYSIS, "ID.SC-4": R_SUPPLIER},
        },
        "CLOUDTRAIL.BUCKET_NOT_PUBLIC": {"research": [], "add": {"PR.AC-4": A_CT6_AS_BPA, "PR.DS-5": A_CT6_AS_BPA}},
        "CLOUDTRAIL.BUCKET_ACCESS_LOGGING": {"research": [], "add": {"PR.PT-1": A_CT7_AS_S39,
                                                                     "DE.CM-3": A_CT7_AS_S39}},
        "CLOUDTRAIL.CLOUDWATCH_LOGS": {"research": [], "add": {
            "PR.PT-1": "no research row for CloudTrail.5; delivering the trail to CloudWatch Logs makes its records "
                       "available for review and alerting",
            "DE.CM-3": "no research row for CloudTrail.5; delivery to CloudWatch Logs is the prerequisite for metric "
                       "filters and alarms on account activity (root use, policy changes, sign-ins without MFA)",
        }},
        "CONFIG.RECORDER_ENABLED": {
            "research": ["DE.CM-2", "ID.AM-1", "ID.RA-1", "ID.RA-5", "ID.SC-4", "PR.IP-12"],
            "drop": {
                "DE.CM-2": R_PHYSICAL,
                "ID.RA-1": R_VULN_ID,
                "ID.RA-5": R_RISK_ANALYSIS,
                "ID.SC-4": R_SUPPLIER,
                "PR.IP-12": "about developing and implementing a vulnerability-management plan; recording "
                            "configurations does not do that",
            },
            "add": {
                "ID.AM-2": "the recorder inventories the account's resources (platforms and services) with their "
                           "configurations",
                "PR.IP-3": "configuration change control relies on the recorded history of what changed, when and how",
            },
        },
        "GUARDDUTY.ENABLED": {
            "research": ["DE.AE-2", "DE.AE-3", "DE.AE-4", "DE.CM-1", "DE.CM-2", "DE.CM-3", "DE.CM-4", "DE.CM-5",
                         "DE.CM-6", "DE.CM-7", "DE.DP-4", "DE.DP-5", "ID.RA-1", "ID.RA-2", "ID.RA-3", "ID.RA-5",
                         "ID.SC-4", "PR.DS-5"],
            "drop": {
                "DE.CM-2": R_PHYSICAL,
                "DE.CM-5": R_MOBILE_CODE,
                "DE.DP-5": R_GOVERNANCE,
                "ID.RA-1": R_VULN_ID,
                "ID.RA-2": R_CTI_FORUMS,
                "ID.RA-5": R_RISK_ANALYSIS,
                "ID.SC-4": R_SUPPLIER,
            },
        },
        "SECURITYHUB.ENABLED": {
            "research": ["DE.AE-2", "DE.AE-4", "DE.CM-1", "DE.CM-2", "DE.CM-3", "DE.CM-4", "DE.CM-5", "DE.CM-6",
                         "DE.CM-7", "DE.DP-4", "ID.RA-1", "ID.RA-2", "ID.RA-3", "ID.RA-5", "ID.SC-4", "PR.DS-5",
                         "PR.DS-8"],
            "drop": {
                "DE.CM-2": R_PHYSICAL,
                "DE.CM-4": R_SH_MALWARE,
                "DE.CM-5": R_MOBILE_CODE,
                "ID.RA-2": R_CTI_FORUMS,
                "ID.RA-5": R_RISK_ANALYSIS,
                "ID.SC-4": R_SUPPLIER,
                "PR.DS-8": R_HW,
            },
        },
        "KMS.KEY_NOT_PENDING_DELETION": {"research": [], "add": {
            "PR.DS-1": "no research row for KMS.3; data at rest encrypted under a deleted key becomes unrecoverable",
        }},
        # --- EKS, EC2 network ---
        "EKS.CONTROL_PLANE_LOGGING": {"research": [], "add": {"PR.PT-1": A_EKS8_AS_LOGS, "DE.CM-3": A_EKS8_AS_LOGS}},
        "EKS.SUPPORTED_VERSION": {"research": [], "add": {
            "PR.IP-12": "no research row for EKS.2; keeping clusters on versions that still receive security patches is "
                        "part of implementing the vulnerability-management plan",
        }},
        "EKS.NODEGROUP_REMOTE_ACCESS": {"research": [], "add": {
            c: A_NODEGROUP_AS_SSH for c in ["PR.AC-3", "PR.AC-5", "PR.PT-4"]}},
        "EC2.SG_OPEN_ALL": {"research": [], "add": {c: A_ALL_AS_SG for c in ["PR.AC-3", "PR.AC-5", "PR.PT-4"]}},
        "EC2.SG_OPEN_ADMIN_PORTS": {"research": [], "add": {c: A_ADMIN_AS_SSH for c in ["PR.AC-3", "PR.AC-5", "PR.PT-4"]}},
        "EC2.SG_OPEN_DB_PORTS": {"research": [], "add": {
            **{c: A_DB_AS_SG for c in ["PR.AC-5", "PR.PT-4"]},
            "PR.DS-5": "data stores reachable from the internet are a leading cause of mass data leaks",
        }},
        "EC2.DEFAULT_SG_NO_TRAFFIC": {"research": ["DE.AE-1", "PR.AC-3", "PR.AC-5", "PR.PT-4"]},
        "EC2.NACL_NO_OPEN_ADMIN_PORTS": {"research": ["DE.AE-1", "PR.AC-3", "PR.AC-5", "PR.PT-4"]},
        "EC2.SUBNET_NO_PUBLIC_IP": {"research": [], "add": {
            c: "no research row for EC2.15; without auto-assigned public addresses, instances are not reachable from "
               "the internet unless given an address deliberately" for c in ["PR.AC-5", "PR.PT-4"]}},
        "EC2.EBS_DEFAULT_ENCRYPTION": {"research": ["PR.DS-1"]},
        "EC2.SG_NO_UNRESTRICTED_EGRESS": {"research": [], "add": {
            **{c: "no Security Hub control or research row; restricting egress protects the network from use by a "
                  "compromised host (command and control, lateral movement)" for c in ["PR.AC-5", "PR.PT-4"]},
            "PR.DS-5": "no Security Hub control or research row; limiting egress to the destinations a workload needs "
                       "is a protection against data exfiltration",
        }},
    },

    # MPA TPN has no public mapping: every entry is our own reading of the MPA
    # Content Security Best Practices 5.3.1 control (title/topic and best-practice text).
    "mpa": {
        "S3.ENCRYPTION_AT_REST": {"research": [], "add": {
            "TS-3.0": "Encryption requires content at rest to be encrypted with AES-256 at minimum; S3 default "
                      "encryption (SSE-S3/SSE-KMS) is AES-256",
        }},
        "S3.PUBLIC_ACCESS_BLOCK": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; BPA prevents ACLs or bucket policies from granting "
                      "access to anyone on the internet",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access and "
                       "segregate it with logical controls when configuring cloud infrastructure; BPA is that "
                       "control for S3",
        }},
        "S3.VERSIONING": {"research": [], "add": {
            "OR-1.3": "the Disaster Recovery Plan practices call for regular backups of business-critical data and "
                      "restricting who can modify or delete them; versioning keeps prior object versions "
                      "recoverable after overwrite or deletion",
        }},
        "S3.ACCESS_LOGGING": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires centralised logging of storage services, "
                      "including who did what and when; S3 server access logs provide it for buckets",
        }},
        "S3.TLS_ONLY": {"research": [], "add": {
            "TS-3.0": "Encryption requires content in motion to use TLS 1.2 at minimum; the bucket policy denies "
                      "non-TLS requests",
            "TS-2.13": "Network Connections asks that connections be encrypted and restricted to authorised ones; "
                       "the policy refuses unencrypted connections to the bucket",
        }},
        "EC2.SG_OPEN_SSH": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default and, for externally reachable hosts, "
                      "only the ports needed; SSH open to the internet breaks both",
            "TS-2.9": "Remote Access requires remote administration to go through authorised, controlled paths "
                      "(VPN/brokers), not directly from the internet",
        }},
        "EC2.SG_OPEN_RDP": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default and, for externally reachable hosts, "
                      "only the ports needed; RDP open to the internet breaks both",
            "TS-2.9": "Remote Access requires remote administration to go through authorised, controlled paths "
                      "(VPN/brokers), not directly from the internet",
        }},
        "IAM.POLICY_ADMIN_STAR": {"research": [], "add": {
            "TS-1.7": "Authorization must follow the principle of least privilege; a policy allowing * on * grants "
                      "full administrative rights",
            "TS-1.8": "Identity Access Management requires access to be managed through roles (RBAC/ABAC) with "
                      "reviewed privileges; unrestricted admin policies defeat that",
        }},
        "EC2.VPC_FLOW_LOGS": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires logging network activity with source and "
                      "destination addresses, action and timestamp; VPC flow logs record exactly these",
            "TS-2.4": "Firewall Access Control List requires logs of all traffic; flow logs record traffic accepted "
                      "and rejected by security groups and network ACLs",
            "TS-2.13": "Network Connections asks that connections be monitored and unauthorised ones detected; "
                       "flow logs are the VPC's connection record",
        }},
        "EKS.PUBLIC_ENDPOINT": {"research": [], "add": {
            "TS-2.0": "Network Configuration limits what is exposed to the internet and requires restricting access "
                      "into the VPC; a public Kubernetes API endpoint exposes the cluster's control plane",
            "TS-2.9": "Remote Access requires administrative access to environments to go through authorised, "
                      "controlled paths (VPN/brokers); a public API endpoint allows management from anywhere",
        }},
        "EKS.SECRETS_ENCRYPTION": {"research": [], "add": {
            "TS-3.0": "Encryption requires sensitive data at rest to be encrypted; this rule checks that Kubernetes "
                      "secrets are envelope-encrypted with a KMS key",
        }},
        "KMS.KEY_ROTATION": {"research": [], "add": {
            "TS-3.2": "Encryption Key Management requires keys to be changed or rotated at a defined cadence",
        }},
        # --- IAM ---
        "IAM.ROOT_MFA": {"research": [], "add": {
            "TS-1.6": "Authentication requires MFA for administrative console access; the root user is the AWS "
                      "account's most privileged console identity",
        }},
        "IAM.ROOT_HARDWARE_MFA": {"research": [], "add": {
            "TS-1.6": "Authentication requires MFA for administrative console access; a dedicated hardware device is "
                      "the strongest form of it for the root user",
        }},
        "IAM.ROOT_ACCESS_KEYS": {"research": [], "add": {
            "TS-1.2": "Default Accounts asks that built-in accounts be disabled, renamed or have their credentials "
                      "changed; the root user is the AWS account's built-in superuser, and access keys give it "
                      "programmatic access without MFA",
            "TS-1.7": "Authorization requires least privilege; root access keys carry every permission and cannot be "
                      "restricted",
        }},
        "IAM.ROOT_RECENT_USE": {"research": [], "add": {
            "TS-1.2": "Default Accounts restricts the use of built-in accounts; the root user cannot be disabled, so not "
                      "using it is the AWS equivalent",
            "TS-1.7": "Authorization requires least privilege; regular root use runs everyday work with unrestricted "
                      "privileges",
        }},
        "IAM.USER_CONSOLE_MFA": {"research": [], "add": {
            "TS-1.6": "Authentication requires MFA for internet-facing systems and administrative console access; the "
                      "AWS console is both",
        }},
        "IAM.PASSWORD_POLICY_LENGTH": {"research": [], "add": {
            "TS-1.6": "Authentication requires passwords/passphrases of at least 16 characters; the pack sets "
                      "password_min_length to 16 for this rule",
        }},
        "IAM.PASSWORD_POLICY_REUSE": {"research": [], "add": {
            "TS-1.6": "Authentication covers password history; the account policy refuses previously used passwords",
        }},
        "IAM.PASSWORD_POLICY_MAX_AGE": {"research": [], "add": {
            "TS-1.6": "Authentication sets the password/passphrase policy that systems must enforce; this rule checks "
                      "the account policy's expiry setting",
        }},
        "IAM.PASSWORD_POLICY_COMPLEXITY": {"research": [], "add": {
            "TS-1.6": "Authentication sets the password/passphrase policy that systems must enforce; this rule checks "
                      "the account policy's character-class requirements",
        }},
        "IAM.ACCESS_KEY_ROTATION": {"research": [], "add": {
            "TS-1.8": "Identity Access Management covers accounts and their credentials, including non-interactive "
                      "(service) accounts, which is what access keys serve; rotation limits how long a leaked key works",
        }},
        "IAM.CREDENTIALS_UNUSED": {"research": [], "add": {
            "TS-1.7": "Authorization requires periodic access reviews covering interactive and non-interactive "
                      "accounts; credentials unused for weeks are the ones such reviews remove",
            "TS-1.8": "Identity Access Management requires accounts to be authorised and reviewed, service accounts "
                      "included; unused credentials often belong to people who left or to forgotten automation",
        }},
        "IAM.ACCESS_KEYS_SINGLE_ACTIVE": {"research": [], "add": {
            "TS-1.8": "Identity Access Management covers accounts and their credentials; a second long-lived active key "
                      "is an extra credential, usually one never retired after a rotation",
        }},
        "IAM.USER_NO_ATTACHED_POLICIES": {"research": [], "add": {
            "TS-1.8": "Identity Access Management requires access to be managed through roles (RBAC/ABAC); managed "
                      "policies attached to individual users bypass that",
        }},
        "IAM.USER_NO_INLINE_POLICIES": {"research": [], "add": {
            "TS-1.8": "Identity Access Management requires access to be managed through roles (RBAC/ABAC); inline "
                      "policies embedded in individual users bypass that",
        }},
        **{r: {"research": [], "add": {
            "TS-1.7": f"Authorization must follow the principle of least privilege; {who} with * on * has full "
                      "administrative rights",
            "TS-1.8": "Identity Access Management requires access to be managed through roles (RBAC/ABAC) with "
                      "reviewed privileges; unrestricted admin policies defeat that",
        }} for r, who in [("IAM.USER_NO_ADMIN_PRIVILEGES", "a user"), ("IAM.ROLE_NO_ADMIN_PRIVILEGES", "a role"),
                          ("IAM.GROUP_NO_ADMIN_PRIVILEGES", "every member of a group")]},
        "IAM.ROLE_TRUST_NO_WILDCARD": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; a trust policy naming every principal lets anyone "
                      "assume the role",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access when "
                       "configuring cloud infrastructure; role trust policies define who from outside the account can "
                       "get in",
        }},
        "IAM.ROLE_CROSS_ACCOUNT_EXTERNAL_ID": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; without an external ID, other customers of the trusted "
                      "vendor can have it act on this account",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access when "
                       "configuring cloud infrastructure; cross-account trust is access granted to another tenant",
        }},
        "IAM.ACCESS_ANALYZER_ENABLED": {"research": [], "add": {
            "TS-1.7": "Authorization requires periodic access reviews; Access Analyzer lists the resources shared "
                      "outside the account or organisation for them",
            "TS-1.12": "Cloud Misconfigurations calls for continuous detection of misconfigurations; unintended public "
                       "or cross-account sharing is one that Access Analyzer detects",
        }},
        # --- S3 ---
        "S3.ACCOUNT_PUBLIC_ACCESS_BLOCK": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; account-level BPA prevents any bucket's ACLs or policies "
                      "from granting access to anyone on the internet",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access and "
                       "segregate it with logical controls when configuring cloud infrastructure; account-level BPA is "
                       "that control for all of S3",
        }},
        "S3.NO_PUBLIC_ACL": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; a public ACL grants access to everyone on the internet "
                      "or to every AWS account",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access when "
                       "configuring cloud infrastructure; public ACL grants put the bucket outside it",
        }},
        "S3.NO_PUBLIC_POLICY": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; a bucket policy allowing everyone grants access to anyone "
                      "on the internet",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access when "
                       "configuring cloud infrastructure; a public bucket policy puts the bucket outside it",
        }},
        "S3.KMS_ENCRYPTION": {"research": [], "add": {
            "TS-3.0": "Encryption requires content at rest to be encrypted with AES-256 at minimum; SSE-KMS is AES-256",
            "TS-3.2": "Encryption Key Management requires controlled access to keys and separating key management from "
                      "key use; with SSE-KMS, reading data also needs kms:Decrypt on a separately managed key",
        }},
        "S3.MFA_DELETE": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires logs to be retained for one year; MFA delete "
                      "stops retained log versions from being erased with stolen credentials",
        }},
        "S3.LIFECYCLE_CONFIGURED": {"research": [], "add": {
            "OR-1.4": "Data & Assets sets handling rules across the data life cycle, including retention and disposal; "
                      "lifecycle rules enforce them in S3",
        }},
        "S3.OBJECT_LOCK_EVIDENCE": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires logs to be retained for one year; Object Lock "
                      "makes retained evidence write-once, so it cannot be altered or deleted early",
        }},
        "S3.LOG_RETENTION": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires logs to be retained for one year (or the "
                      "maximum local law allows); the pack sets log_retention_days to 365 for this rule",
        }},
        "S3.CROSS_REGION_REPLICATION": {"research": [], "add": {
            "OR-1.3": "the Disaster Recovery Plan practices call for regular backups of business-critical data; "
                      "replication keeps a copy of the objects in another bucket (region or account)",
        }},
        "S3.ACLS_DISABLED": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; with ACLs disabled, object or bucket grants cannot "
                      "bypass the reviewed IAM and bucket policies",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access and "
                       "segregate it with logical controls; disabling ACLs leaves policies as the single control",
        }},
        # --- CloudTrail, Config, GuardDuty, Security Hub, KMS ---
        "CLOUDTRAIL.MULTI_REGION_ENABLED": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires centralised logging of who did what and when; "
                      "a multi-region trail records every management API call in the account",
        }},
        "CLOUDTRAIL.LOG_FILE_VALIDATION": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management relies on logs being complete and unaltered; validation "
                      "makes modification or deletion of CloudTrail log files detectable",
        }},
        "CLOUDTRAIL.KMS_ENCRYPTION": {"research": [], "add": {
            "TS-3.0": "Encryption requires sensitive data at rest to be encrypted; the rule checks that the audit logs "
                      "are encrypted with a KMS key",
        }},
        "CLOUDTRAIL.BUCKET_NOT_PUBLIC": {"research": [], "add": {
            "TS-1.7": "Authorization requires least privilege; a public log bucket gives everyone the account's audit "
                      "trail",
            "TS-2.12": "Cloud Service Provider & Cloud Service Consumer asks the consumer to define user access when "
                       "configuring cloud infrastructure; public access to the log bucket is outside it",
        }},
        "CLOUDTRAIL.BUCKET_ACCESS_LOGGING": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires logging of storage services, including who did "
                      "what; these access logs record who read or deleted the audit logs",
        }},
        "CLOUDTRAIL.CLOUDWATCH_LOGS": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires centralised logs with alert rules and "
                      "notifications; delivery to CloudWatch Logs is what allows alarms on CloudTrail events",
        }},
        "CONFIG.RECORDER_ENABLED": {"research": [], "add": {
            "TS-1.12": "Cloud Misconfigurations calls for continuous detection of cloud misconfigurations; the Config "
                       "recorder's configuration history is what that detection and its follow-up work from",
        }},
        "GUARDDUTY.ENABLED": {"research": [], "add": {
            "TS-2.7": "Intrusion Detection & Prevention Systems requires intrusion detection with alerting; GuardDuty "
                      "is AWS's managed threat detection for the account",
            "TS-2.13": "Network Connections asks that unauthorised connections be detected; GuardDuty flags traffic to "
                       "and from known malicious addresses",
        }},
        "SECURITYHUB.ENABLED": {"research": [], "add": {
            "TS-1.12": "Cloud Misconfigurations calls for continuous detection of cloud misconfigurations; Security Hub "
                       "with a ready standard checks the account's resources continuously",
        }},
        "KMS.KEY_NOT_PENDING_DELETION": {"research": [], "add": {
            "TS-3.2": "Encryption Key Management covers the life cycle of keys; destroying a key in use makes the "
                      "content encrypted under it unrecoverable",
        }},
        # --- EKS, EC2 network ---
        "EKS.CONTROL_PLANE_LOGGING": {"research": [], "add": {
            "TS-1.5": "Security Information & Event Management requires centralised logging of who did what and when; "
                      "the Kubernetes audit and authenticator logs record this for the cluster API",
        }},
        "EKS.SUPPORTED_VERSION": {"research": [], "add": {
            "TS-4.2": "Patching requires systems to run patched, supported software; Kubernetes versions past EKS "
                      "standard support no longer get security patches",
        }},
        "EKS.NODEGROUP_REMOTE_ACCESS": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default and, for externally reachable hosts, only "
                      "the ports needed; node remote access open to 0.0.0.0/0 breaks both",
            "TS-2.9": "Remote Access requires remote administration to go through authorised, controlled paths "
                      "(VPN/brokers), not directly from the internet",
        }},
        "EC2.SG_OPEN_ALL": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default and, for externally reachable hosts, only "
                      "the ports needed; all ports open to the internet breaks both",
        }},
        "EC2.SG_OPEN_ADMIN_PORTS": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default and, for externally reachable hosts, only "
                      "the ports needed; remote-administration ports open to the internet break both",
            "TS-2.9": "Remote Access requires remote administration to go through authorised, controlled paths "
                      "(VPN/brokers), not directly from the internet",
        }},
        "EC2.SG_OPEN_DB_PORTS": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default and, for externally reachable hosts, only "
                      "the ports needed; database ports open to the internet break both",
            "TS-2.5": "Content & Production Networks must be isolated from the internet; data stores reachable from "
                      "anywhere are not",
        }},
        "EC2.DEFAULT_SG_NO_TRAFFIC": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default; the default group allows all outbound and "
                      "member-to-member traffic to anything launched without an explicit group",
        }},
        "EC2.NACL_NO_OPEN_ADMIN_PORTS": {"research": [], "add": {
            "TS-2.0": "Network Configuration requires restricting access to VPC subnets with security groups and ACLs",
            "TS-2.4": "Firewall Access Control List requires deny-by-default and only the ports needed; a network ACL "
                      "allowing remote-administration ports from anywhere breaks both",
            "TS-2.9": "Remote Access requires remote administration to go through authorised, controlled paths "
                      "(VPN/brokers), not directly from the internet",
        }},
        "EC2.SUBNET_NO_PUBLIC_IP": {"research": [], "add": {
            "TS-2.0": "Network Configuration limits what is exposed to the internet to deliberately public services; "
                      "auto-assigned public addresses expose every instance launched in the subnet",
        }},
        "EC2.EBS_DEFAULT_ENCRYPTION": {"research": [], "add": {
            "TS-3.0": "Encryption requires content at rest to be encrypted with AES-256 at minimum; EBS encryption is "
                      "AES-256, and the default makes sure no volume is missed",
        }},
        "EC2.SG_NO_UNRESTRICTED_EGRESS": {"research": [], "add": {
            "TS-2.8": "Internet Access requires restricting internet access from content and production networks "
                      "(proxies, allowlists, egress rules); an allow-all egress rule does the opposite",
            "TS-2.4": "Firewall Access Control List requires deny-by-default, which applies to outbound rules too",
        }},
    },
}

# Provenance labels used in the notes.
SOURCE_LABEL = {
    "soc2": "Prowler ∪ Steampipe SOC 2",
    "fedramp": "Security Hub NIST 800-53 r5 mapping",
    "csf2": "Steampipe nist_csf_v2",
    "csf11": "Prowler ∪ Steampipe CSF 1.1",
    "mpa": None,
}

# --------------------------------------------------------------------------
# Pack definitions.
# --------------------------------------------------------------------------
NIST_PATTERN = r"^[A-Z]{2}-\d+(\(\d+\))?$"
FEDRAMP_COMMIT = "c784140bc6d1ac9fa159aabc0e8a29e9aa2c63a9"


def _fedramp_pack(level: str) -> dict:
    upper = level.upper()
    return {
        "id": f"fedramp-{level}",
        "name": f"FedRAMP Rev. 5 {level.capitalize()} Baseline",
        "version": "Rev. 5 (NIST SP 800-53 Rev. 5.1.1; profile fedramp2.1.0-oscal1.0.4)",
        "source": (f"GSA FedRAMP, FedRAMP_rev5_{upper}-baseline_profile.json (GSA/fedramp-automation, commit "
                   f"{FEDRAMP_COMMIT[:12]}, last changed 2024-09-24), control ids resolved against NIST SP 800-53 "
                   "Rev. 5.1.1 (NIST OSCAL, usnistgov/oscal-content); titles from the NIST catalog"),
        "url": ("https://github.com/GSA/fedramp-automation/blob/master/dist/content/rev5/baselines/json/"
                f"FedRAMP_rev5_{upper}-baseline_profile.json"),
        "control_id_pattern": NIST_PATTERN,
        "params": {},
        "catalog": ("fedramp", level),
        "map_key": "fedramp",
    }


PACKS = [
    {
        "id": "soc2",
        "name": "SOC 2 — AICPA Trust Services Criteria",
        "version": "2017 (revised points of focus 2022)",
        "source": ("AICPA, TSP Section 100, 2017 Trust Services Criteria for Security, Availability, Processing "
                   "Integrity, Confidentiality, and Privacy (with revised points of focus, 2022); criterion ids and "
                   "short excerpts via the intuitem/ciso-assistant-community soc2-2017 library"),
        "url": "https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022",
        "control_id_pattern": r"^(CC\d+|A1|C1|PI1|P\d+)\.\d+$",
        "params": {},
        "catalog": ("soc2",),
        "map_key": "soc2",
    },
    _fedramp_pack("low"),
    _fedramp_pack("moderate"),
    _fedramp_pack("high"),
    {
        "id": "nist-csf-2.0",
        "name": "NIST Cybersecurity Framework 2.0",
        "version": "2.0 (February 26, 2024)",
        "source": ("NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0, 2024-02-26; subcategory statements "
                   "from NIST's OSCAL CSF 2.0 catalog (usnistgov/oscal-content, catalog version 1.0.0, 2025-05-14)"),
        "url": "https://doi.org/10.6028/NIST.CSWP.29",
        "control_id_pattern": r"^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$",
        "params": {},
        "catalog": ("csf2",),
        "map_key": "csf2",
    },
    {
        "id": "nist-csf-1.1",
        "name": "NIST Cybersecurity Framework 1.1",
        "version": "1.1 (April 16, 2018)",
        "source": ("NIST, Framework for Improving Critical Infrastructure Cybersecurity, Version 1.1, 2018-04-16 "
                   "(Framework Core); subcategory text via the intuitem/ciso-assistant-community nist-csf-1.1 "
                   "library, 79/108 statements verified against NIST OSCAL"),
        "url": "https://doi.org/10.6028/NIST.CSWP.04162018",
        "control_id_pattern": r"^(ID|PR|DE|RS|RC)\.[A-Z]{2}-\d+$",
        "params": {},
        "catalog": ("csf11",),
        "map_key": "csf11",
    },
    {
        "id": "mpa-tpn",
        "name": "MPA Content Security Best Practices (TPN)",
        "version": "5.3.1",
        "source": ("Motion Picture Association, MPA Content Security Best Practices Common Guidelines v5.3.1, "
                   "assessed through the Trusted Partner Network (TPN+); control list from a third-party "
                   "transcription (sakerk/Security-Governance-Framework, MPA_5.3.1_Controls)"),
        "url": "https://www.motionpictures.org/best-practices/",
        "control_id_pattern": r"^(OP|OR|PS|TS)-\d+\.\d+$",
        # TS-1.6 Authentication: passwords/passphrases of at least 16 characters (read by IAM.PASSWORD_POLICY_LENGTH).
        # TS-1.5 SIEM: retain logs for one year, or the maximum local law allows (read by S3.LOG_RETENTION).
        "params": {"password_min_length": 16, "log_retention_days": 365},
        "catalog": ("mpa",),
        "map_key": "mpa",
    },
]

# --------------------------------------------------------------------------
# Catalog loading.
# --------------------------------------------------------------------------


def reference_dir(arg: str | None) -> Path:
    p = arg or os.environ.get("COMPLYCTL_REFERENCE_DIR") or str(REPO / ".." / "shared" / "reference")
    return Path(p).resolve()


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


class Catalogs:
    def __init__(self, ref: Path):
        cat = ref / "catalogs"
        self.nist = {r["id"]: r for r in read_tsv(cat / "nist-800-53r5.tsv")}
        self.nist_order = list(self.nist)
        self.baselines = read_tsv(cat / "fedramp-rev5-baselines.tsv")
        self.soc2 = read_tsv(cat / "soc2-tsc-2017.tsv")
        self.csf2 = read_tsv(cat / "nist-csf-2.0.tsv")
        self.csf11 = read_tsv(cat / "nist-csf-1.1.tsv")
        self.mpa = read_tsv(cat / "mpa-tpn-5.3.1-controls.tsv")

    def controls(self, spec: tuple) -> list[dict]:
        """Controls of a pack, in catalog order, as dicts with id, title and helper fields."""
        kind = spec[0]
        if kind == "fedramp":
            level = spec[1]
            out = []
            for r in self.baselines:
                if r[level] != "yes":
                    continue
                n = self.nist[r["id"]]
                if n["withdrawn"] != "no":
                    raise SystemExit(f"baseline control {r['id']} is withdrawn in the NIST catalog")
                out.append({"id": r["id"], "title": n["title"], "family": n["family"]})
            return out
        if kind == "soc2":
            return [{"id": r["id"], "title": r["title"], "category": r["category"]} for r in self.soc2]
        if kind in ("csf2", "csf11"):
            rows = self.csf2 if kind == "csf2" else self.csf11
            return [{"id": r["id"], "title": r["title"], "category": r["category"], "function": r["function"]}
                    for r in rows]
        if kind == "mpa":
            return [{"id": r["ID"], "title": clean_mpa_title(r["Title in TPN+"]), "domain": r["Domain"],
                     "topic": r["Topic"]} for r in self.mpa]
        raise ValueError(kind)


def clean_mpa_title(t: str) -> str:
    # The transcription carries an HTML line break in two titles.
    return re.sub(r"\s*<br\s*/?>\s*", " ", t).strip()


# --------------------------------------------------------------------------
# Mapping resolution.
# --------------------------------------------------------------------------


class Resolved:
    """Per control: rules mapped (with provenance) and research mappings not used."""

    def __init__(self):
        self.rules: dict[str, list[str]] = {}      # control -> [rule ids]
        self.research: dict[str, list[str]] = {}   # control -> [rule ids] taken from research base
        self.extra_used: dict[str, list[tuple]] = {}
        self.added: dict[str, list[tuple]] = {}
        self.dropped: dict[str, list[tuple]] = {}  # includes unused FedRAMP extras


def resolve(map_key: str) -> Resolved:
    table = MAPPINGS[map_key]
    res = Resolved()
    unknown = set(table) - set(RULES)
    if unknown:
        raise SystemExit(f"MAPPINGS[{map_key!r}] names unknown rules: {sorted(unknown)}")
    for rule in RULES:
        m = table.get(rule, {"research": []})
        research = m.get("research", [])
        drop = m.get("drop", {})
        add = m.get("add", {})
        extra = m.get("extra", [])
        use_extra = m.get("use_extra", {})
        for c in list(drop) + list(use_extra):
            if c not in research and c not in extra:
                raise SystemExit(f"{map_key}/{rule}: {c} dropped/used but not in the research list")
        for c in research:
            if c in drop:
                res.dropped.setdefault(c, []).append((rule, drop[c]))
            else:
                res.research.setdefault(c, []).append(rule)
                res.rules.setdefault(c, []).append(rule)
        for c in extra:
            if c in use_extra:
                res.extra_used.setdefault(c, []).append((rule, use_extra[c]))
                res.rules.setdefault(c, []).append(rule)
            elif c not in research:
                reason = FEDRAMP_EXTRA_SKIP.get(c)
                if reason is None:
                    raise SystemExit(f"{map_key}/{rule}: unused extra {c} needs a reason in FEDRAMP_EXTRA_SKIP")
                res.dropped.setdefault(c, []).append((rule, "research extra not used: " + reason))
        for c, why in add.items():
            if c in research or c in extra:
                raise SystemExit(f"{map_key}/{rule}: {c} is in the research list; don't 'add' it")
            res.added.setdefault(c, []).append((rule, why))
            res.rules.setdefault(c, []).append(rule)
    return res


def rule_ref(rule: str) -> str:
    return f"{rule} ({RULES[rule]})"


def group_by_reason(items: list[tuple]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for rule, why in items:
        groups.setdefault(why, []).append(rule)
    return list(groups.items())


def sentence(s: str) -> str:
    s = s.strip()
    return s if s.endswith((".", "?", "!")) else s + "."


def build_notes(map_key: str, ctrl: str, res: Resolved, in_pack_rules: list[str]) -> str | None:
    parts = []
    label = SOURCE_LABEL[map_key]
    if res.research.get(ctrl):
        refs = ", ".join(rule_ref(r) for r in res.research[ctrl])
        parts.append(f"From the research ({label}): {refs}.")
    for why, rules in group_by_reason(res.extra_used.get(ctrl, [])):
        refs = ", ".join(rule_ref(r) for r in rules)
        parts.append(sentence(f"Research extra (Prowler/Steampipe) kept for {refs}: {why}"))
    for why, rules in group_by_reason(res.added.get(ctrl, [])):
        refs = ", ".join(rule_ref(r) for r in rules)
        if map_key == "mpa":
            parts.append(sentence(f"{refs}: {why}"))
        else:
            parts.append(sentence(f"Added {refs}: {why}"))
    for why, rules in group_by_reason(res.dropped.get(ctrl, [])):
        refs = ", ".join(rule_ref(r) for r in rules)
        if why.startswith("research extra not used: "):
            parts.append(sentence(f"Not mapped: {refs}, listed as a research extra ({why[len('research extra not used: '):]})"))
        else:
            parts.append(sentence(f"Not mapped although the research lists {refs} here: {why}"))
    if map_key == "mpa" and in_pack_rules:
        parts.append("MPA TPN has no public rule mapping; mapped by reading the MPA 5.3.1 control.")
    return " ".join(parts) if parts else None


# --------------------------------------------------------------------------
# YAML emission (hand-written for stable, safely quoted output).
# --------------------------------------------------------------------------
PLAIN_RULE = re.compile(r"^[A-Z][A-Z0-9_]*\.[A-Z0-9_]+$")


def q(s: str) -> str:
    """Double-quoted YAML scalar. JSON string syntax is a subset of YAML's double-quoted style."""
    if "\u2028" in s or "\u2029" in s or "\x85" in s:
        return json.dumps(s, ensure_ascii=True)
    return json.dumps(s, ensure_ascii=False)


def sq(s: str) -> str:
    """Single-quoted YAML scalar (no escapes; ' doubled) — used for regexes."""
    return "'" + s.replace("'", "''") + "'"


def yaml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return q(v)
    raise TypeError(type(v))


def emit_pack(pack: dict, controls: list[dict]) -> str:
    lines = [
        "# Generated by scripts/gen_frameworks.py from ../shared/reference/catalogs, the mapping table in",
        "# that script and the texts in scripts/framework_evidence.py. Do not edit by hand; regenerate.",
        f"id: {q(pack['id'])}",
        f"name: {q(pack['name'])}",
        f"version: {q(pack['version'])}",
        f"source: {q(pack['source'])}",
        f"url: {q(pack['url'])}",
        f"control_id_pattern: {sq(pack['control_id_pattern'])}",
    ]
    if pack["params"]:
        items = ", ".join(f"{k}: {yaml_value(v)}" for k, v in pack["params"].items())
        lines.append(f"params: {{{items}}}")
    else:
        lines.append("params: {}")
    lines.append("controls:")
    for c in controls:
        lines.append(f"  - id: {q(c['id'])}")
        lines.append(f"    title: {q(c['title'])}")
        if c.get("rules"):
            rules = ", ".join(r if PLAIN_RULE.match(r) else q(r) for r in c["rules"])
            lines.append(f"    rules: [{rules}]")
        else:
            lines.append(f"    manual: {q(c['manual'])}")
        if c.get("notes"):
            lines.append(f"    notes: {q(c['notes'])}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Build.
# --------------------------------------------------------------------------


def manual_text(pack: dict, ctl: dict, cats: Catalogs) -> str:
    kind = pack["catalog"][0]
    if kind == "soc2":
        return ev.soc2(ctl["id"])
    if kind == "fedramp":
        return ev.nist(ctl["id"], ctl["title"], ctl["family"], cats.nist)
    if kind == "csf2":
        return ev.csf2(ctl["id"], ctl["title"], ctl["category"])
    if kind == "csf11":
        return ev.csf11(ctl["id"], ctl["title"], ctl["category"])
    if kind == "mpa":
        return ev.mpa(ctl["id"], ctl["title"])
    raise ValueError(kind)


def build(cats: Catalogs) -> dict[str, tuple[dict, list[dict], str]]:
    out = {}
    for pack in PACKS:
        ctls = cats.controls(pack["catalog"])
        ids = {c["id"] for c in ctls}
        res = resolve(pack["map_key"])
        if pack["map_key"] != "fedramp":
            # For FedRAMP, controls outside the baseline are dropped silently (the mapping is shared
            # by the three baselines); elsewhere every mapped control must exist in the catalog.
            missing = (set(res.rules) | set(res.dropped)) - ids
            if missing:
                raise SystemExit(f"{pack['id']}: mapping names controls not in the catalog: {sorted(missing)}")
        else:
            allowed = {k for k, v in cats.nist.items() if v["withdrawn"] == "no"}
            bad = (set(res.rules) | set(res.dropped)) - allowed
            if bad:
                raise SystemExit(f"fedramp mapping names controls not in NIST 800-53 r5: {sorted(bad)}")
        built = []
        for c in ctls:
            rules = res.rules.get(c["id"], [])
            entry = {"id": c["id"], "title": c["title"]}
            if rules:
                entry["rules"] = rules
            else:
                entry["manual"] = manual_text(pack, c, cats)
            notes = build_notes(pack["map_key"], c["id"], res, rules)
            if notes:
                entry["notes"] = notes
            built.append(entry)
        out[pack["id"]] = (pack, built, emit_pack(pack, built))
    return out


DOC = REPO / "docs" / "frameworks.md"


def doc_sections(built_all: dict) -> dict[str, str]:
    """Generated parts of docs/frameworks.md: the count table and the rule -> control table."""
    rows = ["| pack | controls | automated | manual |", "|---|---:|---:|---:|"]
    for pid, (_pack, built, _text) in built_all.items():
        auto = sum(1 for c in built if c.get("rules"))
        rows.append(f"| `{pid}` | {len(built)} | {auto} | {len(built) - auto} |")
    counts = "\n".join(rows)
    pids = list(built_all)
    head = "| rule | " + " | ".join(f"`{p}`" for p in pids) + " |"
    sep = "|---|" + "---|" * len(pids)
    lines = [head, sep]
    for rule in RULES:
        cells = []
        for pid in pids:
            ctrls = [c["id"] for c in built_all[pid][1] if rule in c.get("rules", [])]
            cells.append(", ".join(ctrls) if ctrls else "—")
        lines.append(f"| `{rule}` ({RULES[rule]}) | " + " | ".join(cells) + " |")
    return {"counts": counts, "mappings": "\n".join(lines)}


def render_doc(text: str, sections: dict[str, str]) -> str:
    for name, body in sections.items():
        begin, end = f"<!-- gen_frameworks:{name}:begin -->", f"<!-- gen_frameworks:{name}:end -->"
        pat = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
        if not pat.search(text):
            raise SystemExit(f"{DOC}: markers for section {name!r} not found")
        text = pat.sub(lambda _m: f"{begin}\n{body}\n{end}", text)
    return text


def write(cats: Catalogs) -> None:
    OUT_DIR.mkdir(exist_ok=True)
    built_all = build(cats)
    for pid, (_pack, built, text) in built_all.items():
        path = OUT_DIR / f"{pid}.yaml"
        path.write_text(text, encoding="utf-8")
        auto = sum(1 for c in built if c.get("rules"))
        print(f"wrote {path.relative_to(REPO)}: {len(built)} controls, {auto} automated, {len(built) - auto} manual")
    if DOC.exists():
        DOC.write_text(render_doc(DOC.read_text(encoding="utf-8"), doc_sections(built_all)), encoding="utf-8")
        print(f"updated generated tables in {DOC.relative_to(REPO)}")


# --------------------------------------------------------------------------
# Check.
# --------------------------------------------------------------------------
PACK_KEYS = {"id", "name", "version", "source", "url", "control_id_pattern", "params", "controls"}
CONTROL_KEYS = {"id", "title", "rules", "manual", "notes"}


def policy_rule_ids() -> set[str] | None:
    """custom.id of every rule under policies/ (None if there are no rules yet)."""
    pol = REPO / "policies"
    ids = set()
    for p in pol.rglob("*.rego"):
        if p.name.endswith("_test.rego"):
            continue
        m = re.search(r"^#\s+id:\s*([A-Z0-9_.]+)\s*$", p.read_text(encoding="utf-8"), re.M)
        if m:
            ids.add(m.group(1))
    return ids or None


def check(cats: Catalogs) -> int:
    try:
        import yaml  # PyYAML
    except ImportError:
        print("--check needs PyYAML (pip install pyyaml)", file=sys.stderr)
        return 2
    errors: list[str] = []
    warnings: list[str] = []
    expected = build(cats)
    mapped_by_pack: dict[str, set[str]] = {}
    summary = []
    for pack in PACKS:
        pid = pack["id"]
        path = OUT_DIR / f"{pid}.yaml"
        if not path.exists():
            errors.append(f"{path}: missing")
            continue
        text = path.read_text(encoding="utf-8")
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as e:
            errors.append(f"{path}: does not parse: {e}")
            continue
        if text != expected[pid][2]:
            errors.append(f"{path}: differs from what the generator produces (regenerate it)")
        if not isinstance(doc, dict) or set(doc) != PACK_KEYS:
            errors.append(f"{pid}: top-level keys must be exactly {sorted(PACK_KEYS)}, got "
                          f"{sorted(doc) if isinstance(doc, dict) else type(doc).__name__}")
            continue
        if doc["id"] != pid:
            errors.append(f"{pid}: id is {doc['id']!r}")
        for k in ("name", "version", "source", "url"):
            if not isinstance(doc[k], str) or not doc[k].strip():
                errors.append(f"{pid}: {k} must be a non-empty string")
        if not str(doc["url"]).startswith("https://"):
            errors.append(f"{pid}: url must be https")
        if not isinstance(doc["params"], dict):
            errors.append(f"{pid}: params must be a mapping")
        try:
            pat = re.compile(doc["control_id_pattern"])
        except (re.error, TypeError) as e:
            errors.append(f"{pid}: bad control_id_pattern: {e}")
            continue
        catalog = cats.controls(pack["catalog"])
        cat_ids = [c["id"] for c in catalog]
        cat_titles = {c["id"]: c["title"] for c in catalog}
        ctrls = doc["controls"]
        if not isinstance(ctrls, list):
            errors.append(f"{pid}: controls must be a list")
            continue
        ids = []
        mapped = set()
        auto = 0
        for i, c in enumerate(ctrls):
            where = f"{pid}: controls[{i}]"
            if not isinstance(c, dict):
                errors.append(f"{where}: not a mapping")
                continue
            extra = set(c) - CONTROL_KEYS
            if extra:
                errors.append(f"{where}: unknown keys {sorted(extra)}")
            cid = c.get("id")
            if not isinstance(cid, str):
                errors.append(f"{where}: id must be a string")
                continue
            ids.append(cid)
            if not pat.match(cid):
                errors.append(f"{pid}: {cid} does not match control_id_pattern")
            if cid not in cat_titles:
                errors.append(f"{pid}: {cid} is not in the catalog")
            elif c.get("title") != cat_titles[cid]:
                errors.append(f"{pid}: {cid} title differs from the catalog")
            rules = c.get("rules")
            manual = c.get("manual")
            if rules is not None:
                if not isinstance(rules, list) or not rules or not all(isinstance(r, str) for r in rules):
                    errors.append(f"{pid}: {cid} rules must be a non-empty list of strings")
                    rules = []
                if len(set(rules)) != len(rules):
                    errors.append(f"{pid}: {cid} lists a rule twice")
                for r in rules:
                    if r not in RULES:
                        errors.append(f"{pid}: {cid} maps unknown rule {r}")
                mapped.update(rules)
                auto += 1
            if not rules and not (isinstance(manual, str) and manual.strip()):
                errors.append(f"{pid}: {cid} has neither rules nor manual evidence")
            if rules and manual:
                errors.append(f"{pid}: {cid} has both rules and manual")
            if "notes" in c and not (isinstance(c["notes"], str) and c["notes"].strip()):
                errors.append(f"{pid}: {cid} notes must be a non-empty string")
        dup = sorted({x for x in ids if ids.count(x) > 1})
        if dup:
            errors.append(f"{pid}: duplicate control ids {dup}")
        if ids != cat_ids:
            missing = [x for x in cat_ids if x not in ids]
            errors.append(f"{pid}: controls must be exactly the catalog's, in catalog order "
                          f"({len(ids)} listed, catalog has {len(cat_ids)}; missing {missing[:5]}...)"
                          if missing else f"{pid}: controls are not in catalog order or include extras")
        mapped_by_pack[pid] = mapped
        summary.append((pid, len(ids), auto, len(ids) - auto))
    # Baseline sizes as published (FedRAMP Rev 5: Low 156, Moderate 323, High 410; MPA 82).
    sizes = {"fedramp-low": 156, "fedramp-moderate": 323, "fedramp-high": 410, "mpa-tpn": 82,
             "soc2": 61, "nist-csf-2.0": 106, "nist-csf-1.1": 108}
    for pid, total, _a, _m in summary:
        if sizes.get(pid) is not None and sizes[pid] != total:
            errors.append(f"{pid}: {total} controls, expected {sizes[pid]}")
    # Moderate must equal the separately shipped Moderate id list.
    mod_txt = reference_dir(ARGS.reference_dir) / "fedramp-rev5-moderate-controls.txt"
    if mod_txt.exists():
        want = []
        for tok in mod_txt.read_text().split():
            m = re.match(r"^([a-z]{2})-(\d+)(?:\.(\d+))?$", tok)
            want.append(f"{m.group(1).upper()}-{m.group(2)}" + (f"({m.group(3)})" if m.group(3) else ""))
        got = [c["id"] for c in cats.controls(("fedramp", "moderate"))]
        if sorted(want) != sorted(got):
            errors.append("fedramp-moderate: id set differs from fedramp-rev5-moderate-controls.txt")
    if DOC.exists():
        cur = DOC.read_text(encoding="utf-8")
        try:
            if render_doc(cur, doc_sections(expected)) != cur:
                errors.append(f"{DOC}: generated tables are stale (run the generator)")
        except SystemExit as e:
            errors.append(str(e))
    for pid in REQUIRED_PACKS:
        unmapped = [r for r in RULES if r not in mapped_by_pack.get(pid, set())]
        if unmapped:
            errors.append(f"{pid}: rules not mapped to any control: {unmapped}")
    for pid, mapped in mapped_by_pack.items():
        if pid not in REQUIRED_PACKS:
            unmapped = [r for r in RULES if r not in mapped]
            if unmapped:
                warnings.append(f"{pid}: rules not mapped (allowed): {unmapped}")
    pol = policy_rule_ids()
    if pol is not None:
        missing = sorted(set(RULES) - pol)
        if missing:
            warnings.append(f"rules mapped in the packs but not (yet) found under policies/: {missing}")
        unmapped = sorted(pol - set(RULES))
        if unmapped:
            warnings.append(f"rules under policies/ not in the mapping table: {unmapped}")
    for w in warnings:
        print(f"warning: {w}")
    print(f"{'pack':<18}{'total':>7}{'automated':>11}{'manual':>8}")
    for pid, total, a, m in summary:
        print(f"{pid:<18}{total:>7}{a:>11}{m:>8}")
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        return 1
    print("ok: all packs valid")
    return 0


ARGS = argparse.Namespace(reference_dir=None)


def main() -> int:
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="validate frameworks/*.yaml instead of writing them")
    ap.add_argument("--reference-dir", help="directory holding catalogs/ (default: ../shared/reference)")
    ARGS = ap.parse_args()
    cats = Catalogs(reference_dir(ARGS.reference_dir))
    if ARGS.check:
        return check(cats)
    write(cats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
