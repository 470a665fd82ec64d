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
    #[cfg(feature = "postgres")]
    if let DbConn::Pg(c) = conn {
        return find_many_pg(c, resource, source, references);
    }
    let found: Vec<(String, i64)> = import_refs::table
        .filter(import_refs::resource.eq(resource))
        .filter(import_refs::source.eq(source))
        .filter(import_refs::reference.eq_any(references))
        .select((import_refs::reference, import_refs::record_id))
        .load(conn)?;
    Ok(found.into_iter().collect())
}

/// PostgreSQL's plan for `reference = ANY($3)` depends on its statistics: without them (a
/// first import, autovacuum off or behind) it expects one reference per source and reads all
/// of the source's to filter them, 300 ms a batch at 100,000 references. A subquery per
/// reference is an index lookup whatever it knows.
#[cfg(feature = "postgres")]
fn find_many_pg(
    conn: &mut diesel::PgConnection,
    resource: &str,
    source: &str,
    references: &[&str],
) -> QueryResult<std::collections::HashMap<String, i64>> {
    use diesel::sql_types::{Array, BigInt, Nullable, Text};

    #[derive(QueryableByName)]
    struct Pointer {
        #[diesel(sql_type = Text)]
        reference: String,
        #[diesel(sql_type = Nullable<BigInt>)]
        record_id: Option<i64>,
    }
    let found: Vec<Pointer> = diesel::sql_query(
        "SELECT w.reference, (SELECT r.record_id FROM import_refs r \
         WHERE r.resource = $1 AND r.source = $2 AND r.reference = w.reference) AS record_id \
         FROM unnest($3::text[]) AS w(reference)",
    )
    .bind::<Text, _>(resource)
    .bind::<Text, _>(source)
    .bind::<Array<Text>, _>(references)
    .load(conn)?;
    Ok(found.into_iter().filter_map(|p| Some((p.reference, p.record_id?))).collect())
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
