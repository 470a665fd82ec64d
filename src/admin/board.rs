//! `GET /admin/applications/board`: applications as cards in one column per stage, with the
//! index's filters (posting, name, dates). Each card moves to its next stages with a form
//! (and, where JavaScript runs, by dragging it to another column).

use actix_web::{HttpRequest, web};
use askama::Template;
use askama_web::WebTemplate;

use super::layout::{crumb, here};
use super::resource::{Dir, ListQuery, parse_list_query};
use super::resources::applications::{Applications, stage_label};
use super::{AdminLayout, CurrentAdmin};
use crate::auth::policy::{Action, Area};
use crate::error::AppError;
use crate::models::ApplicationStatus;
use crate::state::AppState;
use crate::web::with_conn;

/// Cards loaded at most, newest first: the board is for the live pipeline, the index for
/// everything.
const MAX_CARDS: u32 = 500;

/// Every stage, left to right: the pipeline, then the two ways out of it.
const COLUMNS: [ApplicationStatus; 7] = [
    ApplicationStatus::New,
    ApplicationStatus::Reviewing,
    ApplicationStatus::Interview,
    ApplicationStatus::Offer,
    ApplicationStatus::Hired,
    ApplicationStatus::Rejected,
    ApplicationStatus::Withdrawn,
];

pub struct Card {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub posting: String,
    pub received: String,
    /// The stages it may move to from the board: (value, label). Rejecting asks for a reason,
    /// on the application's own page.
    pub moves: Vec<(&'static str, String)>,
}

pub struct BoardColumn {
    pub stage: &'static str,
    pub title: String,
    pub count: String,
    pub cards: Vec<Card>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/board.html")]
pub struct BoardPage {
    pub l: AdminLayout,
    pub columns: Vec<BoardColumn>,
    pub list_url: String,
    pub truncated: Option<String>,
    /// The board's own address, to come back to after a move.
    pub here: String,
}

pub async fn board(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    req: HttpRequest,
) -> Result<BoardPage, AppError> {
    admin.require(Area::Applications, Action::View)?;
    let tr = admin.tr.clone();
    let query = parse_list_query(&Applications, req.query_string(), &tr, admin.viewer());
    let can_move = admin.can(Area::Applications, Action::ChangeStatus);
    // Newest first, whatever the list's sort: the live pipeline is the recent one.
    let query = ListQuery { scope: "all", sort: "created_at", dir: Dir::Desc, ..query };
    let db_tr = tr.clone();
    let (rows, titles) = with_conn(&state, move |conn| {
        Ok(super::engine::rows(&Applications, &query, MAX_CARDS + 1, &db_tr, conn)?)
    })
    .await?;
    let truncated = (rows.len() > MAX_CARDS as usize)
        .then(|| tr.t1("admin-board-truncated", "max", &tr.number(i64::from(MAX_CARDS))));
    let mut columns: Vec<BoardColumn> = COLUMNS
        .iter()
        .map(|s| BoardColumn {
            stage: s.as_str(),
            title: tr.t(stage_label(*s)),
            count: String::new(),
            cards: Vec::new(),
        })
        .collect();
    for row in rows.into_iter().take(MAX_CARDS as usize) {
        let stage = row.status;
        let moves = if can_move {
            stage
                .next_stages()
                .into_iter()
                .filter(|to| *to != ApplicationStatus::Rejected)
                .map(|to| (to.as_str(), tr.t(stage_label(to))))
                .collect()
        } else {
            Vec::new()
        };
        if let Some(column) = columns.iter_mut().find(|c| c.stage == stage.as_str()) {
            column.cards.push(Card {
                id: row.id,
                name: row.name,
                url: format!("/admin/applications/{}", row.id),
                posting: titles.get(&row.job_id).cloned().unwrap_or_default(),
                received: tr.date(&row.created_at),
                moves,
            });
        }
    }
    for column in &mut columns {
        column.count = tr.number(column.cards.len() as i64);
    }
    let title = tr.t("admin-board-title");
    let mut l = AdminLayout::new(
        &admin,
        "applications",
        title.clone(),
        vec![crumb(tr.t("admin-nav-applications"), "/admin/applications"), here(title)],
    );
    l.here = format!("/admin/applications/board?{}", req.query_string());
    Ok(BoardPage {
        here: l.here.clone(),
        l,
        columns,
        list_url: format!("/admin/applications?{}", req.query_string()),
        truncated,
    })
}
