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

/// Points `reference`, which points nowhere yet, at `record_id`.
pub fn add(
    conn: &mut DbConn,
    resource: &str,
    source: &str,
    reference: &str,
    record_id: i64,
) -> QueryResult<()> {
    diesel::insert_into(import_refs::table)
        .values((
            import_refs::resource.eq(resource),
            import_refs::source.eq(source),
            import_refs::reference.eq(reference),
            import_refs::record_id.eq(record_id),
            import_refs::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(drop)
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
    add(conn, resource, source, reference, record_id)
}
