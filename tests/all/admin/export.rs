//! Exports of the filtered set: CSV (with formula-injection escaping), XLSX (read back with
//! calamine) and JSON, every page, only the filtered rows.

use actix_web::http::StatusCode;
use hireboard::models::{AdminRole, JobStatus};

use crate::support::{AdminFactory, CompanyFactory, JobFactory, TestApp, backends};

/// 30 published "Engineer" postings (more than a page), a draft, and a posting whose title
/// would run as a formula in a spreadsheet.
fn seed(app: &TestApp) {
    app.with_conn(|c| {
        let co = CompanyFactory::new().name("Acme").create(c);
        for i in 0..30 {
            JobFactory::new(&co).title(&format!("Engineer {i:02}")).create(c);
        }
        JobFactory::new(&co).title("Draft Engineer").status(JobStatus::Draft).create(c);
        JobFactory::new(&co).title("=HYPERLINK(\"http://evil.example\",\"click\")").create(c);
    });
}

async fn signed_in(app: &TestApp, role: AdminRole) {
    let user = app.with_conn(|c| AdminFactory::new().role(role).create(c));
    app.sign_in_as(&user).await;
}

#[actix_web::test]
async fn csv_has_every_filtered_row_and_defuses_formulas() {
    for app in backends() {
        seed(&app);
        signed_in(&app, AdminRole::Viewer).await;
        let res = app.get("/admin/jobs/export.csv?scope=published&title=engineer").await;
        assert_eq!(res.status, StatusCode::OK, "{}", app.backend);
        assert_eq!(res.header("content-type"), Some("text/csv; charset=utf-8"));
        assert!(
            res.header("content-disposition").unwrap().starts_with("attachment; filename=\"jobs-")
        );
        let mut reader = csv::Reader::from_reader(res.body.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[1], "Title");
        let titles: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
        assert_eq!(titles.len(), 30, "{}: all pages, published only", app.backend);
        assert!(titles.iter().all(|t| t.starts_with("Engineer")));

        let all = app.get("/admin/jobs/export.csv").await;
        let mut reader = csv::Reader::from_reader(all.body.as_bytes());
        let titles: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
        assert_eq!(titles.len(), 32);
        assert!(
            titles.contains(&"'=HYPERLINK(\"http://evil.example\",\"click\")".to_owned()),
            "{titles:?}"
        );
    }
}

#[actix_web::test]
async fn xlsx_reads_back_with_typed_cells() {
    use calamine::{Data, Reader, Xlsx};
    for app in backends() {
        seed(&app);
        signed_in(&app, AdminRole::Editor).await;
        let path = "/admin/jobs/export.xlsx?title=engineer&sort=-title";
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(
            res.header("content-type"),
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        );
        let bytes = app.get_bytes(path).await;
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&sheet).unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(
            rows.len(),
            1 + 31,
            "{}: header plus every engineer, draft included",
            app.backend
        );
        assert_eq!(rows[0][1], Data::String("Title".into()));
        assert_eq!(rows[0][2], Data::String("Company".into()));
        // Rows come in id order; numbers and dates are typed cells.
        assert_eq!(rows[1][1], Data::String("Engineer 00".into()));
        assert!(matches!(rows[1][0], Data::Float(_)), "{:?}", rows[1][0]);
        assert!(matches!(rows[1][9], Data::Float(_)), "salary: {:?}", rows[1][9]);
        assert!(matches!(rows[1][14], Data::DateTime(_)), "updated: {:?}", rows[1][14]);
        // The formula-like title is not in this filtered set, but no cell is ever a formula.
        let formulas = book.worksheet_formula(&sheet).unwrap();
        assert_eq!(formulas.used_cells().count(), 0);
    }
}

#[actix_web::test]
async fn json_is_an_array_of_objects() {
    let app = TestApp::sqlite();
    seed(&app);
    signed_in(&app, AdminRole::Admin).await;
    let res = app.get("/admin/jobs/export.json?scope=draft").await;
    assert_eq!(res.status, StatusCode::OK);
    let json = res.json();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "Draft Engineer");
    assert_eq!(rows[0]["status"], "draft");
    assert_eq!(rows[0]["company"], "Acme");
    assert!(rows[0]["published_at"].is_null());
    assert!(rows[0]["salary_min"].is_i64());
    let companies = app.get("/admin/companies/export.json").await.json();
    assert_eq!(companies.as_array().unwrap().len(), 1);
    assert_eq!(companies[0]["name"], "Acme");
    // An empty set is an empty array, not an error.
    let none = app.get("/admin/jobs/export.json?title=nothing-like-this").await.json();
    assert_eq!(none.as_array().unwrap().len(), 0);
}

#[actix_web::test]
async fn exports_need_a_signed_in_user_allowed_to_view() {
    let app = TestApp::sqlite();
    seed(&app);
    assert_eq!(app.get("/admin/jobs/export.csv").await.status, StatusCode::SEE_OTHER);
    signed_in(&app, AdminRole::Editor).await;
    assert_eq!(app.get("/admin/admin_users/export.csv").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/admin/jobs/export.pdf").await.status, StatusCode::NOT_FOUND);
    // The index offers the downloads with its filters.
    let page = app.get("/admin/jobs?title=engineer&scope=published").await.html();
    let links = page.attrs(".exports a", "href");
    assert_eq!(links.len(), 3);
    assert!(
        links.iter().all(|l| l.contains("title=engineer") && l.contains("scope=published")),
        "{links:?}"
    );
}
