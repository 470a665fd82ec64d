mod apply;
mod errors;
mod feeds_and_seo;
mod home_and_company;
mod job_page;
mod locale;
mod query_budget;
mod search;
