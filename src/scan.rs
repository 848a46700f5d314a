//! The pipeline behind `complyctl scan`: inventory -> engine -> findings -> frameworks -> report.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::engine::{self, PolicyError, PolicySet, Status};
use crate::frameworks::rollup::rollup;
use crate::frameworks::Frameworks;
use crate::inventory::{Inventory, Resource};
use crate::report::{
    ByStatus, Controls, Finding, Report, ResourceRef, RuleInfo, ScanInfo, Shared, Summary, Tool,
    REPORT_SCHEMA_VERSION,
};
use crate::triage::Triage;

/// Stable identity of a (rule, resource) pair: survives re-runs, moves within a file and
/// unrelated changes, since it hashes neither line numbers nor messages.
pub fn fingerprint(rule_id: &str, r: &Resource) -> String {
    let mut h = Sha256::new();
    for part in [
        rule_id,
        r.source.as_str(),
        r.account.as_deref().unwrap_or(""),
        r.region.as_deref().unwrap_or(""),
        r.id.as_str(),
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(&h.finalize()[..16])
}

/// Current time as RFC 3339, or SOURCE_DATE_EPOCH when set (reproducible outputs).
pub fn now_rfc3339() -> String {
    let fixed = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    let t = match fixed.and_then(|s| chrono::DateTime::from_timestamp(s, 0)) {
        Some(t) => t,
        None => chrono::Utc::now(),
    };
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The canonical inventory JSON: what `complyctl inventory` prints and the evidence bundle's
/// `inventory.json`; the report's `scan.inventory_sha256` is the SHA-256 of these bytes.
pub fn inventory_json(inv: &Inventory) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(inv)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// SHA-256 of [`inventory_json`]'s bytes, hashed as they are produced: a 100k-resource
/// inventory is hundreds of MiB of pretty JSON that need not exist at once.
pub fn inventory_sha256(inv: &Inventory) -> Result<String, serde_json::Error> {
    let phase = std::time::Instant::now();
    let mut h = Sha256::new();
    // The serializer writes token by token; the hasher takes each write as an update call.
    // Buffered, the 100k inventory hashes in 0.8 s instead of 1.1 s.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut h);
    serde_json::to_writer_pretty(&mut w, inv)?;
    std::io::Write::flush(&mut w).map_err(serde_json::Error::io)?;
    drop(w);
    h.update(b"\n");
    tracing::debug!("hashed the inventory in {:.2?}", phase.elapsed());
    Ok(hex::encode(h.finalize()))
}

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The fingerprint of each result of a selected rule (empty for the others), computed on
/// `workers` threads: one SHA-256 per finding adds up on large scans.
fn fingerprints(
    results: &[engine::RuleResult],
    policies: &PolicySet,
    inv: &Inventory,
    selected: &[bool],
    workers: usize,
) -> Vec<String> {
    let one = |r: &engine::RuleResult| {
        if selected[r.rule] {
            fingerprint(&policies.rules[r.rule].meta.id, &inv.resources[r.resource])
        } else {
            String::new()
        }
    };
    // Hashing cannot fail; a panic is passed on rather than leaving results without
    // fingerprints.
    crate::parallel::map(results, workers, 1024, one)
}

/// Each item's position in `items` sorted by `cmp`, equal items sharing one rank.
fn ranks<T>(items: &[T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<u32> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| cmp(&items[a], &items[b]));
    let mut rank = vec![0u32; items.len()];
    let mut current = 0u32;
    for (n, &item) in order.iter().enumerate() {
        if n > 0 && cmp(&items[order[n - 1]], &items[item]) != std::cmp::Ordering::Equal {
            current += 1;
        }
        rank[item] = current;
    }
    rank
}

/// Reorders `items` in place so that position k holds the item that was at `order[k]`.
/// `order` must be a permutation of the positions. In place: a large scan's findings take
/// hundreds of megabytes, and a sorted copy would double them.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        // Follow the cycle through `start`, marking each position done (order[at] = at).
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

pub struct ScanInput<'a> {
    pub inventory: &'a Inventory,
    pub policies: &'a PolicySet,
    /// The selected packs (all built-in packs when none was named).
    pub frameworks: &'a Frameworks,
    /// True when the user named frameworks: only rules mapped in them are reported.
    pub restrict_to_frameworks: bool,
    pub workers: usize,
    pub started_at: String,
    /// Parameter values from the config file; they win over the packs' values.
    pub params: serde_json::Map<String, serde_json::Value>,
    pub triage: &'a Triage,
    /// Where to cache the rules compiled to the VM (`engine::program_cache`); None: no cache.
    pub program_cache: Option<std::path::PathBuf>,
}

/// What [`build_findings`] reads besides the results.
struct FindingsInput<'a> {
    inv: &'a Inventory,
    policies: &'a PolicySet,
    frameworks: &'a Frameworks,
    restrict_to_frameworks: bool,
    workers: usize,
    triage: &'a Triage,
    started_at: &'a str,
}

