//! Everything the app logs during the tests, kept in memory so that a test can read what a
//! request wrote (tests run in parallel: look for values of your own, such as canaries).

use std::sync::{Mutex, OnceLock};

static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());
static INSTALLED: OnceLock<()> = OnceLock::new();

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::Level::Info
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            let line = format!("{} {} {}", record.level(), record.target(), record.args());
            LINES.lock().unwrap().push(line);
        }
    }

    fn flush(&self) {}
}

/// Starts capturing (once per test binary).
pub fn install() {
    INSTALLED.get_or_init(|| {
        log::set_boxed_logger(Box::new(Capture)).expect("no other logger in the tests");
        log::set_max_level(log::LevelFilter::Info);
    });
}

/// Every line logged so far that contains `needle`.
pub fn lines_containing(needle: &str) -> Vec<String> {
    LINES.lock().unwrap().iter().filter(|l| l.contains(needle)).cloned().collect()
}
