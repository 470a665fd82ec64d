//! API tokens: how a partner's program signs in. A token is `hb_` and 40 random letters and
//! digits (about 238 bits), shown once when it is made; the table keeps its SHA-256 digest
//! and its first characters, so a leaked table gives nobody a token and people can still tell
//! their tokens apart. The fixed prefix lets secret scanners recognise a leaked token.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::api_tokens;

/// What every token starts with.
pub const PREFIX: &str = "hb_";
/// The random part's length.
const RANDOM_LEN: usize = 40;
/// How much of a token the back office shows: the prefix and 8 characters.
const SHOWN_LEN: usize = PREFIX.len() + 8;

/// What a token may do. Reading public postings needs no token at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    JobsRead,
    JobsWrite,
    ApplicationsRead,
    ApplicationsWrite,
    WebhooksWrite,
}

impl Scope {
    pub const ALL: [Scope; 5] = [
        Scope::JobsRead,
        Scope::JobsWrite,
        Scope::ApplicationsRead,
        Scope::ApplicationsWrite,
        Scope::WebhooksWrite,
    ];

    /// The scope's name in the API, its documentation and the table.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::JobsRead => "jobs:read",
            Scope::JobsWrite => "jobs:write",
            Scope::ApplicationsRead => "applications:read",
            Scope::ApplicationsWrite => "applications:write",
            Scope::WebhooksWrite => "webhooks:write",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The Fluent id of what the scope allows (Fluent ids take no colon).
    pub fn label_key(self) -> &'static str {
        match self {
            Scope::JobsRead => "api-scope-jobs-read",
            Scope::JobsWrite => "api-scope-jobs-write",
            Scope::ApplicationsRead => "api-scope-applications-read",
            Scope::ApplicationsWrite => "api-scope-applications-write",
            Scope::WebhooksWrite => "api-scope-webhooks-write",
        }
    }

    /// A stored list: the scopes it names, in declaration order, each once.
    pub fn list(text: &str) -> Vec<Scope> {
        let mut scopes: Vec<Scope> =
            text.split(',').filter_map(|s| Scope::parse(s.trim())).collect();
        scopes.sort();
        scopes.dedup();
        scopes
    }

    /// The stored form of `scopes`: in declaration order, each once.
    pub fn join(scopes: &[Scope]) -> String {
        let mut scopes = scopes.to_vec();
        scopes.sort();
        scopes.dedup();
        scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
    }
}

/// A token to make.
pub struct NewToken<'a> {
    pub name: &'a str,
    pub scopes: &'a [Scope],
    /// The one company whose records the token sees and changes; all when `None`.
    pub company_id: Option<i64>,
    pub expires_at: Option<NaiveDateTime>,
    /// The back-office user who made it (none from the command line).
    pub created_by: Option<i64>,
    /// Made by a recruiter: it acts as they do, its postings going through the staff's review,
    /// and only while they work for its company.
    pub moderated: bool,
}

/// A token just made: its id, and the token itself, which exists nowhere else.
pub struct Issued {
    pub id: i64,
    pub token: String,
}

impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued").field("id", &self.id).field("token", &shown(&self.token)).finish()
    }
}

/// A new random token.
pub fn generate() -> String {
    use rand::Rng;
    let random: String = rand::rng()
        .sample_iter(rand::distr::Alphanumeric)
        .take(RANDOM_LEN)
        .map(char::from)
        .collect();
    format!("{PREFIX}{random}")
}

/// Whether `text` has a token's shape; anything else is refused without a query.
pub fn well_formed(text: &str) -> bool {
    text.strip_prefix(PREFIX)
        .is_some_and(|r| r.len() == RANDOM_LEN && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The part of a token the back office and the logs may show.
pub fn shown(token: &str) -> String {
    token.chars().take(SHOWN_LEN).collect()
}

/// Makes a token; the caller shows [`Issued::token`] once and never stores it.
pub fn issue(conn: &mut DbConn, new: &NewToken) -> QueryResult<Issued> {
    let token = generate();
    let id = insert(conn, new, &token)?;
    Ok(Issued { id, token })
}

/// Stores `token` (made by [`generate`]) as `new`: its digest, never the token. The id.
pub fn insert(conn: &mut DbConn, new: &NewToken, token: &str) -> QueryResult<i64> {
    let now = crate::db::now();
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::name.eq(new.name),
            api_tokens::prefix.eq(shown(token)),
            api_tokens::digest.eq(crate::auth::token::digest(token)),
            api_tokens::scopes.eq(Scope::join(new.scopes)),
            api_tokens::company_id.eq(new.company_id),
            api_tokens::expires_at.eq(new.expires_at),
            api_tokens::created_by.eq(new.created_by),
            api_tokens::moderated.eq(new.moderated),
            api_tokens::created_at.eq(now),
            api_tokens::updated_at.eq(now),
        ))
        .execute(conn)?;
    crate::db::dialect::last_insert_id(conn, "api_tokens")
}

/// Where a token stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Active,
    Expired,
    Revoked,
}

impl Status {
    pub fn of(
        revoked_at: Option<NaiveDateTime>,
        expires_at: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> Status {
        match (revoked_at, expires_at) {
            (Some(_), _) => Status::Revoked,
            (None, Some(at)) if at <= now => Status::Expired,
            _ => Status::Active,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Expired => "expired",
            Status::Revoked => "revoked",
        }
    }

    /// The Fluent id of its label.
    pub fn label_key(self) -> &'static str {
        match self {
            Status::Active => "admin-token-active",
            Status::Expired => "admin-token-expired",
            Status::Revoked => "admin-token-revoked",
        }
    }
}

