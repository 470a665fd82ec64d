//! Applications in the back office: the pipeline by stage.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::{applications, jobs};
use crate::models::ApplicationStatus;

pub struct Applications;

/// The scopes: all, then each stage of the pipeline in order.
const STAGES: [ApplicationStatus; 7] = [
    ApplicationStatus::New,
    ApplicationStatus::Reviewing,
    ApplicationStatus::Interview,
    ApplicationStatus::Offer,
    ApplicationStatus::Hired,
    ApplicationStatus::Rejected,
    ApplicationStatus::Withdrawn,
];

/// The label of the button that moves an application to `s`.
fn stage_action_label(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::New => "application-status-new",
        ApplicationStatus::Reviewing => "admin-stage-to-reviewing",
        ApplicationStatus::Interview => "admin-stage-to-interview",
        ApplicationStatus::Offer => "admin-stage-to-offer",
        ApplicationStatus::Hired => "admin-stage-to-hired",
        ApplicationStatus::Rejected => "admin-stage-to-rejected",
        ApplicationStatus::Withdrawn => "admin-stage-to-withdrawn",
    }
}

pub(crate) fn stage_label(s: ApplicationStatus) -> &'static str {
    s.label_key()
}

/// An application as the list and the board show it: without its letter and files.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = applications)]
pub struct ApplicationRow {
    pub id: i64,
    pub job_id: i64,
    pub name: String,
    pub email: String,
    pub status: ApplicationStatus,
    pub created_at: chrono::NaiveDateTime,
}

/// The postings' titles.
pub type Titles = HashMap<i64, String>;

impl Declaration for Applications {
    type Table = applications::table;
    type Row = ApplicationRow;
    type Context = Titles;
    const NAME: &'static str = "applications";
    const AREA: Area = Area::Applications;
    const TITLE: &'static str = "admin-nav-applications";
    const TABLE: &'static str = "applications";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("name", "admin-col-applicant", |a| a.name.clone()).sorted_by(applications::name);
        c.cell("email", "admin-field-email", |a| Cell::Email(a.email.clone()))
            .sorted_by(applications::email);
        c.with("posting", "admin-col-posting", |a, titles, _| {
            Cell::Link(
                titles.get(&a.job_id).cloned().unwrap_or_default(),
                format!("/admin/jobs/{}", a.job_id),
            )
        })
        .sorted_by(
            jobs::table
                .filter(jobs::id.eq(applications::job_id))
                .select(jobs::title)
                .single_value(),
        );
        c.with("status", "admin-col-stage", |a, _, tr| {
            Cell::Status(a.status.as_str(), tr.t(stage_label(a.status)))
        })
        .sorted_by(applications::status);
        c.date("created_at", "admin-col-received", |a| Some(a.created_at))
            .sorted_by(applications::created_at);
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<applications::table>> {
        vec![
            Filter::text("name", "admin-col-applicant", applications::name),
            Filter::text("email", "admin-field-email", applications::email),
            Filter::association("posting", "admin-col-posting", |title| {
                let named = crate::text_filter!(jobs::title, TextOp::Contains, title);
                Box::new(applications::job_id.eq_any(jobs::table.filter(named).select(jobs::id)))
            }),
            Filter::date_range("created_at", "admin-col-received", applications::created_at),
        ]
    }
    /// A recruiter's: their companies' (`company_scope`).
    fn scope_for(
        &self,
        viewer: &crate::admin::resource::Viewer,
    ) -> Option<crate::admin::engine::Pred<applications::table>> {
        super::company_scope::applications(viewer)
    }
    fn scopes(&self) -> Vec<Scope<applications::table>> {
        std::iter::once(Scope::all())
            .chain(STAGES.into_iter().map(|stage| {
                Scope::new(stage.as_str(), stage_label(stage), applications::status.eq(stage))
            }))
            .collect()
    }
    fn context(&self, conn: &mut DbConn, rows: &[ApplicationRow]) -> QueryResult<Titles> {
        super::names_by_id!(conn, rows.iter().map(|a| a.job_id), jobs::title)
    }
}

impl Resource for Applications {
    fn acts(&self) -> Vec<Act> {
        vec![Act::new("stage", Action::ChangeStatus, change_stage)]
    }

