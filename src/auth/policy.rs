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
    /// The machinery: the background queue, outgoing mail, webhooks, API tokens.
    Tasks,
    /// Seekers' job alerts (their addresses and searches).
    Alerts,
    /// Cities and their names in each language.
    Places,
    /// The messages of the site and the back office (`/admin/translations`).
    Translations,
}

impl Area {
    pub const ALL: [Area; 12] = [
        Area::Dashboard,
        Area::Jobs,
        Area::Companies,
        Area::Skills,
        Area::Applications,
        Area::AdminUsers,
        Area::Comments,
        Area::AuditLog,
        Area::Tasks,
        Area::Alerts,
        Area::Places,
        Area::Translations,
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
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::View,
        Action::Create,
        Action::Update,
        Action::Translate,
        Action::ChangeStatus,
        Action::Delete,
    ];
}

/// Whether `role` may do `action` in `area`.
pub fn allows(role: AdminRole, area: Area, action: Action) -> bool {
    use Action::*;
    use Area::*;
    match role {
        AdminRole::Admin => true,
        AdminRole::Editor => match area {
            Dashboard | AuditLog => action == View,
            Jobs | Companies | Skills | Applications | Places => true,
            Alerts => matches!(action, View | ChangeStatus | Delete),
            Comments => matches!(action, View | Create),
            AdminUsers | Tasks | Translations => false,
        },
        AdminRole::Translator => match area {
            Dashboard => action == View,
            Jobs | Companies | Skills | Places | Translations => {
                matches!(action, View | Translate)
            }
            Applications | AdminUsers | Comments | AuditLog | Tasks | Alerts => false,
        },
        AdminRole::Viewer => match area {
            AdminUsers | Tasks | Translations => false,
            _ => action == View,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_admin_users() {
        for role in AdminRole::ALL {
            for action in Action::ALL {
                assert_eq!(
                    allows(*role, Area::AdminUsers, action),
                    *role == AdminRole::Admin,
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
}
