//! Terraform plan reader: `terraform show -json` output -> normalized inventory.

mod address;
mod config;
mod decode;
mod link;
pub mod locations;
mod model;
mod normalize;
mod values;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use self::address::{index_key, ModuleInstance};
use self::config::{ConfigIndex, Target};
use self::decode::DecodeError;
use self::link::{Op, Patch};
use self::locations::Locations;
use self::model::{Plan, ResourceChange};
use self::values::{overlay, Attrs};
use crate::inventory::unknown::{is_marker, marker, Reason};
use crate::inventory::{Inventory, Kind, Resource, SourceInfo, SourceType, TerraformInfo};

/// The id of the account resource a plan gets (plans have no account id until apply).
pub const PLAN_ACCOUNT_ID: &str = "aws_account";

/// Plans larger than this are refused rather than read into memory.
pub const DEFAULT_MAX_PLAN_BYTES: u64 = 512 * 1024 * 1024;

/// Format versions this reader was written against; newer minor versions are read with a warning.
const KNOWN_FORMAT_MAJOR: u64 = 1;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: is a directory (expected a plan JSON file from `terraform show -json`)")]
    IsDirectory { path: String },
    #[error("{path}: file is {size} bytes, larger than the {limit}-byte limit for plans")]
    TooLarge { path: String, size: u64, limit: u64 },
    // The decode error is the source: `{:#}` at the edge prints "path: what was wrong".
    #[error("{path}")]
    Decode { path: String, source: DecodeError },
    #[error("{path}:{line}:{column}: invalid JSON: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: at `{json_path}`: {message}")]
    Type {
        path: String,
        json_path: String,
        message: String,
    },
    #[error("{path}: this is not a Terraform plan: {why}")]
    NotAPlan { path: String, why: String },
}

/// How to read a plan beyond its own bytes.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The Terraform configuration directory behind the plan: when set, every resource whose
    /// `resource` block is found there (or in a local module) gets a `location`.
    pub tf_dir: Option<PathBuf>,
    /// Locations are relative to this directory (the repository root); None = current directory.
    pub root: Option<PathBuf>,
    /// Plans larger than this are refused.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            tf_dir: None,
            root: None,
            max_bytes: DEFAULT_MAX_PLAN_BYTES,
        }
    }
}

/// Read one plan file into an inventory.
pub fn read_plan(path: &Path) -> Result<Inventory, PlanError> {
    read_plan_with_limit(path, DEFAULT_MAX_PLAN_BYTES)
}

pub fn read_plan_with_limit(path: &Path, limit: u64) -> Result<Inventory, PlanError> {
    read_plan_with(
        path,
        &ReadOptions {
            max_bytes: limit,
            ..ReadOptions::default()
        },
    )
}

