//! Applications in the back office: the pipeline by stage.

use crate::admin::resource::Listing;
use diesel::prelude::*;

use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, Panel,
    Record, Resource, Row, ScopeDef,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::{applications, jobs};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::ApplicationStatus;

pub struct Applications;

type Source = diesel::dsl::InnerJoin<applications::table, jobs::table>;
pub(crate) type Boxed<'a> = diesel::dsl::IntoBoxed<'a, Source, Db>;

pub(crate) fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = applications::table.inner_join(jobs::table).into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("name", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(applications::name, *op, v))
            }
            ("email", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(applications::email, *op, v))
            }
            ("posting", FilterValue::Association(v)) => q.filter(crate::text_filter!(
                jobs::title,
                crate::admin::resource::TextOp::Contains,
                v
            )),
            ("created_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, applications::created_at, from, to)
            }
            _ => q,
        };
    }
    q
}

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
    match s {
        ApplicationStatus::New => "application-status-new",
        ApplicationStatus::Reviewing => "application-status-reviewing",
        ApplicationStatus::Interview => "application-status-interview",
        ApplicationStatus::Offer => "application-status-offer",
        ApplicationStatus::Hired => "application-status-hired",
        ApplicationStatus::Rejected => "application-status-rejected",
        ApplicationStatus::Withdrawn => "application-status-withdrawn",
    }
}

impl Listing for Applications {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("name", "admin-col-applicant"),
            Column::sortable("email", "admin-field-email"),
            Column::sortable("posting", "admin-col-posting"),
            Column::sortable("status", "admin-col-stage"),
            Column::sortable("created_at", "admin-col-received"),
        ]
    }

    fn filters(&self, _tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("name", "admin-col-applicant", FilterKind::Text),
            FilterDef::new("email", "admin-field-email", FilterKind::Text),
            FilterDef::new("posting", "admin-col-posting", FilterKind::Association),
            FilterDef::new("created_at", "admin-col-received", FilterKind::DateRange),
        ]
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        let mut all = vec![ScopeDef::new("all", "admin-scope-all")];
        all.extend(STAGES.iter().map(|s| ScopeDef {
            key: s.as_str(),
            label: stage_label(*s),
        }));
        all
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        ("created_at", Dir::Desc)
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        _counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let per_stage =
            |s: ApplicationStatus| super::count_where("applications.status", s.as_str());
        #[allow(clippy::type_complexity)]
        let counts: (i64, i64, i64, i64, i64, i64, i64, i64) = filtered(query)
            .select((
                diesel::dsl::count_star(),
                per_stage(STAGES[0]),
                per_stage(STAGES[1]),
                per_stage(STAGES[2]),
                per_stage(STAGES[3]),
                per_stage(STAGES[4]),
                per_stage(STAGES[5]),
                per_stage(STAGES[6]),
            ))
            .first(conn)?;
        let scope_counts = vec![
            counts.0, counts.1, counts.2, counts.3, counts.4, counts.5, counts.6, counts.7,
        ];
        let mut q = filtered(query);
        if query.scope != "all" {
            q = q.filter(applications::status.eq(query.scope));
        }
        q = match (query.sort, query.dir) {
            ("name", Dir::Asc) => q.order((applications::name.asc(), applications::id.asc())),
            ("name", Dir::Desc) => q.order((applications::name.desc(), applications::id.desc())),
            ("email", Dir::Asc) => q.order((applications::email.asc(), applications::id.asc())),
            ("email", Dir::Desc) => q.order((applications::email.desc(), applications::id.desc())),
            ("posting", Dir::Asc) => q.order((jobs::title.asc(), applications::id.asc())),
            ("posting", Dir::Desc) => q.order((jobs::title.desc(), applications::id.desc())),
            ("status", Dir::Asc) => q.order((applications::status.asc(), applications::id.asc())),
            ("status", Dir::Desc) => {
                q.order((applications::status.desc(), applications::id.desc()))
            }
            ("created_at", Dir::Asc) => {
                q.order((applications::created_at.asc(), applications::id.asc()))
            }
            _ => q.order((applications::created_at.desc(), applications::id.desc())),
        };
        type Listed = (
            i64,
            String,
            String,
            i64,
            String,
            String,
            chrono::NaiveDateTime,
        );
        let rows: Vec<Listed> = q
            .select((
                applications::id,
                applications::name,
                applications::email,
                jobs::id,
                jobs::title,
                applications::status,
                applications::created_at,
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        let rows = rows
            .into_iter()
            .map(|(id, name, email, job_id, title, status, created)| {
                let stage = ApplicationStatus::parse(&status).unwrap_or(ApplicationStatus::New);
                Row {
                    id,
                    cells: vec![
                        Cell::Link(name, format!("/admin/applications/{id}")),
                        Cell::Email(email),
                        Cell::Link(title, format!("/admin/jobs/{job_id}")),
                        Cell::Status(stage.as_str(), tr.t(stage_label(stage))),
                        Cell::Date(Some(created)),
                    ],
                }
            })
            .collect();
        Ok(ListResult { rows, scope_counts })
    }
}

