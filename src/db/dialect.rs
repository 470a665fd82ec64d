//! The few queries that differ by backend: the id of the row just inserted, full-text
//! search, claiming tasks and refreshing the planner's statistics. Everything else is written
//! once against `DbConn`.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Text};

use super::DbConn;
use crate::i18n::Locale;

#[derive(QueryableByName)]
struct LastId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The id this connection's last insert into `table` generated (per connection, so concurrent
/// writers never see each other's ids). On PostgreSQL it is the table's own sequence, not
/// `lastval()`: triggers advance sequences of their own (the change counters).
#[cfg_attr(not(feature = "postgres"), allow(unused_variables))]
pub fn last_insert_id(conn: &mut DbConn, table: &str) -> QueryResult<i64> {
    match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => {
            diesel::sql_query("SELECT last_insert_rowid() AS id").get_result::<LastId>(conn)
        }
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => {
            diesel::sql_query("SELECT currval(pg_get_serial_sequence($1, 'id')) AS id")
                .bind::<Text, _>(table)
                .get_result::<LastId>(conn)
        }
        // Per connection, and a trigger's own inserts do not change it for the statement.
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => diesel::sql_query("SELECT CAST(LAST_INSERT_ID() AS SIGNED) AS id")
            .get_result::<LastId>(conn),
    }
    .map(|r| r.id)
}

/// Refreshes the query planner's statistics where they are out of date. SQLite keeps none
/// until told, and then guesses that `status = 'published'` is selective and reads nine tenths
/// of the postings to sort them; `PRAGMA optimize` analyzes only the tables grown or shrunk a
/// lot since. PostgreSQL's autovacuum analyzes on its own when it is on; `ANALYZE` (sampled,
/// a few hundred milliseconds at 100,000 postings) covers a server where it is off or behind
/// a bulk load. InnoDB recalculates a table's statistics after a tenth of it changed; `ANALYZE
/// TABLE` (sampled dives) catches up after a bulk load into the tables lists sort and filter;
/// MySQL's change log also drops every table's events but the latest, which is its version.
pub fn optimize(conn: &mut DbConn) -> QueryResult<()> {
    let sql = match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => "PRAGMA optimize",
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => "ANALYZE",
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => {
            prune_change_events(conn)?;
            "ANALYZE TABLE jobs, companies, job_skills, applications, tasks"
        }
    };
    diesel::connection::SimpleConnection::batch_execute(conn, sql)
}

#[cfg(feature = "mysql")]
#[derive(QueryableByName)]
struct LatestEvent {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = BigInt)]
    latest: i64,
}

/// Deletes each table's change events but its latest (a loose index scan finds those), one
/// table at a time, so that the log stays as small as the number of tables it counts.
#[cfg(feature = "mysql")]
fn prune_change_events(conn: &mut DbConn) -> QueryResult<usize> {
    let latest: Vec<LatestEvent> =
        diesel::sql_query("SELECT name, MAX(id) AS latest FROM change_events GROUP BY name")
            .load(conn)?;
    let mut deleted = 0;
    for event in latest {
        deleted += diesel::sql_query("DELETE FROM change_events WHERE name = ? AND id < ?")
            .bind::<Text, _>(&event.name)
            .bind::<BigInt, _>(event.latest)
            .execute(conn)?;
    }
    Ok(deleted)
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = BigInt)]
    version: i64,
}

/// A number that grows with every change to `table` (one of the tables the migration
/// `change_counters` counts): the back office caches a list's scope counts per version.
pub fn change_count(conn: &mut DbConn, table: &str) -> QueryResult<i64> {
    let sql = match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => "SELECT version FROM change_counters WHERE name = ?",
        // The latest of the table's change events (see the migration).
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => {
            "SELECT COALESCE(MAX(id), 0) AS version FROM change_events WHERE name = ?"
        }
        // A sequence per table; NULL until its first change.
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => {
            "SELECT COALESCE(pg_sequence_last_value(CAST($1 || '_changes' AS regclass)), 0) \
             AS version"
        }
    };
    diesel::sql_query(sql).bind::<Text, _>(table).get_result::<Version>(conn).map(|r| r.version)
}