/// Read one plan file, with resource locations when `opts.tf_dir` is set.
pub fn read_plan_with(path: &Path, opts: &ReadOptions) -> Result<Inventory, PlanError> {
    let limit = opts.max_bytes;
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| PlanError::Io {
        path: shown.clone(),
        source,
    })?;
    if meta.is_dir() {
        return Err(PlanError::IsDirectory { path: shown });
    }
    if meta.len() > limit {
        return Err(PlanError::TooLarge {
            path: shown,
            size: meta.len(),
            limit,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| PlanError::Io {
        path: shown.clone(),
        source,
    })?;
    parse_plan_with(&shown, bytes, opts)
}

/// Parse plan bytes; `path` is used for messages and recorded as the source.
pub fn parse_plan(path: &str, bytes: Vec<u8>) -> Result<Inventory, PlanError> {
    parse_plan_with(path, bytes, &ReadOptions::default())
}

/// Parse plan bytes, with resource locations when `opts.tf_dir` is set.
pub fn parse_plan_with(
    path: &str,
    bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<Inventory, PlanError> {
    let text = decode::decode_text(bytes).map_err(|source| PlanError::Decode {
        path: path.to_string(),
        source,
    })?;
    let mut plan = deserialize(path, &text)?;
    drop(text);
    let locations = opts.tf_dir.as_deref().map(|dir| {
        let root = match &opts.root {
            Some(r) => r.clone(),
            None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        };
        let l = Locations::index(plan.configuration.as_ref(), dir, &root);
        tracing::debug!(
            "{path}: {} resource blocks found under {}",
            l.len(),
            dir.display()
        );
        l
    });
    build_inventory(path, &mut plan, locations.as_ref())
}

fn deserialize(path: &str, text: &str) -> Result<Plan, PlanError> {
    match text.trim_start().chars().next() {
        None => return Err(PlanError::Decode { path: path.to_string(), source: DecodeError::Empty }),
        Some('{') => {}
        Some(c) if c == '[' || c == '"' || c.is_ascii_digit() || c == '-' || c == 't' || c == 'f' || c == 'n' => {
            return Err(PlanError::NotAPlan {
                path: path.to_string(),
                why: "the top-level JSON value is not an object (expected the output of `terraform show -json PLANFILE`)".to_string(),
            })
        }
        Some(_) => {}
    }
    // The plain read first: tracking JSON paths costs a good part of the read of a large
    // plan, and only a plan that fails needs them.
    if let Ok(plan) = serde_json::from_str::<Plan>(text) {
        return Ok(plan);
    }
    // Read again for the error: a syntax check with positions, then a typed read with JSON
    // paths, so a type error names the field (`resource_changes[3].change.actions`) and a
    // syntax error the line.
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<Plan, _> = serde_path_to_error::deserialize(&mut de);
    let plan = match result {
        Ok(p) => p,
        Err(e) => {
            let inner = e.inner();
            let p = e.path().to_string();
            return Err(match inner.classify() {
                serde_json::error::Category::Data if p != "." => PlanError::Type {
                    path: path.to_string(),
                    json_path: p,
                    message: strip_position(&inner.to_string()),
                },
                serde_json::error::Category::Data => PlanError::NotAPlan {
                    path: path.to_string(),
                    why: format!(
                        "expected a JSON object at the top level ({})",
                        strip_position(&inner.to_string())
                    ),
                },
                _ => PlanError::Syntax {
                    path: path.to_string(),
                    line: inner.line(),
                    column: inner.column(),
                    message: strip_position(&inner.to_string()),
                },
            });
        }
    };
    de.end().map_err(|e| PlanError::Syntax {
        path: path.to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    Ok(plan)
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// A resource change's `after`, `after_unknown` and `after_sensitive`, taken out of the plan.
#[derive(Default)]
struct PlannedValues {
    after: Option<Value>,
    unknown: Option<Value>,
    sensitive: Option<Value>,
}

impl PlannedValues {
    /// `after` with the unknown and sensitive masks overlaid (an object, `{}` when null).
    fn overlaid(self) -> Value {
        let values = overlay(
            self.after.unwrap_or(Value::Null),
            self.unknown.as_ref(),
            self.sensitive.as_ref(),
        );
        if values.is_null() {
            Value::Object(Map::new())
        } else {
            values
        }
    }
}

/// A managed resource instance taken from `resource_changes`.
struct Instance<'p> {
    rc: &'p ResourceChange,
    module: ModuleInstance,
    key: Option<String>,
    /// The values as planned, until they are overlaid (one instance at a time: the unknown
    /// markers of a large plan's every resource at once were its peak memory).
    planned: PlannedValues,
    /// The overlaid values: while the instance is normalized, and after that for split
    /// resources only, which the linker reads again.
    values: Value,
    exprs: Option<&'p Value>,
    region: Option<String>,
}

/// A parent resource being built.
struct Parent {
    rtype: String,
    module: ModuleInstance,
    name: String,
    key: Option<String>,
    resource: Resource,
}

fn build_inventory(
    path: &str,
    plan: &mut Plan,
    locations: Option<&Locations>,
) -> Result<Inventory, PlanError> {
    // The planned values are moved out of the plan, not copied: a large plan's values are
    // most of its memory, and a copy next to the original is what peak RSS would be made of.
    let mut planned: Vec<PlannedValues> = plan
        .resource_changes
        .iter_mut()
        .flatten()
        .map(|rc| PlannedValues {
            after: rc.change.after.take(),
            unknown: rc.change.after_unknown.take(),
            sensitive: rc.change.after_sensitive.take(),
        })
        .collect();
    let plan = &*plan;
    let Some(changes) = plan.resource_changes.as_ref() else {
        let why = if plan.values.is_some() {
            "it has `values` but no `resource_changes`: it looks like a state file (`terraform show -json` without a plan file). Run `terraform plan -out tfplan && terraform show -json tfplan`".to_string()
        } else if plan.planned_values.is_some() {
            "it has `planned_values` but no `resource_changes`".to_string()
        } else {
            "it has neither `resource_changes` nor `planned_values` (expected the output of `terraform show -json PLANFILE`)".to_string()
        };
        return Err(PlanError::NotAPlan {
            path: path.to_string(),
            why,
        });
    };
    if plan.format_version.is_none() && plan.terraform_version.is_none() {
        return Err(PlanError::NotAPlan {
            path: path.to_string(),
            why: "it has no `format_version` or `terraform_version`".to_string(),
        });
    }
    if let Some(fv) = &plan.format_version {
        let major = fv.split('.').next().and_then(|m| m.parse::<u64>().ok());
        if major.is_none_or(|m| m > KNOWN_FORMAT_MAJOR) {
            tracing::warn!("{path}: plan format_version {fv} is newer than this complyctl knows (1.x); reading it anyway");
        }
    }

    let mut inv = Inventory::default();
    inv.sources.push(SourceInfo {
        source_type: SourceType::TerraformPlan,
        path: Some(path.to_string()),
        terraform_version: plan.terraform_version.clone(),
        format_version: plan.format_version.clone(),
        account: None,
        regions: Vec::new(),
    });

    // Module instances present in the plan, for `module.x.output` references.
    let mut module_instances = BTreeSet::new();
    for rc in changes {
        if let Some(m) = ModuleInstance::parse(rc.module_address.as_deref()) {
            let mut cur = Some(m);
            while let Some(m) = cur {
                if m.is_root() {
                    break;
                }
                cur = m.parent();
                module_instances.insert(m);
            }
        }
    }
    let cfg = ConfigIndex::new(plan.configuration.as_ref(), module_instances);

    let mut instances = Vec::new();
    for (rc, planned) in changes.iter().zip(planned.iter_mut()) {
        if rc.mode != "managed" {
            inv.skipped.data_sources += 1;
            continue;
        }
        if !is_aws(rc) {
            inv.skipped.non_aws += 1;
            continue;
        }
        let actions: Vec<&str> = rc.change.actions.iter().map(String::as_str).collect();
        if actions.is_empty() || actions == ["delete"] || actions == ["forget"] {
            inv.skipped.deleted += 1;
            continue;
        }
        if normalize::parent_kind(&rc.resource_type).is_none() && !link::is_split(&rc.resource_type)
        {
            *inv.skipped
                .unsupported
                .entry(rc.resource_type.clone())
                .or_default() += 1;
            continue;
        }
        let Some(module) = ModuleInstance::parse(rc.module_address.as_deref()) else {
            return Err(PlanError::Type {
                path: path.to_string(),
                json_path: format!("resource_changes[address={}].module_address", rc.address),
                message: format!("cannot parse module address {:?}", rc.module_address),
            });
        };
        let planned = std::mem::take(planned);
        if planned
            .after
            .as_ref()
            .is_some_and(|a| !a.is_object() && !a.is_null())
        {
            return Err(PlanError::Type {
                path: path.to_string(),
                json_path: format!("resource_changes[address={}].change.after", rc.address),
                message: "expected an object".to_string(),
            });
        }
        let config = cfg.resource(&module, &rc.resource_type, &rc.name);
        instances.push(Instance {
            rc,
            key: rc.index.as_ref().and_then(index_key),
            module,
            planned,
            values: Value::Null,
            exprs: config.and_then(|c| c.expressions.as_ref()),
            region: cfg.region(config),
        });
    }

    // What is left are the values of skipped changes (data sources, other providers).
    drop(planned);

    // Parents first, so split resources can find them.
    let mut parents: Vec<Parent> = Vec::new();
    for inst in instances.iter_mut() {
        inst.values = std::mem::take(&mut inst.planned).overlaid();
        let attrs = Attrs::new(&inst.values, inst.exprs);
        let Some(n) = normalize::normalize(&inst.rc.resource_type, &attrs) else {
            continue;
        };
        let tags = tags_of(&inst.values);
        let actions = inst.rc.change.actions.clone();
        parents.push(Parent {
            rtype: inst.rc.resource_type.clone(),
            module: inst.module.clone(),
            name: inst.rc.name.clone(),
            key: inst.key.clone(),
            resource: Resource {
                id: inst.rc.address.clone(),
                kind: n.kind,
                source: SourceType::TerraformPlan,
                source_path: Some(path.to_string()),
                name: n.name.unwrap_or_else(|| inst.rc.address.clone()),
                account: None,
                region: inst.region.clone(),
                tags,
                location: locations
                    .and_then(|l| {
                        l.get(
                            &inst.module.config_path(),
                            &inst.rc.resource_type,
                            &inst.rc.name,
                        )
                    })
                    .cloned(),
                terraform: Some(TerraformInfo {
                    address: inst.rc.address.clone(),
                    resource_type: inst.rc.resource_type.clone(),
                    actions,
                    module: (!inst.module.is_root()).then(|| inst.module.to_string()),
                }),
                attributes: Value::Object(n.attributes),
            },
        });
        // Only split resources' values are read again (by the linker below); a parent's
        // live on in its normalized attributes.
        if !link::is_split(&inst.rc.resource_type) {
            inst.values = Value::Null;
        }
    }

    let linker = Linker::new(&parents);
    let mut ops: Vec<(usize, &'static str, LinkedOp)> = Vec::new();
    for inst in &instances {
        if !link::is_split(&inst.rc.resource_type) {
            continue;
        }
        let attrs = Attrs::new(&inst.values, inst.exprs);
        let mut patches = link::patches(&inst.rc.resource_type, &attrs);
        let is_attachment = inst.rc.resource_type.ends_with("policy_attachment");
        let policy = if is_attachment {
            let p = Patch {
                attr: "policy_arn",
                parents: link::POLICY,
                multi: false,
                op: Op::Set("", Value::Null),
            };
            linker.resolve(&cfg, inst, &p).0
        } else {
            Vec::new()
        };
        // A policy created in the same plan has no ARN yet: name it by its address, so rules
        // can find its document in the inventory.
        if let ([pol], true) = (policy.as_slice(), is_marker(&attrs.get("policy_arn"))) {
            for patch in &mut patches {
                if let Op::Append("attached_policies", vs) = &mut patch.op {
                    *vs = vec![json!(parents[*pol].resource.id)];
                }
            }
        }
        let mut linked_any = false;
        let mut principals: Vec<usize> = Vec::new();
        for patch in patches {
            let (definite, ambiguous) = linker.resolve(&cfg, inst, &patch);
            linked_any |= !definite.is_empty() || !ambiguous.is_empty();
            principals.extend(definite.iter().copied());
            push_ops(&mut ops, &patch, &definite, &ambiguous);
        }
        // The policy half of an attachment: remember who it is attached to.
        if is_attachment && !principals.is_empty() {
            let definite = &policy;
            for &pol in definite {
                for &who in &principals {
                    let r = &parents[who].resource;
                    ops.push((
                        pol,
                        "attached_to",
                        LinkedOp::Append(vec![json!({"kind": r.kind, "id": r.id})]),
                    ));
                }
            }
        }
        if !linked_any {
            *inv.skipped
                .unlinked
                .entry(inst.rc.resource_type.clone())
                .or_default() += 1;
        }
    }
    for (idx, attr, op) in ops {
        let Some(attrs) = parents[idx].resource.attributes.as_object_mut() else {
            continue;
        };
        match op {
            LinkedOp::Set(v) => {
                attrs.insert(attr.to_string(), v);
            }
            LinkedOp::Append(vs) => match attrs.get_mut(attr) {
                Some(Value::Array(list)) => list.extend(vs),
                // Appending to an unknown list keeps it unknown.
                Some(v) if is_marker(v) => {}
                _ => {
                    attrs.insert(attr.to_string(), Value::Array(vs));
                }
            },
        }
    }
    for p in &mut parents {
        if let Some(attrs) = p.resource.attributes.as_object_mut() {
            if let Some(Value::Array(list)) = attrs.get("attached_to") {
                let n = list.len();
                attrs.insert("attachment_count".to_string(), json!(n));
            }
        }
    }

    // One account resource per plan, so account-level rules ("a trail must exist") can run
    // when the plan declares the kinds they read; the engine skips them otherwise.
    if !parents.is_empty() {
        let region = cfg.region(None);
        let attributes = json!({"account_id": marker(Reason::KnownAfterApply), "region": region});
        parents.push(Parent {
            rtype: String::new(),
            module: ModuleInstance::default(),
            name: String::new(),
            key: None,
            resource: Resource {
                id: PLAN_ACCOUNT_ID.to_string(),
                kind: Kind::Account,
                source: SourceType::TerraformPlan,
                source_path: Some(path.to_string()),
                name: "AWS account of this plan".to_string(),
                account: None,
                region,
                tags: BTreeMap::new(),
                location: None,
                terraform: None,
                attributes,
            },
        });
    }

    let mut regions: BTreeSet<String> = BTreeSet::new();
    inv.resources = parents
        .into_iter()
        .map(|p| {
            if let Some(r) = &p.resource.region {
                regions.insert(r.clone());
            }
            p.resource
        })
        .collect();
    inv.sources[0].regions = regions.into_iter().collect();
    inv.sort();
    Ok(inv)
}

enum LinkedOp {
    Set(Value),
    Append(Vec<Value>),
}

fn push_ops(
    ops: &mut Vec<(usize, &'static str, LinkedOp)>,
    patch: &Patch,
    definite: &[usize],
    ambiguous: &[usize],
) {
    let (attr, set, append) = match &patch.op {
        Op::Set(a, v) => (*a, Some(v), None),
        Op::Append(a, vs) => (*a, None, Some(vs)),
    };
    for &i in definite {
        ops.push((
            i,
            attr,
            match (set, append) {
                (Some(v), _) => LinkedOp::Set(v.clone()),
                (_, Some(vs)) => LinkedOp::Append(vs.clone()),
                _ => continue,
            },
        ));
    }
    // Fail closed: when a setting may belong to one of several parents, each of them is unknown.
    for &i in ambiguous {
        ops.push((
            i,
            attr,
            match set {
                Some(_) => LinkedOp::Set(marker(Reason::Ambiguous)),
                None => LinkedOp::Append(vec![marker(Reason::Ambiguous)]),
            },
        ));
    }
}

fn is_aws(rc: &ResourceChange) -> bool {
    match rc.provider_name.as_deref() {
        Some(p) => p == "aws" || p.ends_with("/aws"),
        None => rc.resource_type.starts_with("aws_"),
    }
}

fn tags_of(values: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for key in ["tags_all", "tags"] {
        if let Some(Value::Object(t)) = values.get(key) {
            for (k, v) in t {
                if let Some(s) = v.as_str() {
                    out.entry(k.clone()).or_insert_with(|| s.to_string());
                }
            }
        }
    }
    out
}

/// A configuration resource in one module instance: (module instance, type, name).
type ConfigKey = (ModuleInstance, String, String);

/// Finds the parents a split resource names.
struct Linker {
    /// config resource -> [(instance key, parent index)]
    by_config: HashMap<ConfigKey, Vec<(Option<String>, usize)>>,
    /// (type, identity value) -> parent indices; identities are known id/name/arn/bucket values.
    by_identity: HashMap<(String, String), Vec<usize>>,
    /// type -> parent indices
    by_type: HashMap<String, Vec<usize>>,
}

impl Linker {
    fn new(parents: &[Parent]) -> Self {
        let mut l = Linker {
            by_config: HashMap::new(),
            by_identity: HashMap::new(),
            by_type: HashMap::new(),
        };
        for (i, p) in parents.iter().enumerate() {
            l.by_config
                .entry((p.module.clone(), p.rtype.clone(), p.name.clone()))
                .or_default()
                .push((p.key.clone(), i));
            l.by_type.entry(p.rtype.clone()).or_default().push(i);
            let attrs = &p.resource.attributes;
            let mut ids: BTreeSet<String> = BTreeSet::new();
            for k in [
                "bucket",
                "group_id",
                "vpc_id",
                "network_acl_id",
                "user_name",
                "group_name",
                "role_name",
                "arn",
                "cluster_name",
                "recorder_name",
                "policy_name",
            ] {
                if let Some(s) = attrs.get(k).and_then(Value::as_str) {
                    ids.insert(s.to_string());
                }
            }
            // A policy's ARN is only known when it exists; its id in the plan is its ARN too.
            for id in ids {
                l.by_identity
                    .entry((p.rtype.clone(), id))
                    .or_default()
                    .push(i);
            }
        }
        l
    }

    /// (definite, ambiguous) parents for one link of a split resource.
    fn resolve(
        &self,
        cfg: &ConfigIndex,
        inst: &Instance,
        patch: &Patch,
    ) -> (Vec<usize>, Vec<usize>) {
        if patch.attr.is_empty() {
            // No argument names the parent (e.g. Security Hub standards): the only one there is.
            let all: Vec<usize> = patch
                .parents
                .iter()
                .flat_map(|t| self.by_type.get(*t).into_iter().flatten().copied())
                .collect();
            return if all.len() == 1 {
                (all, vec![])
            } else {
                (vec![], all)
            };
        }
        let targets: Vec<Target> = cfg
            .targets_of(&inst.module, inst.exprs, patch.attr)
            .into_iter()
            .filter(|t| patch.parents.contains(&t.rtype.as_str()))
            .collect();
        let mut definite = Vec::new();
        let mut ambiguous = Vec::new();
        for t in &targets {
            let Some(cands) =
                self.by_config
                    .get(&(t.module.clone(), t.rtype.clone(), t.name.clone()))
            else {
                continue;
            };
            let chosen: Vec<usize> = match &t.key {
                Some(k) => cands
                    .iter()
                    .filter(|(ck, _)| ck.as_ref() == Some(k))
                    .map(|(_, i)| *i)
                    .collect(),
                None if cands.len() == 1 => vec![cands[0].1],
                // `aws_s3_bucket.this[count.index]` is written without a key: same index as the child.
                None => {
                    let same: Vec<usize> = cands
                        .iter()
                        .filter(|(ck, _)| ck.is_some() && *ck == inst.key)
                        .map(|(_, i)| *i)
                        .collect();
                    if same.len() == 1 {
                        same
                    } else {
                        ambiguous.extend(cands.iter().map(|(_, i)| *i));
                        continue;
                    }
                }
            };
            definite.extend(chosen);
        }
        if definite.is_empty() && ambiguous.is_empty() {
            // No reference into the plan: match the literal value (existing resources, names).
            let vals: Vec<&str> = match inst.values.get(patch.attr) {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            for v in vals {
                let mut hits: Vec<usize> = patch
                    .parents
                    .iter()
                    .flat_map(|t| {
                        self.by_identity
                            .get(&(t.to_string(), v.to_string()))
                            .into_iter()
                            .flatten()
                            .copied()
                    })
                    .collect();
                hits.sort_unstable();
                hits.dedup();
                match hits.len() {
                    0 => {}
                    1 => definite.extend(hits),
                    _ => ambiguous.extend(hits),
                }
            }
        }
        definite.sort_unstable();
        definite.dedup();
        ambiguous.sort_unstable();
        ambiguous.dedup();
        ambiguous.retain(|i| !definite.contains(i));
        if !patch.multi && definite.len() > 1 {
            ambiguous.append(&mut definite);
        }
        (definite, ambiguous)
    }
}

#[cfg(test)]
mod tests;
