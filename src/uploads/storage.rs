//! Where uploaded files live, behind `object_store`'s one interface: a directory under the
//! data directory by default, an S3-compatible bucket (`STORAGE_URL=s3://bucket/prefix`) when
//! several app servers must see the same files. Keys are generated
//! (see `names.rs`); nothing here is served directly: logos go out through
//! `/uploads/logos/…`, CVs only through the admin.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// Shown in logs and errors: the URL without credentials.
    label: String,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Storage({})", self.label)
    }
}

fn path(key: &str) -> Result<Path, String> {
    Path::parse(key).map_err(|e| format!("bad storage path {key:?}: {e}"))
}

impl Storage {
    /// `file:///abs/dir` (the default, under `DATA_DIR/uploads`), `memory:` (tests) or
    /// `s3://bucket/prefix` (credentials and region from the usual `AWS_*` variables).
    pub fn open(url: &str) -> Result<Storage, String> {
        if let Some(dir) = url.strip_prefix("file://") {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create the upload directory {dir}: {e}"))?;
            let store = object_store::local::LocalFileSystem::new_with_prefix(dir)
                .map_err(|e| format!("cannot use the upload directory {dir}: {e}"))?;
            return Ok(Storage { store: Arc::new(store), label: url.to_owned() });
        }
        if url == "memory:" {
            return Ok(Storage {
                store: Arc::new(object_store::memory::InMemory::new()),
                label: url.to_owned(),
            });
        }
        if url.starts_with("s3://") {
            return s3(url);
        }
        Err(format!("unknown storage {url:?}; expected file:///path, memory: or s3://bucket"))
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), String> {
        self.store
            .put(&path(key)?, PutPayload::from(bytes))
            .await
            .map(drop)
            .map_err(|e| format!("storing {key} in {}: {e}", self.label))
    }

    /// The file's bytes, `None` when there is no such file.
    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        match self.store.get(&path(key)?).await {
            Ok(found) => found
                .bytes()
                .await
                .map(|b| Some(b.to_vec()))
                .map_err(|e| format!("reading {key} from {}: {e}", self.label)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(format!("reading {key} from {}: {e}", self.label)),
        }
    }

    /// Removes a file; one that is not there is fine (deletion is idempotent).
    pub async fn delete(&self, key: &str) -> Result<(), String> {
        match self.store.delete(&path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(format!("deleting {key} from {}: {e}", self.label)),
        }
    }

    /// Every file under `prefix`, with when it was last written.
    pub async fn list(&self, prefix: &str) -> Result<Vec<(String, DateTime<Utc>)>, String> {
        use futures_util::TryStreamExt;
        let prefix = path(prefix)?;
        self.store
            .list(Some(&prefix))
            .map_ok(|meta| (meta.location.to_string(), meta.last_modified))
            .try_collect()
            .await
            .map_err(|e| format!("listing {prefix} in {}: {e}", self.label))
    }
}

/// `s3://bucket/prefix`: the builder takes the bucket from the URL and ignores its path, so
/// the prefix is applied by wrapping the store.
fn s3(url: &str) -> Result<Storage, String> {
    let rest = url.strip_prefix("s3://").unwrap_or(url);
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    if bucket.is_empty() {
        return Err(format!("STORAGE_URL {url}: no bucket"));
    }
    // Its HTTPS goes through rustls, which needs the process's crypto provider (ring).
    crate::webhooks::install_crypto();
    let store = object_store::aws::AmazonS3Builder::from_env()
        .with_bucket_name(bucket)
        .build()
        .map_err(|e| format!("STORAGE_URL {url}: {e}"))?;
    let prefix = prefix.trim_matches('/');
    let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
        Arc::new(store)
    } else {
        Arc::new(object_store::prefix::PrefixStore::new(store, path(prefix)?))
    };
    Ok(Storage { store, label: url.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn round_trip(storage: Storage) {
        storage.put("cvs/abc.pdf", b"%PDF".to_vec()).await.unwrap();
        assert_eq!(storage.get("cvs/abc.pdf").await.unwrap(), Some(b"%PDF".to_vec()));
        assert_eq!(storage.get("cvs/none.pdf").await.unwrap(), None);
        let listed: Vec<String> =
            storage.list("cvs").await.unwrap().into_iter().map(|(k, _)| k).collect();
        assert_eq!(listed, ["cvs/abc.pdf"]);
        storage.delete("cvs/abc.pdf").await.unwrap();
        storage.delete("cvs/abc.pdf").await.unwrap();
        assert_eq!(storage.get("cvs/abc.pdf").await.unwrap(), None);
        assert!(storage.put("../escape", Vec::new()).await.is_err());
    }

    #[tokio::test]
    async fn files_round_trip_on_disk_and_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("file://{}", dir.path().join("uploads").display());
        round_trip(Storage::open(&url).unwrap()).await;
        round_trip(Storage::open("memory:").unwrap()).await;
        assert!(Storage::open("ftp://x").is_err());
    }

    /// Against a real S3-compatible server: `TEST_S3_URL=s3://bucket/prefix` with the
    /// `AWS_*` variables that reach it (CI starts one; required there).
    #[tokio::test]
    async fn files_round_trip_on_s3() {
        let Ok(url) = std::env::var("TEST_S3_URL") else {
            assert!(std::env::var("CI").is_err(), "TEST_S3_URL must be set in CI");
            eprintln!("note: S3 storage test skipped: set TEST_S3_URL to run it");
            return;
        };
        // A prefix of its own per run, so that runs never see each other's files.
        let url = format!("{}/run-{}", url.trim_end_matches('/'), std::process::id());
        round_trip(Storage::open(&url).unwrap()).await;
    }
}
