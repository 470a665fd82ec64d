//! The audit log: who created, changed, deleted or moved what, and the field-by-field diff.
//! Entries are written in the same transaction as the change they describe.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::schema::audit_log;

/// One field's change, as shown in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Change {
    pub fn new(field: &str, from: Option<&str>, to: Option<&str>) -> Change {
        Change { field: field.to_owned(), from: from.map(str::to_owned), to: to.map(str::to_owned) }
    }
}

/// Who did it: an admin user, or the system (a task, the CLI).
#[derive(Debug, Clone)]
pub struct Actor {
    pub admin_user_id: Option<i64>,
    pub label: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: i64,
    pub admin_user_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub resource: String,
    pub record_id: i64,
    pub record_label: String,
    pub changes: String,
    pub created_at: NaiveDateTime,
}

impl AuditEntry {
    /// The changes, or none when the stored JSON is not readable (never a failure to show).
    pub fn changes(&self) -> Vec<Change> {
        serde_json::from_str(&self.changes).unwrap_or_default()
    }

    /// The latest entries about one record, newest first.
    pub fn for_record(
        conn: &mut DbConn,
        resource: &str,
        record_id: i64,
        limit: i64,
    ) -> QueryResult<Vec<AuditEntry>> {
        audit_log::table
            .filter(audit_log::resource.eq(resource))
            .filter(audit_log::record_id.eq(record_id))
            .order((audit_log::created_at.desc(), audit_log::id.desc()))
            .limit(limit)
            .select(AuditEntry::as_select())
            .load(conn)
    }
}

/// Writes one entry. `action` is create, update, delete or status.
pub fn record(
    conn: &mut DbConn,
    actor: &Actor,
    action: &str,
    resource: &str,
    record_id: i64,
    record_label: &str,
    changes: &[Change],
) -> QueryResult<()> {
    let changes = serde_json::to_string(changes).unwrap_or_else(|_| "[]".into());
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::admin_user_id.eq(actor.admin_user_id),
            audit_log::actor.eq(&actor.label),
            audit_log::action.eq(action),
            audit_log::resource.eq(resource),
            audit_log::record_id.eq(record_id),
            audit_log::record_label.eq(record_label),
            audit_log::changes.eq(changes),
            audit_log::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(drop)
}
