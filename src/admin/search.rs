//! `GET /admin/search?q=`: one box for the whole back office. Postings by title, address
//! (slug) or `#id`; companies by name; applications by name or email; back-office users by
//! email. Grouped by resource, a few of each, only what the user's role may read, and a link
//! to each full list filtered alike. One query per group the user may see.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use diesel::prelude::*;
use serde::Deserialize;

use super::layout::here;
use super::resource::TextOp;
use super::{AdminLayout, CurrentAdmin};
use crate::auth::policy::{Action, Area};
use crate::db::plan::PlanEachRun;
use crate::db::schema::{admin_users, applications, companies, jobs};
use crate::error::AppError;
use crate::state::AppState;
use crate::text_filter;
use crate::web::with_conn;

/// Results shown per group; the full list has the rest.
const PER_GROUP: i64 = 8;
/// Longer searches are cut: nobody types more, and each character costs in LIKE.
const MAX_QUERY_CHARS: usize = 100;

pub struct Hit {
    pub label: String,
    pub detail: String,
    pub url: String,
}

pub struct Group {
    pub title: String,
    pub hits: Vec<Hit>,
    /// The full list, filtered by the same words.
    pub more_url: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/search.html")]
pub struct SearchPage {
    pub l: AdminLayout,
    pub q: String,
    pub groups: Vec<Group>,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// Which groups a role sees.
struct Visible {
    jobs: bool,
    companies: bool,
    applications: bool,
    admin_users: bool,
    /// Whose records: a recruiter's companies' only.
    viewer: crate::admin::resource::Viewer,
}

type Found = (
    Vec<(i64, String, String)>,
    Vec<(i64, String, Option<String>)>,
    Vec<(i64, String, String)>,
    Vec<(i64, String, String)>,
);

fn find(conn: &mut crate::db::DbConn, q: &str, visible: &Visible) -> QueryResult<Found> {
    let contains = TextOp::Contains;
    let by_id = q.strip_prefix('#').and_then(|n| n.parse::<i64>().ok()).unwrap_or(-1);
    use crate::admin::resources::company_scope;
    let postings = if visible.jobs {
        let mut query = jobs::table.into_boxed();
        if let Some(allowed) = company_scope::jobs(&visible.viewer) {
            query = query.filter(allowed);
        }
        query
            .filter(
                text_filter!(jobs::title, contains, q).or(jobs::slug.eq(q)).or(jobs::id.eq(by_id)),
            )
            .order(jobs::id.desc())
            .limit(PER_GROUP)
            .select((jobs::id, jobs::title, jobs::status))
            .plan_each_run()
            .load(conn)?
    } else {
        Vec::new()
    };
    let firms = if visible.companies {
        let mut query = companies::table.into_boxed();
        if let Some(allowed) = company_scope::companies(&visible.viewer) {
            query = query.filter(allowed);
        }
        query
            .filter(text_filter!(companies::name, contains, q))
            .order(companies::name.asc())
            .limit(PER_GROUP)
            .select((companies::id, companies::name, companies::city))
            .plan_each_run()
            .load(conn)?
    } else {
        Vec::new()
    };
    let applicants = if visible.applications {
        let mut query = applications::table.into_boxed();
        if let Some(allowed) = company_scope::applications(&visible.viewer) {
            query = query.filter(allowed);
        }
        query
            .filter(text_filter!(applications::name, contains, q).or(text_filter!(
                applications::email,
                contains,
                q
            )))
            .order(applications::id.desc())
            .limit(PER_GROUP)
            .select((applications::id, applications::name, applications::email))
            .plan_each_run()
            .load(conn)?
    } else {
        Vec::new()
    };
    let users = if visible.admin_users {
        admin_users::table
            .filter(text_filter!(admin_users::email, contains, q))
            .order(admin_users::email.asc())
            .limit(PER_GROUP)
            .select((admin_users::id, admin_users::email, admin_users::name))
            .plan_each_run()
            .load(conn)?
    } else {
        Vec::new()
    };
    Ok((postings, firms, applicants, users))
}

pub async fn search(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    query: web::Query<SearchQuery>,
) -> Result<SearchPage, AppError> {
    let tr = admin.tr.clone();
    let q: String = query.q.trim().chars().take(MAX_QUERY_CHARS).collect();
    let visible = Visible {
        jobs: admin.can(Area::Jobs, Action::View),
        companies: admin.can(Area::Companies, Action::View),
        applications: admin.can(Area::Applications, Action::View),
        admin_users: admin.can(Area::AdminUsers, Action::View),
        viewer: admin.viewer(),
    };
    let mut groups = Vec::new();
    if !q.is_empty() {
        let words = q.clone();
        let (postings, firms, applicants, users) =
            with_conn(&state, move |conn| Ok(find(conn, &words, &visible)?)).await?;
        let param = |key: &str| {
            url::form_urlencoded::Serializer::new(String::new()).append_pair(key, &q).finish()
        };
        groups.push(Group {
            title: tr.t("admin-nav-jobs"),
            more_url: format!("/admin/jobs?{}", param("title")),
            hits: postings
                .into_iter()
                .map(|(id, title, status)| Hit {
                    label: title,
                    detail: crate::models::JobStatus::parse(&status)
                        .map(|s| tr.t(&s.label_id()))
                        .unwrap_or_default(),
                    url: format!("/admin/jobs/{id}"),
                })
                .collect(),
        });
        groups.push(Group {
            title: tr.t("admin-nav-companies"),
            more_url: format!("/admin/companies?{}", param("name")),
            hits: firms
                .into_iter()
                .map(|(id, name, city)| Hit {
                    label: name,
                    detail: city.unwrap_or_default(),
                    url: format!("/admin/companies/{id}"),
                })
                .collect(),
        });
        groups.push(Group {
            title: tr.t("admin-nav-applications"),
            more_url: format!("/admin/applications?{}", param("name")),
            hits: applicants
                .into_iter()
                .map(|(id, name, email)| Hit {
                    label: name,
                    detail: email,
                    url: format!("/admin/applications/{id}"),
                })
                .collect(),
        });
        groups.push(Group {
            title: tr.t("admin-nav-admin-users"),
            more_url: format!("/admin/admin_users?{}", param("email")),
            hits: users
                .into_iter()
                .map(|(id, email, name)| Hit {
                    label: email,
                    detail: name,
                    url: format!("/admin/admin_users/{id}"),
                })
                .collect(),
        });
        // Groups the role may not read were never queried; empty ones say nothing.
        groups.retain(|g| !g.hits.is_empty());
    }
    let title = tr.t("admin-search-title");
    let mut l = AdminLayout::new(&admin, "", title.clone(), vec![here(title)]);
    l.here = format!(
        "/admin/search?{}",
        url::form_urlencoded::Serializer::new(String::new()).append_pair("q", &q).finish()
    );
    Ok(SearchPage { l, q, groups })
}