/// PostgreSQL's text search configuration for a language: the built-in stemmer named after
/// it, or `simple` (words as written, lower-cased) for the languages without one (Ukrainian,
/// Polish, …).
#[cfg(feature = "postgres")]
fn pg_config(locale: Locale) -> &'static str {
    const BUILT_IN: [(&str, &str); 28] = [
        ("ar", "arabic"),
        ("hy", "armenian"),
        ("eu", "basque"),
        ("ca", "catalan"),
        ("da", "danish"),
        ("nl", "dutch"),
        ("en", "english"),
        ("fi", "finnish"),
        ("fr", "french"),
        ("de", "german"),
        ("el", "greek"),
        ("hi", "hindi"),
        ("hu", "hungarian"),
        ("id", "indonesian"),
        ("ga", "irish"),
        ("it", "italian"),
        ("lt", "lithuanian"),
        ("ne", "nepali"),
        ("nb", "norwegian"),
        ("no", "norwegian"),
        ("pt", "portuguese"),
        ("ro", "romanian"),
        ("ru", "russian"),
        ("sr", "serbian"),
        ("es", "spanish"),
        ("sv", "swedish"),
        ("ta", "tamil"),
        ("tr", "turkish"),
    ];
    let language = locale.as_str().split('-').next().unwrap_or_default();
    BUILT_IN.iter().find(|(tag, _)| *tag == language).map_or("simple", |(_, cfg)| cfg)
}

/// Rowids a posting's full-text rows span on SQLite: one per language handle.
#[cfg(feature = "sqlite")]
const FTS_STRIDE: i64 = crate::i18n::locale_limit() as i64;

/// SQLite's full-text rowid of a posting's text in one language (see the migrations
/// `foundation` and `languages`).
#[cfg(feature = "sqlite")]
fn fts_rowid(job_id: i64, locale: Locale) -> i64 {
    job_id * FTS_STRIDE + locale.index() as i64
}

/// Replaces a posting's full-text rows (see `insert_job_search`).
pub fn replace_job_search(
    conn: &mut DbConn,
    job_id: i64,
    documents: &[(Locale, String, String)],
) -> QueryResult<()> {
    match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => {
            diesel::sql_query("DELETE FROM job_search WHERE rowid BETWEEN ? AND ?")
                .bind::<BigInt, _>(job_id * FTS_STRIDE)
                .bind::<BigInt, _>(job_id * FTS_STRIDE + FTS_STRIDE - 1)
                .execute(conn)?
        }
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => diesel::sql_query("DELETE FROM job_search WHERE job_id = $1")
            .bind::<BigInt, _>(job_id)
            .execute(conn)?,
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => diesel::sql_query("DELETE FROM job_search WHERE job_id = ?")
            .bind::<BigInt, _>(job_id)
            .execute(conn)?,
    };
    let documents: Vec<SearchDocument> = documents
        .iter()
        .map(|(locale, title, body)| (job_id, *locale, title.clone(), body.clone()))
        .collect();
    insert_job_search(conn, &documents)
}

/// A posting's full-text row in one language: (posting, language, title, body).
pub type SearchDocument = (i64, Locale, String, String);

/// Postings' full-text rows per statement: five parameters each stays far below every
/// backend's limit on a statement's parameters.
const DOCUMENTS_PER_INSERT: usize = 500;

/// Adds new postings' full-text rows (one per posting and language, title weighted above the
/// body): one statement for up to 500 of them.
pub fn insert_job_search(conn: &mut DbConn, documents: &[SearchDocument]) -> QueryResult<()> {
    for chunk in documents.chunks(DOCUMENTS_PER_INSERT) {
        insert_search_chunk(conn, chunk)?;
    }
    Ok(())
}

/// `count` comma-separated groups of VALUES made by `group(i)`.
fn values_list(count: usize, group: impl Fn(usize) -> String) -> String {
    (0..count).map(group).collect::<Vec<_>>().join(", ")
}