/// The report's findings (sorted, waivers applied) and what is counted from them.
struct Built {
    findings: Vec<Finding>,
    warnings: Vec<String>,
    rules: Vec<RuleInfo>,
    by_rule: BTreeMap<String, Vec<Status>>,
    by_status: ByStatus,
}

/// Results -> findings: each selected rule's result with its resource, controls and
/// fingerprint, waivers and baselines applied, in the report's order.
fn build_findings(results: Vec<engine::RuleResult>, input: &FindingsInput) -> Built {
    let FindingsInput {
        inv,
        policies,
        frameworks,
        restrict_to_frameworks,
        workers,
        triage,
        started_at,
    } = *input;
    // One shared map per rule; findings and the rule list hold references to it.
    let controls: BTreeMap<String, Controls> = frameworks
        .controls_by_rule()
        .into_iter()
        .map(|(rule, map)| (rule, Controls::from(map)))
        .collect();
    // By rule index: whether the rule is reported, and its controls. A finding looks these
    // up by index; there are hundreds of thousands of findings in a large scan.
    let rule_controls: Vec<Controls> = policies
        .rules
        .iter()
        .map(|r| controls.get(&r.meta.id).cloned().unwrap_or_default())
        .collect();
    let selected: Vec<bool> = policies
        .rules
        .iter()
        .map(|r| !restrict_to_frameworks || controls.contains_key(&r.meta.id))
        .collect();

    let fingerprints = fingerprints(&results, policies, inv, &selected, workers);
    let mut findings: Vec<(Finding, &Resource)> = Vec::with_capacity(results.len());
    // The report's order is (rule id, resource id, resource source, fingerprint). Rules and
    // resources are ranked by their part of that key once, so sorting the findings compares
    // two integers and reaches the fingerprint only when those tie.
    let rule_rank = ranks(&policies.rules, |a, b| a.meta.id.cmp(&b.meta.id));
    let resource_rank = ranks(&inv.resources, |a, b| {
        (&a.id, a.source).cmp(&(&b.id, b.source))
    });
    let mut keys: Vec<(u32, u32)> = Vec::with_capacity(results.len());
    // Results come ordered by resource: its findings share one reference to it.
    let mut shared_ref: Option<(usize, Shared<ResourceRef>)> = None;
    for (r, fingerprint) in results.into_iter().zip(fingerprints) {
        if !selected[r.rule] {
            continue;
        }
        let rule = &policies.rules[r.rule];
        let res = &inv.resources[r.resource];
        let resource = match &shared_ref {
            Some((i, shared)) if *i == r.resource => shared.clone(),
            _ => {
                let shared = Shared::from(ResourceRef {
                    id: res.id.clone(),
                    kind: res.kind,
                    source: res.source,
                    name: res.name.clone(),
                    account: res.account.clone(),
                    region: res.region.clone(),
                    location: res.location.clone(),
                    tags: res.tags.clone(),
                });
                shared_ref = Some((r.resource, shared.clone()));
                shared
            }
        };
        let message = match r.status {
            Status::Pass => "compliant".to_string(),
            _ => r.messages.join("; "),
        };
        keys.push((rule_rank[r.rule], resource_rank[r.resource]));
        findings.push((
            Finding {
                rule_id: rule.meta.id.clone(),
                title: rule.meta.title.clone(),
                severity: rule.meta.severity,
                status: r.status,
                message,
                resource,
                controls: rule_controls[r.rule].clone(),
                fingerprint,
                waiver: None,
            },
            res,
        ));
    }
    let today = chrono::DateTime::parse_from_rfc3339(started_at)
        .map(|t| t.date_naive())
        .unwrap_or_else(|_| chrono::Utc::now().date_naive());
    let warnings = triage.apply(&mut findings, today);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    // Equal keys keep their order (the position breaks ties), as a stable sort would.
    order.sort_unstable_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| findings[a].0.fingerprint.cmp(&findings[b].0.fingerprint))
            .then(a.cmp(&b))
    });
    permute(&mut findings, order);
    let findings: Vec<Finding> = findings.into_iter().map(|(f, _)| f).collect();

    let mut by_rule: BTreeMap<String, Vec<Status>> = BTreeMap::new();
    let mut by_status = ByStatus::default();
    for f in &findings {
        match by_rule.get_mut(&f.rule_id) {
            Some(statuses) => statuses.push(f.status),
            None => {
                by_rule.insert(f.rule_id.clone(), vec![f.status]);
            }
        }
        match f.status {
            Status::Pass => by_status.pass += 1,
            Status::Fail => by_status.fail += 1,
            Status::Unknown => by_status.unknown += 1,
            Status::Error => by_status.error += 1,
            Status::Waived => by_status.waived += 1,
            Status::Baseline => by_status.baseline += 1,
        }
    }
    let rules: Vec<RuleInfo> = policies
        .rules
        .iter()
        .zip(selected.iter().zip(&rule_controls))
        .filter(|(_, (selected, _))| **selected)
        .map(|(r, (_, controls))| RuleInfo {
            id: r.meta.id.clone(),
            title: r.meta.title.clone(),
            description: r.meta.description.clone(),
            severity: r.meta.severity,
            kind: r.meta.kind,
            remediation: r.meta.remediation.clone(),
            controls: controls.clone(),
            references: r.meta.references.clone(),
            builtin: r.builtin,
        })
        .collect();
    Built {
        findings,
        warnings,
        rules,
        by_rule,
        by_status,
    }
}

