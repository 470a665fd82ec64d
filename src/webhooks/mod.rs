//! Outgoing webhooks: signed per the Standard Webhooks spec (`signature.rs`) and sent only to
//! public addresses (`guard.rs`).

pub mod deliver;
pub mod endpoint;
pub mod guard;
pub mod signature;

/// Installs rustls' crypto provider (ring) for this process, once: every HTTPS client built
/// on rustls here (webhook deliveries, the test suite's WebDriver client) needs one.
pub fn install_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
