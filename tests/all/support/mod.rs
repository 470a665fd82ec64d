//! Test harness: `TestApp` (an app on a fresh database), an HTTP client with a cookie jar,
//! and factories for test data.

pub mod app;
pub mod factories;
pub mod html;
pub mod locales;
pub mod log_capture;
pub mod process;
pub mod xml;

pub use app::{Part, Response, TestApp, backends};
pub use factories::{
    AdminFactory, AdminLogin, AlertFactory, ApiTokenFactory, ApplicationFactory, CompanyFactory,
    JobFactory, PlaceFactory, every_resource,
};
pub use html::Html;

/// One connection to the database at `url`, for tests that open a database the app or the
/// binary made.
pub fn one_connection(url: &str) -> hireboard::db::PooledConn {
    let settings = hireboard::db::PoolSettings {
        size: 1,
        wait: std::time::Duration::from_secs(5),
        statement_timeout: std::time::Duration::from_secs(30),
    };
    let (pool, _) = hireboard::db::connect(url, settings).expect("connect");
    pool.get().expect("a connection")
}

/// One connection to the SQLite database in a data directory the binary made.
pub fn data_dir_connection(dir: &std::path::Path) -> hireboard::db::PooledConn {
    one_connection(&format!("sqlite://{}", dir.join("hireboard.db").display()))
}
