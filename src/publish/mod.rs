//! Sending a finished report somewhere: unlike the reporters (pure `&Report -> bytes`), these
//! talk to services. They never re-evaluate anything.

pub mod securityhub;
