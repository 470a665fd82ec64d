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
/// `Content-Disposition` header: no directories, no control, bidi-override, invisible or
/// quoting characters (a U+202E shows `cv\u{202e}fdp.exe` as `cvexe.pdf`), no leading dots, at
/// most 120 characters; `fallback` when nothing is left.
pub fn sanitize(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control()
                && !crate::security::events::is_bidi_control(*c)
                && !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
                && !matches!(c, '"' | '\\' | '/' | ';' | '<' | '>' | '*' | '?' | '|' | ':')
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() { fallback.to_owned() } else { cleaned.to_owned() }
}

/// A download's name: `name` ending in `extension`, the detected type's, whatever the client
/// called it (`CV.png` that is a PDF downloads as `CV.pdf`; `cv.exe` as `cv.exe.pdf`).
pub fn with_extension(name: &str, extension: &str) -> String {
    let lower = name.to_lowercase();
    if lower.ends_with(&format!(".{extension}")) {
        return name.to_owned();
    }
    let stem = match name.rsplit_once('.') {
        // Another document or image extension is replaced; anything else stays visible.
        Some((stem, ext))
            if !stem.is_empty()
                && super::sniff::Kind::from_extension(&ext.to_lowercase()).is_some() =>
        {
            stem
        }
        _ => name,
    };
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_and_invisible_characters_are_stripped() {
        assert_eq!(sanitize("cv\u{202e}fdp.exe", "cv"), "cvfdp.exe");
        assert_eq!(sanitize("a\u{2066}b\u{200b}c\u{feff}.pdf", "cv"), "abc.pdf");
        assert_eq!(sanitize("\u{202e}", "cv"), "cv");
    }

    #[test]
    fn downloads_carry_the_detected_extension() {
        assert_eq!(with_extension("CV.pdf", "pdf"), "CV.pdf");
        assert_eq!(with_extension("CV.PDF", "pdf"), "CV.PDF");
        assert_eq!(with_extension("CV.png", "pdf"), "CV.pdf");
        assert_eq!(with_extension("cvfdp.exe", "pdf"), "cvfdp.exe.pdf");
        assert_eq!(with_extension("Lebenslauf", "docx"), "Lebenslauf.docx");
        assert_eq!(with_extension(".pdf", "pdf"), ".pdf");
    }

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
