//! Rebuilding a posting's full-text rows from what the database holds, after a change that
//! did not go through `JobDraft` (a skill merged or renamed, later an edit form).

use diesel::prelude::*;

use super::JobText;
use crate::db::schema::{companies, job_skills, job_translations, jobs, skills};
use crate::db::{DbConn, dialect};
use crate::i18n::Locale;

/// Rewrites the full-text rows of postings `ids` (in the caller's transaction). Four queries
/// per posting; meant for the handful a back-office action touches.
pub fn reindex(conn: &mut DbConn, ids: &[i64]) -> QueryResult<()> {
    // A skill's new name changes its postings' text, not their rows: touching them notes them
    // in `search_changes` (see that migration), so text matches carried over from an earlier
    // search index look them up again.
    diesel::update(jobs::table.filter(jobs::id.eq_any(ids)))
        .set(jobs::id.eq(jobs::id))
        .execute(conn)?;
    for id in ids {
        let found: Option<(String, JobText, String)> = jobs::table
            .inner_join(companies::table)
            .filter(jobs::id.eq(id))
            .select((
                jobs::original_locale,
                (
                    jobs::title,
                    jobs::summary,
                    jobs::responsibilities,
                    jobs::requirements,
                    jobs::benefits,
                ),
                companies::name,
            ))
            .first::<(String, TextColumns, String)>(conn)
            .optional()?
            .map(|(locale, t, company)| (locale, text(t), company));
        let Some((original, base, company)) = found else {
            dialect::replace_job_search(conn, *id, &[])?;
            continue;
        };
        let names: Vec<String> = job_skills::table
            .inner_join(skills::table)
            .filter(job_skills::job_id.eq(id))
            .order(job_skills::position.asc())
            .select(skills::name)
            .load(conn)?;
        let skill_words = names.join(" ");
        let body = |t: &JobText| format!("{}\n{company}\n{skill_words}", t.search_body());
        let mut documents =
            vec![(Locale::parse(&original).unwrap_or_default(), base.title.clone(), body(&base))];
        let translations: Vec<(String, TextColumns)> = job_translations::table
            .filter(job_translations::job_id.eq(id))
            .select((
                job_translations::locale,
                (
                    job_translations::title,
                    job_translations::summary,
                    job_translations::responsibilities,
                    job_translations::requirements,
                    job_translations::benefits,
                ),
            ))
            .load(conn)?;
        for (locale, t) in translations {
            if let Some(locale) = Locale::parse(&locale) {
                let t = text(t);
                documents.push((locale, t.title.clone(), body(&t)));
            }
        }
        dialect::replace_job_search(conn, *id, &documents)?;
    }
    Ok(())
}

/// Title, summary, responsibilities, requirements, benefits: as the columns come.
type TextColumns = (String, String, String, String, String);

fn text(
    (title, summary, responsibilities, requirements, benefits): (
        String,
        String,
        String,
        String,
        String,
    ),
) -> JobText {
    JobText { title, summary, responsibilities, requirements, benefits }
}
