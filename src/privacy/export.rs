//! A copy of an applicant's data: every application sent with their address, with the posting
//! it was for, its stages, the hiring team's comments and the CV. Delivered as one ZIP:
//! `applications.json` (machine-readable, for Art. 20's portability), `applications.html` (to
//! read, in the applicant's language) and the CVs under `cv/`.
//!
//! The comments come without their authors' names: those are the hiring team's personal data,
//! not the applicant's. Two queries whatever the number of applications.

use std::io::{Seek, Write};

use askama::Template;
use chrono::{NaiveDateTime, SecondsFormat};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConn;
use crate::db::schema::{admin_comments, applications, companies, jobs};
use crate::i18n::Tr;
use crate::models::ApplicationStatus;

/// Everything kept about one address.
#[derive(Debug, Serialize)]
pub struct Export {
    pub email: String,
    #[serde(serialize_with = "timestamp")]
    pub generated_at: NaiveDateTime,
    pub applications: Vec<Application>,
}

#[derive(Debug, Serialize)]
pub struct Application {
    pub id: i64,
    pub posting: Posting,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub cover_letter: String,
    pub language: String,
    pub stage: ApplicationStatus,
    /// Each stage it reached, in order, from its arrival (`new`).
    pub stages: Vec<Stage>,
    pub rejection_reason: Option<String>,
    #[serde(serialize_with = "timestamp")]
    pub consent_at: NaiveDateTime,
    #[serde(serialize_with = "timestamp")]
    pub updated_at: NaiveDateTime,
    pub cv: Option<Cv>,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Serialize)]
pub struct Posting {
    pub id: i64,
    pub title: String,
    pub company: String,
}

#[derive(Debug, Serialize)]
pub struct Stage {
    pub stage: ApplicationStatus,
    #[serde(serialize_with = "timestamp")]
    pub at: NaiveDateTime,
}

#[derive(Debug, Serialize)]
pub struct Cv {
    /// Its path in the ZIP.
    pub file: String,
    pub name: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    /// Where the stored file is: not part of the copy.
    #[serde(skip)]
    pub key: String,
}

#[derive(Debug, Serialize)]
pub struct Comment {
    pub body: String,
    #[serde(serialize_with = "timestamp")]
    pub at: NaiveDateTime,
}

fn timestamp<S: serde::Serializer>(at: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
}

type Row = (
    (i64, i64, String, String, Option<String>, String, String, String),
    (NaiveDateTime, NaiveDateTime, NaiveDateTime),
    (
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    ),
    (Option<String>, Option<String>, Option<String>, Option<String>, Option<i64>),
    (String, String),
);

