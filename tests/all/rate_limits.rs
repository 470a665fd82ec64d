//! Rate limits count in the database: every app instance on it counts together, the window
//! slides, and old windows do not pile up.

use std::net::IpAddr;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use hireboard::AppState;
use hireboard::auth::rate_limit::Limit;
use hireboard::db::schema::rate_limits;

use crate::support::backends;

const LIMIT: Limit = Limit { bucket: "test", max: 3, window: std::time::Duration::from_secs(600) };

/// A window's start: a multiple of ten minutes, in Unix seconds.
const EDGE: i64 = 3_000_000 * 600;

fn at(minutes: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(EDGE, 0).unwrap().naive_utc() + Duration::minutes(minutes)
}

fn allow(state: &AppState, client: &str, when: NaiveDateTime) -> bool {
    let client: IpAddr = client.parse().unwrap();
    LIMIT.allow(&mut state.pool.get().unwrap(), client, when).unwrap()
}

#[actix_web::test]
async fn app_instances_on_one_database_share_a_limit() {
    for app in backends() {
        let other = AppState::open((*app.state.config).clone()).expect("second instance");
        let (a, b) = (&app.state, &other);
        assert!(allow(a, "203.0.113.7", at(1)));
        assert!(allow(b, "203.0.113.7", at(1)));
        assert!(allow(a, "203.0.113.7", at(2)));
        // The fourth attempt is refused whichever server it reaches…
        assert!(!allow(b, "203.0.113.7", at(2)), "{}", app.backend);
        assert!(!allow(a, "203.0.113.7", at(3)), "{}", app.backend);
        // …and refusals are not counted; other clients and other limits are not affected.
        assert!(allow(b, "203.0.113.8", at(3)));
        assert!(
            hireboard::state::LOGIN_LIMIT
                .allow(&mut a.pool.get().unwrap(), "203.0.113.7".parse().unwrap(), at(3))
                .unwrap()
        );
        let hits: i32 = app.with_conn(|c| {
            rate_limits::table
                .filter(rate_limits::bucket.eq("test"))
                .filter(rate_limits::client.eq("203.0.113.7"))
                .select(rate_limits::hits)
                .first(c)
                .unwrap()
        });
        assert_eq!(hits, 3, "{}", app.backend);
        // An IPv6 host cannot step around its limit by changing addresses within its /64.
        for host in ["1", "2", "3"] {
            assert!(allow(a, &format!("2001:db8:1:2::{host}"), at(4)));
        }
        assert!(!allow(b, "2001:db8:1:2:dead:beef::9", at(4)), "{}", app.backend);
        assert!(allow(b, "2001:db8:1:3::1", at(4)));
    }
}

#[actix_web::test]
async fn the_window_slides_instead_of_resetting() {
    for app in backends() {
        let s = &app.state;
        for minute in [7, 8, 9] {
            assert!(allow(s, "198.51.100.1", at(minute)));
        }
        // One minute into the next fixed window the three attempts of minutes 7 to 9 are still
        // within the last ten minutes: a limit that reset at the edge would allow three more.
        assert!(!allow(s, "198.51.100.1", at(11)), "{}", app.backend);
        // Half-way through, half of them still count: one attempt fits, not two.
        assert!(allow(s, "198.51.100.1", at(15)), "{}", app.backend);
        assert!(!allow(s, "198.51.100.1", at(15)), "{}", app.backend);
        // Starting a window drops those before the previous one, for every client.
        assert!(allow(s, "198.51.100.2", at(25)));
        let windows: Vec<(String, i64)> = app.with_conn(|c| {
            rate_limits::table
                .filter(rate_limits::bucket.eq("test"))
                .select((rate_limits::client, rate_limits::window_start))
                .order((rate_limits::client, rate_limits::window_start))
                .load(c)
                .unwrap()
        });
        let start = |minutes: i64| at(minutes).and_utc().timestamp();
        assert_eq!(
            windows,
            [("198.51.100.1".to_owned(), start(10)), ("198.51.100.2".to_owned(), start(20)),],
            "{}",
            app.backend
        );
    }
}
