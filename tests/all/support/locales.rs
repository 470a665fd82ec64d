//! Copies of the shipped message files, for tests that change them as a new release or a new
//! language would.

/// Copies `locales/{en,de,uk}` into `to`.
pub fn copy_shipped(to: &std::path::Path) {
    for lang in ["en", "de", "uk"] {
        std::fs::create_dir_all(to.join(lang)).unwrap();
        for entry in std::fs::read_dir(format!("locales/{lang}")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, to.join(lang).join(path.file_name().unwrap())).unwrap();
        }
    }
}
