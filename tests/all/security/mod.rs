//! The protections of the security audit (issue 15), each with a test that fails if it goes.

mod bodies;
mod caching;
mod csrf;
mod flooding;
mod headers;
mod logs;
mod methods;
mod origin;
mod passwords_and_names;
mod redirects;
mod resilience;
mod startup;
