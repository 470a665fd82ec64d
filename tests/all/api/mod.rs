//! The partner API under `/api/v1`.

mod jobs;
mod problems;
