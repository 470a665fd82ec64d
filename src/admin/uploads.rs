//! Image fields of back-office forms (a company's logo): the file sent with the form is
//! checked and re-encoded (`uploads::logo`), stored under a new key before the record's
//! transaction, and the field's value becomes that key. Once the record is saved, a
//! replaced or removed image goes with its versions; if the record is not saved, the new
//! file goes instead.

use std::collections::HashMap;

use super::fields::{Field, FieldError, FieldKind, FormValues};
use crate::error::AppError;
use crate::state::AppState;
use crate::uploads::logo;
use crate::uploads::multipart::UploadedFile;

/// What a form does to one image field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageChange {
    Keep,
    Remove,
    /// The new file's storage key.
    Replace(String),
}

/// The name of the "remove the current image" checkbox of field `key`.
pub fn remove_field(key: &str) -> String {
    format!("{key}._remove")
}

/// Checks and stores the images sent with a form: each image field's change, or the
/// errors to show beside the fields (then nothing is kept).
pub async fn receive(
    state: &AppState,
    fields: &[Field],
    files: &mut HashMap<String, UploadedFile>,
    pairs: &[(String, String)],
) -> Result<(Vec<(&'static str, ImageChange)>, Vec<FieldError>), AppError> {
    let mut changes = Vec::new();
    let mut errors = Vec::new();
    for field in fields.iter().filter(|f| matches!(f.kind, FieldKind::Image)) {
        let change = if let Some(file) = files.remove(field.key) {
            let truncated = file.truncated;
            let bytes = file
                .into_bytes()
                .map_err(|e| AppError::Internal(format!("reading an uploaded image: {e}")))?;
            match logo::check(&bytes, truncated) {
                Ok(checked) => {
                    let key = checked.new_key();
                    state.storage.put(&key, checked.bytes).await.map_err(AppError::Internal)?;
                    ImageChange::Replace(key)
                }
                // The reading stopped inside this file: the fields after it are lost too.
                Err(_) if truncated => {
                    errors.push(FieldError::new(field.key, "upload-error-logo-cut-short"));
                    ImageChange::Keep
                }
                Err(e) => {
                    errors.push(FieldError::new(field.key, e.logo_message()));
                    ImageChange::Keep
                }
            }
        } else if pairs.iter().any(|(k, v)| *k == remove_field(field.key) && !v.is_empty()) {
            ImageChange::Remove
        } else {
            ImageChange::Keep
        };
        changes.push((field.key, change));
    }
    if !errors.is_empty() {
        settle(state, &changes, None, false).await;
        changes.clear();
    }
    Ok((changes, errors))
}

/// Sets each image field's value: the new key, nothing, or the stored one.
pub fn apply(
    changes: &[(&'static str, ImageChange)],
    values: &mut FormValues,
    stored: Option<&FormValues>,
) {
    for (key, change) in changes {
        match change {
            ImageChange::Keep => values.set(key, stored.map_or("", |s| s.get(key))),
            ImageChange::Remove => values.set(key, ""),
            ImageChange::Replace(new) => values.set(key, new.as_str()),
        }
    }
}

/// After the record's transaction: removes the files that are no longer used, the old
/// image (with its versions) when the record was saved, the new one when it was not.
pub async fn settle(
    state: &AppState,
    changes: &[(&'static str, ImageChange)],
    stored: Option<&FormValues>,
    saved: bool,
) {
    let mut unused = Vec::new();
    for (key, change) in changes {
        let old = stored.map_or("", |s| s.get(key));
        match change {
            ImageChange::Replace(new) if !saved => unused.push(new.clone()),
            ImageChange::Replace(_) | ImageChange::Remove if saved && !old.is_empty() => {
                unused.push(old.to_owned())
            }
            _ => {}
        }
    }
    for key in unused {
        let versions = logo::VERSIONS.iter().map(|(v, _)| logo::version_key(&key, v));
        for file in std::iter::once(key.clone()).chain(versions) {
            if let Err(e) = state.storage.delete(&file).await {
                // The daily purge removes what is left.
                log::warn!("could not remove the unused file {file}: {e}");
            }
        }
    }
}
