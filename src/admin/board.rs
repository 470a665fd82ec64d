//! `GET /admin/applications/board`: applications as cards in one column per open stage, with
//! the index's filters (posting, name, dates).

use actix_web::{HttpRequest, web};
use askama::Template;
use askama_web::WebTemplate;
use diesel::prelude::*;

use super::layout::{crumb, here};
use super::resource::parse_list_query;
use super::resources::applications::{Applications, filtered, stage_label};
use super::{AdminLayout, CurrentAdmin};
use crate::auth::policy::{Action, Area};
use crate::db::schema::{applications, jobs};
use crate::error::AppError;
use crate::models::ApplicationStatus;
use crate::state::AppState;
use crate::web::with_conn;

/// Cards loaded at most, newest first: the board is for the live pipeline, the index for
/// everything.
const MAX_CARDS: i64 = 500;

/// The open stages, left to right.
const COLUMNS: [ApplicationStatus; 5] = [
    ApplicationStatus::New,
    ApplicationStatus::Reviewing,
    ApplicationStatus::Interview,
    ApplicationStatus::Offer,
    ApplicationStatus::Hired,
];

pub struct Card {
    pub name: String,
    pub url: String,
    pub posting: String,
    pub received: String,
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
}

pub async fn board(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    req: HttpRequest,
) -> Result<BoardPage, AppError> {
    admin.require(Area::Applications, Action::View)?;
    let tr = admin.tr;
    let query = parse_list_query(&Applications, req.query_string(), &tr);
    let rows: Vec<(i64, String, String, String, chrono::NaiveDateTime)> =
        with_conn(&state, move |conn| {
            Ok(filtered(&query)
                .filter(applications::status.eq_any(COLUMNS.map(|s| s.as_str())))
                .order((applications::created_at.desc(), applications::id.desc()))
                .limit(MAX_CARDS + 1)
                .select((
                    applications::id,
                    applications::name,
                    jobs::title,
                    applications::status,
                    applications::created_at,
                ))
                .load(conn)?)
        })
        .await?;
    let truncated = (rows.len() as i64 > MAX_CARDS)
        .then(|| tr.t1("admin-board-truncated", "max", &tr.number(MAX_CARDS)));
    let mut columns: Vec<BoardColumn> = COLUMNS
        .iter()
        .map(|s| BoardColumn {
            stage: s.as_str(),
            title: tr.t(stage_label(*s)),
            count: String::new(),
            cards: Vec::new(),
        })
        .collect();
    for (id, name, posting, status, created) in rows.into_iter().take(MAX_CARDS as usize) {
        if let Some(column) = columns.iter_mut().find(|c| c.stage == status) {
            column.cards.push(Card {
                name,
                url: format!("/admin/applications/{id}"),
                posting,
                received: tr.date(&created),
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
        vec![
            crumb(tr.t("admin-nav-applications"), "/admin/applications"),
            here(title),
        ],
    );
    l.here = format!("/admin/applications/board?{}", req.query_string());
    Ok(BoardPage {
        l,
        columns,
        list_url: format!("/admin/applications?{}", req.query_string()),
        truncated,
    })
}