/// A token as a request presents it, found and valid.
#[derive(Debug, Clone)]
pub struct Holder {
    pub id: i64,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub company_id: Option<i64>,
    pub expires_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
    pub last_used_from: Option<String>,
    /// The recruiter a moderated token acts for (see [`NewToken::moderated`]).
    pub recruiter: Option<i64>,
}

impl Holder {
    pub fn may(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }
}

/// Why a presented token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a token, never one, or revoked: the client is told no more than that.
    Invalid,
    /// A token that was valid until its expiry.
    Expired,
}

type Found = (
    (i64, String, String, Option<i64>),
    (Option<NaiveDateTime>, Option<NaiveDateTime>, Option<String>, Option<NaiveDateTime>),
    (bool, Option<i64>, bool),
);

/// The token `presented`, if it is one that may be used at `now`. One query, which also asks
/// whether a moderated token's maker still works for its company.
pub fn authenticate(
    conn: &mut DbConn,
    presented: &str,
    now: NaiveDateTime,
) -> QueryResult<Result<Holder, Refusal>> {
    use crate::db::schema::company_members;
    if !well_formed(presented) {
        return Ok(Err(Refusal::Invalid));
    }
    let member = diesel::dsl::exists(
        company_members::table
            .filter(company_members::admin_user_id.nullable().eq(api_tokens::created_by))
            .filter(company_members::company_id.nullable().eq(api_tokens::company_id)),
    );
    let found: Option<Found> = api_tokens::table
        .filter(api_tokens::digest.eq(crate::auth::token::digest(presented)))
        .select((
            (api_tokens::id, api_tokens::name, api_tokens::scopes, api_tokens::company_id),
            (
                api_tokens::expires_at,
                api_tokens::last_used_at,
                api_tokens::last_used_from,
                api_tokens::revoked_at,
            ),
            (api_tokens::moderated, api_tokens::created_by, member),
        ))
        .first(conn)
        .optional()?;
    let Some((
        (id, name, scopes, company_id),
        (expires_at, last_used_at, last_used_from, revoked),
        (moderated, created_by, member),
    )) = found
    else {
        return Ok(Err(Refusal::Invalid));
    };
    // A recruiter's token dies with their place in the company: removed from the team, or
    // their account deleted (`created_by` then NULL, which no membership matches).
    if revoked.is_some() || (moderated && !member) {
        return Ok(Err(Refusal::Invalid));
    }
    if expires_at.is_some_and(|at| at <= now) {
        return Ok(Err(Refusal::Expired));
    }
    let scopes = Scope::list(&scopes);
    let recruiter = if moderated { created_by } else { None };
    Ok(Ok(Holder {
        id,
        name,
        scopes,
        company_id,
        expires_at,
        last_used_at,
        last_used_from,
        recruiter,
    }))
}

/// How stale a token's last use may get before a request writes it again: a busy client
/// does not turn every read into a write.
pub const LAST_USE_GRAIN: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

/// Records that `holder` was used at `now` from `address`, unless that is already known to
/// within [`LAST_USE_GRAIN`].
pub fn touch(
    conn: &mut DbConn,
    holder: &Holder,
    now: NaiveDateTime,
    address: &str,
) -> QueryResult<()> {
    let fresh = holder.last_used_at.is_some_and(|at| now - at < LAST_USE_GRAIN);
    if fresh && holder.last_used_from.as_deref() == Some(address) {
        return Ok(());
    }
    diesel::update(api_tokens::table.find(holder.id))
        .set((api_tokens::last_used_at.eq(now), api_tokens::last_used_from.eq(address)))
        .execute(conn)?;
    Ok(())
}

/// Revokes token `id` at `now`; false when there is no such token or it was revoked before.
pub fn revoke(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        api_tokens::table.filter(api_tokens::id.eq(id)).filter(api_tokens::revoked_at.is_null()),
    )
    .set((api_tokens::revoked_at.eq(now), api_tokens::updated_at.eq(now)))
    .execute(conn)?;
    Ok(changed == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_prefixed_random_and_recognisable() {
        let (a, b) = (generate(), generate());
        assert_ne!(a, b);
        assert!(a.starts_with("hb_") && a.len() == 43, "{a}");
        assert!(well_formed(&a) && well_formed(&b));
        assert!(!well_formed("hb_short"));
        assert!(!well_formed(&a.replace("hb_", "xx_")));
        assert!(!well_formed(&format!("{}!", &a[..42])));
        assert_eq!(shown(&a).len(), 11);
        assert!(a.starts_with(&shown(&a)));
    }

    #[test]
    fn an_issued_token_never_prints_whole() {
        let issued = Issued { id: 1, token: generate() };
        let printed = format!("{issued:?}");
        assert!(!printed.contains(&issued.token), "{printed}");
        assert!(printed.contains(&shown(&issued.token)));
    }

    #[test]
    fn scope_lists_read_back_in_order_without_strangers() {
        assert_eq!(
            Scope::list("jobs:write, jobs:read,nonsense,jobs:read"),
            vec![Scope::JobsRead, Scope::JobsWrite]
        );
        assert_eq!(Scope::join(&Scope::ALL), Scope::join(&Scope::list(&Scope::join(&Scope::ALL))));
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.as_str()), Some(scope));
        }
    }
}