    fn member_actions(&self, id: i64, record: &Record) -> Vec<MemberAction> {
        let from =
            record.status.and_then(ApplicationStatus::parse).unwrap_or(ApplicationStatus::New);
        // Erasing asks on a page of its own (`admin::erasure`), which says what will go.
        let erase = MemberAction::post(
            "admin-erase-title",
            format!("/admin/applications/{id}/erase"),
            Action::Delete,
        )
        .emphasis(Emphasis::Danger);
        from.next_stages()
            .into_iter()
            .enumerate()
            .map(|(i, to)| {
                let action =
                    self.button(id, "stage", stage_action_label(to)).with("to", to.as_str());
                // The first move is the pipeline's way forward; rejecting is a refusal.
                match to {
                    ApplicationStatus::Rejected => action
                        .confirmed(true)
                        .emphasis(Emphasis::Danger)
                        .input("reason", "admin-field-rejection-reason"),
                    ApplicationStatus::Withdrawn => action.confirmed(true),
                    _ if i == 0 => action.emphasis(Emphasis::Primary),
                    _ => action,
                }
            })
            .chain(std::iter::once(erase))
            .collect()
    }

    fn index_links(&self, query: &str) -> Vec<(&'static str, String)> {
        vec![("admin-board-view", format!("/admin/applications/board?{query}"))]
    }

    fn batch_actions(&self) -> Vec<BatchAction> {
        use crate::models::ApplicationStatus::{Hired, Interview, Offer, Reviewing, Withdrawn};
        use crate::models::pipeline::{StageError, move_to};
        // Rejection needs a reason per application, so it is a member action only.
        let stages = [Reviewing, Interview, Offer, Hired, Withdrawn];
        let action = |to: ApplicationStatus| {
            BatchAction::each(
                to.as_str(),
                stage_action_label(to),
                Action::ChangeStatus,
                move |conn, id, b| match move_to(conn, id, to, "", b.actor, crate::db::now()) {
                    Ok(()) => Ok(true),
                    Err(StageError::Database(e)) => Err(AppError::Database(e)),
                    Err(_) => Ok(false),
                },
            )
        };
        stages.into_iter().map(action).collect()
    }
}

/// An application as its show page reads it: the letter, the stages' times, the CV's name.
#[derive(Queryable, Selectable)]
#[diesel(table_name = applications)]
pub struct ApplicationDetail {
    id: i64,
    job_id: i64,
    name: String,
    email: String,
    phone: Option<String>,
    cover_letter: String,
    locale: String,
    status: ApplicationStatus,
    rejection_reason: Option<String>,
    cv_name: Option<String>,
    cv_size: Option<i64>,
    created_at: NaiveDateTime,
    consent_at: NaiveDateTime,
    reviewing_at: Option<NaiveDateTime>,
    interview_at: Option<NaiveDateTime>,
    offer_at: Option<NaiveDateTime>,
    hired_at: Option<NaiveDateTime>,
    rejected_at: Option<NaiveDateTime>,
    withdrawn_at: Option<NaiveDateTime>,
}

impl Shows for Applications {
    type Detail = ApplicationDetail;

    fn record(&self, conn: &mut DbConn, a: ApplicationDetail, tr: &Tr) -> Result<Record, AppError> {
        let title: String = jobs::table.find(a.job_id).select(jobs::title).first(conn)?;
        let language =
            crate::i18n::Locale::parse(&a.locale).map_or(a.locale, |l| l.native_name().into());
        let cv = match a.cv_name {
            Some(file) => {
                let kb = tr.number((a.cv_size.unwrap_or(0) + 1023) / 1024);
                let size = tr.t1("admin-file-size-kb", "size", &kb);
                Cell::Link(format!("{file} ({size})"), format!("/admin/applications/{}/cv", a.id))
            }
            None => Cell::Text(tr.t("admin-no-cv")),
        };
        let stage = a.status;
        Ok(Record::new(
            a.name.clone(),
            vec![
                Panel::new("admin-panel-applicant")
                    .text("admin-col-applicant", a.name)
                    .email("admin-field-email", a.email)
                    .text("admin-field-phone", a.phone.unwrap_or_default())
                    .text("admin-field-language", language)
                    .row(
                        "admin-col-posting",
                        Cell::Link(title, format!("/admin/jobs/{}", a.job_id)),
                    )
                    .row("admin-col-stage", Cell::Status(stage.as_str(), tr.t(stage_label(stage))))
                    .text("admin-field-rejection-reason", a.rejection_reason.unwrap_or_default())
                    .paragraphs("admin-field-cover-letter", a.cover_letter)
                    .row("admin-field-cv", cv),
                Panel::new("admin-panel-pipeline")
                    .date("application-status-new", a.created_at)
                    .date("admin-field-consent-at", a.consent_at)
                    .date("application-status-reviewing", a.reviewing_at)
                    .date("application-status-interview", a.interview_at)
                    .date("application-status-offer", a.offer_at)
                    .date("application-status-hired", a.hired_at)
                    .date("application-status-rejected", a.rejected_at)
                    .date("application-status-withdrawn", a.withdrawn_at),
            ],
        )
        .status(stage.as_str()))
    }
}

