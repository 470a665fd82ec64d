//! Applicants' CVs: PDF, DOCX or ODT up to 10 MB, recognized by their content. Stored
//! under a generated key, never served publicly.

use super::UploadError;
use super::sniff::{self, Kind};

pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Where CVs live in the storage.
pub const PREFIX: &str = "cvs";

/// A CV that passed the checks, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCv {
    pub kind: Kind,
    /// The client's file name, sanitized; metadata only.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl CheckedCv {
    /// Its storage key, made of a new random key and the detected kind's extension.
    pub fn new_key(&self) -> String {
        format!("{PREFIX}/{}.{}", super::names::generate_key(), self.kind.extension())
    }
}

/// Checks an uploaded CV; `truncated` says the body stopped at the size limit.
pub fn check(file_name: &str, bytes: Vec<u8>, truncated: bool) -> Result<CheckedCv, UploadError> {
    if truncated || bytes.len() > MAX_BYTES {
        return Err(UploadError::TooLarge);
    }
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    match sniff::detect(&bytes) {
        Some(kind) if kind.is_document() => Ok(CheckedCv {
            kind,
            name: super::names::sanitize(file_name, &format!("cv.{}", kind.extension())),
            bytes,
        }),
        // A PDF header with no end, a ZIP that is no document: broken or not a CV.
        None if bytes.starts_with(b"%PDF-") => Err(UploadError::Corrupt),
        _ => Err(UploadError::WrongType),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

    #[test]
    fn a_pdf_is_a_cv_whatever_its_name() {
        let cv = check("My CV.png", PDF.to_vec(), false).unwrap();
        assert_eq!(cv.kind, Kind::Pdf);
        assert_eq!(cv.name, "My CV.png");
        assert!(cv.new_key().starts_with("cvs/") && cv.new_key().ends_with(".pdf"));
    }

    #[test]
    fn images_empty_broken_and_large_files_are_refused() {
        assert_eq!(
            check("cv.pdf", b"\x89PNG\r\n\x1a\n....".to_vec(), false),
            Err(UploadError::WrongType)
        );
        assert_eq!(check("cv.pdf", Vec::new(), false), Err(UploadError::Empty));
        assert_eq!(
            check("cv.pdf", b"%PDF-1.4\n1 0 obj".to_vec(), false),
            Err(UploadError::Corrupt)
        );
        assert_eq!(check("cv.pdf", PDF.to_vec(), true), Err(UploadError::TooLarge));
    }
}
