//! Text-backed enums are read and written as their text on every backend: a row struct holds
//! the enum, a filter compares with it, and a value the enum does not know is an error (never
//! a silent default).

use diesel::prelude::*;
use diesel::sql_types::Text;
use hireboard::db::schema::{admin_users, jobs};
use hireboard::models::{AdminRole, JobStatus};

use crate::support::{AdminFactory, CompanyFactory, JobFactory, backends};

#[derive(QueryableByName, Debug)]
struct Role {
    #[diesel(sql_type = Text)]
    role: AdminRole,
}

#[test]
fn enums_round_trip_through_every_backend() {
    for app in backends() {
        app.with_conn(|c| {
            let user = AdminFactory::new().role(AdminRole::Editor).create(c);
            let role: AdminRole =
                admin_users::table.find(user.id).select(admin_users::role).first(c).unwrap();
            assert_eq!(role, AdminRole::Editor, "{}", app.backend);
            diesel::update(admin_users::table.find(user.id))
                .set(admin_users::role.eq(AdminRole::Translator))
                .execute(c)
                .unwrap();
            let found: Vec<i64> = admin_users::table
                .filter(admin_users::role.eq(AdminRole::Translator))
                .select(admin_users::id)
                .load(c)
                .unwrap();
            assert_eq!(found, vec![user.id], "{}", app.backend);

            let co = CompanyFactory::new().create(c);
            let slug = JobFactory::new(&co).create(c).slug;
            let statuses: Vec<JobStatus> = jobs::table
                .filter(jobs::slug.eq(&slug))
                .filter(jobs::status.eq_any([JobStatus::Published, JobStatus::Draft]))
                .select(jobs::status)
                .load(c)
                .unwrap();
            assert_eq!(statuses.len(), 1, "{}", app.backend);

            let unknown = diesel::sql_query("SELECT 'owner' AS role").get_result::<Role>(c);
            let message = unknown.unwrap_err().to_string();
            assert!(message.contains("\"owner\" is not a AdminRole"), "{}: {message}", app.backend);
            let known = diesel::sql_query("SELECT 'viewer' AS role").get_result::<Role>(c).unwrap();
            assert_eq!(known.role, AdminRole::Viewer);
        });
    }
}
