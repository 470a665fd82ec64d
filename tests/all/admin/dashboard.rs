//! The dashboard's figures, counted by the database on every backend.

use hireboard::models::{AdminRole, JobStatus};

use crate::support::{CompanyFactory, JobFactory, backends};

/// The chart counts the postings published in each of the last twelve weeks (this one last),
/// with one grouped count: older ones and drafts are left out.
#[actix_web::test]
async fn the_chart_counts_postings_published_per_week() {
    for app in backends() {
        let backend = app.backend;
        app.signed_in(AdminRole::Viewer).await;
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).published_days_ago(0).create(c);
            JobFactory::new(&co).published_minutes_ago(1).create(c);
            JobFactory::new(&co).published_days_ago(21).create(c);
            JobFactory::new(&co).published_days_ago(22).status(JobStatus::Expired).create(c);
            JobFactory::new(&co).published_days_ago(200).create(c);
            JobFactory::new(&co).status(JobStatus::Draft).create(c);
        });
        let page = app.get("/admin").await;
        assert_eq!(page.status, 200, "{backend}");
        let html = page.html();
        let counts: Vec<String> = html
            .texts(".chart g title")
            .iter()
            .map(|t| t.rsplit(": ").next().unwrap_or_default().to_owned())
            .collect();
        let mut want = vec!["0"; 12];
        want[11] = "2";
        // 21 days back is three weeks before this one; 22 days back is then or a week earlier.
        let three_back: i64 = counts[8].parse().unwrap();
        let four_back: i64 = counts[7].parse().unwrap();
        assert_eq!(three_back + four_back, 2, "{backend}: {counts:?}");
        want[8] = &counts[8];
        want[7] = &counts[7];
        assert_eq!(counts, want, "{backend}");
        assert!(
            html.text("#chart-summary").contains('4'),
            "{backend}: {}",
            html.text("#chart-summary")
        );
    }
}
