//! What an admin does to skills besides editing them: merging several into one.

use super::prelude::*;
use crate::db::schema::{job_skills, skills};

/// Merges the selected skills into the skill named (or slugged) in the batch's input: their
/// postings get the target instead (once), the merged skills are deleted and audited, and the
/// postings' full-text rows are rebuilt. Runs in the caller's transaction.
pub(super) fn merge(conn: &mut DbConn, batch: &Batch) -> Result<BatchOutcome, AppError> {
    let (ids, target, actor) = (batch.ids, batch.input, batch.actor);
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
