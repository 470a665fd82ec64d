//! The yardstick for the posting page (`bench/run`'s `bare-posting`): the least a posting page
//! can be with the same stack. actix-web, one diesel query through an r2d2 pool on the
//! blocking pool, one askama template; no layout, no caches, no middleware. `bench/run` starts
//! it on the benchmark's database and loads the same posting's path from both servers, so the
//! two figures come from the same machine at the same moment.
//!
//! `DATABASE_URL=sqlite:///tmp/x.db BIND=127.0.0.1:8081 bare` (or a `postgres://` URL).

use actix_web::{App, HttpResponse, HttpServer, web};
use askama::Template;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool};
use hireboard::db::schema::{companies, jobs};

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · {{ company }}</title><link rel="stylesheet" href="/static/css/app.css"></head>
<body><main><h1>{{ title }}</h1><p>{{ company }}</p>
<h2>Summary</h2><p>{{ summary }}</p>
<h2>Responsibilities</h2><p>{{ responsibilities }}</p>
<h2>Requirements</h2><p>{{ requirements }}</p>
<h2>Benefits</h2><p>{{ benefits }}</p></main></body>
</html>"#
)]
struct Posting {
    title: String,
    summary: String,
    responsibilities: String,
    requirements: String,
    benefits: String,
    company: String,
}

type Row = (String, String, String, String, String, String);

/// One pool per backend: diesel's connections are typed.
#[derive(Clone)]
enum Db {
    Sqlite(Pool<ConnectionManager<SqliteConnection>>),
    #[cfg(feature = "postgres")]
    Pg(Pool<ConnectionManager<PgConnection>>),
}

macro_rules! posting_query {
    ($conn:expr, $slug:expr) => {
        jobs::table
            .inner_join(companies::table)
            .filter(jobs::slug.eq($slug))
            .select((
                jobs::title,
                jobs::summary,
                jobs::responsibilities,
                jobs::requirements,
                jobs::benefits,
                companies::name,
            ))
            .first::<Row>($conn)
            .optional()
    };
}

impl Db {
    fn posting(&self, slug: &str) -> Result<Option<Row>, String> {
        match self {
            Db::Sqlite(pool) => {
                let mut conn = pool.get().map_err(|e| e.to_string())?;
                posting_query!(&mut conn, slug).map_err(|e| e.to_string())
            }
            #[cfg(feature = "postgres")]
            Db::Pg(pool) => {
                let mut conn = pool.get().map_err(|e| e.to_string())?;
                posting_query!(&mut conn, slug).map_err(|e| e.to_string())
            }
        }
    }
}

async fn posting(db: web::Data<Db>, path: web::Path<(String, String)>) -> HttpResponse {
    let (_, slug) = path.into_inner();
    let db = db.get_ref().clone();
    match web::block(move || db.posting(&slug)).await {
        Ok(Ok(Some((title, summary, responsibilities, requirements, benefits, company)))) => {
            let page =
                Posting { title, summary, responsibilities, requirements, benefits, company };
            match page.render() {
                Ok(html) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html),
                Err(e) => HttpResponse::InternalServerError().body(e.to_string()),
            }
        }
        Ok(Ok(None)) => HttpResponse::NotFound().finish(),
        Ok(Err(e)) => HttpResponse::InternalServerError().body(e),
        Err(e) => HttpResponse::InternalServerError().body(e.to_string()),
    }
}

fn connect(url: &str, size: u32) -> Result<Db, String> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let pool = Pool::builder().max_size(size).build(ConnectionManager::new(path));
        return pool.map(Db::Sqlite).map_err(|e| e.to_string());
    }
    #[cfg(feature = "postgres")]
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let pool = Pool::builder().max_size(size * 4).build(ConnectionManager::new(url));
        return pool.map(Db::Pg).map_err(|e| e.to_string());
    }
    Err(format!("bare serves sqlite:// (and postgres:// with that feature), not {url}"))
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/hireboard.db".into());
    let bind = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:8081".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    let db = connect(&url, cores).map_err(std::io::Error::other)?;
    HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(db.clone()))
            .route("/{locale}/jobs/{slug}", web::get().to(posting))
    })
    .bind(bind)?
    .run()
    .await
}
