//! The default source: the `pycities` wheel from PyPI at a pinned version, checked against
//! its published SHA-256 before anything in it is read (a lock file's guarantee, for data).

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

pub const PACKAGE: &str = "pycities 0.2.0 (PyPI; GeoNames data, CC BY 4.0)";
const URL: &str = "https://files.pythonhosted.org/packages/4f/31/321130f7b2ba7d373c11a8a2faa5372e3f9163c27d9ce730be380635282a/pycities-0.2.0-py3-none-any.whl";
const SHA256: &str = "95ba1c61432e8b74d84cb079daafe78801063931b4c28cf3eb4a7c247a9f52d6";
/// The wheel is 7.5 MB; anything much larger is not it.
const MAX_BYTES: usize = 32 << 20;
/// The database inside the wheel.
pub const DATABASE: &str = "pycities/data/data.db";

/// Downloads the wheel and returns its bytes once their digest matches.
pub fn fetch() -> Result<Vec<u8>, String> {
    crate::webhooks::install_crypto();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the downloader: {e}"))?;
    let bytes = runtime.block_on(async {
        let response = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(300))
            .build()
            .map_err(|e| format!("building the HTTP client: {e}"))?
            .get(URL)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| format!("downloading {URL}: {e}"))?;
        if response.content_length().is_some_and(|n| n as usize > MAX_BYTES) {
            return Err(format!("{URL} is larger than expected"));
        }
        let bytes = response.bytes().await.map_err(|e| format!("downloading {URL}: {e}"))?;
        Ok::<_, String>(bytes.to_vec())
    })?;
    verify(&bytes)?;
    Ok(bytes)
}

fn verify(bytes: &[u8]) -> Result<(), String> {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if bytes.len() > MAX_BYTES || hex != SHA256 {
        return Err(format!("the downloaded package's SHA-256 is {hex}, not {SHA256}: refused"));
    }
    Ok(())
}

/// Writes the database inside a wheel (or any ZIP holding `DATABASE`) to `to`.
pub fn extract_database(wheel: &[u8], to: &Path) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(wheel))
        .map_err(|e| format!("reading the package: {e}"))?;
    let entry =
        archive.by_name(DATABASE).map_err(|e| format!("the package has no {DATABASE}: {e}"))?;
    if entry.size() > 256 << 20 {
        return Err(format!("{DATABASE} is larger than expected"));
    }
    let mut file =
        std::fs::File::create(to).map_err(|e| format!("writing {}: {e}", to.display()))?;
    std::io::copy(&mut entry.take(256 << 20), &mut file)
        .map_err(|e| format!("extracting {DATABASE}: {e}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_package_with_another_digest_is_refused() {
        let refused = super::verify(b"not the wheel").unwrap_err();
        assert!(refused.contains("refused"), "{refused}");
    }
}
