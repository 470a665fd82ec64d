//! Named index states (filters, scope, sort, page size) that each back-office user keeps.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::admin_saved_views;

pub const MAX_NAME_CHARS: usize = 80;
/// Views one user keeps per resource, at most.
pub const MAX_PER_RESOURCE: i64 = 30;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = admin_saved_views)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    pub query: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SaveError {
    NameMissing,
    NameTooLong,
    TooMany,
}

impl SavedView {
    /// A user's views of one resource, by name.
    pub fn for_user(
        conn: &mut DbConn,
        user_id: i64,
        resource: &str,
    ) -> QueryResult<Vec<SavedView>> {
        admin_saved_views::table
            .filter(admin_saved_views::admin_user_id.eq(user_id))
            .filter(admin_saved_views::resource.eq(resource))
            .order(admin_saved_views::name.asc())
            .select(SavedView::as_select())
            .load(conn)
    }

    /// Saves `query` under `name`, replacing a view of the same name.
    pub fn save(
        conn: &mut DbConn,
        user_id: i64,
        resource: &str,
        name: &str,
        query: &str,
    ) -> Result<Result<(), SaveError>, diesel::result::Error> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(Err(SaveError::NameMissing));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Ok(Err(SaveError::NameTooLong));
        }
        crate::db::write_transaction(conn, |conn| {
            let mine = admin_saved_views::table
                .filter(admin_saved_views::admin_user_id.eq(user_id))
                .filter(admin_saved_views::resource.eq(resource));
            // Replace rather than upsert: upserts differ by backend (and MySQL is coming).
            let replaced =
                diesel::delete(mine.filter(admin_saved_views::name.eq(name))).execute(conn)?;
            if replaced == 0 {
                let count: i64 = mine.count().get_result(conn)?;
                if count >= MAX_PER_RESOURCE {
                    return Ok(Err(SaveError::TooMany));
                }
            }
            diesel::insert_into(admin_saved_views::table)
                .values((
                    admin_saved_views::admin_user_id.eq(user_id),
                    admin_saved_views::resource.eq(resource),
                    admin_saved_views::name.eq(name),
                    admin_saved_views::query.eq(query),
                    admin_saved_views::created_at.eq(crate::db::now()),
                ))
                .execute(conn)?;
            Ok(Ok(()))
        })
    }

    /// Deletes one of the user's own views; false when there was none.
    pub fn delete(conn: &mut DbConn, user_id: i64, id: i64) -> QueryResult<bool> {
        diesel::delete(
            admin_saved_views::table
                .filter(admin_saved_views::id.eq(id))
                .filter(admin_saved_views::admin_user_id.eq(user_id)),
        )
        .execute(conn)
        .map(|n| n > 0)
    }
}
