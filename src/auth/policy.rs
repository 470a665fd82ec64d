//! Who may do what in the back office. Deny by default: a (role, area, action) triple not
//! named here is refused.

use crate::models::AdminRole;

/// The parts of the back office that permissions are granted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    Dashboard,
    Jobs,
    Companies,
    Skills,
    Applications,
    AdminUsers,
    Comments,
    AuditLog,
    /// The machinery: the background queue, outgoing mail, webhooks, feeds.
    Tasks,
    /// The partner API's tokens: the staff's, and a recruiter's for their own companies.
    ApiTokens,
    /// Seekers' job alerts (their addresses and searches).
    Alerts,
    /// Cities and their names in each language.
    Places,
    /// The messages of the site and the back office (`/admin/translations`).
    Translations,
    /// The register of applicants' access and erasure requests: about people, admins only.
    Privacy,
}

impl Area {
    pub const ALL: [Area; 14] = [
        Area::Dashboard,
        Area::Jobs,
        Area::Companies,
        Area::Skills,
        Area::Applications,
        Area::AdminUsers,
        Area::Comments,
        Area::AuditLog,
        Area::Tasks,
        Area::ApiTokens,
        Area::Alerts,
        Area::Places,
        Area::Translations,
        Area::Privacy,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Index, show, export, saved views of one's own.
    View,
    Create,
    /// Change any field.
    Update,
    /// Change only translated text (and the translation's own language rows).
    Translate,
    /// Publish, unpublish, archive, fill, pipeline stages.
    ChangeStatus,
    Delete,
    /// Send a posting for the staff's review: how a recruiter publishes (staff publish).
    Submit,
    /// Invite a colleague to one's own company (`/admin/team`); staff invite anyone from
    /// the admin users' page.
    Invite,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::View,
        Action::Create,
        Action::Update,
        Action::Translate,
        Action::ChangeStatus,
        Action::Delete,
        Action::Submit,
        Action::Invite,
    ];
}

/// Whether `role` may do `action` in `area`.
pub fn allows(role: AdminRole, area: Area, action: Action) -> bool {
    use Action::*;
    use Area::*;
    match role {
        // The board's staff publish; sending for review is the employers' way.
        _ if action == Submit => role == AdminRole::Recruiter && area == Jobs,
        _ if action == Invite => role == AdminRole::Recruiter && area == Companies,
        AdminRole::Admin => true,
        AdminRole::Editor => match area {
            Dashboard | AuditLog => action == View,
            Jobs | Companies | Skills | Applications | Places => true,
            Alerts => matches!(action, View | ChangeStatus | Delete),
            Comments => matches!(action, View | Create),
            AdminUsers | Tasks | ApiTokens | Translations | Privacy => false,
        },
        AdminRole::Translator => match area {
            Dashboard => action == View,
            Jobs | Companies | Skills | Places | Translations => {
                matches!(action, View | Translate)
            }
            Applications | AdminUsers | Comments | AuditLog | Tasks | ApiTokens | Alerts
            | Privacy => false,
        },
        AdminRole::Viewer => match area {
            AdminUsers | Tasks | ApiTokens | Translations | Privacy => false,
            _ => action == View,
        },
        // An employer's staff, within their companies' records (each resource's
        // `scope_for`): they write postings (published after review), answer applications
        // and keep their company's page; the board's own machinery is not theirs.
        AdminRole::Recruiter => match area {
            Dashboard | Skills | Places => action == View,
            Jobs => matches!(action, View | Create | Update | Translate | Delete | Submit),
            Companies => matches!(action, View | Update | Translate),
            Applications => matches!(action, View | ChangeStatus),
            Comments => matches!(action, View | Create),
            // Tokens for their own companies, which post as they do (through review).
            ApiTokens => matches!(action, View | Create | Update | ChangeStatus),
            AdminUsers | AuditLog | Tasks | Alerts | Translations | Privacy => false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_admin_users() {
        for role in AdminRole::ALL {
            for action in
                Action::ALL.into_iter().filter(|a| !matches!(a, Action::Submit | Action::Invite))
            {
                assert_eq!(
                    allows(*role, Area::AdminUsers, action),
                    *role == AdminRole::Admin,
                    "{role:?} {action:?}"
                );
            }
        }
    }

    #[test]
    fn only_admins_read_the_privacy_register() {
        for role in AdminRole::ALL {
            for action in Action::ALL {
                assert_eq!(
                    allows(*role, Area::Privacy, action),
                    *role == AdminRole::Admin && !matches!(action, Action::Submit | Action::Invite),
                    "{role:?} {action:?}"
                );
            }
        }
    }

    #[test]
    fn translators_only_translate_and_viewers_only_view() {
        for area in Area::ALL {
            for action in Action::ALL {
                if allows(AdminRole::Translator, area, action) {
                    assert!(
                        matches!(action, Action::View | Action::Translate),
                        "{area:?} {action:?}"
                    );
                }
                if allows(AdminRole::Viewer, area, action) {
                    assert_eq!(action, Action::View, "{area:?}");
                }
            }
        }
        assert!(allows(AdminRole::Translator, Area::Jobs, Action::Translate));
        assert!(!allows(AdminRole::Translator, Area::Jobs, Action::ChangeStatus));
        assert!(!allows(AdminRole::Translator, Area::Applications, Action::View));
    }

    #[test]
    fn recruiters_never_reach_the_boards_machinery_nor_publish_directly() {
        for area in
            [Area::AdminUsers, Area::AuditLog, Area::Tasks, Area::Alerts, Area::Translations]
        {
            for action in Action::ALL {
                assert!(!allows(AdminRole::Recruiter, area, action), "{area:?} {action:?}");
            }
        }
        assert!(!allows(AdminRole::Recruiter, Area::Jobs, Action::ChangeStatus));
        assert!(!allows(AdminRole::Recruiter, Area::Companies, Action::Create));
        assert!(!allows(AdminRole::Recruiter, Area::Companies, Action::Delete));
        assert!(allows(AdminRole::Recruiter, Area::Jobs, Action::Create));
        assert!(allows(AdminRole::Recruiter, Area::Applications, Action::ChangeStatus));
        for role in AdminRole::ALL {
            for area in Area::ALL {
                let submits = *role == AdminRole::Recruiter && area == Area::Jobs;
                assert_eq!(allows(*role, area, Action::Submit), submits, "{role:?} {area:?}");
                let invites = *role == AdminRole::Recruiter && area == Area::Companies;
                assert_eq!(allows(*role, area, Action::Invite), invites, "{role:?} {area:?}");
            }
        }
    }
}
