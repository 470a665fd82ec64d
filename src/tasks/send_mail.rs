//! Sends one rendered message (see `mail`). Retried with backoff while SMTP is down, then
//! dead with the server's answer; the outbox keeps one copy per task however often it runs.

use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::mail::Email;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SendMail {
    pub email: Email,
}

impl Task for SendMail {
    const KIND: &'static str = "send_mail";
    const QUEUE: &'static str = "mail";
    const MAX_ATTEMPTS: i32 = 12;
    const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        ctx.mailer.send(&self.email, ctx.task_id, &ctx.pool).await.map_err(TaskError::retry)?;
        log::info!("sent mail {} (task {}, {})", self.email.kind, ctx.task_id, self.email.locale);
        Ok(())
    }
}
