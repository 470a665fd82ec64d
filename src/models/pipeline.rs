//! The application pipeline: new → reviewing → interview → offer → hired, or rejected (with a
//! reason) or withdrawn from any open stage. Each stage reached is time-stamped; every move is
//! audited in the same transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::applications;
use crate::models::ApplicationStatus;
use crate::models::audit::{self, Actor, Change};

pub const MAX_REASON_CHARS: usize = 500;

impl ApplicationStatus {
    /// Whether an application may move from `self` to `to`. Hired, rejected and withdrawn
    /// are final.
    pub fn can_move_to(self, to: ApplicationStatus) -> bool {
        use ApplicationStatus::*;
        matches!(
            (self, to),
            (New, Reviewing)
                | (Reviewing, Interview)
                | (Interview, Offer)
                | (Offer, Hired)
                | (New | Reviewing | Interview | Offer, Rejected | Withdrawn)
        )
    }

    /// The stages an application can move to next, in pipeline order.
    pub fn next_stages(self) -> Vec<ApplicationStatus> {
        ApplicationStatus::ALL.iter().copied().filter(|to| self.can_move_to(*to)).collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error("no such application")]
    NotFound,
    #[error("an application at {from} cannot move to {to}")]
    NotAllowed { from: ApplicationStatus, to: ApplicationStatus },
    #[error("a rejection needs a reason")]
    ReasonMissing,
    #[error("the reason is too long")]
    ReasonTooLong,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Moves application `id` to stage `to`, stamping the stage's time. `reason` is required for
/// a rejection and ignored otherwise.
pub fn move_to(
    conn: &mut DbConn,
    id: i64,
    to: ApplicationStatus,
    reason: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), StageError> {
    let reason = reason.trim();
    if to == ApplicationStatus::Rejected {
        if reason.is_empty() {
            return Err(StageError::ReasonMissing);
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(StageError::ReasonTooLong);
        }
    }
    crate::db::write_transaction(conn, |conn| {
        let (name, status): (String, String) = applications::table
            .find(id)
            .select((applications::name, applications::status))
            .first(conn)
            .optional()?
            .ok_or(StageError::NotFound)?;
        let from = ApplicationStatus::parse(&status).unwrap_or(ApplicationStatus::New);
        if !from.can_move_to(to) {
            return Err(StageError::NotAllowed { from, to });
        }
        let target = applications::table.find(id);
        let base = (applications::status.eq(to.as_str()), applications::updated_at.eq(now));
        match to {
            ApplicationStatus::Reviewing => diesel::update(target)
                .set((base, applications::reviewing_at.eq(now)))
                .execute(conn)?,
            ApplicationStatus::Interview => diesel::update(target)
                .set((base, applications::interview_at.eq(now)))
                .execute(conn)?,
            ApplicationStatus::Offer => {
                diesel::update(target).set((base, applications::offer_at.eq(now))).execute(conn)?
            }
            ApplicationStatus::Hired => {
                diesel::update(target).set((base, applications::hired_at.eq(now))).execute(conn)?
            }
            ApplicationStatus::Rejected => diesel::update(target)
                .set((
                    base,
                    applications::rejected_at.eq(now),
                    applications::rejection_reason.eq(reason),
                ))
                .execute(conn)?,
            ApplicationStatus::Withdrawn => diesel::update(target)
                .set((base, applications::withdrawn_at.eq(now)))
                .execute(conn)?,
            ApplicationStatus::New => return Err(StageError::NotAllowed { from, to }),
        };
        let mut changes = vec![Change::new("status", Some(from.as_str()), Some(to.as_str()))];
        if to == ApplicationStatus::Rejected {
            changes.push(Change::new("rejection_reason", None, Some(reason)));
        }
        audit::record(conn, actor, "status", "applications", id, &name, &changes)?;
        crate::models::event::application(
            conn,
            crate::models::event::EventKind::ApplicationStageChanged,
            id,
            Some(from.as_str()),
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus::*;

    #[test]
    fn the_pipeline_moves_forward_one_stage_at_a_time() {
        assert_eq!(New.next_stages(), [Reviewing, Rejected, Withdrawn]);
        assert_eq!(Offer.next_stages(), [Hired, Rejected, Withdrawn]);
        assert!(!New.can_move_to(Offer), "no skipping stages");
        assert!(!Interview.can_move_to(Reviewing), "no going back");
        for done in [Hired, Rejected, Withdrawn] {
            assert!(done.next_stages().is_empty(), "{done} is final");
        }
    }
}
