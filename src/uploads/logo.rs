//! Company logos: PNG, JPEG, WebP or GIF up to 5 MB, recognized by their bytes. The
//! declared dimensions are read from the header and checked before anything is decoded (a
//! small file can declare a gigapixel image); the image is then decoded under memory limits
//! and re-encoded, which drops metadata (EXIF, GPS) and anything appended to the file
//! (polyglots). `thumb` and `medium` versions are made later by a task.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};

use super::UploadError;
use super::sniff::{self, Kind};

pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The widest and tallest logo accepted, in pixels.
pub const MAX_SIDE: u32 = 4096;
/// Where logos live in the storage.
pub const PREFIX: &str = "logos";
/// The versions made from each logo: (name, longest side in pixels).
pub const VERSIONS: [(&str, u32); 2] = [("thumb", 64), ("medium", 256)];

/// A logo that passed the checks, re-encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedLogo {
    /// What it is stored as: JPEG for photos sent as JPEG, PNG for everything else.
    pub kind: Kind,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl CheckedLogo {
    pub fn new_key(&self) -> String {
        format!("{PREFIX}/{}.{}", super::names::generate_key(), self.kind.extension())
    }
}

/// The storage key of a version of the logo stored under `key`.
pub fn version_key(key: &str, version: &str) -> String {
    let stem = key.rsplit_once('.').map_or(key, |(stem, _)| stem);
    format!("{stem}-{version}.png")
}

/// The public address of a logo stored under `key`: its `version` once the versions are made,
/// the original until then (the browser scales it down).
pub fn url(key: &str, versions_made: bool, version: &str) -> String {
    if versions_made {
        format!("/uploads/{}", version_key(key, version))
    } else {
        format!("/uploads/{key}")
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // 4096 × 4096 RGBA is 64 MiB; nothing a logo needs more than that.
    limits.max_alloc = Some(80 * 1024 * 1024);
    limits
}

fn format_of(kind: Kind) -> Option<ImageFormat> {
    match kind {
        Kind::Png => Some(ImageFormat::Png),
        Kind::Jpeg => Some(ImageFormat::Jpeg),
        Kind::Gif => Some(ImageFormat::Gif),
        Kind::Webp => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// Checks, decodes and re-encodes an uploaded logo.
pub fn check(bytes: &[u8], truncated: bool) -> Result<CheckedLogo, UploadError> {
    if truncated || bytes.len() > MAX_BYTES {
        return Err(UploadError::TooLarge);
    }
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    let kind = match sniff::detect(bytes) {
        Some(Kind::Svg) => return Err(UploadError::Svg),
        Some(kind) if kind.is_image() => kind,
        _ => return Err(UploadError::WrongType),
    };
    let format = format_of(kind).ok_or(UploadError::WrongType)?;
    // The header only: no pixel is decoded before the size is known to be acceptable.
    let size = imagesize::blob_size(bytes).map_err(|_| UploadError::Corrupt)?;
    let (width, height) = (
        u32::try_from(size.width).unwrap_or(u32::MAX),
        u32::try_from(size.height).unwrap_or(u32::MAX),
    );
    if width == 0 || height == 0 {
        return Err(UploadError::Corrupt);
    }
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(UploadError::TooManyPixels);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => UploadError::TooManyPixels,
        _ => UploadError::Corrupt,
    })?;
    let (kind, bytes) = if kind == Kind::Jpeg {
        (Kind::Jpeg, encode_jpeg(&image)?)
    } else {
        (Kind::Png, encode_png(&image)?)
    };
    Ok(CheckedLogo { kind, bytes, width, height })
}

fn encode_png(image: &DynamicImage) -> Result<Vec<u8>, UploadError> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Png).map_err(|_| UploadError::Corrupt)?;
    Ok(out.into_inner())
}

fn encode_jpeg(image: &DynamicImage) -> Result<Vec<u8>, UploadError> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
    image.to_rgb8().write_with_encoder(encoder).map_err(|_| UploadError::Corrupt)?;
    Ok(out)
}

/// The `thumb` and `medium` versions (PNG) of a stored logo: (version, bytes). A logo
/// smaller than a version is not enlarged.
pub fn versions(stored: &[u8]) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    let mut reader =
        ImageReader::new(Cursor::new(stored)).with_guessed_format().map_err(|e| e.to_string())?;
    reader.limits(limits());
    let image = reader.decode().map_err(|e| format!("decoding the logo: {e}"))?;
    VERSIONS
        .iter()
        .map(|(name, side)| {
            let resized = if image.width() > *side || image.height() > *side {
                image.thumbnail(*side, *side)
            } else {
                image.clone()
            };
            encode_png(&resized)
                .map(|bytes| (*name, bytes))
                .map_err(|_| format!("encoding the {name} version"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgba8(width, height);
        encode_png(&image).unwrap()
    }

    /// A PNG whose header declares `width` × `height` but carries no pixels.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(b"IHDR");
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        let crc = crc32(&ihdr);
        let mut out = Vec::new();
        out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
        out.extend_from_slice(&13u32.to_be_bytes());
        out.extend_from_slice(&ihdr);
        out.extend_from_slice(&crc.to_be_bytes());
        out
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    #[test]
    fn a_logo_is_re_encoded_without_what_was_appended() {
        let mut sent = png(300, 120);
        sent.extend_from_slice(b"<script>alert(1)</script>");
        let logo = check(&sent, false).unwrap();
        assert_eq!((logo.kind, logo.width, logo.height), (Kind::Png, 300, 120));
        assert!(!logo.bytes.windows(8).any(|w| w == b"<script>"));
        assert!(logo.new_key().starts_with("logos/") && logo.new_key().ends_with(".png"));
    }

    #[test]
    fn a_huge_declared_size_is_refused_before_decoding() {
        // The file is a header and nothing else: had the decoder been started, it would have
        // reported missing pixel data (Corrupt); the size was refused from the header alone,
        // before anything (1.6 GB, decoded) was allocated.
        assert_eq!(check(&png_header(20_000, 20_000), false), Err(UploadError::TooManyPixels));
        assert_eq!(check(&png_header(64, 64), false), Err(UploadError::Corrupt));
    }

    #[test]
    fn pdfs_svgs_and_broken_images_are_refused() {
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n";
        assert_eq!(check(pdf, false), Err(UploadError::WrongType));
        assert_eq!(
            check(b"<svg xmlns='http://www.w3.org/2000/svg'/>", false),
            Err(UploadError::Svg)
        );
        assert_eq!(check(b"", false), Err(UploadError::Empty));
        assert_eq!(check(&png_header(10, 10), false), Err(UploadError::Corrupt));
        assert_eq!(check(&png(10, 10), true), Err(UploadError::TooLarge));
    }

    #[test]
    fn versions_fit_their_box_and_never_enlarge() {
        let logo = check(&png(600, 300), false).unwrap();
        let made = versions(&logo.bytes).unwrap();
        let sizes: Vec<(&str, (u32, u32))> = made
            .iter()
            .map(|(name, bytes)| {
                let image = image::load_from_memory(bytes).unwrap();
                (*name, (image.width(), image.height()))
            })
            .collect();
        assert_eq!(sizes, [("thumb", (64, 32)), ("medium", (256, 128))]);
        let small = check(&png(40, 40), false).unwrap();
        let made = versions(&small.bytes).unwrap();
        let medium = image::load_from_memory(&made[1].1).unwrap();
        assert_eq!((medium.width(), medium.height()), (40, 40));
        assert_eq!(version_key("logos/abc.jpg", "thumb"), "logos/abc-thumb.png");
    }
}
