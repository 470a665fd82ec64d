//! `/uploads/logos/{file}`: company logos and their versions, the only stored files served
//! publicly. File names are generated keys (a new upload gets a new name), so they are
//! cached for a year; the content type is the server's, from what the upload check found.

use actix_web::{HttpResponse, web};

use crate::error::AppError;
use crate::state::AppState;
use crate::uploads::logo;
use crate::uploads::names::is_key;
use crate::uploads::sniff::Kind;

/// The kind of a logo file's name (`{key}.{ext}` or `{key}-{version}.png`), if it is one.
fn logo_file(file: &str) -> Option<Kind> {
    let (stem, ext) = file.rsplit_once('.')?;
    let kind = Kind::from_extension(ext).filter(|k| k.is_image())?;
    let key = match stem.rsplit_once('-') {
        Some((key, version)) if logo::VERSIONS.iter().any(|(v, _)| *v == version) => key,
        Some(_) => return None,
        None => stem,
    };
    is_key(key).then_some(kind)
}

pub async fn serve_logo(
    state: web::Data<AppState>,
    file: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let kind = logo_file(&file).ok_or(AppError::NotFound)?;
    let bytes = state
        .storage
        .get(&format!("{}/{file}", logo::PREFIX))
        .await
        .map_err(AppError::Internal)?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(kind.content_type())
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Content-Security-Policy", "default-src 'none'; sandbox"))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_generated_logo_names_are_served() {
        let key = "0123456789abcdef0123456789abcdef";
        assert_eq!(logo_file(&format!("{key}.png")), Some(Kind::Png));
        assert_eq!(logo_file(&format!("{key}.jpg")), Some(Kind::Jpeg));
        assert_eq!(logo_file(&format!("{key}-thumb.png")), Some(Kind::Png));
        assert_eq!(logo_file(&format!("{key}-huge.png")), None);
        assert_eq!(logo_file(&format!("{key}.pdf")), None);
        assert_eq!(logo_file("..%2Fsecret.png"), None);
        assert_eq!(logo_file("a.png"), None);
    }
}
