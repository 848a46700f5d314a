//! Collectors: turn the outside world (Terraform plans, AWS accounts) into the normalized inventory.
//! A collector never knows about rules.

pub mod aws;
pub mod terraform;
