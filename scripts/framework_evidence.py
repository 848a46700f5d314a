"""Manual-evidence texts for controls without rules (used by gen_frameworks.py).

A control that no rule covers gets a `manual:` text telling an auditor-facing user
what evidence the control needs. Texts are:
  * SOC 2 and MPA TPN: written per criterion/control (SOC2, MPA below);
  * NIST SP 800-53 (FedRAMP): per family, with the control's id and title (and, for an
    enhancement, its base control) as the subject; the "-1" controls get a policy text;
  * NIST CSF 2.0/1.1: the subcategory's own outcome statement, followed by typical
    evidence for its category.
Texts are our own words; AICPA and MPA text is not reproduced.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# SOC 2 (2017 TSC). Every criterion has a text so any of them can become manual.
# ---------------------------------------------------------------------------
SOC2 = {
    "CC1.1": "Code of conduct and ethics policy, signed employee acknowledgements, and records of how reported "
             "violations were investigated and resolved during the period.",
    "CC1.2": "Board or audit-committee charter, membership showing independence from management, and meeting "
             "minutes evidencing oversight of internal control and security.",
    "CC1.3": "Organisation chart, documented reporting lines, and role descriptions assigning authority and "
             "responsibility for security and compliance.",
    "CC1.4": "Competence requirements for key roles, hiring and background-check records, training plans, and "
             "performance-review evidence for a sample of personnel.",
    "CC1.5": "Performance evaluations and disciplinary procedures showing personnel are held accountable for their "
             "control responsibilities, with a sample of completed reviews.",
    "CC2.1": "Description of the information used to run controls (inventories, logs, metrics, reports) and evidence "
             "that its completeness and accuracy are checked.",
    "CC2.2": "Internal communication of security policies and responsibilities (onboarding, intranet, training) and "
             "the channel staff use to report issues, with dated examples.",
    "CC2.3": "System description and commitments given to customers, external security notices and reporting "
             "channels, with examples of communications to customers, vendors or regulators.",
    "CC3.1": "Documented business and security objectives, specific enough to assess risks against, approved by "
             "management.",
    "CC3.2": "The risk assessment: a risk register with likelihood, impact and owners covering the entity and its "
             "vendors, and evidence of its periodic update.",
    "CC3.3": "Risk assessment records that consider fraud (incentives, opportunities, management override) and the "
             "controls chosen in response.",
    "CC3.4": "Records showing significant changes (business, technology, vendors, leadership) were identified and "
             "assessed for their effect on internal control.",
    "CC4.1": "Plan and results of ongoing and separate evaluations of controls: internal audits, self-assessments, "
             "penetration tests and continuous compliance scans for the period.",
    "CC4.2": "Log of control deficiencies with who they were reported to and when, and remediation tracking through "
             "closure (tickets or POA&M).",
    "CC5.1": "Risk-control matrix linking identified risks to the control activities that mitigate them, approved "
             "by management.",
    "CC5.2": "Design of general IT controls (access, change, operations, infrastructure) for the technology stack, "
             "documented in policies or a control matrix.",
    "CC5.3": "Approved security policies and operating procedures with version and review history, and evidence "
             "they are communicated and followed.",
    "CC6.1": "Inventory of information assets and the logical access controls protecting them: IAM/IdP "
             "configuration, encryption and key-management settings, and network segmentation design.",
    "CC6.2": "User registration and authorisation procedure, and access request/approval records for a sample of "
             "new internal and external users before credentials were issued.",
    "CC6.3": "Role-based access definitions, approval records for access changes and removals, and results of the "
             "periodic access review with the actions taken.",
    "CC6.4": "For AWS-hosted systems, the AWS SOC 2 report covering data-centre physical security (inherited); for "
             "offices or facilities the entity runs, badge access lists, visitor logs and access reviews.",
    "CC6.5": "Asset disposal and media sanitisation procedure, with sanitisation records or destruction "
             "certificates for retired devices and storage.",
    "CC6.6": "Boundary protection design (network diagrams, firewall and security-group standards), MFA for remote "
             "and administrative access, and evidence of monitoring for external threats.",
    "CC6.7": "Controls over data in transmission and removal: TLS/VPN configuration, DLP or removable-media "
             "restrictions, and approvals for transfers to external parties.",
    "CC6.8": "Anti-malware/EDR coverage report, restrictions on installing unauthorised software, and detection "
             "alerts with their handling for the period.",
    "CC7.1": "Configuration baselines and the output of configuration and vulnerability scanning (e.g., scheduled "
             "complyctl runs, vulnerability scan reports) with remediation tickets.",
    "CC7.2": "Security monitoring set-up (log sources, SIEM/alert rules, threat detection) and a sample of alerts "
             "showing they were reviewed.",
    "CC7.3": "Security event triage procedure and records showing events were evaluated and classified as incidents "
             "or not.",
    "CC7.4": "Incident response plan, incident tickets with timelines, containment and remediation actions, and "
             "post-incident reviews for the period.",
    "CC7.5": "Recovery procedures and records of restoring affected systems after incidents, with lessons learned "
             "fed back into controls.",
    "CC8.1": "Change management procedure and a sample of changes (pull requests, Terraform plans, tickets) showing "
             "authorisation, testing, approval and deployment.",
    "CC9.1": "Business-disruption risk mitigation: continuity plans, insurance coverage and the results of their "
             "periodic review.",
    "CC9.2": "Vendor management policy, vendor inventory with risk ratings, due-diligence records (e.g., vendor SOC "
             "reports) and contractual security commitments.",
    "A1.1": "Capacity monitoring dashboards and thresholds, capacity forecasts, and records of scaling actions "
            "taken to meet availability commitments.",
    "A1.2": "Backup configuration and schedules, redundancy design (multi-AZ, replication), environmental "
            "protections inherited from the cloud provider, and monitoring of backup success.",
    "A1.3": "Recovery plan test records: restore tests or DR exercises with dates, results against RTO/RPO, and "
            "follow-up actions.",
    "C1.1": "Data classification policy, inventory of confidential information and where it is stored, and the "
            "controls applied to protect it.",
    "C1.2": "Retention and disposal procedure for confidential information, with records (lifecycle rules, deletion "
            "tickets, destruction certificates) showing disposal on schedule.",
    "PI1.1": "Processing specifications defining data, inputs, processing and outputs relevant to processing "
             "integrity, and how they are communicated to users.",
    "PI1.2": "Input controls (validation, completeness and accuracy checks) and evidence of their operation on a "
             "sample of inputs.",
    "PI1.3": "Processing controls such as job monitoring, reconciliations and error handling, with logs showing "
             "exceptions were investigated.",
    "PI1.4": "Output controls: reviews or reconciliations of output completeness and accuracy, and protection of "
             "output delivered to users.",
    "PI1.5": "Controls over stored inputs, items in processing and outputs: retention, integrity protection and "
             "backups, with evidence of their operation.",
    "P1.1": "The published privacy notice, its version history, and evidence it is presented to data subjects at or "
            "before collection.",
    "P2.1": "Consent and choice mechanisms (opt-in/opt-out records) and how choices about use, retention and "
            "disclosure are communicated.",
    "P3.1": "Inventory of personal information collected, showing collection is limited to the stated privacy "
            "objectives.",
    "P3.2": "Explicit-consent flows, the consent records captured, and how the consequences of refusing consent are "
            "explained.",
    "P4.1": "Data-use restrictions and a sample review showing personal information is used only for the purposes "
            "in the privacy notice.",
    "P4.2": "Retention schedule for personal information and evidence (deletion jobs, reports) that it is enforced.",
    "P4.3": "Secure disposal procedure for personal information and disposal or deletion records for the period.",
    "P5.1": "Data-subject access request procedure and a log of requests with identity verification and response "
            "dates.",
    "P5.2": "Procedure for correcting or amending personal information on request, with a sample of requests and "
            "their resolution.",
    "P6.1": "Inventory of disclosures of personal information to third parties, with the consent or legal basis for "
            "each.",
    "P6.2": "Records of authorised disclosures of personal information (what, when, to whom) retained for the "
            "period.",
    "P6.3": "Register of detected or reported unauthorised disclosures, with investigation and response records.",
    "P6.4": "Data processing agreements or contract clauses imposing privacy commitments on vendors with access to "
            "personal information.",
    "P6.5": "Vendor contract terms requiring notification of incidents involving personal information, and records "
            "of notifications received.",
    "P6.6": "Breach notification procedure and records of notifications to data subjects, regulators and others, "
            "with timeliness against legal deadlines.",
    "P6.7": "Procedure and records for giving data subjects an accounting of the personal information held about "
            "them and its disclosures.",
    "P7.1": "Data quality controls keeping personal information accurate and current, with records of periodic "
            "review or correction.",
    "P8.1": "Privacy inquiry and complaint process, with a log of inquiries and complaints, their resolution and the "
            "replies sent.",
}


def soc2(cid: str) -> str:
    return SOC2[cid]


# ---------------------------------------------------------------------------
# MPA Content Security Best Practices 5.3.1 (TPN). Written per control.
# ---------------------------------------------------------------------------
MPA = {
    "OP-1.0": "Receiving procedure and logs for incoming content and assets (date, sender, item, recipient), with "
              "inspection on arrival and secure storage until use.",
    "OP-1.1": "Packaging standard for outgoing content (tamper-evident, no title markings) and evidence it is "
              "followed for shipments.",
    "OP-1.2": "Shipping authorisations, shipping logs with tracking numbers, and the approved courier list.",
    "OP-1.3": "Security requirements for vehicles transporting content (locked, never unattended, no visible "
              "content) and records for company or contracted transport.",
    "OP-2.0": "Work-from-home policy, signed remote-worker agreements, and technical controls for staff handling "
              "content from home (managed devices, VPN, screen lock).",
    "OP-2.1": "Inventory of remote sites and locations handling content, their security requirements, and approval "
              "or assessment records.",
    "OP-3.0": "Asset tracking records for content and media (barcodes or inventory system), check-in/check-out logs, "
              "and periodic reconciliations.",
    "OP-3.1": "Handling procedure and access list for high-security titles (restricted access, segregated storage, "
              "watermarking) with evidence it is applied.",
    "OP-3.2": "Content and media destruction procedure, destruction logs or certificates, and approved destruction "
              "vendors.",
    "OR-1.0": "Information security management programme: approved security policy set, named security owner or "
              "committee, and records of its annual review.",
    "OR-1.1": "Acceptable use policy with signed acknowledgements from personnel and its review history.",
    "OR-1.2": "Approved business continuity plan covering threats to critical assets and operations, the "
              "continuity team, and tabletop exercise records.",
    "OR-1.3": "Disaster recovery plan with RTO/RPO, backup procedures (encrypted, modification restricted), and "
              "DR test results.",
    "OR-1.4": "Data and asset classification policy, handling rules across the data life cycle, and the classified "
              "asset inventory.",
    "OR-2.0": "Risk management methodology, current risk register covering content-security risks, and treatment "
              "plans with owners.",
    "OR-3.0": "Background screening policy and a sample of screening records for personnel with content access, "
              "within local law.",
    "OR-3.1": "On-boarding checklist (NDA, policy acknowledgement, training, access provisioning) completed for a "
              "sample of new starters.",
    "OR-3.2": "Off-boarding checklist showing access revoked and assets returned promptly for a sample of leavers.",
    "OR-3.3": "Security awareness training content, schedule, and completion records for all personnel.",
    "OR-3.4": "Client and third-party contracts and SLAs with content-security, confidentiality and incident "
              "notification clauses.",
    "OR-4.0": "Incident response plan with client notification steps, the incident log, and post-incident review "
              "records.",
    "OR-5.0": "AI/ML security policy covering approved tools, use of client content with AI, and risk assessments "
              "or approvals for AI use.",
    "PS-1.0": "Floor plan of entry/exit points with their controls (locks, badge readers, alarms) and inspection "
              "records.",
    "PS-1.1": "Visitor policy and visitor logs (ID checked, host, escort, badge issued and returned).",
    "PS-1.2": "Electronic access control configuration, badge access lists per zone, and periodic access reviews.",
    "PS-1.3": "Electronic access control logs, their retention, and records of log review and follow-up of "
              "anomalies.",
    "PS-1.4": "Alarm coverage of entry points and content areas, arming/disarming logs, alarm code holders, and "
              "test records.",
    "PS-1.5": "Inventory and issuance log of physical keys to content areas, with periodic key audits.",
    "PS-2.0": "Security controls for replication facilities: segregated areas, restricted access, and "
              "reconciliation of replicated media.",
    "PS-3.0": "Camera coverage of entry points and content areas, footage retention settings, and restricted "
              "access to the recording system.",
    "PS-3.1": "Environmental protections for server and content areas (fire suppression, HVAC, UPS) with "
              "maintenance and test records.",
    "PS-3.2": "Data-centre or co-location contracts and attestation reports, and the list of personnel authorised "
              "at those sites.",
    "PS-3.3": "The cloud provider's attestation reports (e.g., AWS SOC 2 / ISO 27001 from AWS Artifact) and a "
              "shared-responsibility mapping showing which MPA practices the provider covers.",
    "TS-1.0": "Data I/O workflow diagram, configuration of the dedicated transfer systems, malware-scan logs for "
              "ingested content, and evidence of content deletion after 24 hours.",
    "TS-1.1": "Hardened configuration baselines (anti-malware, unneeded services removed, removable storage "
              "blocked, screen lock) and compliance reports against them.",
    "TS-1.2": "Inventory of default accounts on systems and applications, with evidence they were renamed, "
              "disabled or had their credentials changed.",
    "TS-1.3": "Endpoint protection/EDR coverage report for systems handling content, with update status and alert "
              "handling.",
    "TS-1.4": "Mobile device policy and MDM configuration (encryption, passcode, remote wipe), with the enrolled "
              "device list.",
    "TS-1.5": "SIEM configuration with centralised log sources, alert rules and notifications, log review records, "
              "and one-year log retention.",
    "TS-1.6": "Password/passphrase policy settings (16-character minimum, lockout, history) and MFA enforcement for "
              "internet-facing systems and administrative console access.",
    "TS-1.7": "Role and permission model based on least privilege, and quarterly access review records covering "
              "interactive and non-interactive accounts.",
    "TS-1.8": "IAM process documentation, RBAC/SSO configuration, account authorisation records, and reviews of "
              "service accounts.",
    "TS-1.9": "Email security gateway configuration (anti-phishing, attachment sandboxing, SPF/DKIM/DMARC) and "
              "filtering reports.",
    "TS-1.10": "Security configuration of web portals used for content (authentication, session controls, access "
               "lists, link expiry).",
    "TS-1.11": "Shared security responsibility matrix for each cloud and SaaS provider, and third-party risk "
               "management records for them.",
    "TS-1.12": "Evidence of continuous cloud-misconfiguration detection (scheduled complyctl or Security Hub runs), "
               "alert routing to owners, and remediation tickets for critical findings.",
    "TS-1.13": "Secure SDLC procedure, code review and security testing records for releases, and developer "
               "security training.",
    "TS-1.14": "Design reviews or threat models showing security and privacy requirements were addressed for new "
               "systems and features.",
    "TS-1.15": "Code repository access controls (SSO/MFA, branch protection, least privilege), secret scanning, "
               "and audit logs.",
    "TS-1.16": "Content transfer system configuration (dedicated, segregated, encrypted), transfer approvals and "
               "logs, and automatic deletion settings.",
    "TS-1.17": "Hardening guides applied to licensed applications used with content, and configuration reviews "
               "showing they are followed.",
    "TS-1.18": "Configuration standards for in-house applications (secure defaults, secrets management, logging) "
               "and review evidence.",
    "TS-2.0": "Network design placing internet-facing services in a DMZ or public subnet, with security groups/ACLs "
              "restricting access to private subnets and an inventory of exposed endpoints.",
    "TS-2.1": "Inventory of point-to-point connections (dedicated links, VPN tunnels) with their encryption settings "
              "and approvals.",
    "TS-2.2": "Current network topology diagram covering cloud VPCs, content/production segments and remote access "
              "paths, with its review date.",
    "TS-2.3": "Switch and network device configuration showing port security, unused ports disabled and SNMPv3.",
    "TS-2.4": "Firewall/security-group rule sets showing deny-by-default and only required ports, with rule review "
              "records and traffic logs.",
    "TS-2.5": "Segmentation design and ACLs isolating content and production networks from office, DMZ and "
              "internet networks, with configuration review records.",
    "TS-2.6": "Firewall administrator list (least privilege), change-control records for rule changes, and alert "
              "configuration.",
    "TS-2.7": "IDS/IPS deployment and configuration (alerting and blocking), signature update status, and alert "
              "logs.",
    "TS-2.8": "Controls restricting internet access from content and production networks (proxy, allowlists, "
              "egress rules) and approved exceptions.",
    "TS-2.9": "Remote access design (VPN or broker, no split tunnelling, session timeout) and the list of users "
              "authorised for remote access.",
    "TS-2.10": "Web filtering configuration with blocked categories, and logs of blocked access attempts.",
    "TS-2.11": "Wireless network configuration (WPA2/WPA3-Enterprise, guest isolation, no wireless on content "
               "networks) and rogue access point scans.",
    "TS-2.12": "Cloud tenancy configuration defining user and intra-tenant access, and the logical controls "
               "segregating it.",
    "TS-2.13": "Monitoring of network connections, detection and removal of unauthorised connections, and "
               "encryption settings for allowed ones.",
    "TS-3.0": "Encryption standard (AES-256 at rest, TLS 1.2+ in transit) and configuration evidence for storage, "
              "devices, backups and transfers.",
    "TS-3.1": "Procedure and records for handling key delivery messages (KDMs) and maintaining the trusted devices "
              "list.",
    "TS-3.2": "Key management procedure (rotation cadence, access to keys, separation of key management from key "
              "use) and key inventory.",
    "TS-4.0": "Vulnerability scanning schedule and reports for internal and external assets, with remediation "
              "tracked against defined timelines.",
    "TS-4.1": "Penetration test reports (at least annual and after major changes) and remediation evidence.",
    "TS-4.2": "Patch management procedure and patch compliance reports for operating systems, applications and "
              "firmware, with approved exceptions.",
    "TS-5.0": "Change control procedure and a sample of change tickets with request, risk assessment, approval, "
              "testing and rollback plan.",
    "TS-6.0": "Evidence that users, systems and services are authenticated before access (SSO/MFA, mutual TLS, "
              "workload identity) through a policy enforcement point.",
    "TS-6.1": "Authorization policies for access to assets, where they are kept, and how native access controls "
              "implement them.",
    "TS-6.2": "Defined protect surfaces (critical data, applications, assets, services) with their policy "
              "enforcement points and applied controls.",
    "TS-7.0": "Data flow documentation for AI/ML systems showing how client content is kept out of model training "
              "and third-party services unless approved.",
    "TS-7.1": "Configuration standards for AI/ML applications (data retention, tenant isolation, access control) and "
              "review evidence.",
    "TS-8.0": "Application error-handling standard (no system detail in user-facing messages) and application "
              "logging configuration feeding the SIEM.",
    "TS-8.1": "Application session management settings (timeouts, secure cookies, token invalidation) and test "
              "evidence.",
    "TS-8.2": "Application hosting configuration: HTTPS with TLS 1.2+ and HSTS, segmented tiers, least-privilege "
              "service accounts, and unused ports removed.",
    "TS-8.3": "Application security testing results (SAST, DAST or manual testing) for releases, with remediation "
              "of findings.",
}


def mpa(cid: str, title: str) -> str:
    return MPA[cid]


# ---------------------------------------------------------------------------
# NIST SP 800-53 Rev. 5 (FedRAMP packs): per family.
# ---------------------------------------------------------------------------
NIST_FAMILY = {
    "AC": "Access control evidence for {s}: the SSP implementation statement, the enforcing configuration "
          "(identity provider, AWS IAM, OS or device settings) and the latest review record.",
    "AT": "Training evidence for {s}: course content, the training schedule, and completion records for the "
          "personnel it applies to.",
    "AU": "Audit logging evidence for {s}: logging configuration (CloudTrail, CloudWatch, SIEM), sample records, "
          "and review or alert tickets showing it operates as the SSP describes.",
    "CA": "Assessment and authorisation evidence for {s}: the relevant documents (SAP/SAR, POA&M, authorisation "
          "letter, agreements or continuous monitoring deliverables), with dates and approvals.",
    "CM": "Configuration management evidence for {s}: the documented procedure or standard, the configuration or "
          "pipeline settings that implement it, and records (change tickets, scan output) showing it operates.",
    "CP": "Contingency planning evidence for {s}: the relevant contingency plan section, the backup, replication "
          "or alternate-site configuration that implements it, and results of the latest test, exercise or training.",
    "IA": "Identification and authentication evidence for {s}: identity-provider, IAM or authenticator settings, "
          "and records showing they apply to the accounts in scope.",
    "IR": "Incident response evidence for {s}: the incident response plan section, training or test records, and "
          "tickets or reports from recent incidents or exercises.",
    "MA": "Maintenance evidence for {s}: maintenance procedures, logs with approvals and the authorised "
          "maintenance personnel for CSP-managed components; hardware maintenance is inherited from the cloud "
          "provider per its customer responsibility matrix.",
    "MP": "Media protection evidence for {s}: media handling procedures, media inventories or logs, and "
          "sanitisation or transport records.",
    "PE": "Physical and environmental evidence for {s}: for AWS-hosted components, the inherited control in the AWS "
          "FedRAMP package and customer responsibility matrix; for facilities the CSP runs, procedures and records "
          "(access lists, logs, inspections).",
    "PL": "Planning evidence for {s}: the current SSP, rules of behaviour or architecture documents, with approval "
          "and review dates.",
    "PS": "Personnel security evidence for {s}: the HR procedure and a sample of screening, access agreement, "
          "transfer or termination records.",
    "RA": "Risk assessment evidence for {s}: the categorisation or risk assessment document, vulnerability scan "
          "reports, and remediation tracking.",
    "SA": "Acquisition and development evidence for {s}: contract or SLA clauses, developer documentation or test "
          "results, and the SDLC procedure.",
    "SC": "System and communications protection evidence for {s}: the SSP description and the configuration that "
          "implements it (network, boundary, cryptographic, name-resolution, session or time settings as relevant), "
          "with configuration exports or diagrams.",
    "SI": "System and information integrity evidence for {s}: tool configuration (scanning, monitoring, integrity "
          "checking), recent output, and remediation tickets.",
    "SR": "Supply chain risk management evidence for {s}: the SCRM plan section, supplier assessments, contract "
          "clauses, or component inspection records.",
    "PM": "Program management evidence for {s}: the organisation-wide programme document and records of its "
          "review and approval.",
    "PT": "PII processing evidence for {s}: privacy notices, authorities and purposes, and records showing "
          "processing follows them.",
}

# Base controls whose evidence differs from their family's usual kind. Applies to the
# control and its enhancements ({s} is the enhancement's own subject).
NIST_BASE = {
    "AC-20": "Evidence for {s}: the terms governing use of external systems, the list of approved external "
             "systems, and the technical restrictions applied.",
    "AC-21": "Evidence for {s}: the information-sharing procedure, sharing decisions or agreements, and the "
             "access restrictions applied to shared information.",
    "AC-22": "Evidence for {s}: the personnel authorised to post public content, their training, and records of "
             "pre-publication and periodic reviews of public content.",
    "CA-8": "Evidence for {s}: the penetration test plan and report (scope, methods, tester independence) and "
            "remediation of findings.",
    "CA-9": "Evidence for {s}: the list of authorised internal connections with their interface characteristics "
            "and security requirements, and records of their periodic review.",
    "CM-8": "Evidence for {s}: the system component inventory (e.g., exported from AWS Config or the CMDB) with "
            "owners, and records of its updates and reconciliation.",
    "CM-9": "Evidence for {s}: the approved configuration management plan (roles, processes, configuration items) "
            "and its review history.",
    "CM-10": "Evidence for {s}: software licence tracking records and the usage restrictions enforced.",
    "CM-12": "Evidence for {s}: documentation of where the system's information is processed and stored (regions, "
             "services, components) and how it is kept current.",
    "CP-8": "Evidence for {s}: telecommunications service agreements (priority of service, provider diversity) and "
            "the contingency plan section for telecommunications outages.",
    "IA-7": "Evidence for {s}: FIPS 140 validation certificates of the cryptographic modules used for "
            "authentication and configuration showing they operate in the validated mode.",
    "IA-12": "Evidence for {s}: the identity-proofing procedure (evidence required, validation and verification "
             "method) and proofing records for a sample of users.",
    "PS-7": "Evidence for {s}: personnel-security requirements in contracts with external providers and records of "
            "their compliance (screening, notice of transfers and terminations).",
    "SA-2": "Evidence for {s}: the security and privacy resource requirements and their inclusion in budget or "
            "capital-planning documents.",
    "SA-9": "Evidence for {s}: the list of external system services with their authorisation status, the agreements "
            "stating security requirements, and records of monitoring compliance.",
    "SA-22": "Evidence for {s}: the component inventory with vendor support status, and replacement plans or "
             "approved exceptions for unsupported components.",
    "SI-5": "Evidence for {s}: subscriptions to security alerts and advisories (e.g., CISA), and records of their "
            "dissemination and the actions taken.",
    "SI-12": "Evidence for {s}: the information retention schedule and records showing information is retained "
             "and disposed of accordingly.",
}


def nist(cid: str, title: str, family: str, catalog: dict) -> str:
    fam = cid.split("-")[0]
    m = re.match(r"^([A-Z]{2}-\d+)\((\d+)\)$", cid)
    if m is None and cid.endswith("-1") and title == "Policy and Procedures":
        return (f"The {family} policy and procedures ({cid}): approved documents, the designated official, "
                "review and update records at the FedRAMP-defined frequency, and how they are disseminated.")
    if m:
        base = m.group(1)
        subject = f"{cid} {title} (enhancement of {base} {catalog[base]['title']})"
    else:
        base = cid
        subject = f"{cid} {title}"
    template = NIST_BASE.get(base) or NIST_FAMILY[fam]
    return template.format(s=subject)


# ---------------------------------------------------------------------------
# NIST CSF: the subcategory statement + typical evidence for its category.
# ---------------------------------------------------------------------------
CSF2_CATEGORY = {
    "GV.OC": "the documented mission and stakeholder analysis, the register of legal, regulatory and contractual "
             "requirements, and records showing they inform risk decisions",
    "GV.RM": "the approved risk-management strategy, risk appetite and tolerance statements, and the risk "
             "methodology, with evidence they are communicated",
    "GV.RR": "role descriptions or a RACI for cybersecurity, leadership approvals, budget and staffing decisions, "
             "and HR procedures that include security",
    "GV.PO": "the approved cybersecurity policies, their review and update history, and evidence of communication "
             "and enforcement",
    "GV.OV": "minutes of management or board reviews, risk-management performance metrics, and the resulting "
             "strategy adjustments",
    "GV.SC": "the supply-chain risk management policy and plan, supplier inventory with criticality, contract "
             "security clauses, and supplier assessment records",
    "ID.AM": "current inventories (hardware, software, services, data, network flows) with owners and "
             "classification, and life-cycle records",
    "ID.IM": "the improvement log fed by assessments, tests, exercises and operations, and the maintained plans "
             "it updates",
    "ID.RA": "vulnerability scan results, threat intelligence sources, the risk register with likelihood and "
             "impact, and change or exception records",
    "PR.AA": "identity and access management configuration, authentication settings (MFA, SSO), access reviews, "
             "and physical access records where relevant",
    "PR.AT": "awareness and role-based training content, assignments by role, and completion records",
    "PR.DS": "encryption and data-protection configuration, and backup schedules with restore-test results where "
             "relevant",
    "PR.IR": "network architecture and segmentation, resilience design (multi-AZ, failover), capacity monitoring, "
             "and environmental protections inherited from the cloud provider",
    "PR.PS": "configuration baselines, patch and software inventory reports, logging configuration, software "
             "allow-listing, and secure development records",
    "DE.AE": "SIEM correlation rules, triage records of adverse events, impact analyses, and incident declaration "
             "criteria",
    "DE.CM": "monitoring coverage (network, endpoint, cloud, physical, providers), alert rules, and review records",
    "RS.MA": "the incident response plan and incident tickets showing triage, categorisation, escalation and "
             "coordination with third parties",
    "RS.AN": "incident analysis and root-cause reports, preserved evidence with chain of custody, and magnitude "
             "estimates",
    "RS.CO": "notification procedures and records of notifications and information shared with stakeholders",
    "RS.MI": "containment and eradication actions recorded in incident tickets",
    "RC.RP": "the recovery plan and recovery tickets showing actions taken, backup and restore integrity checks, "
             "and the declaration that recovery is complete",
    "RC.CO": "recovery status communications to stakeholders and approved public statements",
}

CSF11_CATEGORY = {
    "ID.AM": "current asset, software, data-flow and external-system inventories with owners and priorities, and "
             "documented cybersecurity roles",
    "ID.BE": "documented mission priorities, dependencies, critical services, and resilience requirements",
    "ID.GV": "the approved cybersecurity policy, roles and responsibilities, the legal and regulatory requirements "
             "register, and governance records",
    "ID.RA": "vulnerability scan results, threat intelligence sources, and the risk assessment with likelihood, "
             "impact and chosen responses",
    "ID.RM": "the risk-management process and documented risk tolerance, agreed by stakeholders",
    "ID.SC": "the supply-chain risk management process, supplier assessments, contract clauses, and joint "
             "response and recovery tests",
    "PR.AC": "identity and access management configuration, authentication and remote-access settings, access "
             "reviews, and network segmentation or physical access records where relevant",
    "PR.AT": "training content and completion records for the personnel groups concerned",
    "PR.DS": "data-protection configuration (encryption, DLP, integrity checks), asset disposition records, and "
             "environment separation where relevant",
    "PR.IP": "the documented process or plan concerned, with records showing it is carried out and reviewed",
    "PR.MA": "maintenance procedures and logs, with approvals and the tools used",
    "PR.PT": "logging, media, least-functionality, network-protection or resilience configuration as relevant, "
             "with review records",
    "DE.AE": "SIEM correlation rules, event analysis records, impact assessments, and alert thresholds",
    "DE.CM": "monitoring coverage (network, personnel, malware, providers, physical), alert rules, and review "
             "records",
    "DE.DP": "detection roles, procedures and test records, and records of communicating detection information",
    "RS.RP": "the response plan and incident tickets showing it was executed",
    "RS.CO": "communication procedures and records of incident reporting and coordination with stakeholders",
    "RS.AN": "incident investigation and forensic records, impact and categorisation decisions, and the "
             "vulnerability disclosure process",
    "RS.MI": "containment, mitigation and risk-acceptance records for incidents and new vulnerabilities",
    "RS.IM": "post-incident reviews and the resulting updates to response plans and strategies",
    "RC.RP": "the recovery plan and records of its execution during or after an incident",
    "RC.IM": "post-incident reviews and the resulting updates to recovery plans and strategies",
    "RC.CO": "recovery communications, public-relations handling, and reports to management",
}


# Subcategories whose evidence differs from their category's usual kind.
CSF2_OVERRIDE = {
    "GV.OC-01": "the documented mission and records showing how it shapes the cybersecurity risk strategy",
    "GV.OC-02": "the stakeholder analysis with each group's documented cybersecurity needs and expectations",
    "GV.OC-03": "the register of legal, regulatory and contractual cybersecurity and privacy requirements and how "
                "compliance with each is tracked",
    "GV.OC-04": "the list of critical services that customers and other external stakeholders rely on, with the "
                "objectives communicated to them (e.g., SLAs)",
    "GV.OC-05": "the documented dependencies (suppliers, services, infrastructure) the organization relies on, and "
                "how they are communicated internally",
    "ID.RA-02": "threat intelligence subscriptions and sharing-forum memberships, and records of intelligence "
                "received and acted on",
    "ID.RA-06": "the risk treatment plan with prioritised responses, owners and tracking to completion",
    "ID.RA-07": "change and exception records showing risk assessment, approval and tracking",
    "ID.RA-08": "the vulnerability disclosure process (published policy and intake channel) and records of "
                "handling reports",
    "ID.RA-09": "checks of hardware and software authenticity and integrity before use (signature or checksum "
                "verification, approved sources, SBOMs)",
    "ID.RA-10": "assessments of critical suppliers completed before contracting (questionnaires, attestation "
                "reports, due-diligence records)",
    "PR.AA-06": "for cloud-hosted assets, the provider's physical-security attestation; for the organization's own "
                "facilities, badge access lists, access logs and reviews",
    "PR.DS-10": "controls protecting data in use (workload isolation, access control on running systems, memory "
                "protections) and their configuration",
    "PR.IR-02": "environmental protections inherited from the cloud provider (its attestation reports) and, for "
                "the organization's own facilities, fire, power and HVAC records",
    "PR.IR-04": "capacity monitoring dashboards and thresholds, forecasts, and scaling records",
    "PR.PS-01": "configuration baselines (hardening standards) and configuration compliance scan results",
    "PR.PS-02": "the software inventory with support status, patch compliance reports, and removal of "
                "unsupported software",
    "PR.PS-03": "the hardware inventory with support and end-of-life status, maintenance and disposal records "
                "(cloud hardware is inherited from the provider)",
    "PR.PS-05": "application allow-listing or execution controls and logs of blocked installations or executions",
    "PR.PS-06": "the secure development procedure, code review and security testing records, and SDLC security "
                "metrics",
    "DE.CM-02": "physical monitoring (cameras, alarms, access logs) for the organization's own facilities and the "
                "provider's attestation for cloud data centres",
    "DE.CM-06": "monitoring of external service provider activity (provider access logs, SaaS audit logs) and "
                "review records",
}

CSF11_OVERRIDE = {
    "ID.AM-6": "documented cybersecurity roles and responsibilities for staff and third parties (RACI, job "
               "descriptions, contract clauses)",
    "ID.RA-2": "threat intelligence subscriptions and sharing-forum memberships, and records of intelligence "
               "received",
    "ID.RA-6": "the risk treatment plan with prioritised responses and owners",
    "PR.AC-2": "for cloud-hosted assets, the provider's physical-security attestation; for the organization's own "
               "facilities, badge access lists, access logs and reviews",
    "PR.AT-3": "security requirements communicated to suppliers, customers and partners (contract clauses, "
               "onboarding material) and their acknowledgement",
    "PR.DS-4": "capacity monitoring and planning records (utilisation dashboards, thresholds, scaling actions)",
    "PR.DS-6": "integrity-checking mechanisms (file integrity monitoring, signed artefacts, checksums) and their "
               "alert records",
    "PR.DS-7": "separate accounts or networks for development, test and production, and the access restrictions "
               "between them",
    "PR.DS-8": "hardware integrity checks (tamper evidence, secure boot, vendor attestation); for cloud hardware, "
               "the provider's attestation",
    "PR.IP-1": "configuration baselines (hardening standards) and compliance scan results against them",
    "PR.IP-2": "the SDLC procedure and records showing it is followed for system changes",
    "PR.IP-3": "the change control procedure and a sample of approved change records",
    "PR.IP-4": "backup configuration and schedules, and restore-test results",
    "PR.IP-5": "the physical operating environment requirements and evidence they are met (the provider's "
               "attestation for cloud, inspection records for own facilities)",
    "PR.IP-6": "the data destruction policy and deletion or destruction records",
    "PR.IP-7": "lessons-learned records and the resulting updates to protection processes",
    "PR.IP-8": "records of sharing information on the effectiveness of protection technologies with appropriate "
               "parties",
    "PR.IP-9": "the current incident response, business continuity, incident recovery and disaster recovery "
               "plans with owners and review dates",
    "PR.IP-10": "test or exercise records of the response and recovery plans, with results and follow-ups",
    "PR.IP-11": "HR procedures covering screening, onboarding and deprovisioning, with a sample of records",
    "PR.IP-12": "the vulnerability management plan and scan and remediation records showing it is implemented",
    "PR.PT-2": "the removable media policy and the technical controls (device control, MDM) restricting its use",
    "DE.CM-2": "physical monitoring (cameras, alarms, access logs) for the organization's own facilities and the "
               "provider's attestation for cloud data centres",
    "DE.CM-4": "anti-malware/EDR coverage reports and detection records",
    "DE.CM-5": "controls detecting unauthorised mobile code (browser and script policies, EDR) and their "
               "detections",
    "DE.CM-8": "the vulnerability scan schedule, scan reports, and asset coverage",
    "RS.AN-5": "the vulnerability disclosure process (published policy, intake channel), bulletin subscriptions, "
               "and handling records",
    "RS.CO-1": "documented incident response roles and training or exercise records",
    "RS.CO-5": "records of voluntary information sharing with external parties (e.g., ISAC participation)",
}


def _category_code(category: str) -> str:
    m = re.search(r"\(([A-Z]{2}\.[A-Z]{2})\)\s*$", category)
    if not m:
        raise ValueError(f"no category code in {category!r}")
    return m.group(1)


def _lc_first(s: str) -> str:
    # Lower-case the first word unless it is an acronym (e.g. "AI", "IT").
    first = s.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return s
    return s[:1].lower() + s[1:]


def csf2(cid: str, statement: str, category: str) -> str:
    evidence = CSF2_OVERRIDE.get(cid) or CSF2_CATEGORY[_category_code(category)]
    return f"Show that {_lc_first(statement)}. Typical evidence: {evidence}."


def csf11(cid: str, statement: str, category: str) -> str:
    evidence = CSF11_OVERRIDE.get(cid) or CSF11_CATEGORY[_category_code(category)]
    return f"Show that {_lc_first(statement)}. Typical evidence: {evidence}."
