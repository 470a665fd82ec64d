//! Time-based one-time passwords (RFC 6238) for the back office's second factor: the secret
//! and how a person enrols it (the `otpauth://` address as an SVG QR code drawn on the server,
//! and the secret as text), checking a code with one step of clock skew either way, each time
//! step accepted once, and single-use recovery codes kept as hashes.

use totp_rs::{Algorithm, Builder, Totp};

/// Seconds per code, and digits per code: what every authenticator app expects.
const STEP_SECONDS: u64 = 30;
const DIGITS: u8 = 6;
/// The issuer authenticator apps show beside the account.
const ISSUER: &str = "Hireboard";
/// Recovery codes handed out at enrolment.
pub const RECOVERY_CODES: usize = 10;

/// A new secret: 160 random bits, as RFC 4226 recommends for HMAC-SHA1.
pub fn new_secret() -> Vec<u8> {
    use rand::Rng;
    let bytes: [u8; 20] = rand::rng().random();
    bytes.to_vec()
}

fn totp(secret: &[u8], account: &str) -> Result<Totp, String> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(DIGITS)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret.to_vec())
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| format!("TOTP: {e}"))
}

/// The secret as people type it into an authenticator app: base32 in groups of four.
pub fn secret_text(secret: &[u8]) -> String {
    let encoded = base32::encode(base32::Alphabet::Rfc4648 { padding: false }, secret);
    encoded
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The enrolment QR code: the `otpauth://` address drawn as an SVG image.
pub fn qr_svg(secret: &[u8], account: &str) -> Result<String, String> {
    let url = totp(secret, account)?.to_url().map_err(|e| format!("TOTP address: {e}"))?;
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| format!("QR code: {e}"))?;
    Ok(code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build())
}

/// The code an authenticator app shows at `now` (Unix seconds): for tests and tools, since the
/// server only ever checks codes.
pub fn code_at(secret: &[u8], now: u64) -> Option<String> {
    Some(totp(secret, "").ok()?.generate(now).to_string())
}

/// The time step `code` belongs to at `now` (Unix seconds), when it is right and newer than
/// `last_step`, the step of the last code accepted: a code is good once, also within its own
/// 30 seconds.
pub fn accept(secret: &[u8], code: &str, now: u64, last_step: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let step = totp(secret, "").ok()?.check(&code, now)? as i64;
    match last_step {
        Some(last) if step <= last => None,
        _ => Some(step),
    }
}

/// New recovery codes: ten of 10 characters from an unambiguous alphabet (about 50 bits each),
/// shown once and kept only as hashes.
pub fn recovery_codes() -> Vec<String> {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String =
                (0..10).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect()
}

/// A recovery code's stored form: SHA-256 of the code as typed, without spaces, dashes or case
/// (the codes are random, so a fast hash is enough, as for session tokens).
pub fn recovery_hash(code: &str) -> String {
    use sha2::{Digest, Sha256};
    let normalized: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::digest(normalized.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret and its code at T = 59 s (94287082 in 8 digits).
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn codes_follow_rfc_6238_and_count_once() {
        assert_eq!(code_at(RFC_SECRET, 59).as_deref(), Some("287082"));
        assert_eq!(accept(RFC_SECRET, "287082", 59, None), Some(1));
        assert_eq!(accept(RFC_SECRET, "287 082", 59, None), Some(1));
        // One step of skew either way…
        assert_eq!(accept(RFC_SECRET, "287082", 89, None), Some(1));
        // …but not two, and not a code already used.
        assert_eq!(accept(RFC_SECRET, "287082", 119, None), None);
        assert_eq!(accept(RFC_SECRET, "287082", 59, Some(1)), None);
        assert_eq!(accept(RFC_SECRET, "000000", 59, None), None);
        assert_eq!(accept(RFC_SECRET, "abcdef", 59, None), None);
    }

    #[test]
    fn the_secret_reads_as_base32_and_the_qr_code_is_svg() {
        assert_eq!(secret_text(RFC_SECRET), "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
        assert_eq!(new_secret().len(), 20);
        let svg = qr_svg(&new_secret(), "ada@example.org").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_alike_however_typed() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let code = &codes[0];
        assert_eq!(recovery_hash(code), recovery_hash(&code.to_uppercase().replace('-', " ")));
        assert_ne!(recovery_hash(code), recovery_hash(&codes[1]));
    }
}
