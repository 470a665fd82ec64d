//! The file's own references of imported records (`import_refs`).

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::import_refs;

/// Spreadsheets' references; feeds name themselves.
pub const SPREADSHEET: &str = "";

/// The records `references` name in `resource`, by `source`: one query for a batch of rows.
pub fn find_many(
    conn: &mut DbConn,
    resource: &str,
    source: &str,
    references: &[&str],
) -> QueryResult<std::collections::HashMap<String, i64>> {
    if references.is_empty() {
        return Ok(Default::default());
    }
    let found: Vec<(String, i64)> = import_refs::table
        .filter(import_refs::resource.eq(resource))
        .filter(import_refs::source.eq(source))
        .filter(import_refs::reference.eq_any(references))
        .select((import_refs::reference, import_refs::record_id))
        .load(conn)?;
    Ok(found.into_iter().collect())
}

/// Points each of `references`, which point nowhere yet, at its record: one statement.
pub fn add_many(
    conn: &mut DbConn,
    resource: &str,
    source: &str,
    references: &[(String, i64)],
) -> QueryResult<()> {
    if references.is_empty() {
        return Ok(());
    }
    let now = crate::db::now();
    let rows: Vec<_> = references
        .iter()
        .map(|(reference, id)| {
            (
                import_refs::resource.eq(resource),
                import_refs::source.eq(source),
                import_refs::reference.eq(reference),
                import_refs::record_id.eq(*id),
                import_refs::created_at.eq(now),
            )
        })
        .collect();
    let insert = diesel::insert_into(import_refs::table).values(rows);
    crate::db::on_backend!(conn, c => insert.execute(c)).map(drop)
}

/// Points `reference` at `record_id`, replacing a stale pointer to a deleted record.
pub fn set(
    conn: &mut DbConn,
    resource: &str,
    source: &str,
    reference: &str,
    record_id: i64,
) -> QueryResult<()> {
    diesel::delete(
        import_refs::table
            .filter(import_refs::resource.eq(resource))
            .filter(import_refs::source.eq(source))
            .filter(import_refs::reference.eq(reference)),
    )
    .execute(conn)?;
    add_many(conn, resource, source, &[(reference.to_owned(), record_id)])
}
