//! Skills: tags on postings, shared across postings and searchable.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{job_skills, skills};
use crate::db::{DbConn, dialect};

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

    /// The skill with this name's slug, created when missing. Call inside a write transaction.
    pub fn find_or_create(conn: &mut DbConn, name: &str) -> QueryResult<i64> {
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
}
