//! Reading a form body (`multipart/form-data` or urlencoded) with every limit enforced as it
//! streams in, before anything is kept: the whole body, the number of parts and of files, each
//! text field and each file. A file past its limit stops the reading there (the rest is never
//! read) and is reported as too large; a file part is only read once the fields before it have
//! authorized it (the CSRF token, a session), and its bytes go to a temporary file past a small
//! in-memory part, so that parallel hostile bodies cannot fill the memory.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::rc::Rc;

use actix_multipart::Multipart;
use actix_web::error::PayloadError;
use actix_web::http::header;
use futures_util::StreamExt;

/// What a form body may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The whole body, files included.
    pub body_bytes: usize,
    /// The largest file accepted in any file field.
    pub file_bytes: usize,
    /// File parts at most; 0 refuses any file.
    pub files: usize,
    /// The largest text field.
    pub text_bytes: usize,
    /// Parts at most (text and files).
    pub parts: usize,
}

/// Why a body was refused; nothing of it was kept.
#[derive(Debug)]
pub enum BodyError {
    /// Larger than `body_bytes`, or more parts or files than the form takes (413).
    TooLarge,
    /// A file part that came before the fields authorizing it (403): it was not read. Holds
    /// the text fields before it, for a form that shows them again.
    Unauthorized(Box<FormData>),
    /// Not a form body (400).
    Malformed(String),
}

impl std::fmt::Display for BodyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BodyError::TooLarge => write!(f, "the body is larger than its limit"),
            BodyError::Unauthorized(_) => write!(f, "a file came before a valid token"),
            BodyError::Malformed(why) => write!(f, "{why}"),
        }
    }
}

/// Says, from the text fields read so far, whether the file part that begins may be read.
pub type Authorize<'a> = dyn Fn(&[(String, String)]) -> bool + 'a;

/// Bytes of a file kept in memory before the rest goes to a temporary file.
const IN_MEMORY_BYTES: usize = 64 * 1024;

/// A file sent with a form, as far as it was read.
#[derive(Debug)]
pub struct UploadedFile {
    /// The client's file name, as sent (sanitize before showing or storing it).
    pub file_name: String,
    /// The bytes read; in memory up to [`IN_MEMORY_BYTES`], on disk past that.
    data: tempfile::SpooledTempFile,
    pub len: usize,
    /// The file went past `Limits::file_bytes`; only its start was read.
    pub truncated: bool,
}

impl UploadedFile {
    /// A file held in memory (tests, and files made by the app itself).
    pub fn from_bytes(file_name: &str, bytes: &[u8]) -> std::io::Result<UploadedFile> {
        let mut file = UploadedFile {
            file_name: file_name.to_owned(),
            data: tempfile::SpooledTempFile::new(IN_MEMORY_BYTES),
            len: 0,
            truncated: false,
        };
        file.data.write_all(bytes)?;
        file.len = bytes.len();
        Ok(file)
    }

    /// The bytes, read into memory: only once the request was authorized and the file is
    /// about to be checked.
    pub fn into_bytes(mut self) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(self.len);
        self.data.seek(SeekFrom::Start(0))?;
        self.data.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

#[derive(Debug, Default)]
pub struct FormData {
    pub text: Vec<(String, String)>,
    /// Files by field name; a file input left empty is absent.
    pub files: HashMap<String, UploadedFile>,
    /// Reading stopped early (a file past its limit): fields after it are missing.
    pub cut_short: bool,
}

impl FormData {
    /// The text fields as `application/x-www-form-urlencoded`, for the usual form types.
    pub fn urlencoded(&self) -> String {
        serde_urlencoded::to_string(&self.text).unwrap_or_default()
    }

