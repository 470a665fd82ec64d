//! The signed-in back-office user, as a request extractor.

use std::future::Future;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::auth::policy::{self, Action, Area};
use crate::auth::session;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::admin_user::AdminUser;
use crate::state::AppState;

/// Where the session keeps the back-office token.
pub const SESSION_KEY: &str = "admin_token";

/// A signed-in user whose session is live. Extracting it from a request without one answers
/// with a redirect to the sign-in page.
pub struct CurrentAdmin {
    pub user: AdminUser,
    pub session: Session,
    pub tr: Tr,
    /// The request, for the security log.
    pub request: HttpRequest,
}

impl CurrentAdmin {
    /// Refuses with 403 (and a log line) unless the user's role allows `action` in `area`.
    pub fn require(&self, area: Area, action: Action) -> Result<(), AppError> {
        if policy::allows(self.user.role(), area, action) {
            Ok(())
        } else {
            crate::security::events::record(
                &self.request,
                crate::security::events::Severity::Warning,
                "authorization-denied",
                &[
                    ("user", &self.user.id.to_string()),
                    ("role", self.user.role().as_str()),
                    ("area", &format!("{area:?}")),
                    ("action", &format!("{action:?}")),
                ],
            );
            Err(AppError::Forbidden)
        }
    }

    /// Who the audit log names for this user's changes.
    pub fn actor(&self) -> crate::models::audit::Actor {
        crate::models::audit::Actor {
            admin_user_id: Some(self.user.id),
            label: self.user.display_name().to_owned(),
        }
    }

    /// Who is looking, for the records a resource lets this user see.
    pub fn viewer(&self) -> crate::admin::resource::Viewer {
        crate::admin::resource::Viewer { admin_user_id: self.user.id, role: self.user.role() }
    }

    /// Who fills a form in, in the admin's language.
    pub fn editor(&self) -> crate::admin::resource::Editor {
        crate::admin::resource::Editor::new(self.tr.clone(), self.viewer())
    }

    pub fn can(&self, area: Area, action: Action) -> bool {
        policy::allows(self.user.role(), area, action)
    }
}

impl FromRequest for CurrentAdmin {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<CurrentAdmin, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let login = || AppError::LoginRequired(login_target(&req));
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::Internal("no application state".into()))?
                .clone();
            let session = req.get_session();
            let Some(token) = session.get::<String>(SESSION_KEY).ok().flatten() else {
                return Err(login());
            };
            let limits = state.config.admin_session_limits();
            let user = crate::web::with_conn(&state, move |conn| {
                Ok(session::resume(conn, &token, crate::db::now(), limits)?)
            })
            .await?;
            match user {
                Some(user)
                    if user.totp_enabled_at.is_none()
                        && state.config.mfa_required_roles.contains(&user.role())
                        && !crate::admin::two_factor::reachable_before_enrolment(req.path()) =>
                {
                    Err(AppError::EnrolmentRequired)
                }
                Some(user) => {
                    Ok(CurrentAdmin { tr: state.tr(user.locale()), user, session, request: req })
                }
                None => {
                    session.remove(SESSION_KEY);
                    Err(login())
                }
            }
        })
    }
}

/// The page to come back to after signing in: this one, for a GET.
fn login_target(req: &HttpRequest) -> String {
    if req.method() != actix_web::http::Method::GET {
        return "/admin".into();
    }
    match req.uri().path_and_query() {
        Some(pq) => pq.as_str().to_owned(),
        None => "/admin".into(),
    }
}