impl Cv {
    /// Its relative link from `applications.html`.
    pub fn href(&self) -> String {
        self.file
            .split('/')
            .map(|part| urlencoding::encode(part).into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl Export {
    /// What is kept about `email` (as stored: trimmed, lower-case) at `now`.
    pub fn load(conn: &mut DbConn, email: &str, now: NaiveDateTime) -> QueryResult<Export> {
        let rows: Vec<Row> = applications::table
            .inner_join(jobs::table.inner_join(companies::table))
            .filter(applications::email.eq(email))
            .order(applications::id.asc())
            .select((
                (
                    applications::id,
                    applications::job_id,
                    applications::name,
                    applications::email,
                    applications::phone,
                    applications::cover_letter,
                    applications::locale,
                    applications::status,
                ),
                (applications::consent_at, applications::created_at, applications::updated_at),
                (
                    applications::reviewing_at,
                    applications::interview_at,
                    applications::offer_at,
                    applications::hired_at,
                    applications::rejected_at,
                    applications::withdrawn_at,
                ),
                (
                    applications::rejection_reason,
                    applications::cv_key,
                    applications::cv_name,
                    applications::cv_type,
                    applications::cv_size,
                ),
                (jobs::title, companies::name),
            ))
            .load(conn)?;
        let ids: Vec<i64> = rows.iter().map(|r| r.0.0).collect();
        let mut comments: Vec<(i64, String, NaiveDateTime)> = admin_comments::table
            .filter(admin_comments::resource.eq("applications"))
            .filter(admin_comments::record_id.eq_any(&ids))
            .order((admin_comments::created_at.asc(), admin_comments::id.asc()))
            .select((admin_comments::record_id, admin_comments::body, admin_comments::created_at))
            .load(conn)?;
        let applications = rows
            .into_iter()
            .map(|(head, (consent_at, created_at, updated_at), reached, tail, (title, company))| {
                let (id, job_id, name, email, phone, cover_letter, language, status) = head;
                let (rejection_reason, cv_key, cv_name, cv_type, cv_size) = tail;
                let reached = [reached.0, reached.1, reached.2, reached.3, reached.4, reached.5];
                let mut stages = vec![Stage { stage: ApplicationStatus::New, at: created_at }];
                // `ALL` is in pipeline order: `new`, then the stages with a column each.
                let later = ApplicationStatus::ALL.iter().copied().skip(1);
                stages.extend(
                    later.zip(reached).filter_map(|(stage, at)| Some(Stage { stage, at: at? })),
                );
                stages.sort_by_key(|s| s.at);
                let cv = cv_key.map(|key| Cv {
                    file: cv_file(id, cv_name.as_deref(), &key),
                    name: cv_name,
                    content_type: cv_type,
                    size: cv_size,
                    key,
                });
                let (mine, rest): (Vec<_>, Vec<_>) =
                    std::mem::take(&mut comments).into_iter().partition(|c| c.0 == id);
                comments = rest;
                Application {
                    id,
                    posting: Posting { id: job_id, title, company },
                    name,
                    email,
                    phone,
                    cover_letter,
                    language,
                    stage: ApplicationStatus::parse(&status).unwrap_or(ApplicationStatus::New),
                    stages,
                    rejection_reason,
                    consent_at,
                    updated_at,
                    cv,
                    comments: mine.into_iter().map(|(_, body, at)| Comment { body, at }).collect(),
                }
            })
            .collect();
        Ok(Export { email: email.to_owned(), generated_at: now, applications })
    }

    pub fn json(&self) -> Result<Vec<u8>, String> {
        serde_json::to_vec_pretty(self).map_err(|e| format!("applications.json: {e}"))
    }

    pub fn html(&self, tr: Tr) -> Result<String, askama::Error> {
        Readable { tr, x: self }.render()
    }
}

/// A CV's path in the ZIP: under `cv/`, prefixed by its application's number (names repeat),
/// with the extension of the type detected on upload.
fn cv_file(id: i64, name: Option<&str>, key: &str) -> String {
    let extension = key.rsplit_once('.').map_or("bin", |(_, ext)| ext);
    let name = crate::uploads::names::with_extension(
        &crate::uploads::names::sanitize(name.unwrap_or(""), "cv"),
        extension,
    );
    format!("cv/{id}-{name}")
}

/// The readable copy.
#[derive(Template)]
#[template(path = "privacy/export.html")]
struct Readable<'a> {
    tr: Tr,
    x: &'a Export,
}

/// Writes the ZIP of `export` to `out`, asking `cv` for each CV's bytes as it goes, so no
/// more than one CV is held at a time. A CV that is missing from storage is left out and the
/// copy says so in `missing.txt`, rather than failing the whole copy.
pub async fn write_zip<W, F, Fut>(
    out: W,
    export: &Export,
    html: &str,
    mut cv: F,
) -> Result<W, String>
where
    W: Write + Seek,
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = Result<Option<Vec<u8>>, String>>,
{
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(out);
    let add = |zip: &mut zip::ZipWriter<W>, name: &str, bytes: &[u8]| {
        zip.start_file(name, options).map_err(|e| format!("{name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("{name}: {e}"))
    };
    add(&mut zip, "applications.json", &export.json()?)?;
    add(&mut zip, "applications.html", html.as_bytes())?;
    let mut missing = Vec::new();
    for a in &export.applications {
        let Some(c) = &a.cv else { continue };
        match cv(c.key.clone()).await? {
            Some(bytes) => add(&mut zip, &c.file, &bytes)?,
            None => missing.push(c.file.clone()),
        }
    }
    if !missing.is_empty() {
        add(&mut zip, "missing.txt", missing.join("\n").as_bytes())?;
    }
    zip.finish().map_err(|e| format!("finishing the ZIP: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cv_is_filed_under_its_application_with_the_detected_extension() {
        assert_eq!(cv_file(7, Some("Lebenslauf.pdf"), "cv/abc.pdf"), "cv/7-Lebenslauf.pdf");
        assert_eq!(cv_file(7, Some("../../etc/passwd"), "cv/abc.pdf"), "cv/7-passwd.pdf");
        assert_eq!(cv_file(8, None, "cv/abc.docx"), "cv/8-cv.docx");
    }
}