    /// The value of text field `name` (the first one).
    pub fn field(&self, name: &str) -> Option<&str> {
        self.text.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Reads a form body of either encoding. `authorize` sees the text fields read so far when
/// the first file part begins: unless it says yes, the reading stops with
/// [`BodyError::Unauthorized`] before a byte of the file is kept.
pub async fn read_request(
    req: &actix_web::HttpRequest,
    payload: actix_web::web::Payload,
    limits: &Limits,
    authorize: &Authorize<'_>,
) -> Result<FormData, BodyError> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // A form that takes no file has nothing to show of a body that is too large: refuse it
    // unread. A form with a file reads its text fields and stops at the file's limit, so the
    // visitor gets the form back with what was typed.
    if limits.files == 0 && declared.is_some_and(|n| n > limits.body_bytes as u64) {
        return Err(BodyError::TooLarge);
    }
    let overflowed = Rc::new(Cell::new(false));
    let stream = limited(payload, limits.body_bytes, overflowed.clone());
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    let result = if is_multipart {
        read_multipart(Multipart::new(req.headers(), stream), limits, authorize).await
    } else {
        read_urlencoded(stream).await
    };
    match result {
        Err(_) if overflowed.get() => Err(BodyError::TooLarge),
        other => other,
    }
}

/// The payload, ending in an error once more than `max` bytes came.
fn limited(
    payload: actix_web::web::Payload,
    max: usize,
    overflowed: Rc<Cell<bool>>,
) -> impl futures_core::Stream<Item = Result<actix_web::web::Bytes, PayloadError>> + 'static {
    let mut seen = 0usize;
    payload.map(move |chunk| {
        let chunk = chunk?;
        seen += chunk.len();
        if seen > max {
            overflowed.set(true);
            return Err(PayloadError::Overflow);
        }
        Ok(chunk)
    })
}

async fn read_urlencoded(
    stream: impl futures_core::Stream<Item = Result<actix_web::web::Bytes, PayloadError>>,
) -> Result<FormData, BodyError> {
    let mut stream = std::pin::pin!(stream);
    let mut body = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| BodyError::Malformed(e.to_string()))?;
        body.extend_from_slice(&chunk);
    }
    let text: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    Ok(FormData { text, ..FormData::default() })
}

async fn read_multipart(
    mut payload: Multipart,
    limits: &Limits,
    authorize: &Authorize<'_>,
) -> Result<FormData, BodyError> {
    let malformed = |e: &dyn std::fmt::Display| BodyError::Malformed(e.to_string());
    let mut form = FormData::default();
    let mut parts = 0;
    let mut files = 0;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| malformed(&e))?;
        parts += 1;
        // More parts or files than the form has fields is a body too large for it.
        if parts > limits.parts {
            return Err(BodyError::TooLarge);
        }
        let (name, file_name) = match field.content_disposition() {
            Some(cd) => {
                (cd.get_name().unwrap_or_default().to_owned(), cd.get_filename().map(str::to_owned))
            }
            None => (String::new(), None),
        };
        let Some(file_name) = file_name else {
            let mut bytes = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|e| malformed(&e))?;
                if bytes.len() + chunk.len() > limits.text_bytes {
                    return Err(BodyError::Malformed(format!("the field {name:?} is too long")));
                }
                bytes.extend_from_slice(&chunk);
            }
            form.text.push((name, String::from_utf8_lossy(&bytes).into_owned()));
            continue;
        };
        if file_name.is_empty() {
            // An empty file input (no file chosen): nothing to keep.
            let mut seen = 0;
            while let Some(chunk) = field.next().await {
                seen += chunk.map_err(|e| malformed(&e))?.len();
                if seen > 0 {
                    return Err(BodyError::Malformed("a file without a name".into()));
                }
            }
            continue;
        }
        files += 1;
        if files > limits.files {
            return Err(BodyError::TooLarge);
        }
        if files == 1 && !authorize(&form.text) {
            return Err(BodyError::Unauthorized(Box::new(form)));
        }
        let mut file = UploadedFile::from_bytes(&file_name, b"").map_err(|e| malformed(&e))?;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| malformed(&e))?;
            if file.len + chunk.len() > limits.file_bytes {
                file.truncated = true;
                break;
            }
            // Past the in-memory part this writes to a temporary file: a small, local write.
            file.data.write_all(&chunk).map_err(|e| malformed(&e))?;
            file.len += chunk.len();
        }
        let truncated = file.truncated;
        form.files.insert(name, file);
        if truncated {
            form.cut_short = true;
            break;
        }
    }
    Ok(form)
}
