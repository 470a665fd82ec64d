//! A task that does nothing, for benchmarks and for tests of the queue itself: it can take
//! its time, or fail its first attempts on purpose.

use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Noop {
    /// Sleeps this long before finishing.
    #[serde(default)]
    pub sleep_ms: u64,
    /// Fails every attempt before this one.
    #[serde(default)]
    pub succeed_on_attempt: i32,
    /// Makes the task unique while it waits or runs.
    #[serde(default)]
    pub key: Option<String>,
}

impl Task for Noop {
    const KIND: &'static str = "noop";
    const MAX_ATTEMPTS: i32 = 5;

    fn dedup_key(&self) -> Option<String> {
        self.key.clone()
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        if self.sleep_ms > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(self.sleep_ms)).await;
        }
        if ctx.attempt < self.succeed_on_attempt {
            return Err(TaskError::retry(format!("failing attempt {} on purpose", ctx.attempt)));
        }
        Ok(())
    }
}
