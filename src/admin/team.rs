//! `/admin/team`: a recruiter's colleagues (everyone who works for one of their companies) and
//! the form that invites one more to one of those companies. The invitation goes by mail to
//! the address, never to the inviter, so only the address's owner sets the password; its link
//! works for 72 hours, like the staff's invitations. Ten invitations an hour per recruiter.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use diesel::prelude::*;
use serde::Deserialize;

use super::layout::here;
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::db::DbConn;
use crate::db::schema::{admin_users, companies, company_members};
use crate::error::AppError;
use crate::models::AdminRole;
use crate::models::admin_user::{self, CreateAdminError, INVITATION_HOURS};
use crate::models::audit::{self, Change};
use crate::models::company_member::companies_of;
use crate::state::AppState;
use crate::web::with_conn;

pub struct Member {
    /// Where the button that lets them go posts; `None` for the user themself.
    pub remove_url: Option<String>,
    pub name: String,
    pub email: String,
    pub companies: String,
    /// When they last signed in; `None`: invited, not yet in.
    pub last_login: Option<String>,
}

impl Member {
    /// Who the remove button names: their name, or their address when they gave none.
    pub fn label(&self) -> &str {
        if self.name.trim().is_empty() { &self.email } else { &self.name }
    }
}

pub struct CompanyOption {
    pub id: i64,
    pub name: String,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/team.html")]
pub struct TeamPage {
    pub l: AdminLayout,
    pub members: Vec<Member>,
    pub companies: Vec<CompanyOption>,
    pub email: String,
    pub name: String,
    pub email_error: Option<String>,
}

/// The recruiter's companies (id, name) and everyone working for them: three queries.
type Team = (Vec<(i64, String)>, Vec<(i64, String, String, Option<chrono::NaiveDateTime>, String)>);

fn team_of(conn: &mut DbConn, user: i64) -> QueryResult<Team> {
    let ids = crate::models::company_member::company_ids(conn, user)?;
    let mine: Vec<(i64, String)> = companies::table
        .filter(companies::id.eq_any(&ids))
        .order(companies::name.asc())
        .select((companies::id, companies::name))
        .load(conn)?;
    let members = company_members::table
        .inner_join(admin_users::table)
        .inner_join(companies::table)
        .filter(company_members::company_id.eq_any(&ids))
        .order((admin_users::name.asc(), admin_users::email.asc(), companies::name.asc()))
        .select((
            admin_users::id,
            admin_users::name,
            admin_users::email,
            admin_users::last_login_at,
            companies::name,
        ))
        .load(conn)?;
    Ok((mine, members))
}

async fn page(
    state: &AppState,
    admin: &CurrentAdmin,
    typed: (String, String, i64),
    email_error: Option<String>,
) -> Result<TeamPage, AppError> {
    let user = admin.user.id;
    let (mine, rows) = with_conn(state, move |conn| Ok(team_of(conn, user)?)).await?;
    let tr = admin.tr.clone();
    let mut members: Vec<(i64, Member)> = Vec::new();
    for (id, name, email, last_login, company) in rows {
        match members.iter_mut().find(|(m, _)| *m == id) {
            Some((_, member)) => {
                member.companies.push_str(", ");
                member.companies.push_str(&company);
            }
            None => members.push((
                id,
                Member {
                    remove_url: (id != user).then(|| format!("/admin/team/{id}/remove")),
                    name,
                    email,
                    companies: company,
                    last_login: last_login.map(|at| tr.date_time(&at)),
                },
            )),
        }
    }
    let title = tr.t("admin-team-title");
    let (email, name, chosen) = typed;
    Ok(TeamPage {
        l: AdminLayout::new(admin, "team", title.clone(), vec![here(title)]),
        members: members.into_iter().map(|(_, m)| m).collect(),
        companies: mine
            .into_iter()
            .map(|(id, name)| CompanyOption { id, name, selected: id == chosen })
            .collect(),
        email,
        name,
        email_error,
    })
}

pub async fn show(state: web::Data<AppState>, admin: CurrentAdmin) -> Result<TeamPage, AppError> {
    admin.require(Area::Companies, Action::Invite)?;
    page(&state, &admin, (String::new(), String::new(), 0), None).await
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    company: String,
}

/// Why an invitation was not made.
enum Refusal {
    /// Not one of the inviter's companies: a forged form.
    Company,
    /// The address's problem (a Fluent id).
    Email(&'static str),
    RateLimited,
}

/// What stops an invitation: a refusal (nothing is written) or an error.
enum Failed {
    Refused(Refusal),
    App(AppError),
}

impl From<diesel::result::Error> for Failed {
    fn from(e: diesel::result::Error) -> Failed {
        Failed::App(e.into())
    }
}

pub async fn invite(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    form: AdminForm<InviteForm>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Companies, Action::Invite)?;
    let tr = admin.tr.clone();
    let InviteForm { email, name, company } = form.data;
    if name.chars().count() > 200 || email.chars().count() > 320 {
        return Err(AppError::BadRequest("error-bad-request"));
    }
    // Only one of their own companies: any other id is one they cannot see.
    let company: i64 = company.parse().map_err(|_| AppError::BadRequest("error-bad-request"))?;
    let (user, actor, inviter) = (admin.user.id, admin.actor(), admin.actor().label);
    let (base_url, messages, locale) =
        (state.config.base_url.clone(), state.messages.clone(), tr.locale);
    let (e, n) = (email.clone(), name.clone());
    let outcome = with_conn(&state, move |conn| {
        let now = crate::db::now();
        Ok(crate::db::write_transaction(conn, |conn| {
            let company_name: String = companies::table
                .filter(companies::id.eq(company))
                .filter(companies::id.eq_any(companies_of(user)))
                .select(companies::name)
                .first(conn)
                .optional()?
                .ok_or(Failed::Refused(Refusal::Company))?;
            let refused = |r| Err(Failed::Refused(r));
            let (id, token) = match admin_user::invite(conn, &e, &n, AdminRole::Recruiter, now) {
                Ok(invited) => invited,
                Err(CreateAdminError::Database(e)) => return Err(e.into()),
                Err(CreateAdminError::InvalidEmail(_)) => {
                    return refused(Refusal::Email("admin-invite-email-invalid"));
                }
                Err(CreateAdminError::Exists(_)) => {
                    return refused(Refusal::Email("admin-team-email-taken"));
                }
                Err(other) => return Err(Failed::App(AppError::Internal(other.to_string()))),
            };
            // Counted only for an invitation that goes out; a refused one is rolled back.
            if !crate::state::TEAM_INVITE_LIMIT.allow_key(conn, &format!("admin:{user}"), now)? {
                return refused(Refusal::RateLimited);
            }
            diesel::update(admin_users::table.find(id))
                .set(admin_users::locale.eq(locale.as_str()))
                .execute(conn)?;
            crate::models::company_member::set_companies(conn, id, &[company])?;
            let address = e.trim().to_lowercase();
            audit::record(
                conn,
                &actor,
                "create",
                "admin_users",
                id,
                &address,
                &[
                    Change::new("role", None, Some(AdminRole::Recruiter.as_str())),
                    Change::new("companies", None, Some(&company_name)),
                ],
            )?;
            let invitation = crate::mail::team::Invitation {
                to: &address,
                name: if n.trim().is_empty() { &address } else { n.trim() },
                inviter: &inviter,
                company: &company_name,
                link: &format!("{base_url}/admin/password/{token}"),
                hours: INVITATION_HOURS,
            };
            let mail =
                crate::mail::team::invitation(messages.tr(locale), &invitation).map_err(|e| {
                    Failed::App(AppError::Internal(format!("rendering a team invitation: {e}")))
                })?;
            crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email: mail }, conn)?;
            Ok(address)
        }))
    })
    .await?;
    let refusal = match outcome {
        Ok(address) => {
            Flash::notice(&admin.session, tr.t1("admin-team-invited", "email", &address));
            return Ok(crate::web::see_other("/admin/team"));
        }
        Err(Failed::App(e)) => return Err(e),
        Err(Failed::Refused(Refusal::Company)) => {
            return Err(AppError::BadRequest("error-bad-request"));
        }
        Err(Failed::Refused(refusal)) => refusal,
    };
    let message = match refusal {
        Refusal::Email(id) => tr.t(id),
        Refusal::RateLimited | Refusal::Company => tr.t("admin-team-rate-limited"),
    };
    let page = page(&state, &admin, (email, name, company), Some(message)).await?;
    let html =
        page.render().map_err(|e| AppError::Internal(format!("rendering the team page: {e}")))?;
    Ok(HttpResponse::UnprocessableEntity().content_type("text/html; charset=utf-8").body(html))
}

