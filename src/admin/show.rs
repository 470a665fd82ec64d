//! `GET /admin/{resource}/{id}`: a record's panels, its comments and its history; and
//! `POST /admin/{resource}/{id}/comments`.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::index::CellView;
use super::layout::{crumb, here};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::error::AppError;
use crate::models::audit::AuditEntry;
use crate::models::comment::{self, Comment, CommentError};
use crate::state::AppState;
use crate::web::with_conn;

pub struct PanelView {
    pub title: String,
    pub rows: Vec<(String, CellView)>,
    /// Holds running text (paragraphs, code): it takes the page's whole width.
    pub wide: bool,
}

pub struct CommentView {
    pub author: String,
    pub at: String,
    pub paragraphs: Vec<String>,
}

pub struct HistoryView {
    pub summary: String,
    pub at: String,
    pub changes: Vec<ChangeView>,
}

pub use super::history::ChangeView;

#[derive(Template, WebTemplate)]
#[template(path = "admin/show.html")]
pub struct ShowPage {
    pub l: AdminLayout,
    pub panels: Vec<PanelView>,
    pub public_url: Option<String>,
    pub actions: Vec<super::resource::MemberAction>,
    pub comments: Vec<CommentView>,
    pub can_comment: bool,
    pub comments_url: String,
    pub history: Vec<HistoryView>,
    pub edit_url: Option<String>,
    pub delete_url: Option<String>,
    pub preview_url: Option<String>,
    pub stats_url: Option<String>,
}

const HISTORY: i64 = 50;

pub async fn show(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
) -> Result<ShowPage, AppError> {
    let (name, id) = path.into_inner();
    let resource = super::resources::find(&name).ok_or(AppError::NotFound)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    admin.require(resource.area(), Action::View)?;
    let tr = admin.tr.clone();
    let show_comments = admin.can(Area::Comments, Action::View);
    let show_history = admin.can(Area::AuditLog, Action::View);
    let viewer = admin.viewer();
    // An employer's team reads its own notes, not the staff's.
    let recruiters_only = viewer.is_bound();
    let db_tr = tr.clone();
    let (record, comments, history) = with_conn(&state, move |conn| {
        resource.require_visible(conn, id, &viewer)?;
        let record = resource.show(conn, id, &db_tr)?.ok_or(AppError::NotFound)?;
        let comments = if show_comments {
            Comment::for_record(conn, resource.name(), id, recruiters_only)?
        } else {
            Vec::new()
        };
        let history = if show_history {
            AuditEntry::for_record(conn, resource.name(), id, HISTORY)?
        } else {
            Vec::new()
        };
        Ok((record, comments, history))
    })
    .await?;
    let form = resource.form();
    let fields = form.map(|f| f.fields(&tr)).unwrap_or_default();
    let title = tr.t(resource.title());
    let mut l = AdminLayout::new(
        &admin,
        resource.name(),
        record.label.clone(),
        vec![crumb(title, format!("/admin/{}", resource.name())), here(record.label.clone())],
    );
    l.here = format!("/admin/{}/{id}", resource.name());
    let base = format!("/admin/{}/{id}", resource.name());
    let can_edit =
        admin.can(resource.area(), Action::Update) || admin.can(resource.area(), Action::Translate);
    let edit_url = (can_edit && form.is_some()).then(|| format!("{base}/edit"));
    let delete_url = (form.is_some() && admin.can(resource.area(), Action::Delete))
        .then(|| format!("{base}/delete"));
    let preview_url = resource.preview_url(id);
    let stats_url = resource.stats_url(id);
    let actions = resource
        .member_actions(id, &record)
        .into_iter()
        .filter(|a| admin.can(resource.area(), a.needs))
        .collect();
    Ok(ShowPage {
        edit_url,
        delete_url,
        preview_url,
        stats_url,
        actions,
        panels: record
            .panels
            .into_iter()
            .map(|p| {
                let rows: Vec<(String, CellView)> = p
                    .rows
                    .into_iter()
                    .map(|(label, cell)| (tr.t(label), super::index::cell_view(cell, &tr)))
                    .collect();
                PanelView {
                    title: tr.t(p.title),
                    wide: rows.iter().any(|(_, c)| c.code || !c.paragraphs.is_empty()),
                    rows,
                }
            })
            .collect(),
        public_url: record.public_url,
        comments: comments
            .into_iter()
            .map(|c| CommentView {
                author: c.author.unwrap_or_else(|| tr.t("admin-comment-former-user")),
                at: tr.date(&c.created_at),
                paragraphs: crate::web::view::paragraphs(&c.body),
            })
            .collect(),
        can_comment: admin.can(Area::Comments, Action::Create),
        comments_url: format!("/admin/{}/{id}/comments", resource.name()),
        history: history
            .into_iter()
            .map(|e| HistoryView {
                summary: tr.t2(
                    &format!("admin-history-{}", e.action),
                    "actor",
                    &e.actor,
                    "record",
                    &e.record_label,
                ),
                at: tr.date(&e.created_at),
                changes: e
                    .changes()
                    .into_iter()
                    .map(|c| super::history::describe(resource.name(), &fields, c, &tr))
                    .collect(),
            })
            .collect(),
        l,
    })
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

pub async fn add_comment(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    form: AdminForm<CommentForm>,
) -> Result<HttpResponse, AppError> {
    let (name, id) = path.into_inner();
    let resource = super::resources::find(&name).ok_or(AppError::NotFound)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    admin.require(resource.area(), Action::View)?;
    admin.require(Area::Comments, Action::Create)?;
    let back = format!("/admin/{}/{id}", resource.name());
    let tr = admin.tr.clone();
    match comment::validate(&form.data.body) {
        Err(e) => Flash::alert(
            &admin.session,
            tr.t(match e {
                CommentError::Empty => "admin-comment-empty",
                CommentError::TooLong => "admin-comment-too-long",
            }),
        ),
        Ok(body) => {
            let user_id = admin.user.id;
            let viewer = admin.viewer();
            let db_tr = tr.clone();
            with_conn(&state, move |conn| {
                resource.require_visible(conn, id, &viewer)?;
                resource.show(conn, id, &db_tr)?.ok_or(AppError::NotFound)?;
                Ok(comment::create(conn, resource.name(), id, user_id, &body)?)
            })
            .await?;
            Flash::notice(&admin.session, tr.t("admin-comment-added"));
        }
    }
    Ok(crate::web::see_other(&back))
}
