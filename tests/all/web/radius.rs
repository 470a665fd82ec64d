//! Location search (`near`, `radius`, `remote`, `sort=distance`) on the search page and the
//! API: results checked against distances this test computes by another formula.

use hireboard::models::{JobStatus, Workplace};

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

const RADII: [u32; 6] = [5, 10, 25, 50, 100, 200];
const FRANKFURT: (f64, f64) = (50.1109, 8.6821);

/// The great-circle distance by the spherical law of cosines (the app uses the haversine
/// formula: two formulas agreeing is the check), on a sphere of the mean Earth radius.
fn kilometres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dl = (b.1 - a.1).to_radians();
    let c = p1.sin() * p2.sin() + p1.cos() * p2.cos() * dl.cos();
    6371.0088 * c.clamp(-1.0, 1.0).acos()
}

/// A posting made by [`seed`]: where it is, and what it is.
#[derive(Debug, Clone)]
struct Placed {
    slug: String,
    title: String,
    point: Option<(f64, f64)>,
    workplace: Workplace,
}

/// Postings scattered over a few hundred kilometres around Frankfurt (the same for every
/// backend), some without coordinates and two remote ones; newest first.
fn seed(app: &TestApp) -> Vec<Placed> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut unit = move || {
        // xorshift64*: deterministic, independent of any crate's generator.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    };
    app.with_conn(|c| {
        let company = CompanyFactory::new().name("Rhein Main Works").create(c);
        let mut placed = Vec::new();
        for i in 0..44 {
            // Denser near the centre, as a region's jobs are.
            let spread = unit().powi(2);
            let point = (i % 11 != 5).then(|| {
                (
                    FRANKFURT.0 + (unit() - 0.5) * 3.8 * spread,
                    FRANKFURT.1 + (unit() - 0.5) * 5.8 * spread,
                )
            });
            let workplace = if i % 4 == 1 { Workplace::Hybrid } else { Workplace::Onsite };
            let job = JobFactory::new(&company)
                .title(&format!("Placed role {i}"))
                .workplace(workplace)
                .at(point)
                .published_minutes_ago(10 + i)
                .create(c);
            placed.push(Placed { slug: job.slug, title: job.title, point, workplace });
        }
        for i in 0..2 {
            let job = JobFactory::new(&company)
                .title(&format!("Remote role {i}"))
                .remote_countries(&[])
                .at(None)
                .published_minutes_ago(100 + i)
                .create(c);
            placed.push(Placed {
                slug: job.slug,
                title: job.title,
                point: None,
                workplace: Workplace::Remote,
            });
        }
        JobFactory::new(&company)
            .title("Draft nearby")
            .status(JobStatus::Draft)
            .at(Some(FRANKFURT))
            .create(c);
        app.refresh_search();
        placed
    })
}

/// The postings within `km` of `centre`, nearest first (ties newest first), with distances.
fn expected(placed: &[Placed], centre: (f64, f64), km: u32) -> Vec<(&Placed, f64)> {
    let mut within: Vec<(&Placed, f64)> = placed
        .iter()
        .filter_map(|p| p.point.map(|point| (p, kilometres(centre, point))))
        .filter(|(_, d)| *d <= f64::from(km))
        .collect();
    within.sort_by(|a, b| a.1.total_cmp(&b.1));
    within
}

/// No posting lies within 10 m of a radius: rounding cannot decide a case either way.
fn assert_clear_of_the_circles(placed: &[Placed], centre: (f64, f64)) {
    for p in placed {
        if let Some(point) = p.point {
            let d = kilometres(centre, point);
            assert!(RADII.iter().all(|r| (d - f64::from(*r)).abs() > 0.01), "{} at {d}", p.slug);
        }
    }
}

fn slugs(body: &serde_json::Value) -> Vec<String> {
    body["data"].as_array().unwrap().iter().map(|j| j["slug"].as_str().unwrap().into()).collect()
}

