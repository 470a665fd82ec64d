//! A feed's postings brought onto the board: each posting is a row of the spreadsheet import
//! (the posting form's checks, a savepoint per posting, references per source), new postings
//! are published when the source says so, and postings that left the feed are archived. A
//! feed that reads as empty while the board holds postings from it closes nothing: an
//! applicant-tracking system that fails tends to answer with an empty list.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{FeedPosting, FeedSource, RefusedPosting, RunError, RunLog};
use crate::admin::resource::{Editor, Viewer};
use crate::db::DbConn;
use crate::db::schema::{companies, import_refs};
use crate::error::AppError;
use crate::i18n::{Locale, Messages};
use crate::import::mapping::Target;
use crate::import::{Import, Mode, Row};
use crate::models::audit::Actor;
use crate::models::job::lifecycle::{StatusError, change_status};
use crate::models::{AdminRole, JobStatus};

/// The columns a posting becomes, as the run log names them.
const COLUMNS: [(&str, Target); 8] = [
    ("id", Target::Reference),
    ("company", Target::Field("company")),
    ("title", Target::Field("title")),
    ("description", Target::Field("summary")),
    ("city", Target::Field("city")),
    ("country", Target::Field("country_code")),
    ("jobtype", Target::Field("employment_type")),
    ("remotetype", Target::Field("workplace")),
];

fn row(number: u64, company: &str, p: &FeedPosting) -> Row {
    let cells = vec![
        p.id.clone(),
        company.to_owned(),
        p.title.clone(),
        p.summary.clone(),
        p.city.clone(),
        p.country_code.clone(),
        p.employment_type.map(|t| t.as_str().to_owned()).unwrap_or_default(),
        p.workplace.map(|w| w.as_str().to_owned()).unwrap_or_default(),
    ];
    Row { number, cells, formulas: Vec::new() }
}

/// Brings `postings`, read from `source` just now, onto the board.
pub fn apply(
    conn: &mut DbConn,
    source: &FeedSource,
    postings: &[FeedPosting],
    messages: &Messages,
    search: Option<&crate::search::SearchHandle>,
    now: NaiveDateTime,
) -> Result<RunLog, AppError> {
    let refs_source = FeedSource::refs_source(source.id);
    let known: Vec<(String, i64, NaiveDateTime)> = import_refs::table
        .filter(import_refs::resource.eq("jobs"))
        .filter(import_refs::source.eq(&refs_source))
        .select((import_refs::reference, import_refs::record_id, import_refs::created_at))
        .load(conn)?;
    if postings.is_empty() && !known.is_empty() {
        return Ok(RunLog {
            error: Some(RunError::new("feed-error-empty", Vec::new())),
            ..Default::default()
        });
    }
    let locale = Locale::parse(&source.locale).unwrap_or_default();
    let actor = Actor { admin_user_id: None, label: format!("feed #{}", source.id) };
    let import = Import {
        resource: "jobs",
        editor: Editor::new(
            messages.tr(locale),
            Viewer { admin_user_id: 0, role: AdminRole::Admin },
        ),
        actor: actor.clone(),
        targets: Some(COLUMNS.iter().map(|(_, t)| t.clone()).collect()),
        mode: Mode::Skip,
        file_name: source.url.clone(),
        read: Default::default(),
        create_companies: false,
    };
    // The company as its postings' forms show it (its name), so that an unchanged posting
    // reads as unchanged; by id when another company has the same name.
    let name: String =
        companies::table.find(source.company_id).select(companies::name).first(conn)?;
    let namesakes: i64 =
        companies::table.filter(companies::name.eq(&name)).count().get_result(conn)?;
    let company = if namesakes == 1 { name } else { format!("#{}", source.company_id) };
    let headers = COLUMNS.iter().map(|(h, _)| (*h).to_owned()).collect();
    let rows = postings.iter().enumerate().map(|(i, p)| row(i as u64 + 2, &company, p));
    let outcome = crate::import::run_rows(
        conn,
        &import,
        &refs_source,
        headers,
        rows.collect(),
        messages,
        None,
        &mut |_| {},
    )
    .map_err(|e| match e {
        crate::import::RunError::App(e) => e,
        crate::import::RunError::Read(e) => AppError::Internal(e.to_string()),
    })?;
    // Postings made by this run go live when the source is trusted to publish.
    if source.publish {
        let made: Vec<i64> = import_refs::table
            .filter(import_refs::resource.eq("jobs"))
            .filter(import_refs::source.eq(&refs_source))
            .filter(import_refs::created_at.ge(now))
            .select(import_refs::record_id)
            .load(conn)?;
        for id in made {
            StatusError::skipped(change_status(conn, id, JobStatus::Published, &actor, now))?;
        }
    }
    let in_feed: std::collections::HashSet<&str> = postings.iter().map(|p| p.id.as_str()).collect();
    let mut closed = 0;
    for (reference, id, _) in known.iter().filter(|(r, _, _)| !in_feed.contains(r.as_str())) {
        if StatusError::skipped(change_status(conn, *id, JobStatus::Archived, &actor, now))? {
            closed += 1;
        }
        log::debug!("feed {}: {reference} left the feed", source.id);
    }
    if let Some(search) = search {
        search.refresh_if_stale(conn)?;
    }
    let failures = outcome
        .failures
        .iter()
        .map(|f| RefusedPosting {
            reference: f.cells.first().cloned().unwrap_or_default(),
            reasons: f.reasons.clone(),
        })
        .collect::<Vec<_>>();
    Ok(RunLog {
        ok: true,
        postings: postings.len() as i32,
        created: outcome.created as i32,
        updated: outcome.updated as i32,
        unchanged: outcome.unchanged as i32,
        closed,
        failed: failures.len() as i32,
        error: None,
        failures,
    })
}
