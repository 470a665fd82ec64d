//! Uploaded files: what they are (`sniff.rs`, by their bytes), what may be kept (`cv.rs`),
//! where they live (`storage.rs`), their names (`names.rs`) and how a form with a file is
//! read (`multipart.rs`, with limits enforced while the body streams in).

pub mod cv;
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
}

impl UploadError {
    /// Fluent id of the message, for the upload field `field` (`cv`, `logo`).
    pub fn message_id(self, field: &str) -> String {
        let what = match self {
            UploadError::Empty => "empty",
            UploadError::TooLarge => "too-large",
            UploadError::WrongType => "wrong-type",
            UploadError::Corrupt => "corrupt",
        };
        format!("upload-error-{field}-{what}")
    }
}
