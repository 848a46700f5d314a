//! The plan's `configuration` section: find a resource's configuration block and follow
//! references (through module inputs and outputs) to the resources they name.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use super::address::{parse_reference, ModuleInstance, Reference, Step};
use super::model::{ConfigModule, ConfigResource, Configuration};

/// A configuration resource, in one module instance, maybe with an instance key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub module: ModuleInstance,
    pub rtype: String,
    pub name: String,
    pub key: Option<String>,
}

const MAX_DEPTH: usize = 32;

pub struct ConfigIndex<'p> {
    modules: HashMap<Vec<String>, &'p ConfigModule>,
    resources: HashMap<(Vec<String>, String, String), &'p ConfigResource>,
    /// Module instances seen in resource_changes, to expand `module.x.out` without a key.
    instances: BTreeSet<ModuleInstance>,
    /// Region per provider config key (`aws`, `aws.west`, `module.x:aws`).
    regions: BTreeMap<String, String>,
}

impl<'p> ConfigIndex<'p> {
    pub fn new(config: Option<&'p Configuration>, instances: BTreeSet<ModuleInstance>) -> Self {
        let mut idx = ConfigIndex {
            modules: HashMap::new(),
            resources: HashMap::new(),
            instances,
            regions: BTreeMap::new(),
        };
        if let Some(cfg) = config {
            idx.add_module(Vec::new(), &cfg.root_module, 0);
            for (key, p) in &cfg.provider_config {
                let region = p
                    .expressions
                    .as_ref()
                    .and_then(|e| e.get("region"))
                    .and_then(|r| r.get("constant_value"))
                    .and_then(Value::as_str);
                if let Some(r) = region {
                    idx.regions.insert(key.clone(), r.to_string());
                }
            }
        }
        idx
    }

    fn add_module(&mut self, path: Vec<String>, m: &'p ConfigModule, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for r in &m.resources {
            if r.mode == "managed" {
                self.resources
                    .insert((path.clone(), r.resource_type.clone(), r.name.clone()), r);
            }
        }
        for (name, call) in &m.module_calls {
            let mut p = path.clone();
            p.push(name.clone());
            self.add_module(p, &call.module, depth + 1);
        }
        self.modules.insert(path, m);
    }

    pub fn resource(
        &self,
        module: &ModuleInstance,
        rtype: &str,
        name: &str,
    ) -> Option<&'p ConfigResource> {
        self.resources
            .get(&(module.config_path(), rtype.to_string(), name.to_string()))
            .copied()
    }

    /// The region of the provider a resource uses, falling back to the default `aws` provider.
    pub fn region(&self, cfg: Option<&ConfigResource>) -> Option<String> {
        let key = cfg
            .and_then(|c| c.provider_config_key.as_deref())
            .unwrap_or("aws");
        // Inside modules terraform writes `module_name:aws`; the module usually inherits the root provider.
        let bare = key.rsplit(':').next().unwrap_or(key);
        self.regions
            .get(key)
            .or_else(|| self.regions.get(bare))
            .or_else(|| self.regions.get("aws"))
            .cloned()
    }

    /// Follow the references of expression `attr` of a resource's configuration to the
    /// resources they name.
    pub fn targets_of(
        &self,
        module: &ModuleInstance,
        exprs: Option<&Value>,
        attr: &str,
    ) -> Vec<Target> {
        let refs = references(exprs.and_then(|e| e.get(attr)));
        let mut out = Vec::new();
        self.resolve(module, &refs, &mut out, 0);
        dedupe(out)
    }

    fn resolve(
        &self,
        module: &ModuleInstance,
        refs: &[String],
        out: &mut Vec<Target>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let cfg_path = module.config_path();
        for r in refs {
            match parse_reference(r) {
                Reference::Resource { rtype, name, key } => out.push(Target {
                    module: module.clone(),
                    rtype,
                    name,
                    key,
                }),
                Reference::Var(var) => {
                    let (Some(parent), Some(call_name)) = (module.parent(), cfg_path.last()) else {
                        continue;
                    };
                    let Some(pm) = self.modules.get(&parent.config_path()) else {
                        continue;
                    };
                    let Some(call) = pm.module_calls.get(call_name) else {
                        continue;
                    };
                    let refs = references(call.expressions.as_ref().and_then(|e| e.get(&var)));
                    self.resolve(&parent, &refs, out, depth + 1);
                }
                Reference::ModuleOutput { call, key, output } => {
                    let Some(m) = self.modules.get(&cfg_path) else {
                        continue;
                    };
                    let Some(c) = m.module_calls.get(&call) else {
                        continue;
                    };
                    let Some(o) = c.module.outputs.get(&output) else {
                        continue;
                    };
                    let refs = references(o.expression.as_ref());
                    let children: Vec<ModuleInstance> = match key {
                        Some(k) => vec![module.child(Step {
                            name: call.clone(),
                            key: Some(k),
                        })],
                        None => {
                            let found: Vec<ModuleInstance> = self
                                .instances
                                .iter()
                                .filter(|i| {
                                    i.parent().as_ref() == Some(module)
                                        && i.0.last().is_some_and(|s| s.name == call)
                                })
                                .cloned()
                                .collect();
                            if found.is_empty() {
                                vec![module.child(Step {
                                    name: call.clone(),
                                    key: None,
                                })]
                            } else {
                                found
                            }
                        }
                    };
                    for child in children {
                        self.resolve(&child, &refs, out, depth + 1);
                    }
                }
                Reference::Other => {}
            }
        }
    }
}

/// The `references` of one expression (`{"references": [...]}`), empty otherwise.
pub fn references(expr: Option<&Value>) -> Vec<String> {
    expr.and_then(|e| e.get("references"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Terraform lists `aws_s3_bucket.this[0].id`, `aws_s3_bucket.this[0]` and `aws_s3_bucket.this`
/// for one use: keep the most specific target per resource.
fn dedupe(mut v: Vec<Target>) -> Vec<Target> {
    v.sort();
    let mut out: Vec<Target> = Vec::new();
    for t in v {
        if let Some(last) = out.last_mut() {
            if last.module == t.module && last.rtype == t.rtype && last.name == t.name {
                if last.key.is_none() {
                    *last = t;
                } else if t.key.is_some() && t.key != last.key {
                    out.push(t);
                }
                continue;
            }
        }
        out.push(t);
    }
    // A keyless target next to keyed ones of the same resource adds nothing.
    out
}