/// Lets colleague `id` go from the companies the recruiter shares with them (their other
/// companies keep them); anyone else, the recruiter included, is not found.
pub async fn remove(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    _form: AdminForm<RemoveForm>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Companies, Action::Invite)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let (user, actor) = (admin.user.id, admin.actor());
    if id == user {
        return Err(AppError::NotFound);
    }
    let address = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            use crate::models::company_member::{company_ids, set_companies};
            let mine = company_ids(conn, user)?;
            let theirs = company_ids(conn, id)?;
            let shared: Vec<i64> = theirs.iter().copied().filter(|c| mine.contains(c)).collect();
            if shared.is_empty() {
                return Err(AppError::NotFound);
            }
            let kept: Vec<i64> = theirs.into_iter().filter(|c| !shared.contains(c)).collect();
            set_companies(conn, id, &kept)?;
            let names: Vec<String> = companies::table
                .filter(companies::id.eq_any(&shared))
                .order(companies::name.asc())
                .select(companies::name)
                .load(conn)?;
            let address: String =
                admin_users::table.find(id).select(admin_users::email).first(conn)?;
            let change = Change::new("companies", Some(&names.join(", ")), None);
            audit::record(conn, &actor, "update", "admin_users", id, &address, &[change])?;
            Ok(address)
        })
    })
    .await?;
    Flash::notice(&admin.session, admin.tr.t1("admin-team-removed", "email", &address));
    Ok(crate::web::see_other("/admin/team"))
}

/// The remove button's form: its CSRF token only.
#[derive(Deserialize)]
pub struct RemoveForm {}
