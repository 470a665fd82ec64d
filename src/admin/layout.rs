//! What every back-office page shows around its content: navigation allowed by the user's
//! role, breadcrumbs, flash messages, the user menu with its CSRF-protected forms.

use actix_session::Session;
use serde::{Deserialize, Serialize};

use super::CurrentAdmin;
use crate::auth::policy::{Action, Area};
use crate::i18n::Tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlashKind {
    Notice,
    Alert,
}

/// A one-time message shown on the next page, already in the admin's language.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Flash {
    pub kind: FlashKind,
    pub text: String,
    /// A secret shown this once under the message (a new API token): the session cookie
    /// carrying it is encrypted, and the page that shows it takes it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

const FLASH_KEY: &str = "flash";

impl Flash {
    pub fn notice(session: &Session, text: String) {
        Flash::push(session, FlashKind::Notice, text);
    }

    pub fn alert(session: &Session, text: String) {
        Flash::push(session, FlashKind::Alert, text);
    }

    /// A notice with a secret to copy now: it is never shown again.
    pub fn secret(session: &Session, text: String, secret: String) {
        let mut all: Vec<Flash> = session.get(FLASH_KEY).ok().flatten().unwrap_or_default();
        all.push(Flash { kind: FlashKind::Notice, text, secret: Some(secret) });
        let _ = session.insert(FLASH_KEY, all);
    }

    fn push(session: &Session, kind: FlashKind, text: String) {
        let mut all: Vec<Flash> = session.get(FLASH_KEY).ok().flatten().unwrap_or_default();
        all.push(Flash { kind, text, secret: None });
        // A session that cannot be written loses the message, not the action.
        let _ = session.insert(FLASH_KEY, all);
    }

    /// The pending messages, removed from the session.
    pub fn take(session: &Session) -> Vec<Flash> {
        let all = session.get(FLASH_KEY).ok().flatten().unwrap_or_default();
        session.remove(FLASH_KEY);
        all
    }

    pub fn is_alert(&self) -> bool {
        self.kind == FlashKind::Alert
    }
}

#[derive(Debug, Clone)]
pub struct NavItem {
    pub label: String,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone)]
pub struct Crumb {
    pub label: String,
    pub url: Option<String>,
}

/// The navigation: (section id, Fluent id, URL, area, action). An entry shows only when the
/// user's role may take that action in its area (most: view it).
const NAV: [(&str, &str, &str, Area, Action); 19] = [
    ("dashboard", "admin-nav-dashboard", "/admin", Area::Dashboard, Action::View),
    ("jobs", "admin-nav-jobs", "/admin/jobs", Area::Jobs, Action::View),
    ("review", "admin-nav-review", "/admin/review", Area::Jobs, Action::ChangeStatus),
    ("companies", "admin-nav-companies", "/admin/companies", Area::Companies, Action::View),
    ("skills", "admin-nav-skills", "/admin/skills", Area::Skills, Action::View),
    ("places", "admin-nav-places", "/admin/places", Area::Places, Action::View),
    (
        "applications",
        "admin-nav-applications",
        "/admin/applications",
        Area::Applications,
        Action::View,
    ),
    ("comments", "admin-nav-comments", "/admin/comments", Area::Comments, Action::View),
    ("team", "admin-nav-team", "/admin/team", Area::Companies, Action::Invite),
    ("audit_log", "admin-nav-audit-log", "/admin/audit_log", Area::AuditLog, Action::View),
    ("admin_users", "admin-nav-admin-users", "/admin/admin_users", Area::AdminUsers, Action::View),
    (
        "data_requests",
        "admin-nav-data-requests",
        "/admin/data_requests",
        Area::Privacy,
        Action::View,
    ),
    ("alerts", "admin-nav-alerts", "/admin/alerts", Area::Alerts, Action::View),
    (
        "translations",
        "admin-nav-translations",
        "/admin/translations",
        Area::Translations,
        Action::View,
    ),
    ("tasks", "admin-nav-tasks", "/admin/tasks", Area::Tasks, Action::View),
    ("outbox", "admin-nav-outbox", "/admin/outbox", Area::Tasks, Action::View),
    ("webhooks", "admin-nav-webhooks", "/admin/webhooks", Area::Tasks, Action::View),
    ("feed_sources", "admin-nav-feed-sources", "/admin/feed_sources", Area::Tasks, Action::View),
    ("api_tokens", "admin-nav-api-tokens", "/admin/api_tokens", Area::ApiTokens, Action::View),
];

#[derive(Debug, Clone)]
pub struct AdminLayout {
    pub tr: Tr,
    pub title: String,
    pub user_name: String,
    pub role_label: String,
    pub nav: Vec<NavItem>,
    pub crumbs: Vec<Crumb>,
    pub flash: Vec<Flash>,
    pub csrf: String,
    /// The page to come back to after switching language.
    pub here: String,
}

impl AdminLayout {
    /// `section` marks the navigation entry; `crumbs` lead from the dashboard to this page
    /// (the last one, this page, without a link).
    pub fn new(
        admin: &CurrentAdmin,
        section: &str,
        title: String,
        crumbs: Vec<Crumb>,
    ) -> AdminLayout {
        let tr = admin.tr.clone();
        let nav = NAV
            .iter()
            .filter(|(_, _, _, area, needs)| admin.can(*area, *needs))
            .map(|(id, label, url, _, _)| NavItem {
                label: tr.t(label),
                url: (*url).to_owned(),
                current: *id == section,
            })
            .collect();
        let mut all =
            vec![Crumb { label: tr.t("admin-nav-dashboard"), url: Some("/admin".into()) }];
        all.extend(crumbs);
        AdminLayout {
            tr: tr.clone(),
            title,
            user_name: admin.user.display_name().to_owned(),
            role_label: tr.t(&admin.user.role().label_id()),
            nav,
            crumbs: all,
            flash: Flash::take(&admin.session),
            csrf: crate::auth::csrf::token(&admin.session),
            here: String::new(),
        }
    }

    pub fn lang(&self) -> &'static str {
        self.tr.locale.as_str()
    }

    pub fn locales(&self) -> &'static [crate::i18n::Locale] {
        crate::i18n::Locale::all()
    }
}

/// A breadcrumb with a link.
pub fn crumb(label: String, url: impl Into<String>) -> Crumb {
    Crumb { label, url: Some(url.into()) }
}

/// The last breadcrumb: this page.
pub fn here(label: String) -> Crumb {
    Crumb { label, url: None }
}