impl Resource for Applications {
    fn name(&self) -> &'static str {
        "applications"
    }

    fn area(&self) -> Area {
        Area::Applications
    }

    fn title(&self) -> &'static str {
        "admin-nav-applications"
    }

    fn member_actions(
        &self,
        id: i64,
        record: &Record,
    ) -> Vec<super::super::resource::MemberAction> {
        let from = record
            .status
            .and_then(ApplicationStatus::parse)
            .unwrap_or(ApplicationStatus::New);
        use super::super::resource::Emphasis;
        from.next_stages()
            .into_iter()
            .enumerate()
            .map(|(i, to)| super::super::resource::MemberAction {
                label: stage_action_label(to),
                url: format!("/admin/applications/{id}/stage"),
                fields: vec![("to", to.as_str().to_owned())],
                needs: crate::auth::policy::Action::ChangeStatus,
                confirm: matches!(
                    to,
                    ApplicationStatus::Rejected | ApplicationStatus::Withdrawn
                ),
                // The first move is the pipeline's way forward; rejecting is a refusal.
                emphasis: match to {
                    ApplicationStatus::Rejected => Emphasis::Danger,
                    _ if i == 0 => Emphasis::Primary,
                    _ => Emphasis::Normal,
                },
                input: (to == ApplicationStatus::Rejected)
                    .then_some(("reason", "admin-field-rejection-reason")),
            })
            .collect()
    }

    fn index_links(&self, query: &str) -> Vec<(&'static str, String)> {
        vec![(
            "admin-board-view",
            format!("/admin/applications/board?{query}"),
        )]
    }

    fn batch_actions(&self) -> Vec<super::super::resource::BatchAction> {
        // Rejection needs a reason per application, so it is a member action only.
        [
            ApplicationStatus::Reviewing,
            ApplicationStatus::Interview,
            ApplicationStatus::Offer,
            ApplicationStatus::Hired,
            ApplicationStatus::Withdrawn,
        ]
        .into_iter()
        .map(|to| super::super::resource::BatchAction {
            key: to.as_str(),
            label: stage_action_label(to),
            needs: crate::auth::policy::Action::ChangeStatus,
            input: None,
        })
        .collect()
    }

    fn run_batch(
        &self,
        conn: &mut DbConn,
        key: &str,
        ids: &[i64],
        _input: &str,
        actor: &crate::models::audit::Actor,
    ) -> Result<super::super::resource::BatchOutcome, AppError> {
        use crate::models::pipeline::{StageError, move_to};
        let to = ApplicationStatus::parse(key)
            .filter(|s| *s != ApplicationStatus::Rejected && *s != ApplicationStatus::New)
            .ok_or(AppError::NotFound)?;
        let now = crate::db::now();
        crate::db::write_transaction(conn, |conn| {
            let mut outcome = super::super::resource::BatchOutcome::default();
            for id in ids {
                match move_to(conn, *id, to, "", actor, now) {
                    Ok(()) => outcome.changed += 1,
                    Err(StageError::Database(e)) => return Err(AppError::Database(e)),
                    Err(_) => outcome.skipped += 1,
                }
            }
            Ok(outcome)
        })
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        type Shown = (
            (String, String, Option<String>, String, String, String),
            (i64, String),
            (
                chrono::NaiveDateTime,
                chrono::NaiveDateTime,
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
                Option<String>,
            ),
            (Option<String>, Option<i64>),
        );
        let found: Option<Shown> = applications::table
            .inner_join(jobs::table)
            .filter(applications::id.eq(id))
            .select((
                (
                    applications::name,
                    applications::email,
                    applications::phone,
                    applications::cover_letter,
                    applications::locale,
                    applications::status,
                ),
                (jobs::id, jobs::title),
                (
                    applications::created_at,
                    applications::consent_at,
                    applications::reviewing_at,
                    applications::interview_at,
                    applications::offer_at,
                    applications::hired_at,
                    applications::rejected_at,
                    applications::withdrawn_at,
                    applications::rejection_reason,
                ),
                (applications::cv_name, applications::cv_size),
            ))
            .first(conn)
            .optional()?;
        let Some((
            (name, email, phone, letter, locale, status),
            (job_id, title),
            (created, consent, reviewing, interview, offer, hired, rejected, withdrawn, reason),
            (cv_name, cv_size),
        )) = found
        else {
            return Ok(None);
        };
        let stage = ApplicationStatus::parse(&status).unwrap_or(ApplicationStatus::New);
        let language = crate::i18n::Locale::parse(&locale)
            .map(|l| l.native_name().to_owned())
            .unwrap_or(locale);
        Ok(Some(Record {
            label: name.clone(),
            public_url: None,
            status: Some(stage.as_str()),
            panels: vec![
                Panel {
                    title: "admin-panel-applicant",
                    rows: vec![
                        ("admin-col-applicant", Cell::Text(name)),
                        ("admin-field-email", Cell::Email(email)),
                        ("admin-field-phone", Cell::Text(phone.unwrap_or_default())),
                        ("admin-field-language", Cell::Text(language)),
                        (
                            "admin-col-posting",
                            Cell::Link(title, format!("/admin/jobs/{job_id}")),
                        ),
                        (
                            "admin-col-stage",
                            Cell::Status(stage.as_str(), tr.t(stage_label(stage))),
                        ),
                        (
                            "admin-field-rejection-reason",
                            Cell::Text(reason.unwrap_or_default()),
                        ),
                        ("admin-field-cover-letter", Cell::Paragraphs(letter)),
                        (
                            "admin-field-cv",
                            match cv_name {
                                Some(file) => Cell::Link(
                                    format!(
                                        "{file} ({})",
                                        tr.t1(
                                            "admin-file-size-kb",
                                            "size",
                                            &tr.number((cv_size.unwrap_or(0) + 1023) / 1024)
                                        )
                                    ),
                                    format!("/admin/applications/{id}/cv"),
                                ),
                                None => Cell::Text(tr.t("admin-no-cv")),
                            },
                        ),
                    ],
                },
                Panel {
                    title: "admin-panel-pipeline",
                    rows: vec![
                        ("application-status-new", Cell::Date(Some(created))),
                        ("admin-field-consent-at", Cell::Date(Some(consent))),
                        ("application-status-reviewing", Cell::Date(reviewing)),
                        ("application-status-interview", Cell::Date(interview)),
                        ("application-status-offer", Cell::Date(offer)),
                        ("application-status-hired", Cell::Date(hired)),
                        ("application-status-rejected", Cell::Date(rejected)),
                        ("application-status-withdrawn", Cell::Date(withdrawn)),
                    ],
                },
            ],
        }))
    }
}

