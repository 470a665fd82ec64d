//! Changing a posting from the back office: its row, skills and translations, then its
//! full-text rows, in the caller's transaction.

use diesel::prelude::*;

use super::JobDraft;
use crate::db::DbConn;
use crate::db::schema::{job_skills, job_translations, jobs};
use crate::models::place::Place;
use crate::models::translation::{TextUpdate, TranslationWrite};

impl JobDraft {
    /// Writes this draft's fields over posting `id`: everything but its status, publication
    /// date, creation time and original language, which have their own ways to change.
    /// Translation texts come from `self.translations`.
    pub fn update(&self, conn: &mut DbConn, id: i64, change: &TextUpdate<'_>) -> QueryResult<()> {
        let text_updated_at = if change.text_changed { change.now } else { change.text_updated_at };
        diesel::update(jobs::table.filter(jobs::id.eq(id)))
            .set((
                self.fields(),
                jobs::updated_at.eq(change.now),
                jobs::text_updated_at.eq(Some(text_updated_at)),
            ))
            .execute(conn)?;
        let place = Place::of_city(conn, self.city.as_deref(), self.country_code.as_deref())?;
        Place::link_job(conn, id, place.as_ref())?;
        diesel::delete(job_skills::table.filter(job_skills::job_id.eq(id))).execute(conn)?;
        let language = self.original_locale;
        super::create::tag_skills(conn, id, &self.skills, language, &mut Default::default())?;
        for (locale, write) in change.translations {
            let row = job_translations::table
                .filter(job_translations::job_id.eq(id))
                .filter(job_translations::locale.eq(locale.as_str()));
            let text = self.translations.iter().find(|(l, _)| l == locale).map(|(_, t)| t);
            match (write, text) {
                (TranslationWrite::Insert, Some(text)) => {
                    super::create::insert_translation(
                        conn,
                        id,
                        *locale,
                        text,
                        text_updated_at,
                        change.now,
                    )?;
                }
                (TranslationWrite::Update, Some(text)) => {
                    diesel::update(row)
                        .set((
                            text.row(),
                            job_translations::source_updated_at.eq(text_updated_at),
                            job_translations::updated_at.eq(change.now),
                        ))
                        .execute(conn)?;
                }
                (TranslationWrite::Confirm, _) => {
                    diesel::update(row)
                        .set(job_translations::source_updated_at.eq(text_updated_at))
                        .execute(conn)?;
                }
                (TranslationWrite::Delete, _) => {
                    diesel::delete(row).execute(conn)?;
                }
                // A write without its text cannot be made; the form never asks for one.
                (TranslationWrite::Insert | TranslationWrite::Update, None) => {}
            }
        }
        super::reindex(conn, &[id])
    }
}
