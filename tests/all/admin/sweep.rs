//! One sweep over every registered resource and every role: each sortable column both ways,
//! each filter with a sample value, each scope, a second page and the three export formats;
//! every row has a cell per column, and the number of queries per page does not grow with
//! the data.

use actix_web::http::StatusCode;
use diesel::RunQueryDsl;
use hireboard::admin::resource::{FilterKind, Resource};
use hireboard::admin::resources::ALL;
use hireboard::auth::policy::{Action, allows};
use hireboard::i18n::Locale;
use hireboard::models::AdminRole;

use crate::support::{TestApp, backends, every_resource};

const ROLES: [AdminRole; 4] =
    [AdminRole::Admin, AdminRole::Editor, AdminRole::Translator, AdminRole::Viewer];

/// The most queries any list page may run: session, data version, scope counts, the page,
/// what its cells need, saved views.
const MAX_QUERIES: u64 = 7;

/// Every address the sweep visits for `resource`.
fn addresses(resource: &dyn Resource) -> Vec<String> {
    let base = format!("/admin/{}", resource.name());
    let mut out = vec![base.clone(), format!("{base}?page=2&per_page=25")];
    for column in resource.columns().iter().filter(|c| c.sortable) {
        out.push(format!("{base}?sort={}", column.key));
        out.push(format!("{base}?sort=-{}", column.key));
    }
    for filter in resource.filters(&hireboard::i18n::Messages::builtin().tr(Locale::EN)) {
        let key = filter.key;
        let sample = match filter.kind {
            FilterKind::Text => format!("{key}=a"),
            FilterKind::Select(options) => format!("{key}={}", options[0].0),
            FilterKind::Boolean => format!("{key}=true"),
            FilterKind::DateRange => format!("{key}_from=2000-01-01&{key}_to=2100-01-01"),
            FilterKind::NumberRange => format!("{key}_min=0&{key}_max=1000000"),
            FilterKind::Association => format!("{key}=a"),
        };
        out.push(format!("{base}?{sample}"));
    }
    for scope in resource.scopes() {
        out.push(format!("{base}?scope={}", scope.key));
    }
    out
}

/// Visits every address of every resource; returns the queries each page ran.
async fn sweep(app: &TestApp) -> Vec<(String, u64)> {
    let mut seen = Vec::new();
    for resource in ALL {
        for path in addresses(resource) {
            let before = app.queries();
            let res = app.get(&path).await;
            let queries = app.queries() - before;
            assert_eq!(res.status, StatusCode::OK, "{}: {path}: {}", app.backend, res.body);
            let page = res.html();
            let rows = page.count(".index-table tbody tr");
            let headers = page.count(".index-table thead th");
            assert_eq!(
                page.count(".index-table tbody td"),
                rows * headers,
                "{}: {path}: a cell per column",
                app.backend
            );
            if !path.contains('?') || path.contains("sort=") {
                assert!(rows > 0, "{}: {path} lists nothing", app.backend);
            }
            assert!(queries <= MAX_QUERIES, "{}: {path} ran {queries} queries", app.backend);
            seen.push((path, queries));
        }
        for (format, content_type) in [
            ("csv", "text/csv"),
            ("xlsx", "application/vnd.openxmlformats"),
            ("json", "application/json"),
        ] {
            let path = format!("/admin/{}/export.{format}", resource.name());
            let res = app.get(&path).await;
            assert_eq!(res.status, StatusCode::OK, "{}: {path}", app.backend);
            assert!(
                res.header("content-type").unwrap_or_default().starts_with(content_type),
                "{}: {path}",
                app.backend
            );
            if format == "csv" {
                let header = res.body.lines().next().unwrap_or_default();
                assert_eq!(
                    header.split(',').count(),
                    resource.export_columns().len(),
                    "{}: {path}: {header}",
                    app.backend
                );
                assert!(res.body.lines().count() > 1, "{}: {path} is empty", app.backend);
            }
        }
    }
    seen
}

