//! `/{locale}/jobs/map.json`: the search's postings as GeoJSON clusters, within the feature
//! limit whatever the number of postings, each cluster leading to its postings.

use hireboard::models::Workplace;
use hireboard::web::map::MAX_FEATURES;

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn features(body: &serde_json::Value) -> &Vec<serde_json::Value> {
    body["features"].as_array().expect("features")
}

fn counts(body: &serde_json::Value) -> u64 {
    features(body).iter().map(|f| f["properties"]["count"].as_u64().unwrap()).sum()
}

#[actix_web::test]
async fn clusters_follow_the_filters_and_lead_to_their_postings() {
    for app in backends() {
        let b = app.backend;
        app.with_conn(|c| {
            let co = CompanyFactory::new().name("Kartenhaus").create(c);
            // Three in Berlin, close together; one in Munich; one remote, with no place.
            for (i, point) in
                [(52.520, 13.405), (52.521, 13.410), (52.515, 13.400)].iter().enumerate()
            {
                JobFactory::new(&co).title(&format!("Berlin {i}")).at(Some(*point)).create(c);
            }
            JobFactory::new(&co)
                .title("Munich welder")
                .location("Munich", "DE")
                .workplace(Workplace::Hybrid)
                .at(Some((48.137, 11.575)))
                .create(c);
            JobFactory::new(&co).title("Anywhere").remote_countries(&[]).at(None).create(c);
        });
        app.refresh_search();

        let res = app.get("/en/jobs/map.json?zoom=6").await;
        assert_eq!(res.status, 200, "{b}: {}", res.body);
        assert_eq!(res.header("content-type"), Some("application/geo+json"));
        let body = res.json();
        assert_eq!(body["type"], "FeatureCollection");
        assert_eq!((body["total"].as_u64(), body["unplaced"].as_u64()), (Some(5), Some(1)), "{b}");
        assert_eq!(body["note"], "1 job has no place on the map (remote).", "{b}");
        let f = features(&body);
        assert_eq!(f.len(), 2, "{b}: Berlin's three in one cluster, Munich alone: {body}");
        assert_eq!(f[0]["properties"]["count"], 3);
        assert_eq!(f[0]["properties"]["label"], "3 jobs");
        // The cluster's postings: its list link finds exactly them.
        let list = f[0]["properties"]["list"].as_str().unwrap();
        let page = app.get(list).await.html();
        let mut titles = page.texts(".job-card-title");
        titles.sort();
        assert_eq!(titles, ["Berlin 0", "Berlin 1", "Berlin 2"], "{b}: {list}");
        // A posting alone is a marker that names it, at its point (GeoJSON: lon, lat).
        let munich = &f[1];
        assert_eq!(munich["geometry"]["coordinates"], serde_json::json!([11.575, 48.137]));
        assert_eq!(munich["properties"]["title"], "Munich welder");
        assert_eq!(munich["properties"]["company"], "Kartenhaus");
        let url = munich["properties"]["url"].as_str().unwrap();
        assert_eq!(app.get(url).await.status, 200, "{b}");

        // Close enough, the three come apart; the search's filters apply; so does the box.
        assert_eq!(features(&app.get("/en/jobs/map.json?zoom=18").await.json()).len(), 4, "{b}");
        let hybrid = app.get("/de/jobs/map.json?workplace=hybrid").await.json();
        assert_eq!((hybrid["total"].as_u64(), features(&hybrid).len()), (Some(1), 1), "{b}");
        let north = app.get("/en/jobs/map.json?bbox=5,50,20,55").await.json();
        assert_eq!((north["total"].as_u64(), counts(&north)), (Some(3), 3), "{b}");
        // Nonsense is ignored as on the search page, never an error.
        let odd = app.get("/en/jobs/map.json?zoom=99&bbox=x&workplace=moon").await;
        assert_eq!(odd.status, 200, "{b}");
        assert_eq!(odd.json()["total"], 5, "{b}");
    }
}

#[actix_web::test]
async fn a_map_never_has_more_than_its_feature_limit() {
    let app = TestApp::sqlite();
    let n = MAX_FEATURES + 150;
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        // Every posting at its own point, spread over Europe.
        for i in 0..n {
            let (row, column) = ((i / 40) as f64, (i % 40) as f64);
            JobFactory::new(&co).at(Some((40.0 + row * 0.5, -5.0 + column * 0.75))).create(c);
        }
    });
    app.refresh_search();
    for zoom in [0, 3, 6, 9, 12, 15, 20] {
        let body = app.get(&format!("/en/jobs/map.json?zoom={zoom}")).await.json();
        let f = features(&body);
        assert!(!f.is_empty() && f.len() <= MAX_FEATURES, "zoom {zoom}: {}", f.len());
        assert_eq!(counts(&body), n as u64, "zoom {zoom}: every posting in one feature");
    }
    // Deep in, each posting would be its own marker: the limit holds by coarser cells.
    let deep = app.get("/en/jobs/map.json?zoom=20").await.json();
    assert!(features(&deep).len() > MAX_FEATURES / 4, "still detailed");
}