#[derive(serde::Deserialize)]
pub struct StageForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    reason: String,
    /// The page to come back to (the board); the application's page otherwise.
    #[serde(default)]
    back: String,
}

/// Who may move applications, which one and where to: the same for the confirmation step and
/// the move.
fn stage_request(
    admin: &crate::admin::CurrentAdmin,
    id: &str,
    to: &str,
) -> Result<(i64, ApplicationStatus), AppError> {
    admin.require(
        Area::Applications,
        crate::auth::policy::Action::ChangeStatus,
    )?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let to = ApplicationStatus::parse(to).ok_or(AppError::BadRequest("error-bad-request"))?;
    Ok((id, to))
}

/// `POST /admin/applications/{id}/stage`: the next stage, a rejection (with a reason) or a
/// withdrawal.
pub async fn change_stage(
    state: actix_web::web::Data<crate::state::AppState>,
    admin: crate::admin::CurrentAdmin,
    path: actix_web::web::Path<String>,
    form: crate::admin::AdminForm<StageForm>,
) -> Result<actix_web::HttpResponse, AppError> {
    use crate::models::pipeline::{MAX_REASON_CHARS, StageError, move_to};
    let (id, to) = stage_request(&admin, &path, &form.data.to)?;
    let actor = admin.actor();
    let reason = form.data.reason.clone();
    let outcome = crate::web::with_conn(&state, move |conn| {
        Ok(move_to(conn, id, to, &reason, &actor, crate::db::now()))
    })
    .await?;
    let tr = admin.tr;
    let session = &admin.session;
    match outcome {
        Ok(()) => crate::admin::Flash::notice(
            session,
            tr.t1("admin-stage-changed", "stage", &tr.t(stage_label(to))),
        ),
        Err(StageError::NotFound) => return Err(AppError::NotFound),
        Err(StageError::NotAllowed { from, to }) => crate::admin::Flash::alert(
            session,
            tr.t2(
                "admin-stage-not-allowed",
                "from",
                &tr.t(stage_label(from)),
                "to",
                &tr.t(stage_label(to)),
            ),
        ),
        Err(StageError::ReasonMissing) => {
            crate::admin::Flash::alert(session, tr.t("admin-stage-reason-missing"))
        }
        Err(StageError::ReasonTooLong) => crate::admin::Flash::alert(
            session,
            tr.t1(
                "admin-stage-reason-too-long",
                "max",
                &tr.number(MAX_REASON_CHARS as i64),
            ),
        ),
        Err(StageError::Database(e)) => return Err(e.into()),
    }
    let back = if form.data.back.is_empty() {
        format!("/admin/applications/{id}")
    } else {
        crate::admin::login::safe_next(&form.data.back)
    };
    Ok(crate::web::see_other(&back))
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
    let name: String = crate::web::with_conn(&state, move |conn| {
        applications::table
            .find(id)
            .select(applications::name)
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)
    })
    .await?;
    let tr = admin.tr;
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
        question: tr.t2(
            "admin-stage-confirm",
            "name",
            &name,
            "stage",
            &tr.t(stage_label(to)),
        ),
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
    use actix_web::http::header::{
        Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
    };
    let admin = admin.map_err(|e| match e {
        AppError::LoginRequired(_) => AppError::Forbidden,
        other => other,
    })?;
    admin.require(Area::Applications, crate::auth::policy::Action::View)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let found = crate::web::with_conn(&state, move |conn| {
        Ok(applications::table
            .filter(applications::id.eq(id))
            .select((
                applications::cv_key,
                applications::cv_name,
                applications::cv_type,
            ))
            .first::<(Option<String>, Option<String>, Option<String>)>(conn)
            .optional()?)
    })
    .await?;
    let Some((Some(key), name, content_type)) = found else {
        return Err(AppError::NotFound);
    };
    let bytes = state
        .storage
        .get(&key)
        .await
        .map_err(AppError::Internal)?
        .ok_or(AppError::NotFound)?;
    // Named for what it is: the extension of the type detected on upload (the key's).
    let extension = key.rsplit_once('.').map_or("bin", |(_, ext)| ext);
    let name = crate::uploads::names::with_extension(
        &crate::uploads::names::sanitize(name.as_deref().unwrap_or(""), "cv"),
        extension,
    );
    // An ASCII fallback for old clients, the real name per RFC 6266/5987 for the others.
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii() { c } else { '_' })
        .collect();
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
