//! Skills: tags on postings, shared across postings and searchable.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use std::collections::HashMap;

use crate::db::schema::{job_skills, skill_translations, skills};
use crate::db::{DbConn, dialect};
use crate::i18n::Locale;
use crate::models::translation::TranslationWrite;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, PartialEq)]
#[diesel(table_name = skills)]
pub struct Skill {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub created_at: NaiveDateTime,
}

/// A skill as pages show it: a name linking to a search by slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillTag {
    pub slug: String,
    pub name: String,
}

impl Skill {
    /// The tags of one posting, in its order (one query).
    pub fn tags_of_job(conn: &mut DbConn, job_id: i64) -> QueryResult<Vec<SkillTag>> {
        Ok(Skill::for_jobs(conn, &[job_id])?
            .into_iter()
            .map(|(_, s)| SkillTag { slug: s.slug, name: s.name })
            .collect())
    }

    /// The skill with this name's slug, created in `language` when missing. Call inside a write
    /// transaction.
    pub fn find_or_create(conn: &mut DbConn, name: &str, language: Locale) -> QueryResult<i64> {
        let slug = super::slugify(name);
        let existing = skills::table
            .filter(skills::slug.eq(&slug))
            .select(skills::id)
            .first::<i64>(conn)
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        diesel::insert_into(skills::table)
            .values((
                skills::slug.eq(&slug),
                skills::name.eq(name.trim()),
                skills::original_locale.eq(language.as_str()),
                skills::created_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
        dialect::last_insert_id(conn, "skills")
    }

    /// The skills of each of `job_ids`, in each posting's own order (one query).
    pub fn for_jobs(conn: &mut DbConn, job_ids: &[i64]) -> QueryResult<Vec<(i64, Skill)>> {
        job_skills::table
            .inner_join(skills::table)
            .filter(job_skills::job_id.eq_any(job_ids))
            .order((job_skills::job_id, job_skills::position))
            .select((job_skills::job_id, Skill::as_select()))
            .load(conn)
    }

    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Skill>> {
        skills::table.order(skills::name).select(Skill::as_select()).load(conn)
    }

    /// Every skill's name in each language of the board, by skill id: its translation, else
    /// its own name (two queries).
    pub fn names(conn: &mut DbConn) -> QueryResult<HashMap<i64, Vec<String>>> {
        let own: Vec<(i64, String)> =
            skills::table.select((skills::id, skills::name)).load(conn)?;
        let mut names: HashMap<i64, Vec<String>> =
            own.into_iter().map(|(id, name)| (id, Locale::table(|_| name.clone()))).collect();
        let translated: Vec<(i64, String, String)> = skill_translations::table
            .select((
                skill_translations::skill_id,
                skill_translations::locale,
                skill_translations::name,
            ))
            .load(conn)?;
        for (id, locale, name) in translated {
            let slot = Locale::parse(&locale).map(Locale::index);
            if let (Some(all), Some(slot)) = (names.get_mut(&id), slot) {
                all[slot] = name;
            }
        }
        Ok(names)
    }
}

/// One write of a skill's name in another language (see `TranslationWrite`).
pub fn write_name(
    conn: &mut DbConn,
    id: i64,
    locale: Locale,
    write: TranslationWrite,
    name: Option<&str>,
    source: chrono::NaiveDateTime,
    now: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    let row = skill_translations::table
        .filter(skill_translations::skill_id.eq(id))
        .filter(skill_translations::locale.eq(locale.as_str()));
    match (write, name) {
        (TranslationWrite::Insert, Some(name)) => diesel::insert_into(skill_translations::table)
            .values((
                skill_translations::skill_id.eq(id),
                skill_translations::locale.eq(locale.as_str()),
                skill_translations::name.eq(name),
                skill_translations::source_updated_at.eq(source),
                skill_translations::created_at.eq(now),
                skill_translations::updated_at.eq(now),
            ))
            .execute(conn),
        (TranslationWrite::Update, Some(name)) => diesel::update(row)
            .set((
                skill_translations::name.eq(name),
                skill_translations::source_updated_at.eq(source),
                skill_translations::updated_at.eq(now),
            ))
            .execute(conn),
        (TranslationWrite::Confirm, _) => {
            diesel::update(row).set(skill_translations::source_updated_at.eq(source)).execute(conn)
        }
        (TranslationWrite::Delete, _) => diesel::delete(row).execute(conn),
        (TranslationWrite::Insert | TranslationWrite::Update, None) => Ok(0),
    }
}
