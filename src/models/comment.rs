//! Back-office comments on any record, like ActiveAdmin's.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{admin_comments, admin_users};

pub const MAX_COMMENT_CHARS: usize = 5000;

#[derive(Debug, Clone)]
pub struct Comment {
    pub id: i64,
    pub author: Option<String>,
    pub body: String,
    pub created_at: NaiveDateTime,
}

impl Comment {
    /// A record's comments, oldest first, with their authors (one query); with
    /// `recruiters_only`, only those the employer's recruiters wrote (an employer's team does
    /// not read the board staff's notes).
    pub fn for_record(
        conn: &mut DbConn,
        resource: &str,
        record_id: i64,
        recruiters_only: bool,
    ) -> QueryResult<Vec<Comment>> {
        type Listed = (i64, Option<String>, Option<String>, String, NaiveDateTime);
        let mut query = admin_comments::table
            .left_join(admin_users::table)
            .filter(admin_comments::resource.eq(resource))
            .filter(admin_comments::record_id.eq(record_id))
            .into_boxed();
        if recruiters_only {
            query =
                query.filter(admin_users::role.nullable().eq(super::AdminRole::Recruiter.as_str()));
        }
        let rows: Vec<Listed> = query
            .order((admin_comments::created_at.asc(), admin_comments::id.asc()))
            .select((
                admin_comments::id,
                admin_users::name.nullable(),
                admin_users::email.nullable(),
                admin_comments::body,
                admin_comments::created_at,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, name, email, body, created_at)| Comment {
                id,
                author: name.filter(|n| !n.trim().is_empty()).or(email),
                body,
                created_at,
            })
            .collect())
    }
}

/// Why a comment was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum CommentError {
    Empty,
    TooLong,
}

/// Checks and trims a comment's text.
pub fn validate(body: &str) -> Result<String, CommentError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(CommentError::Empty);
    }
    if body.chars().count() > MAX_COMMENT_CHARS {
        return Err(CommentError::TooLong);
    }
    Ok(body.to_owned())
}

pub fn create(
    conn: &mut DbConn,
    resource: &str,
    record_id: i64,
    admin_user_id: i64,
    body: &str,
) -> QueryResult<()> {
    diesel::insert_into(admin_comments::table)
        .values((
            admin_comments::resource.eq(resource),
            admin_comments::record_id.eq(record_id),
            admin_comments::admin_user_id.eq(admin_user_id),
            admin_comments::body.eq(body),
            admin_comments::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(drop)
}