#[actix_web::test]
async fn radius_results_are_exactly_the_postings_within_it_nearest_first() {
    for app in backends() {
        let b = app.backend;
        let placed = seed(&app);
        assert_clear_of_the_circles(&placed, FRANKFURT);
        let near = format!("near={},{}", FRANKFURT.0, FRANKFURT.1);
        let mut sizes = Vec::new();
        for km in RADII {
            let want = expected(&placed, FRANKFURT, km);
            sizes.push(want.len());
            let res =
                app.get(&format!("/api/v1/jobs?{near}&radius={km}&sort=distance&limit=100")).await;
            assert_eq!(res.status, 200, "{b} {km} km: {}", res.body);
            let body = res.json();
            let want_slugs: Vec<String> = want.iter().map(|(p, _)| p.slug.clone()).collect();
            assert_eq!(slugs(&body), want_slugs, "{b} {km} km");
            assert_eq!(body["total"], want.len(), "{b} {km} km");
            for (item, (p, d)) in body["data"].as_array().unwrap().iter().zip(&want) {
                let got = item["distance_km"].as_f64().unwrap();
                assert!((got - d).abs() < 0.002, "{b} {}: {got} against {d}", p.slug);
            }
            // The same set newest first, and a page at a time through the cursor.
            let newest =
                app.get(&format!("/api/v1/jobs?{near}&radius={km}&limit=100")).await.json();
            let mut by_age = want_slugs.clone();
            by_age.sort_by_key(|slug| placed.iter().position(|p| &p.slug == slug));
            assert_eq!(slugs(&newest), by_age, "{b} {km} km newest first");
        }
        assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{b}: every radius adds some: {sizes:?}");

        // Remote postings come with `remote=include`, after every distance.
        let body = app
            .get(&format!("/api/v1/jobs?{near}&radius=25&remote=include&sort=distance&limit=100"))
            .await
            .json();
        let mut want: Vec<String> =
            expected(&placed, FRANKFURT, 25).iter().map(|(p, _)| p.slug.clone()).collect();
        want.extend(
            placed.iter().filter(|p| p.workplace == Workplace::Remote).map(|p| p.slug.clone()),
        );
        assert_eq!(slugs(&body), want, "{b}");
        assert!(body["data"].as_array().unwrap().last().unwrap().get("distance_km").is_none());

        // The page: the same postings, each card saying how far it is.
        let want = expected(&placed, FRANKFURT, 100);
        let page = app.get(&format!("/en/jobs?{near}&radius=100&sort=distance")).await;
        assert_eq!(page.status, 200, "{b}");
        let html = page.html();
        let titles: Vec<String> = want.iter().take(20).map(|(p, _)| p.title.clone()).collect();
        assert_eq!(html.texts(".job-card-title"), titles, "{b}");
        assert_eq!(html.text(".results-total"), format!("{} jobs", want.len()), "{b}");
        let shown: Vec<String> = want
            .iter()
            .take(20)
            .map(|(_, d)| match *d {
                d if d < 1.0 => "Less than 1 km away".to_owned(),
                d if d < 10.0 => format!("{d:.1} km away"),
                d => format!("{d:.0} km away"),
            })
            .collect();
        assert_eq!(html.texts(".job-card .distance"), shown, "{b}");
        assert_eq!(html.attr("#radius option[selected]", "value"), "100");
        let chips = html.texts(".active-filters .chip");
        assert_eq!(chips, ["Within 100 km of 50.1109° N, 8.6821° E ×"], "{b}");
        // Without a centre nothing is sorted by distance, and nothing is said about it.
        let plain = app.get("/en/jobs?radius=100&sort=distance").await.html();
        assert_eq!(plain.count(".job-card .distance"), 0, "{b}");
        assert_eq!(plain.text(".results-total"), format!("{} jobs", placed.len()), "{b}");
    }
}