fn insert_search_chunk(conn: &mut DbConn, documents: &[SearchDocument]) -> QueryResult<()> {
    if documents.is_empty() {
        return Ok(());
    }
    match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(c) => {
            let values = values_list(documents.len(), |_| "(?, ?, ?)".to_owned());
            let mut q = diesel::sql_query(format!(
                "INSERT INTO job_search (rowid, title, body) VALUES {values}"
            ))
            .into_boxed();
            for (job_id, locale, title, body) in documents {
                q = q
                    .bind::<BigInt, _>(fts_rowid(*job_id, *locale))
                    .bind::<Text, _>(title.as_str())
                    .bind::<Text, _>(body.as_str());
            }
            q.execute(c)?;
        }
        #[cfg(feature = "postgres")]
        DbConn::Pg(c) => {
            let values = values_list(documents.len(), |i| {
                let n = i * 5;
                let (id, locale, config, title, body) = (n + 1, n + 2, n + 3, n + 4, n + 5);
                format!(
                    "(${id}, ${locale}, ${config}::regconfig, \
                     setweight(to_tsvector(${config}::regconfig, ${title}), 'A') || \
                     setweight(to_tsvector(${config}::regconfig, ${body}), 'D'))"
                )
            });
            let mut q = diesel::sql_query(format!(
                "INSERT INTO job_search (job_id, locale, config, document) VALUES {values}"
            ))
            .into_boxed();
            for (job_id, locale, title, body) in documents {
                q = q
                    .bind::<BigInt, _>(*job_id)
                    .bind::<Text, _>(locale.as_str())
                    .bind::<Text, _>(pg_config(*locale))
                    .bind::<Text, _>(title.as_str())
                    .bind::<Text, _>(body.as_str());
            }
            q.execute(c)?;
        }
        #[cfg(feature = "mysql")]
        DbConn::Mysql(c) => {
            let values = values_list(documents.len(), |_| "(?, ?, ?, ?)".to_owned());
            let mut q = diesel::sql_query(format!(
                "INSERT INTO job_search (job_id, locale, title, body) VALUES {values}"
            ))
            .into_boxed();
            for (job_id, locale, title, body) in documents {
                q = q
                    .bind::<BigInt, _>(*job_id)
                    .bind::<Text, _>(locale.as_str())
                    .bind::<Text, _>(with_short_prefixes(title))
                    .bind::<Text, _>(with_short_prefixes(body));
            }
            q.execute(c)?;
        }
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = BigInt)]
    job_id: i64,
    #[diesel(sql_type = Double)]
    score: f64,
}

/// The words of a user's query: letters and digits only, so nothing the user types can reach
/// the full-text query syntax. At most 12 words.
pub fn query_terms(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(12)
        .collect()
}

/// Score of a posting whose title matches every word of the query.
pub const TITLE_MATCH: f64 = 2.0;
/// Score of a posting that matches only in its other text.
pub const TEXT_MATCH: f64 = 1.0;

/// Postings whose text in any language matches every word of `q` (as a prefix), each with
/// [`TITLE_MATCH`] or [`TEXT_MATCH`]. Relevance is deliberately this coarse, with recency as
/// the tie-break: ranking functions (bm25, ts_rank) cost several times the match itself
/// (12.5 ms against 4 ms for a common word at 10,000 postings).
pub fn search_job_ids(conn: &mut DbConn, q: &str) -> QueryResult<Vec<(i64, f64)>> {
    search_job_ids_among(conn, q, None)
}

