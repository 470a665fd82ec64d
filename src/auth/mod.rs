//! Authentication and authorization: password hashing, CSRF tokens (the back office's in its
//! session, the public forms' signed), server-side back-office
//! sessions and the extractor of the signed-in user, the sign-in rate limit, and the role policy.

pub mod csrf;
pub mod current;
pub mod form_token;
pub mod password;
pub mod policy;
pub mod rate_limit;
pub mod session;
pub mod token;
pub mod totp;
