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
