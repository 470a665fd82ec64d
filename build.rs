//! Installs the front-end libraries the pages use (`package.json`, pinned by
//! `package-lock.json`) with `npm ci` and copies the files the app serves into
//! `static/vendor/`, which is not committed. It runs again only when the lock file changes or
//! the copy is gone. Without npm the build goes on with a warning (the pages work without the
//! map); in CI a missing npm is an error.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What the app serves, from `node_modules/`: (source, destination under `static/vendor/`).
const FILES: &[(&str, &str)] = &[
    ("leaflet/dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet/dist/images/layers.png", "leaflet/images/layers.png"),
    ("leaflet/dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet/dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("leaflet/dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    ("leaflet/dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    ("leaflet/LICENSE", "leaflet/LICENSE"),
];

fn main() {
    println!("cargo:rerun-if-changed=package.json");
    println!("cargo:rerun-if-changed=package-lock.json");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let vendor = root.join("static/vendor");
    let stamp = vendor.join(".installed");
    // A missing stamp (a fresh clone, a deleted copy) brings the script back.
    println!("cargo:rerun-if-changed={}", stamp.display());
    let lock = std::fs::read_to_string(root.join("package-lock.json"))
        .expect("package-lock.json pins the front-end libraries");
    let wanted = format!("{:016x}", fnv1a(lock.as_bytes()));
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == wanted) {
        return;
    }
    if let Err(problem) = install(&root, &vendor) {
        if std::env::var_os("CI").is_some() {
            panic!("installing the front-end libraries: {problem}");
        }
        println!(
            "cargo:warning=front-end libraries not installed ({problem}): no map on the search page"
        );
        return;
    }
    std::fs::write(&stamp, wanted).expect("writing static/vendor/.installed");
}

fn install(root: &Path, vendor: &Path) -> Result<(), String> {
    let status = Command::new("npm")
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--omit=dev"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("running npm: {e}; install Node.js and npm"))?;
    if !status.success() {
        return Err(format!("npm ci failed ({status})"));
    }
    for (from, to) in FILES {
        let (from, to) = (root.join("node_modules").join(from), vendor.join(to));
        std::fs::create_dir_all(to.parent().expect("a file in a folder"))
            .map_err(|e| format!("creating {}: {e}", to.display()))?;
        std::fs::copy(&from, &to).map_err(|e| format!("copying {}: {e}", from.display()))?;
    }
    Ok(())
}

/// A hash of the lock file, to tell whether the copy is of this version (no crate needed).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}
