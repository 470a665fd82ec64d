//! Skills (the tags on postings) in the back office.

use crate::admin::resource::Listing;
use diesel::prelude::*;

use super::super::resource::{
    BatchAction, BatchOutcome, Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue,
    ListQuery, ListResult, Panel, Record, Resource, Row, ScopeDef,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::{job_skills, jobs, skills};
use crate::error::AppError;
use crate::i18n::Tr;

pub struct Skills;

type Boxed<'a> = diesel::dsl::IntoBoxed<'a, skills::table, Db>;

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = skills::table.into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("name", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(skills::name, *op, v))
            }
            ("created_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, skills::created_at, from, to)
            }
            _ => q,
        };
    }
    q
}

fn unused<'a>(q: Boxed<'a>) -> Boxed<'a> {
    q.filter(diesel::dsl::not(
        skills::id.eq_any(job_skills::table.select(job_skills::skill_id)),
    ))
}

impl Listing for Skills {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("name", "admin-field-name"),
            Column::sortable("slug", "admin-field-slug"),
            Column::plain("postings", "admin-panel-postings"),
            Column::sortable("created_at", "admin-field-created-at"),
        ]
    }

    fn filters(&self, _tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("name", "admin-field-name", FilterKind::Text),
            FilterDef::new(
                "created_at",
                "admin-field-created-at",
                FilterKind::DateRange,
            ),
        ]
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        vec![
            ScopeDef::new("all", "admin-scope-all"),
            ScopeDef::new("unused", "admin-scope-unused"),
        ]
    }

    fn lookup(&self, conn: &mut DbConn, q: &str) -> Result<Vec<(i64, String)>, AppError> {
        super::skill_form::lookup(conn, q)
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        ("name", Dir::Asc)
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        _tr: &Tr,
        _counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let all: i64 = filtered(query).count().get_result(conn)?;
        let unused_count: i64 = unused(filtered(query)).count().get_result(conn)?;
        let mut q = filtered(query);
        if query.scope == "unused" {
            q = unused(q);
        }
        q = match (query.sort, query.dir) {
            ("name", Dir::Desc) => q.order((skills::name.desc(), skills::id.desc())),
            ("slug", Dir::Asc) => q.order(skills::slug.asc()),
            ("slug", Dir::Desc) => q.order(skills::slug.desc()),
            ("created_at", Dir::Asc) => q.order((skills::created_at.asc(), skills::id.asc())),
            ("created_at", Dir::Desc) => q.order((skills::created_at.desc(), skills::id.desc())),
            _ => q.order((skills::name.asc(), skills::id.asc())),
        };
        let rows: Vec<(i64, String, String, chrono::NaiveDateTime)> = q
            .select((skills::id, skills::name, skills::slug, skills::created_at))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        // How many postings use each skill on this page: one grouped query, not one per row.
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let uses: Vec<(i64, i64)> = job_skills::table
            .filter(job_skills::skill_id.eq_any(&ids))
            .group_by(job_skills::skill_id)
            .select((job_skills::skill_id, diesel::dsl::count_star()))
            .load(conn)?;
        let rows = rows
            .into_iter()
            .map(|(id, name, slug, created)| Row {
                id,
                cells: vec![
                    Cell::Link(name, format!("/admin/skills/{id}")),
                    Cell::Text(slug),
                    Cell::Number(Some(
                        uses.iter().find(|(s, _)| *s == id).map_or(0, |(_, n)| *n),
                    )),
                    Cell::Date(Some(created)),
                ],
            })
            .collect();
        Ok(ListResult {
            rows,
            scope_counts: vec![all, unused_count],
        })
    }
}

impl Resource for Skills {
    fn name(&self) -> &'static str {
        "skills"
    }

    fn area(&self) -> Area {
        Area::Skills
    }

    fn title(&self) -> &'static str {
        "admin-nav-skills"
    }

    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::skill_form::SkillForm)
    }

    fn batch_actions(&self) -> Vec<BatchAction> {
        vec![BatchAction {
            key: "merge",
            label: "admin-action-merge",
            needs: crate::auth::policy::Action::Update,
            input: Some("admin-merge-into"),
        }]
    }

    fn run_batch(
        &self,
        conn: &mut DbConn,
        key: &str,
        ids: &[i64],
        input: &str,
        actor: &crate::models::audit::Actor,
    ) -> Result<BatchOutcome, AppError> {
        if key != "merge" {
            return Err(AppError::NotFound);
        }
        crate::db::write_transaction(conn, |conn| merge(conn, ids, input, actor))
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        let Some((name, slug, created)) = skills::table
            .find(id)
            .select((skills::name, skills::slug, skills::created_at))
            .first::<(String, String, chrono::NaiveDateTime)>(conn)
            .optional()?
        else {
            return Ok(None);
        };
        let postings: Vec<(i64, String, String)> = jobs::table
            .inner_join(job_skills::table)
            .filter(job_skills::skill_id.eq(id))
            .order((jobs::updated_at.desc(), jobs::id.desc()))
            .limit(50)
            .select((jobs::id, jobs::title, jobs::status))
            .load(conn)?;
        let related = postings
            .into_iter()
            .map(|(job_id, title, status)| {
                let status = crate::models::JobStatus::parse(&status)
                    .unwrap_or(crate::models::JobStatus::Draft);
                (
                    "admin-field-posting",
                    Cell::Link(
                        format!("{title} · {}", tr.t(&status.label_id())),
                        format!("/admin/jobs/{job_id}"),
                    ),
                )
            })
            .collect();
        Ok(Some(Record {
            label: name.clone(),
            public_url: Some(format!("/en/jobs?skill={slug}")),
            status: None,
            panels: vec![
                Panel {
                    title: "admin-panel-skill",
                    rows: vec![
                        ("admin-field-name", Cell::Text(name)),
                        ("admin-field-slug", Cell::Text(slug)),
                        ("admin-field-created-at", Cell::Date(Some(created))),
                    ],
                },
                Panel {
                    title: "admin-panel-postings",
                    rows: related,
                },
            ],
        }))
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
            &[crate::models::audit::Change::new(
                "merged_into",
                None,
                Some(&target_name),
            )],
        )?;
    }
    let deleted =
        diesel::delete(skills::table.filter(skills::id.eq_any(&source_ids))).execute(conn)?;
    crate::models::job::reindex(conn, &affected)?;
    Ok(BatchOutcome {
        changed: deleted,
        skipped: ids.len() - deleted,
        refused: None,
    })
}
