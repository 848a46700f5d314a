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
    "CP-10(2)": "transaction recovery for transaction-based systems; object versioning is not that",
    "AU-8": "time stamps in records are not tested by enabling the log",
    "SI-4(2)": "automated tools for real-time analysis; enabling a log source is not the analysis tool",
    "AC-17": "remote access (user sessions) is not what this check tests",
    "AC-17(1)": "monitoring and control of remote access sessions is not tested by this check",
    "AC-17(4)": "privileged commands via remote access are not tested by this check",
    "SC-7(7)": "split tunnelling on remote devices is unrelated",
    "SC-7(12)": "host-based protection does not apply to this resource",
    "SC-7(5)": "deny-by-default network traffic rules are not what a bucket TLS condition tests",
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
        # TS-1.6 Authentication: passwords/passphrases of at least 16 characters.
        # TS-1.5 SIEM: retain logs for one year (or the maximum local law allows).
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
