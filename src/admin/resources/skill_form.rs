//! The new and edit forms of skills: the name in each language (with the postings' translation
//! markers), its slug following the original name; deletion.

use super::forms::{NameRows, split_names};
use super::prelude::*;
use crate::db::dialect;
use crate::db::schema::{job_skills, skill_translations, skills};
use crate::models::skill::write_name;
use crate::models::translation::{TextUpdate, TranslationWrite};

pub struct SkillForm;

#[derive(Clone)]
pub struct SkillDraft {
    name: String,
    original_locale: Locale,
    /// The public search's `skill=` value: follows the original name.
    slug: String,
    /// The name in other languages.
    names: Vec<(Locale, String)>,
}

impl DraftForm for SkillForm {
    type Draft = SkillDraft;
    type Text = String;

    /// A new skill's name is in its creator's language (as are skills first typed on a
    /// posting: see `Skill::find_or_create`).
    fn declare(&self, _tr: &Tr, f: &mut Fields<Self>) {
        f.translated("name", "admin-field-name", |t| t)
            .required()
            .max(60)
            .hint("admin-hint-skill-name");
    }

    fn new_draft(&self, tr: &Tr) -> SkillDraft {
        SkillDraft {
            name: String::new(),
            original_locale: tr.locale,
            slug: String::new(),
            names: Vec::new(),
        }
    }

    fn original(draft: &SkillDraft) -> Locale {
        draft.original_locale
    }

    fn texts(draft: &mut SkillDraft) -> Option<Texts<'_, String>> {
        Some((&mut draft.name, &mut draft.names))
    }

    /// A skill with its names (two queries).
    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<SkillDraft>>, AppError> {
        type Stored =
            (String, String, String, chrono::NaiveDateTime, Option<chrono::NaiveDateTime>);
        let found: Option<Stored> = skills::table
            .find(id)
            .select((
                skills::name,
                skills::slug,
                skills::original_locale,
                skills::created_at,
                skills::text_updated_at,
            ))
            .first(conn)
            .optional()?;
        let Some((name, slug, original, created_at, text_updated_at)) = found else {
            return Ok(None);
        };
        let names: NameRows = skill_translations::table
            .filter(skill_translations::skill_id.eq(id))
            .select((
                skill_translations::locale,
                skill_translations::name,
                skill_translations::source_updated_at,
            ))
            .load(conn)?;
        let (translated_from, names) = split_names(names);
        Ok(Some(Read {
            label: name.clone(),
            text_updated_at: text_updated_at.unwrap_or(created_at),
            translated_from,
            previews: Default::default(),
            draft: SkillDraft {
                name,
                original_locale: Locale::parse(&original).unwrap_or_default(),
                slug,
                names,
            },
        }))
    }

    /// The slug follows the name; a name whose slug another skill has is refused, pointing to
    /// the batch merge instead.
    fn check(
        &self,
        conn: &mut DbConn,
        draft: &mut SkillDraft,
        old: Option<(i64, &SkillDraft)>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let slug = crate::models::slugify(&draft.name);
        if slug.is_empty() {
            return Ok(vec![FieldError::new("name", "admin-error-skill-name")]);
        }
        let own_id = old.map_or(0, |(id, _)| id);
        let taken: i64 = skills::table
            .filter(skills::slug.eq(&slug))
            .filter(skills::id.ne(own_id))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Ok(vec![FieldError::new("name", "admin-error-skill-taken")]);
        }
        draft.slug = slug;
        Ok(Vec::new())
    }

    fn write(
        &self,
        conn: &mut DbConn,
        draft: &SkillDraft,
        over: Option<Over<'_, SkillDraft>>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<i64, AppError> {
        let now = crate::db::now();
        let Some(Over { id, old, text }) = over else {
            diesel::insert_into(skills::table)
                .values((
                    skills::slug.eq(&draft.slug),
                    skills::name.eq(&draft.name),
                    skills::original_locale.eq(draft.original_locale.as_str()),
                    skills::created_at.eq(now),
                    skills::text_updated_at.eq(now),
                ))
                .execute(conn)?;
            let id = dialect::last_insert_id(conn, "skills")?;
            for (locale, name) in &draft.names {
                crate::models::skill::write_name(
                    conn,
                    id,
                    *locale,
                    TranslationWrite::Insert,
                    Some(name),
                    now,
                    now,
                )?;
            }
            return Ok(id);
        };
        let source = if text.text_changed { text.now } else { text.text_updated_at };
        diesel::update(skills::table.find(id))
            .set((
                skills::slug.eq(&draft.slug),
                skills::name.eq(&draft.name),
                skills::text_updated_at.eq(source),
            ))
            .execute(conn)?;
        apply_names(conn, id, &draft.names, &text, source)?;
        // Postings are found by their skills' names.
        if old.name != draft.name {
            let postings = tagged(conn, id)?;
            crate::models::job::reindex(conn, &postings)?;
        }
        Ok(id)
    }

    /// Deletes a skill: its postings lose the tag and are reindexed.
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        let postings = tagged(conn, id)?;
        let deleted = diesel::delete(skills::table.filter(skills::id.eq(id))).execute(conn)?;
        if deleted == 0 {
            return Ok(Deleted::NotFound);
        }
        // The foreign keys removed the tags and names (ON DELETE CASCADE); explicit for
        // backends without them.
        diesel::delete(job_skills::table.filter(job_skills::skill_id.eq(id))).execute(conn)?;
        diesel::delete(skill_translations::table.filter(skill_translations::skill_id.eq(id)))
            .execute(conn)?;
        crate::models::job::reindex(conn, &postings)?;
        Ok(Deleted::Done)
    }
}

/// The names' writes of one save.
fn apply_names(
    conn: &mut DbConn,
    id: i64,
    names: &[(Locale, String)],
    text: &TextUpdate<'_>,
    source: chrono::NaiveDateTime,
) -> QueryResult<()> {
    for (locale, write) in text.translations {
        let name = names.iter().find(|(l, _)| l == locale).map(|(_, n)| n.as_str());
        write_name(conn, id, *locale, *write, name, source, text.now)?;
    }
    Ok(())
}

/// Postings that carry skill `id`.
fn tagged(conn: &mut DbConn, id: i64) -> QueryResult<Vec<i64>> {
    job_skills::table.filter(job_skills::skill_id.eq(id)).select(job_skills::job_id).load(conn)
}
