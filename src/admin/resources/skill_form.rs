//! The new and edit forms of skills, their deletion, and the name lookup.

use super::super::fields::{Field, FormValues};
use super::super::resource::{Editor, Form, Saved, Stored};
use super::prelude::*;
use crate::db::dialect;
use crate::db::schema::{job_skills, skills};

pub struct SkillForm;

impl Form for SkillForm {
    fn fields(&self, _tr: &Tr) -> Vec<Field> {
        vec![
            Field::text("name", "admin-field-name")
                .required()
                .max(60)
                .hint("admin-hint-skill-name"),
        ]
    }

    fn load(&self, conn: &mut DbConn, id: i64, _: &Editor) -> Result<Option<Stored>, AppError> {
        let found: Option<(String, String, chrono::NaiveDateTime)> = skills::table
            .filter(skills::id.eq(id))
            .select((skills::name, skills::slug, skills::created_at))
            .first(conn)
            .optional()?;
        Ok(found.map(|(name, slug, created)| {
            let mut values = FormValues::default();
            values.set("name", name.clone());
            values.set("slug", slug);
            Stored {
                label: name,
                values,
                original: Locale::default(),
                text_updated_at: created,
                translated_from: Vec::new(),
                previews: Default::default(),
                draft: None,
            }
        }))
    }

    /// Creates or renames a skill. Its slug (the public search's `skill=` value) follows the name;
    /// a name whose slug another skill has is refused, pointing to the batch merge instead.
    fn save(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
        _: &Editor,
    ) -> Result<Result<Saved, Vec<FieldError>>, AppError> {
        let name = values.get("name");
        let slug = crate::models::slugify(name);
        if slug.is_empty() {
            return Ok(Err(vec![FieldError::new("name", "admin-error-skill-name")]));
        }
        let own_id = old.map_or(0, |(id, _)| id);
        let taken: i64 = skills::table
            .filter(skills::slug.eq(&slug))
            .filter(skills::id.ne(own_id))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Ok(Err(vec![FieldError::new("name", "admin-error-skill-taken")]));
        }
        let id = match old {
            None => {
                diesel::insert_into(skills::table)
                    .values((
                        skills::slug.eq(&slug),
                        skills::name.eq(name),
                        skills::created_at.eq(crate::db::now()),
                    ))
                    .execute(conn)?;
                dialect::last_insert_id(conn, "skills")?
            }
            Some((id, _)) => {
                diesel::update(skills::table.filter(skills::id.eq(id)))
                    .set((skills::slug.eq(&slug), skills::name.eq(name)))
                    .execute(conn)?;
                // Postings are found by their skills' names.
                let postings = tagged(conn, id)?;
                crate::models::job::reindex(conn, &postings)?;
                id
            }
        };
        Ok(Ok(id.into()))
    }

    /// Deletes a skill: its postings lose the tag and are reindexed.
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        let postings = tagged(conn, id)?;
        let deleted = diesel::delete(skills::table.filter(skills::id.eq(id))).execute(conn)?;
        if deleted == 0 {
            return Ok(Deleted::NotFound);
        }
        // The foreign key removed the tags (ON DELETE CASCADE); explicit for backends without it.
        diesel::delete(job_skills::table.filter(job_skills::skill_id.eq(id))).execute(conn)?;
        crate::models::job::reindex(conn, &postings)?;
        Ok(Deleted::Done)
    }
}

/// Postings that carry skill `id`.
fn tagged(conn: &mut DbConn, id: i64) -> QueryResult<Vec<i64>> {
    job_skills::table.filter(job_skills::skill_id.eq(id)).select(job_skills::job_id).load(conn)
}