/// Who may move applications, which one and where to: the confirmation step checks as the
/// move does.
fn stage_request(
    admin: &crate::admin::CurrentAdmin,
    id: &str,
    to: &str,
) -> Result<(i64, ApplicationStatus), AppError> {
    admin.require(Area::Applications, crate::auth::policy::Action::ChangeStatus)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let to = ApplicationStatus::parse(to).ok_or(AppError::BadRequest("error-bad-request"))?;
    Ok((id, to))
}

/// `POST /admin/applications/{id}/stage`: the member action `stage` (below), on the path
/// whose GET is its confirmation step.
pub async fn stage(
    state: actix_web::web::Data<crate::state::AppState>,
    admin: crate::admin::CurrentAdmin,
    path: actix_web::web::Path<String>,
    form: crate::admin::AdminForm<serde::de::IgnoredAny>,
) -> Result<actix_web::HttpResponse, AppError> {
    crate::admin::member::run(state, admin, "applications", &path, "stage", form).await
}

/// Moves application `id` to the next stage, rejects it (with a reason) or withdraws it; then
/// back to `back` (the board) when given.
fn change_stage(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    use crate::models::pipeline::{MAX_REASON_CHARS, StageError, move_to};
    let to =
        ApplicationStatus::parse(a.field("to")).ok_or(AppError::BadRequest("error-bad-request"))?;
    let (tr, label) = (a.tr.clone(), |s| a.tr.t(stage_label(s)));
    let done = match move_to(conn, id, to, a.field("reason"), a.actor, crate::db::now()) {
        Ok(()) => Done::notice(tr.t1("admin-stage-changed", "stage", &label(to))),
        Err(StageError::NotAllowed { from, to }) => {
            Done::alert(tr.t2("admin-stage-not-allowed", "from", &label(from), "to", &label(to)))
        }
        Err(StageError::ReasonMissing) => Done::alert(tr.t("admin-stage-reason-missing")),
        Err(StageError::ReasonTooLong) => Done::alert(tr.t1(
            "admin-stage-reason-too-long",
            "max",
            &tr.number(MAX_REASON_CHARS as i64),
        )),
        Err(StageError::NotFound) => return Err(AppError::NotFound),
        Err(StageError::Database(e)) => return Err(e.into()),
    };
    Ok(match a.field("back") {
        "" => done,
        back => done.to(crate::admin::login::safe_next(back)),
    })
}

#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "admin/stage_confirm.html")]
pub struct StageConfirmPage {
    pub l: crate::admin::AdminLayout,
    pub question: String,
    pub action_url: String,
    pub to: &'static str,
    pub confirm_label: String,
    pub danger: bool,
    /// Asks for the reason (a rejection), at most this many characters.
    pub reason_max: Option<usize>,
    pub back: String,
}

#[derive(serde::Deserialize)]
pub struct StageQuery {
    #[serde(default)]
    to: String,
}