#[actix_web::test]
async fn every_resource_sorts_filters_scopes_and_exports_in_a_fixed_number_of_queries() {
    for mut app in backends() {
        app.with_conn(every_resource);
        let _admin = app.signed_in(AdminRole::Admin).await;
        let first = sweep(&app).await;
        app.with_conn(every_resource);
        // Each sweep starts with no cached scope counts, so both count the same lists: counts
        // kept from the first sweep could turn stale (they are trusted for a minute) between
        // two visits of one list in the second, and it would count once more than the first.
        app.state.scope_counts = Default::default();
        let again = sweep(&app).await;
        for ((path, before), (_, after)) in first.iter().zip(&again) {
            // A page that ran more queries is measured once more: a count recomputed because
            // its cache entry timed out on the way (or any one-off) does not repeat, while
            // queries that grow with the data do.
            let after = if after > before {
                let start = app.queries();
                app.get(path).await;
                app.queries() - start
            } else {
                *after
            };
            assert!(after <= *before, "{}: {path}: queries grew with the data", app.backend);
        }
    }
}

/// The most queries a show page may run: session, the record, what its panels read (at most
/// two: related records), its comments and its history.
const MAX_SHOW_QUERIES: u64 = 6;

/// Every resource's show page, for a record of each: found, and in a fixed number of queries.
#[actix_web::test]
async fn every_resource_shows_a_record_in_a_fixed_number_of_queries() {
    for app in backends() {
        app.with_conn(every_resource);
        let _admin = app.signed_in(AdminRole::Admin).await;
        for resource in ALL {
            seen_now(&app);
            let table = resource.table();
            let id: i64 = app.with_conn(|conn| {
                #[derive(diesel::QueryableByName)]
                struct Id {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    id: i64,
                }
                diesel::sql_query(format!("SELECT MIN(id) AS id FROM {table}"))
                    .get_result::<Id>(conn)
                    .expect("a record")
                    .id
            });
            let path = format!("/admin/{}/{id}", resource.name());
            let ran = queries(&app, &path).await;
            assert!(ran <= MAX_SHOW_QUERIES, "{}: {path} ran {ran} queries", app.backend);
            let missing = format!("/admin/{}/{}", resource.name(), id + 1_000_000);
            assert_eq!(
                app.get(&missing).await.status,
                StatusCode::NOT_FOUND,
                "{}: {missing}",
                app.backend
            );
        }
    }
}

/// Marks the session as seen now. It is marked once a minute, a write that would fall into one
/// of the visits measured when the suite runs slowly; marked now, it falls into none of the
/// next minute's.
fn seen_now(app: &TestApp) {
    use diesel::ExpressionMethods;
    use hireboard::db::schema::admin_sessions;
    app.with_conn(|conn| {
        diesel::update(admin_sessions::table)
            .set(admin_sessions::last_seen_at.eq(hireboard::db::now()))
            .execute(conn)
    })
    .expect("mark the session seen");
}

/// The queries one visit of `path` runs.
async fn queries(app: &TestApp, path: &str) -> u64 {
    let before = app.queries();
    assert_eq!(app.get(path).await.status, StatusCode::OK, "{path}");
    app.queries() - before
}

/// Scope counts are cached until the listed table changes: a second visit does not count
/// again, and any change to the table (here an update that keeps every value) does.
#[actix_web::test]
async fn every_resource_counts_its_scopes_again_after_its_table_changes() {
    for app in backends() {
        app.with_conn(every_resource);
        let _admin = app.signed_in(AdminRole::Admin).await;
        for resource in ALL {
            seen_now(&app);
            let path = format!("/admin/{}", resource.name());
            let counted = queries(&app, &path).await;
            let cached = queries(&app, &path).await;
            assert!(
                cached < counted,
                "{}: {path}: {cached} queries cached, {counted} counted",
                app.backend
            );
            let table = resource.table();
            app.with_conn(|conn| {
                diesel::sql_query(format!(
                    "UPDATE {table} SET id = id WHERE id = (SELECT MIN(id) FROM {table})"
                ))
                .execute(conn)
            })
            .expect("touch a row");
            assert_eq!(
                queries(&app, &path).await,
                counted,
                "{}: {path} after a change",
                app.backend
            );
        }
    }
}

#[actix_web::test]
async fn every_resource_and_its_exports_answer_each_role_as_the_policy_says() {
    let app = TestApp::sqlite();
    app.with_conn(every_resource);
    for role in ROLES {
        let _user = app.signed_in(role).await;
        for resource in ALL {
            let may = allows(role, resource.area(), Action::View);
            for path in [
                format!("/admin/{}", resource.name()),
                format!("/admin/{}/export.csv", resource.name()),
            ] {
                let status = app.get(&path).await.status;
                let expected = if may { StatusCode::OK } else { StatusCode::FORBIDDEN };
                assert_eq!(status, expected, "{role:?}: {path}");
            }
        }
    }
}
