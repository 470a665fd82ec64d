//! Signed links in mails: a token that proves the link came from us, for one purpose and one
//! record, without a session or a stored secret per link (HMAC-SHA256 over the purpose and
//! the id, with the application's secret key).

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8], purpose: &str, id: i64) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(secret).ok()?;
    mac.update(purpose.as_bytes());
    mac.update(b":");
    mac.update(id.to_string().as_bytes());
    Some(mac)
}

/// The token for `purpose` (like `application-withdraw`) on record `id`, hex-encoded.
pub fn token(secret: &[u8], purpose: &str, id: i64) -> String {
    mac(secret, purpose, id)
        .map(|m| m.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect())
        .unwrap_or_default()
}

/// Whether `token` is the one for `purpose` on `id` (compared in constant time).
pub fn verify(secret: &[u8], purpose: &str, id: i64, token: &str) -> bool {
    let Some(bytes) = decode_hex(token) else {
        return false;
    };
    mac(secret, purpose, id).is_some_and(|m| m.verify_slice(&bytes).is_ok())
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_fits_one_purpose_one_record_and_one_key() {
        let key = b"a secret key of some length, at least sixty-four bytes long......";
        let t = token(key, "application-withdraw", 7);
        assert_eq!(t.len(), 64);
        assert!(verify(key, "application-withdraw", 7, &t));
        assert!(!verify(key, "application-withdraw", 8, &t));
        assert!(!verify(key, "application-forget", 7, &t));
        assert!(!verify(b"another key", "application-withdraw", 7, &t));
        assert!(!verify(key, "application-withdraw", 7, "zz"));
        assert!(!verify(key, "application-withdraw", 7, &t.to_uppercase()[..63]));
    }
}