/// `GET /admin/applications/{id}/stage?to=…`: the step before a move that needs more than a
/// click: a rejection asks for its reason here. The POST to the same address makes the move.
pub async fn confirm_stage(
    state: actix_web::web::Data<crate::state::AppState>,
    admin: crate::admin::CurrentAdmin,
    path: actix_web::web::Path<String>,
    query: actix_web::web::Query<StageQuery>,
) -> Result<StageConfirmPage, AppError> {
    use crate::admin::layout::{crumb, here};
    let (id, to) = stage_request(&admin, &path, &query.to)?;
    let viewer = admin.viewer();
    let name: String = crate::web::with_conn(&state, move |conn| {
        crate::admin::resource::Listing::require_visible(&Applications, conn, id, &viewer)?;
        applications::table
            .find(id)
            .select(applications::name)
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)
    })
    .await?;
    let tr = admin.tr.clone();
    let back = format!("/admin/applications/{id}");
    let title = tr.t(stage_action_label(to));
    let l = crate::admin::AdminLayout::new(
        &admin,
        "applications",
        title.clone(),
        vec![
            crumb(tr.t("admin-nav-applications"), "/admin/applications"),
            crumb(name.clone(), back.clone()),
            here(title),
        ],
    );
    Ok(StageConfirmPage {
        question: tr.t2("admin-stage-confirm", "name", &name, "stage", &tr.t(stage_label(to))),
        action_url: format!("/admin/applications/{id}/stage"),
        to: to.as_str(),
        confirm_label: tr.t(stage_action_label(to)),
        danger: to == ApplicationStatus::Rejected,
        reason_max: (to == ApplicationStatus::Rejected)
            .then_some(crate::models::pipeline::MAX_REASON_CHARS),
        back,
        l,
    })
}

/// `GET /admin/applications/{id}/cv`: the applicant's CV, for those who may read
/// applications. Sent as an attachment under its sanitized name, with the type the server
/// detected on upload and `nosniff`, never cached; its storage key is never shown.
///
/// Without a session the answer is 403, not the sign-in detour of the other admin pages: the
/// link only appears on the signed-in show page, and a forbidden answer that does not depend
/// on the id tells a script nothing about which applications have files.
pub async fn cv(
    state: actix_web::web::Data<crate::state::AppState>,
    admin: Result<super::super::CurrentAdmin, AppError>,
    path: actix_web::web::Path<String>,
) -> Result<actix_web::HttpResponse, AppError> {
    let admin = admin.map_err(|e| match e {
        AppError::LoginRequired(_) => AppError::Forbidden,
        other => other,
    })?;
    admin.require(Area::Applications, crate::auth::policy::Action::View)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let viewer = admin.viewer();
    let found = crate::web::with_conn(&state, move |conn| {
        crate::admin::resource::Listing::require_visible(&Applications, conn, id, &viewer)?;
        Ok(applications::table
            .filter(applications::id.eq(id))
            .select((applications::cv_key, applications::cv_name, applications::cv_type))
            .first::<(Option<String>, Option<String>, Option<String>)>(conn)
            .optional()?)
    })
    .await?;
    let Some((Some(key), name, content_type)) = found else {
        return Err(AppError::NotFound);
    };
    cv_download(&state, &key, name.as_deref(), content_type).await
}

/// The CV stored under `key` as a download: an attachment under its sanitized name, with the
/// type detected on upload, `nosniff`, sandboxed and never cached. Also the API's.
pub async fn cv_download(
    state: &crate::state::AppState,
    key: &str,
    name: Option<&str>,
    content_type: Option<String>,
) -> Result<actix_web::HttpResponse, AppError> {
    use actix_web::http::header::{
        Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
    };
    let bytes =
        state.storage.get(key).await.map_err(AppError::Internal)?.ok_or(AppError::NotFound)?;
    // Named for what it is: the extension of the type detected on upload (the key's).
    let extension = key.rsplit_once('.').map_or("bin", |(_, ext)| ext);
    let name = crate::uploads::names::with_extension(
        &crate::uploads::names::sanitize(name.unwrap_or(""), "cv"),
        extension,
    );
    // An ASCII fallback for old clients, the real name per RFC 6266/5987 for the others.
    let ascii: String = name.chars().map(|c| if c.is_ascii() { c } else { '_' }).collect();
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: name.into_bytes(),
            }),
        ],
    };
    Ok(actix_web::HttpResponse::Ok()
        .content_type(content_type.unwrap_or_else(|| "application/octet-stream".into()))
        .insert_header(disposition)
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(("Content-Security-Policy", "sandbox; default-src 'none'"))
        .body(bytes))
}
