//! Which companies a recruiter works for: the rows that bind an employer's back-office users
//! to their companies, and the subqueries that limit what those users see.

use diesel::dsl::auto_type;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::company_members;

/// The companies `admin_user_id` works for: a subquery, run with the statement that uses it.
#[auto_type]
pub fn companies_of(admin_user_id: i64) -> _ {
    company_members::table
        .filter(company_members::admin_user_id.eq(admin_user_id))
        .select(company_members::company_id)
}

/// The ids of the companies `admin_user_id` works for, in id order.
pub fn company_ids(conn: &mut DbConn, admin_user_id: i64) -> QueryResult<Vec<i64>> {
    companies_of(admin_user_id).order(company_members::company_id.asc()).load(conn)
}

/// Makes `admin_user_id` work for exactly `companies` (the others are let go).
pub fn set_companies(conn: &mut DbConn, admin_user_id: i64, companies: &[i64]) -> QueryResult<()> {
    diesel::delete(
        company_members::table
            .filter(company_members::admin_user_id.eq(admin_user_id))
            .filter(company_members::company_id.ne_all(companies)),
    )
    .execute(conn)?;
    let had = company_ids(conn, admin_user_id)?;
    let now = crate::db::now();
    for company in companies.iter().filter(|c| !had.contains(c)) {
        diesel::insert_into(company_members::table)
            .values((
                company_members::admin_user_id.eq(admin_user_id),
                company_members::company_id.eq(company),
                company_members::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Adds `admin_user_id` to `company`'s team (nothing when already there).
pub fn add(conn: &mut DbConn, admin_user_id: i64, company: i64) -> QueryResult<()> {
    let mut companies = company_ids(conn, admin_user_id)?;
    if !companies.contains(&company) {
        companies.push(company);
        set_companies(conn, admin_user_id, &companies)?;
    }
    Ok(())
}
