//! The partner API under `/api/v1`.

mod job;
mod jobs;
mod problems;
mod tokens;
