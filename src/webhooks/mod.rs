//! Outgoing webhooks: signed per the Standard Webhooks spec (`signature.rs`) and sent only to
//! public addresses (`guard.rs`).

pub mod guard;
pub mod signature;
