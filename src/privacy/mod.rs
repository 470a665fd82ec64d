//! Applicants' rights over their data (GDPR Art. 15, 17 and 20): a copy of everything the
//! board keeps about them (`export`), delivered as a time-limited signed download, and the
//! register of those requests and of every erasure (`register`), which admins read in the
//! back office (`/admin/data_requests`).
//!
//! An applicant has no account: "their data" is every application sent with their address.

pub mod export;
pub mod register;
