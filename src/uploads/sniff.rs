//! What a file is, from its bytes: never from its name or the client's content type.

use std::io::Cursor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    Docx,
    Odt,
    /// Recognized only to refuse it by name: SVG can carry scripts.
    Svg,
}

impl Kind {
    /// The content type the server sends, whatever the client said.
    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Gif => "image/gif",
            Kind::Webp => "image/webp",
            Kind::Pdf => "application/pdf",
            Kind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Kind::Odt => "application/vnd.oasis.opendocument.text",
            Kind::Svg => "image/svg+xml",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Kind::Png => "png",
            Kind::Jpeg => "jpg",
            Kind::Gif => "gif",
            Kind::Webp => "webp",
            Kind::Pdf => "pdf",
            Kind::Docx => "docx",
            Kind::Odt => "odt",
            Kind::Svg => "svg",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Kind> {
        [Kind::Png, Kind::Jpeg, Kind::Gif, Kind::Webp, Kind::Pdf, Kind::Docx, Kind::Odt]
            .into_iter()
            .find(|k| k.extension() == ext)
    }

    pub fn is_image(self) -> bool {
        matches!(self, Kind::Png | Kind::Jpeg | Kind::Gif | Kind::Webp)
    }

    pub fn is_document(self) -> bool {
        matches!(self, Kind::Pdf | Kind::Docx | Kind::Odt)
    }
}

/// The kind of `bytes`, or `None` for anything else (or a broken file of these kinds).
pub fn detect(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(Kind::Jpeg);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some(Kind::Gif);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some(Kind::Webp);
    }
    if bytes.starts_with(b"%PDF-") {
        // A PDF ends with its trailer; one cut short (or something else after a PDF
        // header) is refused as broken.
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        return tail.windows(5).any(|w| w == b"%%EOF").then_some(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office_document(bytes);
    }
    if looks_like_svg(bytes) {
        return Some(Kind::Svg);
    }
    None
}

/// DOCX and ODT are ZIP archives with a known part inside: read the archive's directory
/// (not its contents) to tell them from any other ZIP.
fn office_document(bytes: &[u8]) -> Option<Kind> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if archive.index_for_name("word/document.xml").is_some()
        && archive.index_for_name("[Content_Types].xml").is_some()
    {
        return Some(Kind::Docx);
    }
    // ODF: the first entry is `mimetype`, stored uncompressed, holding the type.
    let mut first = archive.by_index_raw(0).ok()?;
    if first.name().ok().as_deref() != Some("mimetype") || first.size() > 100 {
        return None;
    }
    let mut mime = String::new();
    std::io::Read::read_to_string(&mut first, &mut mime).ok()?;
    (mime == "application/vnd.oasis.opendocument.text").then_some(Kind::Odt)
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!doctype svg"))
        && text.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, body) in entries {
            zip.start_file(*name, stored).unwrap();
            zip.write_all(body).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn files_are_known_by_their_bytes() {
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n rest"), Some(Kind::Png));
        assert_eq!(detect(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Kind::Jpeg));
        assert_eq!(detect(b"GIF89a...."), Some(Kind::Gif));
        assert_eq!(detect(b"RIFF\0\0\0\0WEBPVP8 "), Some(Kind::Webp));
        assert_eq!(detect(b"%PDF-1.7\n1 0 obj\n%%EOF\n"), Some(Kind::Pdf));
        assert_eq!(detect(b"<?xml version=\"1.0\"?><svg xmlns=\"x\"/>"), Some(Kind::Svg));
        assert_eq!(detect(b"<svg onload=alert(1)>"), Some(Kind::Svg));
        assert_eq!(detect(b"MZ\x90\0 an executable"), None);
        assert_eq!(detect(b""), None);
    }

    #[test]
    fn a_truncated_pdf_is_not_a_pdf() {
        assert_eq!(detect(b"%PDF-1.7\n1 0 obj\n<< /Length 4"), None);
    }

    #[test]
    fn office_documents_are_zips_with_their_own_parts() {
        let docx =
            zip_with(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w/>")]);
        assert_eq!(detect(&docx), Some(Kind::Docx));
        let odt = zip_with(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<office/>"),
        ]);
        assert_eq!(detect(&odt), Some(Kind::Odt));
        let spreadsheet = zip_with(&[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", b"<office/>"),
        ]);
        assert_eq!(detect(&spreadsheet), None);
        assert_eq!(detect(&zip_with(&[("a.txt", b"hello")])), None);
        // A ZIP header with nothing behind it.
        assert_eq!(detect(b"PK\x03\x04 broken"), None);
    }
}