/// [`search_job_ids`] among postings `among` only, when given: how a query's earlier matches
/// are brought up to date after a few postings changed, at the cost of looking those up.
pub fn search_job_ids_among(
    conn: &mut DbConn,
    q: &str,
    among: Option<&[i64]>,
) -> QueryResult<Vec<(i64, f64)>> {
    let terms = query_terms(q);
    if terms.is_empty() || among.is_some_and(|ids| ids.is_empty()) {
        return Ok(Vec::new());
    }
    // Numbers only, so they may be spliced into the statement.
    let id_list = |ids: &mut dyn Iterator<Item = i64>| {
        ids.map(|id| id.to_string()).collect::<Vec<_>>().join(",")
    };
    let hits: Vec<Hit> = match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => {
            let expr = terms.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" ");
            // FTS5 matches a prefix query against the whole index whatever rowids it is limited
            // to (40 ms for "engineer" at a million postings, per posting looked up). The few
            // postings' rows are copied into a per-connection temporary index with the same
            // tokenizer instead (see the `job_search` migration), and matched there.
            let table = match among {
                None => "job_search",
                Some(ids) => {
                    use diesel::connection::SimpleConnection;
                    conn.batch_execute(
                        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.job_search_recheck USING fts5 \
                         (title, body, tokenize = 'unicode61 remove_diacritics 2'); \
                         DELETE FROM temp.job_search_recheck;",
                    )?;
                    // Each posting's rows (see `fts_rowid`).
                    let rows = &mut ids
                        .iter()
                        .flat_map(|id| Locale::all().iter().map(move |l| fts_rowid(*id, *l)));
                    diesel::sql_query(format!(
                        "INSERT INTO temp.job_search_recheck (rowid, title, body) \
                         SELECT rowid, title, body FROM main.job_search WHERE rowid IN ({})",
                        id_list(rows)
                    ))
                    .execute(conn)?;
                    "job_search_recheck"
                }
            };
            diesel::sql_query(format!(
                "SELECT rowid / {FTS_STRIDE} AS job_id, \
                 CASE WHEN rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?) \
                 THEN 2.0 ELSE 1.0 END AS score \
                 FROM {table} WHERE {table} MATCH ?",
            ))
            .bind::<Text, _>(format!("title : ({expr})"))
            .bind::<Text, _>(expr)
            .load(conn)?
        }
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => {
            let any = terms.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & ");
            // Weight A is the title (see replace_job_search).
            let title = terms.iter().map(|t| format!("{t}:*A")).collect::<Vec<_>>().join(" & ");
            // One branch per configuration keeps the GIN index usable.
            let branches = Locale::all()
                .iter()
                .map(|l| {
                    let cfg = pg_config(*l);
                    format!("(locale = '{}' AND document @@ to_tsquery('{cfg}', $1))", l.as_str())
                })
                .collect::<Vec<_>>()
                .join(" OR ");
            let among = among.map_or(String::new(), |ids| {
                format!(" AND job_id IN ({})", id_list(&mut ids.iter().copied()))
            });
            diesel::sql_query(format!(
                "SELECT job_id, CASE WHEN document @@ to_tsquery(config, $2) THEN 2.0 ELSE 1.0 END::float8 AS score \
                 FROM job_search WHERE ({branches}){among}"
            ))
            .bind::<Text, _>(any)
            .bind::<Text, _>(title)
            .load(conn)?
        }
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => {
            let among = among.map_or(String::new(), |ids| {
                format!(" AND job_id IN ({})", id_list(&mut ids.iter().copied()))
            });
            mysql_search(conn, &terms, &among)?
        }
    };
    // A posting has a row per language: keep its best.
    let mut best: std::collections::HashMap<i64, f64> =
        std::collections::HashMap::with_capacity(hits.len());
    for hit in hits {
        let score = best.entry(hit.job_id).or_insert(f64::MIN);
        *score = score.max(hit.score);
    }
    Ok(best.into_iter().collect())
}

/// The shortest word InnoDB's full-text index holds (`innodb_ft_min_token_size`, 3 by default).
#[cfg(feature = "mysql")]
const MYSQL_MIN_TOKEN: usize = 3;

/// Marks the tokens [`with_short_prefixes`] adds. InnoDB counts `_` as part of a word, and a
/// user's query never holds one (see [`query_terms`]), so these tokens match nothing else.
#[cfg(feature = "mysql")]
const SHORT_PREFIX_MARK: &str = "__";

/// `text` followed by a token for the first letter and the first two letters of each of its
/// words ("UX Writer" adds "__u __ux __w __wr"). InnoDB indexes no word shorter than its
/// shortest token, so a query's short word ("UX", "Go") is looked up as such a token: an index
/// lookup, where a regular expression over every posting's text took two seconds at 10,000
/// postings.
#[cfg(feature = "mysql")]
fn with_short_prefixes(text: &str) -> String {
    let mut prefixes = std::collections::BTreeSet::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        let mut ends = word.char_indices().map(|(i, c)| i + c.len_utf8());
        for end in ends.by_ref().take(MYSQL_MIN_TOKEN - 1) {
            prefixes.insert(word[..end].to_owned());
        }
    }
    let mut out = String::with_capacity(text.len() + prefixes.len() * 6);
    out.push_str(text);
    for prefix in prefixes {
        out.push(' ');
        out.push_str(SHORT_PREFIX_MARK);
        out.push_str(&prefix);
    }
    out
}