#[actix_web::test]
async fn an_empty_area_offers_the_wider_radii_that_have_results() {
    for app in backends() {
        let b = app.backend;
        let placed = seed(&app);
        // North of every posting: the nearest is well over 25 km away.
        let centre = (FRANKFURT.0 + 2.6, FRANKFURT.1);
        assert_clear_of_the_circles(&placed, centre);
        assert!(expected(&placed, centre, 25).is_empty());
        let onsite: Vec<Placed> =
            placed.iter().filter(|p| p.workplace == Workplace::Onsite).cloned().collect();
        let want: Vec<String> = RADII
            .iter()
            .filter(|km| **km > 25)
            .map(|km| (km, expected(&onsite, centre, *km).len()))
            .filter(|(_, n)| *n > 0)
            .map(|(km, n)| format!("Within {km} km {n} job{}", if n == 1 { "" } else { "s" }))
            .collect();
        assert!(!want.is_empty(), "the seed has postings within 200 km");
        let page = app
            .get(&format!("/en/jobs?near={},{}&workplace=onsite", centre.0, centre.1))
            .await
            .html();
        assert_eq!(page.texts(".empty .wider li"), want, "{b}");
        // Following one finds that many.
        let link = page.attrs(".empty .wider a", "href").pop().unwrap();
        let wider = app.get(&link).await.html();
        assert_eq!(wider.count(".job-card"), expected(&onsite, centre, 200).len().min(20), "{b}");
    }
}

#[actix_web::test]
async fn a_city_s_name_searches_around_its_postings_and_an_unknown_one_is_said() {
    for app in backends() {
        let b = app.backend;
        let (cologne, near_cologne, far) = ((50.9375, 6.9603), (50.95, 7.0), (50.5, 8.5));
        let (east, west, north) = ((50.94, 6.99), (50.93, 6.93), (50.96, 6.95));
        app.with_conn(|c| {
            let company = CompanyFactory::new().create(c);
            for (title, point) in [("Dom east", east), ("Dom west", west), ("Dom north", north)] {
                JobFactory::new(&company)
                    .title(title)
                    .location("Köln", "DE")
                    .at(Some(point))
                    .create(c);
            }
            JobFactory::new(&company)
                .title("Mülheim")
                .location("Mülheim", "DE")
                .at(Some(near_cologne))
                .create(c);
            JobFactory::new(&company)
                .title("Faraway")
                .location("Gießen", "DE")
                .at(Some(far))
                .create(c);
        });
        app.refresh_search();
        // Köln's centre is the middle of its postings.
        let centre = ((east.0 + west.0 + north.0) / 3.0, (east.1 + west.1 + north.1) / 3.0);
        assert!(kilometres(centre, cologne) < 3.0);
        assert!(kilometres(centre, near_cologne) < 5.0 && kilometres(centre, far) > 100.0);
        let page = app.get("/en/jobs?near=k%C3%B6ln&radius=5&sort=distance").await.html();
        let mut want = [
            ("Dom east", east),
            ("Dom west", west),
            ("Dom north", north),
            ("Mülheim", near_cologne),
        ];
        want.sort_by(|a, b| kilometres(centre, a.1).total_cmp(&kilometres(centre, b.1)));
        assert_eq!(page.texts(".job-card-title"), want.map(|w| w.0), "{b}");
        assert_eq!(page.texts(".active-filters .chip"), ["Within 5 km of Köln ×"], "{b}");

        let page = app.get("/de/jobs?near=Atlantis&radius=5").await.html();
        assert_eq!(
            page.texts(".notice li"),
            [
                "Den Ort „Atlantis“ kennen wir nicht, daher ist die Suche nicht auf eine Gegend beschränkt."
            ],
            "{b}"
        );
        assert_eq!(page.count(".job-card"), 5, "{b}");
        assert_eq!(page.attr("#near", "value"), "", "{b}");

        let res = app.get("/api/v1/jobs?near=Atlantis").await;
        assert_eq!(res.status, 422, "{b}");
        assert_eq!(res.json()["errors"][0]["name"], "near", "{b}");
        let res = app.get("/api/v1/jobs?near=K%C3%B6ln&radius=5").await;
        assert_eq!(res.json()["total"], 4, "{b}");
    }
}
