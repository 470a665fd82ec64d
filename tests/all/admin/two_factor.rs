//! The second factor's model on every backend: turned on with a first code, each code good
//! once, recovery codes single-use, turned off with its codes.

use hireboard::models::second_factor::{self, Checked};

use crate::support::{AdminFactory, backends};

/// The current code of `secret` at `at`, as an authenticator app shows it.
fn code_at(secret: &[u8], at: chrono::NaiveDateTime) -> String {
    hireboard::auth::totp::code_at(secret, at.and_utc().timestamp() as u64).expect("a code")
}

#[test]
fn codes_count_once_and_recovery_codes_are_single_use() {
    for app in backends() {
        let user = app.with_conn(|c| AdminFactory::new().create(c));
        let secret = hireboard::auth::totp::new_secret();
        let t0 = hireboard::db::now();
        app.with_conn(|c| {
            // A wrong first code turns nothing on.
            assert_eq!(
                second_factor::enable(c, user.id, &secret, "000000", t0).unwrap(),
                None
            );
            let code = code_at(&secret, t0);
            let recovery = second_factor::enable(c, user.id, &secret, &code, t0)
                .unwrap()
                .expect("enabled");
            assert_eq!(recovery.len(), 10);
            // The enrolment's code is spent; the next step's code works once.
            assert_eq!(
                second_factor::check(c, user.id, &code, t0).unwrap(),
                Checked::Refused
            );
            let t1 = t0 + chrono::Duration::seconds(30);
            let next = code_at(&secret, t1);
            assert_eq!(
                second_factor::check(c, user.id, &next, t1).unwrap(),
                Checked::Code
            );
            assert_eq!(
                second_factor::check(c, user.id, &next, t1).unwrap(),
                Checked::Refused
            );
            // A recovery code, however typed, once.
            let typed = recovery[3].to_uppercase();
            assert_eq!(
                second_factor::check(c, user.id, &typed, t1).unwrap(),
                Checked::RecoveryCode { left: 9 }
            );
            assert_eq!(
                second_factor::check(c, user.id, &typed, t1).unwrap(),
                Checked::Refused
            );
            // Off: no code works, and the codes are gone.
            assert!(second_factor::disable(c, user.id).unwrap());
            assert!(!second_factor::disable(c, user.id).unwrap());
            let t2 = t1 + chrono::Duration::seconds(30);
            assert_eq!(
                second_factor::check(c, user.id, &code_at(&secret, t2), t2).unwrap(),
                Checked::Refused
            );
            assert_eq!(
                second_factor::check(c, user.id, &recovery[4], t2).unwrap(),
                Checked::Refused
            );
        });
    }
}
