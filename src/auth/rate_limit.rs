//! Per-client limits on actions worth slowing down: sign-in attempts (on top of the per-account
//! lockout, so one address trying many accounts is slowed too) and job alert sign-ups (each
//! mails a stranger's address).
//!
//! The counts live in the database, not in each process: behind a load balancer every app
//! server counts together, where in-memory counts gave a client as many attempts per server.
//! A window slides by weighing the previous fixed window by how much of it still overlaps
//! (the approximation Cloudflare and nginx-style limiters use): two small rows per client, no
//! boundary burst of twice the limit. Counting is an `UPDATE … WHERE hits < room`, which the
//! database serializes per row, so parallel attempts cannot overshoot.

use std::net::IpAddr;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use crate::db::DbConn;
use crate::db::schema::rate_limits;

/// A limit: at most `max` actions of one kind per client in any `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// What is counted; part of the key, so limits never share counts.
    pub bucket: &'static str,
    pub max: u32,
    pub window: Duration,
}

impl Limit {
    /// Counts an action by `client` at `now`; false when the client is over its limit (the
    /// refused action is not counted).
    pub fn allow(
        &self,
        conn: &mut DbConn,
        client: IpAddr,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        self.allow_key(conn, &client_key(client), now)
    }

    /// The window's length, the moment `now`, and the start of the current fixed window, in
    /// seconds.
    fn clock(&self, now: NaiveDateTime) -> (i64, i64, i64) {
        let length = self.window.as_secs().max(1) as i64;
        let at = now.and_utc().timestamp();
        (length, at, at - at.rem_euclid(length))
    }

    /// Counts an action by whatever `client` names (an address hash, an account) at `now`.
    pub fn allow_key(
        &self,
        conn: &mut DbConn,
        client: &str,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        Ok(self.take_key(conn, client, now)?.allowed)
    }

    /// Counts an action by `client` at `now`, and says how much room is left: what an API
    /// answers in its `RateLimit` and `Retry-After` headers. Two statements when allowed.
    pub fn take_key(
        &self,
        conn: &mut DbConn,
        client: &str,
        now: NaiveDateTime,
    ) -> QueryResult<Taken> {
        let (length, at, current) = self.clock(now);
        let key = rate_limits::bucket.eq(self.bucket).and(rate_limits::client.eq(client));
        let hits: Vec<(i64, i32)> = rate_limits::table
            .filter(key)
            .filter(rate_limits::window_start.ge(current - length))
            .select((rate_limits::window_start, rate_limits::hits))
            .load(conn)?;
        let of = |start: i64| hits.iter().find(|(s, _)| *s == start).map_or(0, |(_, h)| *h);
        let (previous, mine) = (of(current - length), of(current).max(0) as u32);
        let room = room(self.max, previous, (at - current) as f64 / length as f64);
        let refused = || Taken {
            allowed: false,
            remaining: 0,
            retry_after: wait(self.max, previous, mine.max(room), at - current, length),
        };
        if mine >= room {
            return Ok(refused());
        }
        if !self.count(conn, client, current, length, room)? {
            return Ok(refused());
        }
        Ok(Taken { allowed: true, remaining: room - mine - 1, retry_after: 0 })
    }

    /// Adds one to `client`'s count in the window starting at `current` unless it already
    /// holds `room`; false when it did.
    fn count(
        &self,
        conn: &mut DbConn,
        client: &str,
        current: i64,
        length: i64,
        room: u32,
    ) -> QueryResult<bool> {
        let key = rate_limits::bucket.eq(self.bucket).and(rate_limits::client.eq(client));
        let count = |conn: &mut DbConn| {
            diesel::update(
                rate_limits::table
                    .filter(key)
                    .filter(rate_limits::window_start.eq(current))
                    .filter(rate_limits::hits.lt(room as i32)),
            )
            .set(rate_limits::hits.eq(rate_limits::hits + 1))
            .execute(conn)
        };
        if count(conn)? == 1 {
            return Ok(true);
        }
        // In its own (nested) transaction: on PostgreSQL a unique violation would otherwise
        // spoil a transaction the caller may have open.
        let started = conn.transaction(|conn| {
            diesel::insert_into(rate_limits::table)
                .values((
                    rate_limits::bucket.eq(self.bucket),
                    rate_limits::client.eq(client),
                    rate_limits::window_start.eq(current),
                    rate_limits::hits.eq(1),
                ))
                .execute(conn)
        });
        let started = match started {
            Ok(_) => true,
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => false,
            Err(e) => return Err(e),
        };
        if started {
            // A new window for this client: the windows before the previous one count for
            // nobody any more. Done here rather than by a task, so the table only ever holds
            // the clients of the last two windows.
            diesel::delete(
                rate_limits::table
                    .filter(rate_limits::bucket.eq(self.bucket))
                    .filter(rate_limits::window_start.lt(current - length)),
            )
            .execute(conn)?;
            return Ok(true);
        }
        // Another server started the window between the two statements: count in its row.
        Ok(count(conn)? == 1)
    }

