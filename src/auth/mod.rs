//! Authentication. The foundation has password hashing and the CSRF token; sessions and
//! policy come with the back office.

pub mod csrf;
pub mod password;
