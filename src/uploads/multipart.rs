//! Reading a `multipart/form-data` body with limits enforced as it streams in: a file past
//! its limit stops the reading there (the rest is never buffered) and is reported as too
//! large; text fields have a limit of their own.

use std::collections::HashMap;

use actix_multipart::Multipart;
use futures_util::StreamExt;

pub struct Limits {
    /// The largest file accepted in any file field.
    pub file_bytes: usize,
    /// The largest text field.
    pub text_bytes: usize,
    /// Parts at most (text and files).
    pub parts: usize,
}

#[derive(Debug, Default)]
pub struct UploadedFile {
    /// The client's file name, as sent (sanitize before showing or storing it).
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The file went past `Limits::file_bytes`; `bytes` holds only its start.
    pub truncated: bool,
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
}

/// Reads the body; `Err` for a body that is not valid multipart (a client's mistake).
pub async fn read(mut payload: Multipart, limits: &Limits) -> Result<FormData, String> {
    let mut form = FormData::default();
    let mut parts = 0;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| e.to_string())?;
        parts += 1;
        if parts > limits.parts {
            return Err(format!("more than {} parts", limits.parts));
        }
        let (name, file_name) = match field.content_disposition() {
            Some(cd) => (
                cd.get_name().unwrap_or_default().to_owned(),
                cd.get_filename().map(str::to_owned),
            ),
            None => (String::new(), None),
        };
        let limit = if file_name.is_some() {
            limits.file_bytes
        } else {
            limits.text_bytes
        };
        let mut bytes = Vec::new();
        let mut truncated = false;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| e.to_string())?;
            if bytes.len() + chunk.len() > limit {
                truncated = true;
                break;
            }
            bytes.extend_from_slice(&chunk);
        }
        match file_name {
            // An empty file input: no file chosen.
            Some(file_name) if file_name.is_empty() && bytes.is_empty() && !truncated => {}
            Some(file_name) => {
                form.files.insert(
                    name,
                    UploadedFile {
                        file_name,
                        bytes,
                        truncated,
                    },
                );
            }
            None if truncated => return Err(format!("the field {name:?} is too long")),
            None => form
                .text
                .push((name, String::from_utf8_lossy(&bytes).into_owned())),
        }
        if truncated {
            form.cut_short = true;
            break;
        }
    }
    Ok(form)
}

/// Reads a form body of either encoding: `multipart/form-data` (with files) through
/// [`read`], or `application/x-www-form-urlencoded` up to `limits.text_bytes` in all.
/// `Err` for a malformed or oversized body of the second kind (a client's mistake).
pub async fn read_request(
    req: &actix_web::HttpRequest,
    payload: actix_web::web::Payload,
    limits: &Limits,
) -> Result<FormData, String> {
    let is_multipart = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if is_multipart {
        return read(Multipart::new(req.headers(), payload), limits).await;
    }
    let mut payload = payload;
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| e.to_string())?;
        if body.len() + chunk.len() > limits.text_bytes {
            return Err("the form is too large".into());
        }
        body.extend_from_slice(&chunk);
    }
    let text: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    Ok(FormData {
        text,
        ..FormData::default()
    })
}