    /// How many more actions `client` may take now (0 when the next would be refused).
    pub fn remaining_key(
        &self,
        conn: &mut DbConn,
        client: &str,
        now: NaiveDateTime,
    ) -> QueryResult<u32> {
        let (length, at, current) = self.clock(now);
        let hits: Vec<(i64, i32)> = rate_limits::table
            .filter(rate_limits::bucket.eq(self.bucket))
            .filter(rate_limits::client.eq(client))
            .filter(rate_limits::window_start.ge(current - length))
            .select((rate_limits::window_start, rate_limits::hits))
            .load(conn)?;
        let of = |start: i64| hits.iter().find(|(s, _)| *s == start).map_or(0, |(_, h)| *h);
        let room = room(self.max, of(current - length), (at - current) as f64 / length as f64);
        Ok(room.saturating_sub(of(current).max(0) as u32))
    }
}

/// What counting one action left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub allowed: bool,
    /// How many more actions the client may take right now.
    pub remaining: u32,
    /// When refused: the seconds until the next action would be allowed.
    pub retry_after: u64,
}

/// The seconds until a client that holds `mine` actions in the current window (`elapsed`
/// seconds into it) and `previous` in the one before gets room for one more: the previous
/// window's weight fades through the current one, then the current one's through the next.
fn wait(max: u32, previous: i32, mine: u32, elapsed: i64, length: i64) -> u64 {
    (1..=2 * length)
        .find(|s| {
            let at = elapsed + s;
            if at < length {
                room(max, previous, at as f64 / length as f64) > mine
            } else {
                room(max, mine as i32, (at - length) as f64 / length as f64) > 0
            }
        })
        .unwrap_or(2 * length) as u64
}

/// What a client is counted as: its IPv4 address, or its IPv6 /64 (one subscriber's network:
/// a single host can take any address in it, so counting addresses would not limit it).
fn client_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !(u128::MAX >> 64);
            format!("{}/64", std::net::Ipv6Addr::from(network))
        }
    }
}

/// How many actions the current window may hold when the previous one held `previous` and
/// `elapsed` (0..1) of the current one has passed: the previous window's part that still lies
/// within the sliding window counts against the limit, rounded up so as never to allow more.
fn room(max: u32, previous: i32, elapsed: f64) -> u32 {
    let carried = (f64::from(previous.max(0)) * (1.0 - elapsed.clamp(0.0, 1.0))).ceil() as u32;
    max.saturating_sub(carried)
}

#[cfg(test)]
mod tests {
    use super::{client_key, room, wait};

    #[test]
    fn a_refused_client_waits_until_the_window_has_room_again() {
        // 10 a minute, nothing before, all 10 taken 30 s in: the next one fits once the
        // current window is over and its weight in the sliding window has faded by a tenth.
        assert_eq!(wait(10, 0, 10, 30, 60), 30 + 6);
        // A full previous window fades through the current one: one action's worth of it
        // every 6 s.
        assert_eq!(wait(10, 10, 0, 0, 60), 6);
        assert_eq!(wait(10, 10, 5, 0, 60), 36);
        assert!(wait(1, 0, 1, 59, 60) >= 1);
    }

    #[test]
    fn an_ipv6_client_is_its_64_network() {
        let key = |ip: &str| client_key(ip.parse().unwrap());
        assert_eq!(key("203.0.113.7"), "203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
    }

    #[test]
    fn the_previous_window_counts_by_how_much_of_it_still_overlaps() {
        // Nothing before: the whole limit.
        assert_eq!(room(20, 0, 0.0), 20);
        // A full previous window, the current one just started: nothing left, so crossing a
        // window's edge cannot double the limit.
        assert_eq!(room(20, 20, 0.0), 0);
        assert_eq!(room(20, 20, 0.001), 0);
        // Half-way through, half of the previous window still counts.
        assert_eq!(room(20, 20, 0.5), 10);
        assert_eq!(room(20, 7, 0.5), 16);
        // At the very end the previous window no longer counts.
        assert_eq!(room(20, 20, 1.0), 20);
    }
}
