//! Argon2id password hashes in PHC string format.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::{PasswordHasher, PasswordVerifier};

/// Hashes with Argon2id and a fresh random salt (the crate's defaults follow OWASP's advice).
pub fn hash(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Whether `password` matches the stored `hash`; a malformed hash never matches.
pub fn verify(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A random password for generated accounts: 20 characters from an unambiguous alphabet.
pub fn generate() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..20).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// Passwords have at least this many characters…
pub const MIN_CHARS: usize = 12;
/// …and at most this many (Argon2 takes any length; a bound keeps a sign-in cheap to refuse).
pub const MAX_CHARS: usize = 128;

/// Why a new password is refused; each is a message id for the person choosing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    TooLong,
    /// On the lists of common passwords, or close to one.
    Common,
    /// Keyboard rows, repeats, sequences.
    Pattern,
    /// Years and dates.
    Dates,
    /// Words or names on their own, the user's own address.
    Words,
    /// Guessable for no one reason.
    Guessable,
}

impl Weakness {
    /// The Fluent id of the message (`$min` and `$max` are the length bounds).
    pub fn message_id(self) -> &'static str {
        match self {
            Weakness::TooShort => "password-too-short",
            Weakness::TooLong => "password-too-long",
            Weakness::Common => "password-common",
            Weakness::Pattern => "password-pattern",
            Weakness::Dates => "password-dates",
            Weakness::Words => "password-words",
            Weakness::Guessable => "password-guessable",
        }
    }
}

impl std::fmt::Display for Weakness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Weakness::TooShort => write!(f, "shorter than {MIN_CHARS} characters"),
            Weakness::TooLong => write!(f, "longer than {MAX_CHARS} characters"),
            Weakness::Common => write!(f, "a common password"),
            Weakness::Pattern => write!(f, "a keyboard pattern, repeat or sequence"),
            Weakness::Dates => write!(f, "built on a date"),
            Weakness::Words => write!(f, "words or names that are easy to guess"),
            Weakness::Guessable => write!(f, "easy to guess"),
        }
    }
}

/// Checks a new password: 12 to 128 characters, and not guessable by zxcvbn's estimate
/// (score 3 of 4: more than 10^8 guesses), counting `context` (the address, the site's name)
/// as known to an attacker.
pub fn check_strength(password: &str, context: &[&str]) -> Result<(), Weakness> {
    use zxcvbn::feedback::Warning;
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(Weakness::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(Weakness::TooLong);
    }
    let mut known: Vec<&str> = vec!["hireboard", "admin", "jobs"];
    known.extend_from_slice(context);
    let estimate = zxcvbn::zxcvbn(password, &known);
    if estimate.score() >= zxcvbn::Score::Three {
        return Ok(());
    }
    Err(match estimate.feedback().and_then(|f| f.warning()) {
        Some(
            Warning::ThisIsATop10Password
            | Warning::ThisIsATop100Password
            | Warning::ThisIsACommonPassword
            | Warning::ThisIsSimilarToACommonlyUsedPassword,
        ) => Weakness::Common,
        Some(
            Warning::StraightRowsOfKeysAreEasyToGuess
            | Warning::ShortKeyboardPatternsAreEasyToGuess
            | Warning::RepeatsLikeAaaAreEasyToGuess
            | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess
            | Warning::SequencesLikeAbcAreEasyToGuess,
        ) => Weakness::Pattern,
        Some(Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess) => {
            Weakness::Dates
        }
        Some(
            Warning::AWordByItselfIsEasyToGuess
            | Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
            | Warning::CommonNamesAndSurnamesAreEasyToGuess,
        ) => Weakness::Words,
        _ => Weakness::Guessable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused_with_a_reason() {
        assert_eq!(check_strength("short", &[]), Err(Weakness::TooShort));
        assert_eq!(check_strength(&"x".repeat(129), &[]), Err(Weakness::TooLong));
        assert!(check_strength("password1234", &[]).is_err());
        assert!(check_strength("qwertyuiop123", &[]).is_err());
        assert!(check_strength("aaaaaaaaaaaaaaaa", &[]).is_err());
        assert!(check_strength("ada.lovelace1815", &["ada.lovelace", "example.org"]).is_err());
        assert!(check_strength("hireboard2026!", &[]).is_err());
        assert_eq!(check_strength(&"Zq7-".repeat(8), &[]), Err(Weakness::Pattern));
    }

    #[test]
    fn strong_passwords_pass() {
        assert_eq!(check_strength("correct horse battery staple", &[]), Ok(()));
        assert_eq!(check_strength(&generate(), &[]), Ok(()));
    }

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let h = hash("correct horse battery staple").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("correct horse battery staple", &h));
        assert!(!verify("wrong", &h));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn generated_passwords_are_long_and_distinct() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
    }
}