/// MySQL's matches: InnoDB FULLTEXT in boolean mode, every word required (the terms are
/// letters and digits only, so none is an operator): as a prefix, or, when shorter than the
/// index's shortest token, as the prefix token [`with_short_prefixes`] stored for it.
#[cfg(feature = "mysql")]
fn mysql_search(conn: &mut DbConn, terms: &[String], among: &str) -> QueryResult<Vec<Hit>> {
    let words = terms
        .iter()
        .map(|t| {
            if t.chars().count() >= MYSQL_MIN_TOKEN {
                format!("+{t}*")
            } else {
                format!("+{SHORT_PREFIX_MARK}{t}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    diesel::sql_query(format!(
        "SELECT job_id, CASE WHEN MATCH (title) AGAINST (? IN BOOLEAN MODE) THEN 2e0 ELSE 1e0 END \
         AS score FROM job_search WHERE MATCH (title, body) AGAINST (? IN BOOLEAN MODE){among}",
    ))
    .bind::<Text, _>(&words)
    .bind::<Text, _>(&words)
    .load(conn)
}

#[derive(QueryableByName)]
struct WeekCount {
    #[diesel(sql_type = BigInt)]
    week: i64,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// How many postings were published in each of the `weeks` weeks from `first` (week 0 starts
/// at `first`), as `(week, count)` for the weeks with any: one grouped count in the database
/// rather than every timestamp sent over (a million postings publish many a week).
pub fn published_per_week(
    conn: &mut DbConn,
    first: chrono::NaiveDateTime,
    weeks: i64,
) -> QueryResult<Vec<(i64, i64)>> {
    use diesel::sql_types::Timestamp;
    // The week's number, the placeholders of the range, the integer type, and whether the
    // placeholders are positional (MySQL's: `first` is bound twice then).
    let (week, from, until_at, int, positional) = match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => {
            ("(julianday(published_at) - julianday(?1)) / 7", "?1", "?2", "INTEGER", false)
        }
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => {
            ("FLOOR(EXTRACT(EPOCH FROM (published_at - $1)) / 604800)", "$1", "$2", "BIGINT", false)
        }
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => {
            ("FLOOR(TIMESTAMPDIFF(SECOND, ?, published_at) / 604800)", "?", "?", "SIGNED", true)
        }
    };
    let sql = format!(
        "SELECT CAST({week} AS {int}) AS week, COUNT(*) AS count FROM jobs \
         WHERE published_at >= {from} AND published_at < {until_at} GROUP BY 1"
    );
    let until = first + chrono::Duration::weeks(weeks);
    let query = diesel::sql_query(sql).bind::<Timestamp, _>(first);
    let rows: Vec<WeekCount> = if positional {
        query.bind::<Timestamp, _>(first).bind::<Timestamp, _>(until).load(conn)?
    } else {
        query.bind::<Timestamp, _>(until).load(conn)?
    };
    Ok(rows.into_iter().map(|r| (r.week, r.count)).collect())
}

/// A claim of ready tasks: see `tasks::queue::claim`.
pub struct Claim<'a> {
    /// Only these queues; every queue when empty.
    pub queues: &'a [String],
    pub limit: i64,
    pub token: &'a str,
    pub worker: &'a str,
    pub now: chrono::NaiveDateTime,
    pub lease_until: chrono::NaiveDateTime,
}

/// Marks up to `limit` ready tasks as running under the claim's lease token, most urgent
/// first, in one statement; returns how many. PostgreSQL locks the chosen rows and skips those
/// another worker holds (`FOR UPDATE SKIP LOCKED`); on SQLite the surrounding `BEGIN
/// IMMEDIATE` transaction already excludes other writers.
pub fn claim_tasks(conn: &mut DbConn, claim: &Claim<'_>) -> QueryResult<usize> {
    use diesel::sql_types::Timestamp;
    // One statement on SQLite and PostgreSQL (numbered placeholders `?1` / `$1`); MySQL claims
    // in two.
    let (dollar, lock) = match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => (false, ""),
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => (true, " FOR UPDATE SKIP LOCKED"),
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => return claim_tasks_mysql(conn, claim),
    };
    // Placeholders only: the queue names are bound, never spliced into the text.
    let placeholder = |n: usize| if dollar { format!("${n}") } else { format!("?{n}") };
    let queue_filter = if claim.queues.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = (0..claim.queues.len()).map(|i| placeholder(6 + i)).collect();
        format!(" AND queue IN ({})", list.join(", "))
    };
    let sql = format!(
        "UPDATE tasks SET state = 'running', lease_token = {}, lease_expires_at = {}, \
         worker = {}, attempts = attempts + 1, started_at = {} \
         WHERE id IN (SELECT id FROM tasks WHERE state = 'queued' AND run_at <= {}{queue_filter} \
         ORDER BY priority DESC, run_at, id LIMIT {}{lock})",
        placeholder(1),
        placeholder(2),
        placeholder(3),
        placeholder(4),
        placeholder(5),
        placeholder(6 + claim.queues.len()),
    );
    let mut query = diesel::sql_query(sql)
        .into_boxed::<<DbConn as diesel::Connection>::Backend>()
        .bind::<Text, _>(claim.token.to_owned())
        .bind::<Timestamp, _>(claim.lease_until)
        .bind::<Text, _>(claim.worker.to_owned())
        .bind::<Timestamp, _>(claim.now)
        .bind::<Timestamp, _>(claim.now);
    for queue in claim.queues {
        query = query.bind::<Text, _>(queue.clone());
    }
    query.bind::<BigInt, _>(claim.limit).execute(conn)
}