pub fn scan(input: ScanInput) -> Result<Report, PolicyError> {
    let ScanInput {
        inventory: inv,
        policies,
        frameworks,
        restrict_to_frameworks,
        workers,
        started_at,
        params: overrides,
        triage,
        program_cache,
    } = input;
    let mut params = frameworks.params();
    params.extend(overrides);
    let now_ns = chrono::DateTime::parse_from_rfc3339(&started_at)
        .ok()
        .and_then(|t| t.timestamp_nanos_opt())
        .unwrap_or(0);
    let phase = std::time::Instant::now();
    let results = engine::evaluate(
        policies,
        inv,
        &params,
        now_ns,
        workers,
        program_cache.as_deref(),
    )?;
    tracing::debug!(
        "evaluated: {} results in {:.2?}",
        results.len(),
        phase.elapsed()
    );
    let phase = std::time::Instant::now();
    let (built, inventory_hash) = std::thread::scope(|s| {
        // The inventory's hash does not depend on the findings: it is taken while they are
        // built, which is mostly one thread's work. Taken during evaluation, it cost the
        // evaluation workers a share of a core (100k inventory: about a second of CPU).
        let hash = s.spawn(|| inventory_sha256(inv).ok());
        let built = build_findings(
            results,
            &FindingsInput {
                inv,
                policies,
                frameworks,
                restrict_to_frameworks,
                workers,
                triage,
                started_at: &started_at,
            },
        );
        (built, hash.join().ok().flatten())
    });
    let Built {
        findings,
        warnings,
        rules,
        by_rule,
        by_status,
    } = built;
    tracing::debug!("{} findings in {:.2?}", findings.len(), phase.elapsed());
    Ok(Report {
        schema_version: REPORT_SCHEMA_VERSION,
        tool: Tool {
            name: "complyctl".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        scan: ScanInfo {
            started_at,
            finished_at: now_rfc3339(),
            sources: inv.sources.clone(),
            policy_hash: Some(policies.policy_hash()),
            inventory_sha256: inventory_hash,
        },
        summary: Summary {
            resources: inv.resources.len() as u64,
            rules: rules.len() as u64,
            by_status,
            skipped: inv.skipped.clone(),
        },
        findings,
        frameworks: rollup(frameworks, &by_rule),
        rules,
        errors: inv.errors.clone(),
        warnings,
        trend: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let orders: [&[usize]; 5] = [&[], &[0], &[2, 0, 1], &[1, 0, 3, 2], &[4, 3, 0, 1, 2]];
        for order in orders {
            let items: Vec<char> = "abcde".chars().take(order.len()).collect();
            let want: Vec<char> = order.iter().map(|&i| items[i]).collect();
            let mut got = items.clone();
            permute(&mut got, order.to_vec());
            assert_eq!(got, want, "order {order:?}");
        }
    }

    #[test]
    fn equal_items_share_a_rank_and_ranks_follow_the_order() {
        let items = ["b", "a", "c", "a"];
        assert_eq!(ranks(&items, |x, y| x.cmp(y)), vec![1, 0, 2, 0]);
        assert!(ranks(&[] as &[&str], |x, y| x.cmp(y)).is_empty());
    }

    #[test]
    fn the_streamed_inventory_hash_is_the_hash_of_the_canonical_json() {
        let plan = include_bytes!("../fixtures/plans/media-platform/plan.json");
        let inv = crate::collect::terraform::parse_plan("plan.json", plan.to_vec()).unwrap();
        let bytes = inventory_json(&inv).unwrap();
        assert_eq!(inventory_sha256(&inv).unwrap(), sha256_hex(&bytes));
    }
}
