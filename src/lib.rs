//! complyctl: policy-as-code compliance scanning for AWS accounts and Terraform plans.
//!
//! Data flows one way: `collect` -> `inventory` -> `engine` -> findings -> `frameworks` -> `report`.

pub mod cli;
pub mod collect;
pub mod config;
pub mod dispose;
pub mod engine;
pub mod evidence;
pub mod frameworks;
pub mod inventory;
pub mod parallel;
pub mod publish;
pub mod report;
pub mod scan;
pub mod triage;
pub mod yaml;
