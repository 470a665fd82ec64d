//! The partner API under `/api/v1`.

mod access;
mod applications;
mod apply;
mod companies;
mod company_writes;
mod cors;
mod docs;
mod job;
mod job_writes;
mod jobs;
mod problems;
mod recruiter_tokens;
mod schemathesis;
mod tokens;
mod webhooks;
