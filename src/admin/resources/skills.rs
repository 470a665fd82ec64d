//! Skills (the tags on postings) in the back office.

use std::collections::HashMap;

use super::prelude::*;
use crate::db::schema::{job_skills, jobs, skills};
use crate::models::skill::Skill;

pub struct Skills;

/// A skill as its list row shows it.
#[derive(Queryable, Selectable)]
#[diesel(table_name = skills)]
pub struct SkillRow {
    id: i64,
    name: String,
    slug: String,
    created_at: chrono::NaiveDateTime,
}

impl Declaration for Skills {
    type Table = skills::table;
    type Row = SkillRow;
    /// How many postings use each skill of the page.
    type Context = HashMap<i64, i64>;
    const NAME: &'static str = "skills";
    const AREA: Area = Area::Skills;
    const TITLE: &'static str = "admin-nav-skills";
    const TABLE: &'static str = "skills";

    fn key() -> Key<skills::table> {
        Key::of(skills::id)
    }
    fn id(row: &SkillRow) -> i64 {
        row.id
    }
    fn columns(&self, c: &mut Columns<Self>) {
        c.link("name", "admin-field-name", |r| r.name.clone()).sorted_by(skills::name);
        c.text("slug", "admin-field-slug", |r| r.slug.clone()).sorted_by(skills::slug);
        c.with("postings", "admin-panel-postings", |r, uses, _| {
            Cell::Number(Some(uses.get(&r.id).copied().unwrap_or(0)))
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
    fn default_sort(&self) -> (&'static str, Dir) {
        ("name", Dir::Asc)
    }
    fn context(&self, conn: &mut DbConn, rows: &[SkillRow]) -> QueryResult<HashMap<i64, i64>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let uses: Vec<(i64, i64)> = job_skills::table
            .filter(job_skills::skill_id.eq_any(&ids))
            .group_by(job_skills::skill_id)
            .select((job_skills::skill_id, diesel::dsl::count_star()))
            .load(conn)?;
        Ok(uses.into_iter().collect())
    }
    fn named_by(&self) -> Option<&'static str> {
        Some("name")
    }
}

impl Resource for Skills {
    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::skill_form::SkillForm)
    }

    fn batch_actions(&self) -> Vec<BatchAction> {
        let merge = |conn: &mut DbConn, b: &Batch| merge(conn, b.ids, b.input, b.actor);
        vec![
            BatchAction::new("merge", "admin-action-merge", Action::Update, merge)
                .input("admin-merge-into"),
        ]
    }
}

impl Shows for Skills {
    type Detail = Skill;

    fn record(&self, conn: &mut DbConn, skill: Skill, tr: &Tr) -> Result<Record, AppError> {
        let postings = jobs::table
            .inner_join(job_skills::table)
            .filter(job_skills::skill_id.eq(skill.id))
            .order((jobs::updated_at.desc(), jobs::id.desc()))
            .limit(50)
            .select((jobs::id, jobs::title, jobs::status))
            .load(conn)?;
        let public_url = Some(format!("/en/jobs?skill={}", skill.slug));
        Ok(Record::new(
            skill.name.clone(),
            vec![
                Panel::new("admin-panel-skill")
                    .text("admin-field-name", skill.name)
                    .text("admin-field-slug", skill.slug)
                    .date("admin-field-created-at", skill.created_at),
                Panel { title: "admin-panel-postings", rows: super::posting_links(postings, tr) },
            ],
        )
        .public_url(public_url))
    }
}

/// Merges skills `ids` into the skill named (or slugged) `target`: their postings get the
/// target instead (once), the merged skills are deleted and audited, and the postings'
/// full-text rows are rebuilt. Runs in the caller's transaction.
fn merge(
    conn: &mut DbConn,
    ids: &[i64],
    target: &str,
    actor: &crate::models::audit::Actor,
) -> Result<BatchOutcome, AppError> {
    use super::lower;
    let wanted = target.trim().to_lowercase();
    let found: Option<(i64, String)> = skills::table
        .filter(skills::slug.eq(&wanted).or(lower(skills::name).eq(&wanted)))
        .select((skills::id, skills::name))
        .first(conn)
        .optional()?;
    let Some((target_id, target_name)) = found else {
        return Ok(BatchOutcome {
            refused: Some("admin-merge-target-missing"),
            ..Default::default()
        });
    };
    let sources: Vec<(i64, String)> = skills::table
        .filter(skills::id.eq_any(ids))
        .filter(skills::id.ne(target_id))
        .select((skills::id, skills::name))
        .load(conn)?;
    let source_ids: Vec<i64> = sources.iter().map(|(id, _)| *id).collect();
    // Each posting keeps one tag for the merged skills: the target, at the first position
    // any of them had.
    let tagged: Vec<(i64, i64)> = job_skills::table
        .filter(job_skills::skill_id.eq_any(&source_ids))
        .order((job_skills::job_id.asc(), job_skills::position.asc()))
        .select((job_skills::job_id, job_skills::skill_id))
        .load(conn)?;
    let has_target: Vec<i64> = job_skills::table
        .filter(job_skills::skill_id.eq(target_id))
        .filter(job_skills::job_id.eq_any(tagged.iter().map(|(job, _)| *job).collect::<Vec<_>>()))
        .select(job_skills::job_id)
        .load(conn)?;
    let mut affected: Vec<i64> = Vec::new();
    for (job, skill) in &tagged {
        if affected.last() == Some(job) {
            continue;
        }
        affected.push(*job);
        if !has_target.contains(job) {
            diesel::update(job_skills::table.find((job, skill)))
                .set(job_skills::skill_id.eq(target_id))
                .execute(conn)?;
        }
    }
    diesel::delete(job_skills::table.filter(job_skills::skill_id.eq_any(&source_ids)))
        .execute(conn)?;
    for (id, name) in &sources {
        crate::models::audit::record(
            conn,
            actor,
            "delete",
            "skills",
            *id,
            name,
            &[crate::models::audit::Change::new("merged_into", None, Some(&target_name))],
        )?;
    }
    let deleted =
        diesel::delete(skills::table.filter(skills::id.eq_any(&source_ids))).execute(conn)?;
    crate::models::job::reindex(conn, &affected)?;
    Ok(BatchOutcome { changed: deleted, skipped: ids.len() - deleted, refused: None })
}
