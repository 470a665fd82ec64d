//! Skills (the tags on postings) in the back office.

use std::collections::HashMap;

use super::prelude::*;
use crate::db::schema::{job_skills, jobs, skills};
use crate::models::skill::Skill;

pub struct Skills;

/// A skill as its list row shows it.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = skills)]
pub struct SkillRow {
    id: i64,
    name: String,
    slug: String,
    created_at: chrono::NaiveDateTime,
    original_locale: String,
    text_updated_at: Option<chrono::NaiveDateTime>,
}

impl Declaration for Skills {
    type Table = skills::table;
    type Row = SkillRow;
    /// How many postings use each skill of the page, and its names' translation states.
    type Context = (HashMap<i64, i64>, Translations);
    const NAME: &'static str = "skills";
    const AREA: Area = Area::Skills;
    const TITLE: &'static str = "admin-nav-skills";
    const TABLE: &'static str = "skills";
    const DEFAULT_SORT: (&'static str, Dir) = ("name", Dir::Asc);
    const NAMED_BY: Option<&'static str> = Some("name");

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("name", "admin-field-name", |r| r.name.clone()).sorted_by(skills::name);
        c.text("slug", "admin-field-slug", |r| r.slug.clone()).sorted_by(skills::slug);
        c.with("postings", "admin-panel-postings", |r, (uses, _), _| {
            Cell::Number(Some(uses.get(&r.id).copied().unwrap_or(0)))
        });
        c.with("translations", "admin-field-translations", |r, (_, states), _| {
            Cell::Translations(states.get(&r.id).cloned().unwrap_or_default())
        });
        c.date("created_at", "admin-field-created-at", |r| Some(r.created_at))
            .sorted_by(skills::created_at);
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<skills::table>> {
        vec![
            Filter::text("name", "admin-field-name", skills::name),
            Filter::date_range("created_at", "admin-field-created-at", skills::created_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<skills::table>> {
        vec![
            Scope::all(),
            Scope::new(
                "unused",
                "admin-scope-unused",
                diesel::dsl::not(skills::id.eq_any(job_skills::table.select(job_skills::skill_id))),
            ),
        ]
    }
    fn context(&self, conn: &mut DbConn, rows: &[SkillRow]) -> QueryResult<Self::Context> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let uses: Vec<(i64, i64)> = job_skills::table
            .filter(job_skills::skill_id.eq_any(&ids))
            .group_by(job_skills::skill_id)
            .select((job_skills::skill_id, diesel::dsl::count_star()))
            .load(conn)?;
        let states: QueryResult<Translations> =
            super::translations!(conn, rows, skill_translations, skill_id);
        Ok((uses.into_iter().collect(), states?))
    }
}

impl Resource for Skills {
    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::skill_form::SkillForm)
    }

    fn batch_actions(&self) -> Vec<BatchAction> {
        vec![
            BatchAction::new(
                "merge",
                "admin-action-merge",
                Action::Update,
                super::skill_actions::merge,
            )
            .input("admin-merge-into"),
        ]
    }
}

impl Shows for Skills {
    type Detail = Skill;

    fn record(&self, conn: &mut DbConn, skill: Skill, tr: &Tr) -> Result<Record, AppError> {
        let tagged = job_skills::table.filter(job_skills::skill_id.eq(skill.id));
        let postings = super::postings_panel(
            conn,
            Box::new(jobs::id.eq_any(tagged.select(job_skills::job_id))),
            tr,
        )?;
        let public_url = Some(format!("/en/jobs?skill={}", skill.slug));
        Ok(Record::new(
            skill.name.clone(),
            vec![
                Panel::new("admin-panel-skill")
                    .text("admin-field-name", skill.name)
                    .text("admin-field-slug", skill.slug)
                    .date("admin-field-created-at", skill.created_at),
                postings,
            ],
        )
        .public_url(public_url))
    }
}
