//! `POST /admin/{resource}/batch`: a batch action on the selected rows. The first request
//! shows what will happen and asks to confirm; the confirmed one runs it in one transaction.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use super::layout::{crumb, here};
use super::resource::{Batch, MAX_BATCH};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::with_conn;

#[derive(Template, WebTemplate)]
#[template(path = "admin/confirm.html")]
pub struct ConfirmPage {
    pub l: AdminLayout,
    pub question: String,
    pub action_url: String,
    pub action: &'static str,
    pub ids: Vec<i64>,
    pub back: String,
    pub confirm_label: String,
    /// The action's text field: (label, current value).
    pub input: Option<(String, String)>,
}

pub async fn batch(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    form: AdminForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let resource = super::resources::find(&path).ok_or(AppError::NotFound)?;
    let tr = admin.tr.clone();
    let field = |name: &str| form.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let back = super::login::safe_next(field("back").unwrap_or_default());
    let back = if back == "/admin" { format!("/admin/{}", resource.name()) } else { back };
    let action = field("batch_action")
        .and_then(|key| resource.batch_actions().into_iter().find(|a| a.key == key))
        .ok_or(AppError::BadRequest("error-bad-request"))?;
    admin.require(resource.area(), action.needs)?;
    let mut ids: Vec<i64> =
        form.pairs.iter().filter(|(k, _)| k == "ids").filter_map(|(_, v)| v.parse().ok()).collect();
    ids.sort_unstable();
    ids.dedup();
    let redirect = |to: String| crate::web::see_other(&to);
    if ids.is_empty() {
        Flash::alert(&admin.session, tr.t("admin-batch-none-selected"));
        return Ok(redirect(back));
    }
    if ids.len() > MAX_BATCH {
        Flash::alert(
            &admin.session,
            tr.t1("admin-batch-too-many", "max", &tr.number(MAX_BATCH as i64)),
        );
        return Ok(redirect(back));
    }
    let label = tr.t(action.label);
    let input = field("input").unwrap_or_default().trim().to_owned();
    let needs_input = action.input.is_some() && input.is_empty();
    if field("confirmed") != Some("yes") || needs_input {
        if needs_input && field("confirmed") == Some("yes") {
            Flash::alert(&admin.session, tr.t("admin-batch-input-missing"));
        }
        let title = tr.t("admin-batch-confirm-title");
        let mut l = AdminLayout::new(
            &admin,
            resource.name(),
            title.clone(),
            vec![crumb(tr.t(resource.title()), back.clone()), here(title)],
        );
        l.here = back.clone();
        let page = ConfirmPage {
            question: tr.t2(
                "admin-batch-confirm",
                "action",
                &label,
                "count",
                &tr.tn("admin-total-records", ids.len() as i64),
            ),
            action_url: format!("/admin/{}/batch", resource.name()),
            action: action.key,
            ids,
            back,
            confirm_label: label,
            input: action.input.map(|id| (tr.t(id), input.clone())),
            l,
        };
        let html = page
            .render()
            .map_err(|e| AppError::Internal(format!("rendering the confirmation: {e}")))?;
        return Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html));
    }
    let actor = admin.actor();
    let key = action.key;
    let search = state.search.clone();
    let viewer = admin.viewer();
    let outcome = with_conn(&state, move |conn| {
        // Records the user may not see are left alone, as if they were gone.
        let visible = resource.visible(conn, &ids, &viewer)?;
        let batch = Batch { ids: &visible, input: &input, actor: &actor };
        let mut outcome = action.run(conn, &batch)?;
        outcome.skipped += ids.len() - visible.len();
        search.refresh_if_stale(conn)?;
        Ok(outcome)
    })
    .await?;
    log::info!(
        "admin user {} ran batch {key} on {}: {} changed, {} skipped",
        admin.user.id,
        resource.name(),
        outcome.changed,
        outcome.skipped
    );
    if let Some(reason) = outcome.refused {
        Flash::alert(&admin.session, tr.t(reason));
        return Ok(redirect(back));
    }
    let mut message = tr.t2(
        "admin-batch-done",
        "action",
        &label,
        "count",
        &tr.tn("admin-total-records", outcome.changed as i64),
    );
    if outcome.skipped > 0 {
        message = format!("{message} {}", tr.tn("admin-batch-skipped", outcome.skipped as i64));
        Flash::alert(&admin.session, message);
    } else {
        Flash::notice(&admin.session, message);
    }
    Ok(redirect(back))
}