/// MySQL refuses a subquery on the table being updated (and `LIMIT` in an `IN` subquery), so
/// the ready tasks are locked first, skipping those another worker holds (MariaDB 10.6,
/// MySQL 8.0), then marked by id, both in the caller's transaction.
#[cfg(feature = "mysql")]
fn claim_tasks_mysql(conn: &mut DbConn, claim: &Claim<'_>) -> QueryResult<usize> {
    use diesel::sql_types::Timestamp;
    let queues = vec!["?"; claim.queues.len()].join(", ");
    let queue_filter =
        if claim.queues.is_empty() { String::new() } else { format!(" AND queue IN ({queues})") };
    let mut ready = diesel::sql_query(format!(
        "SELECT id FROM tasks WHERE state = 'queued' AND run_at <= ?{queue_filter} \
         ORDER BY priority DESC, run_at, id LIMIT ? FOR UPDATE SKIP LOCKED"
    ))
    .into_boxed::<<DbConn as diesel::Connection>::Backend>()
    .bind::<Timestamp, _>(claim.now);
    for queue in claim.queues {
        ready = ready.bind::<Text, _>(queue.clone());
    }
    let ids: Vec<LastId> = ready.bind::<BigInt, _>(claim.limit).load(conn)?;
    if ids.is_empty() {
        return Ok(0);
    }
    // Ids the database just returned: numbers, spliced as such.
    let ids = ids.iter().map(|r| r.id.to_string()).collect::<Vec<_>>().join(", ");
    diesel::sql_query(format!(
        "UPDATE tasks SET state = 'running', lease_token = ?, lease_expires_at = ?, worker = ?, \
         attempts = attempts + 1, started_at = ? WHERE id IN ({ids})"
    ))
    .bind::<Text, _>(claim.token)
    .bind::<Timestamp, _>(claim.lease_until)
    .bind::<Text, _>(claim.worker)
    .bind::<Timestamp, _>(claim.now)
    .execute(conn)
}

#[derive(QueryableByName)]
pub struct HourCount {
    /// `YYYY-MM-DD HH` (UTC).
    #[diesel(sql_type = Text)]
    pub hour: String,
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
}

/// Finished (done or dead) tasks per hour since `since`, for the throughput chart: one
/// statement, grouped by the backend's own date formatting.
pub fn tasks_per_hour(
    conn: &mut DbConn,
    since: chrono::NaiveDateTime,
) -> QueryResult<Vec<HourCount>> {
    use diesel::sql_types::Timestamp;
    let (sql, hour) = match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => ("?", "strftime('%Y-%m-%d %H', finished_at)"),
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => ("$1", "to_char(finished_at, 'YYYY-MM-DD HH24')"),
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => ("?", "DATE_FORMAT(finished_at, '%Y-%m-%d %H')"),
    };
    diesel::sql_query(format!(
        "SELECT {hour} AS hour, state, COUNT(*) AS count FROM tasks \
         WHERE state IN ('done', 'dead') AND finished_at >= {sql} GROUP BY 1, 2"
    ))
    .bind::<Timestamp, _>(since)
    .load(conn)
}

#[cfg(test)]
mod tests {
    use super::query_terms;

    #[test]
    fn query_syntax_never_passes_through() {
        assert_eq!(query_terms("rust AND \"NEAR\"(x) -go*"), ["rust", "and", "near", "x", "go"]);
        assert_eq!(query_terms("Инженер   Go"), ["инженер", "go"]);
        assert!(query_terms("*** () \"").is_empty());
    }

    #[cfg(feature = "mysql")]
    #[test]
    fn short_prefixes_are_added_once_each_lowercased() {
        assert_eq!(
            super::with_short_prefixes("UX Writer, über UX-Team"),
            "UX Writer, über UX-Team __t __te __u __ux __w __wr __ü __üb"
        );
        assert_eq!(super::with_short_prefixes(""), "");
    }
}
