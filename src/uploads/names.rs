//! Names of stored files: generated keys (never the client's name, never guessable), and the
//! client's file name kept only as metadata, made harmless.

/// A new random key: 128 bits, URL- and path-safe.
pub fn generate_key() -> String {
    crate::auth::token::generate().chars().take(32).collect()
}

/// Whether `key` is one [`generate_key`] could have made (so it is safe in a path).
pub fn is_key(key: &str) -> bool {
    (16..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether `path` is `{prefix}/{key}.{ext}` with a generated key: safe to put in a URL.
pub fn is_storage_key(path: &str) -> bool {
    let Some((prefix, file)) = path.split_once('/') else {
        return false;
    };
    let Some((key, ext)) = file.rsplit_once('.') else {
        return false;
    };
    !prefix.is_empty()
        && prefix.bytes().all(|b| b.is_ascii_lowercase())
        && is_key(key)
        && super::sniff::Kind::from_extension(ext).is_some()
}

/// The client's file name reduced to something safe to show and to put in a
/// `Content-Disposition` header: no directories, no control or quoting characters, no
/// leading dots, at most 120 characters; `fallback` when nothing is left.
pub fn sanitize(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(
                    c,
                    '"' | '\\' | '/' | ';' | '<' | '>' | '*' | '?' | '|' | ':'
                )
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        fallback.to_owned()
    } else {
        cleaned.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_names_lose_paths_and_control_characters() {
        assert_eq!(sanitize("../../etc/passwd", "cv"), "passwd");
        assert_eq!(sanitize("C:\\Users\\ada\\CV.pdf", "cv"), "CV.pdf");
        assert_eq!(sanitize("cv\r\nX-Evil: 1.pdf", "cv"), "cvX-Evil 1.pdf");
        assert_eq!(sanitize("\"quoted\";.pdf", "cv"), "quoted.pdf");
        assert_eq!(sanitize("..", "cv"), "cv");
        assert_eq!(sanitize(".hidden", "cv"), "hidden");
        assert_eq!(sanitize("Лист Олени.pdf", "cv"), "Лист Олени.pdf");
        assert_eq!(sanitize(&"a".repeat(500), "cv").chars().count(), 120);
    }

    #[test]
    fn keys_are_random_and_path_safe() {
        let (a, b) = (generate_key(), generate_key());
        assert_ne!(a, b);
        assert!(is_key(&a), "{a}");
        assert!(!is_key("../secret"));
        assert!(!is_key("short"));
    }
}
