//! Uploaded files: what they are (`sniff.rs`, by their bytes), what may be kept (`cv.rs`),
//! where they live (`storage.rs`), their names (`names.rs`) and how a form with a file is
//! read (`multipart.rs`, with limits enforced while the body streams in).

pub mod cv;
pub mod logo;
pub mod multipart;
pub mod names;
pub mod sniff;
pub mod storage;

pub use storage::Storage;

/// Why an uploaded file was refused; each has a message for the person who sent it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadError {
    Empty,
    TooLarge,
    WrongType,
    /// The right kind by its first bytes, but broken.
    Corrupt,
    /// An SVG image: refused by name, so the message can say so.
    Svg,
    /// An image whose declared size is past the limit (checked before decoding it).
    TooManyPixels,
}

impl UploadError {
    /// Fluent id of the message for a CV.
    pub fn cv_message(self) -> &'static str {
        match self {
            UploadError::Empty => "upload-error-cv-empty",
            UploadError::TooLarge => "upload-error-cv-too-large",
            UploadError::Corrupt => "upload-error-cv-corrupt",
            _ => "upload-error-cv-wrong-type",
        }
    }

    /// Fluent id of the message for a logo.
    pub fn logo_message(self) -> &'static str {
        match self {
            UploadError::Empty => "upload-error-logo-empty",
            UploadError::TooLarge => "upload-error-logo-too-large",
            UploadError::WrongType => "upload-error-logo-wrong-type",
            UploadError::Corrupt => "upload-error-logo-corrupt",
            UploadError::Svg => "upload-error-logo-svg",
            UploadError::TooManyPixels => "upload-error-logo-dimensions",
        }
    }
}
