//! The parts of `terraform show -json` plan output that complyctl reads.
//!
//! Only what is needed is materialized; `planned_values`, `prior_state` and `before` values
//! are skipped while parsing so a large plan is held in memory once.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
pub struct Plan {
    pub format_version: Option<String>,
    pub terraform_version: Option<String>,
    pub resource_changes: Option<Vec<ResourceChange>>,
    pub planned_values: Option<IgnoredAny>,
    pub configuration: Option<Configuration>,
    /// Present in `terraform show -json` of a *state*; used to tell the user what they gave us.
    pub values: Option<IgnoredAny>,
}

#[derive(Debug, Deserialize)]
pub struct ResourceChange {
    pub address: String,
    pub module_address: Option<String>,
    #[serde(default = "managed")]
    pub mode: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub name: String,
    #[serde(default)]
    pub index: Option<Value>,
    pub provider_name: Option<String>,
    pub change: Change,
}

fn managed() -> String {
    "managed".to_string()
}

#[derive(Debug, Deserialize)]
pub struct Change {
    pub actions: Vec<String>,
    #[serde(default)]
    pub after: Option<Value>,
    #[serde(default)]
    pub after_unknown: Option<Value>,
    #[serde(default)]
    pub after_sensitive: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Configuration {
    #[serde(default)]
    pub provider_config: BTreeMap<String, ProviderConfig>,
    #[serde(default)]
    pub root_module: ConfigModule,
}

#[derive(Debug, Default, Deserialize)]
pub struct ProviderConfig {
    #[serde(default)]
    pub expressions: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ConfigModule {
    #[serde(default)]
    pub resources: Vec<ConfigResource>,
    #[serde(default)]
    pub module_calls: BTreeMap<String, ModuleCall>,
    #[serde(default)]
    pub outputs: BTreeMap<String, ConfigOutput>,
}

#[derive(Debug, Deserialize)]
pub struct ConfigResource {
    #[serde(default = "managed")]
    pub mode: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub name: String,
    #[serde(default)]
    pub provider_config_key: Option<String>,
    #[serde(default)]
    pub expressions: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub struct ModuleCall {
    /// The `source` argument as written (`./modules/x`, `terraform-aws-modules/vpc/aws`).
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub expressions: Option<Value>,
    #[serde(default)]
    pub module: ConfigModule,
}

#[derive(Debug, Default, Deserialize)]
pub struct ConfigOutput {
    #[serde(default)]
    pub expression: Option<Value>,
}
