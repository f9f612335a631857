//! At three quarters of a conversation's answer target, its assignee — or the editors, if
//! nobody has it — get a mail. Queued when the clock starts; it does nothing if the
//! conversation was answered meanwhile or its clock started again.

use std::sync::Arc;

use crate::scheduler::{JobContext, JobResult};
use crate::store;
use crate::store::jobs::Job;

use super::receive_message::AlertPayload;

pub async fn run(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    let AlertPayload {
        conversation_id: id,
        from,
    } = match crate::scheduler::payload(job) {
        Ok(p) => p,
        Err(end) => return end,
    };
    let (mail, now) = (ctx.mail.clone(), ctx.clock.naive());
    let sent = ctx
        .write(move |c| {
            let e = |e: diesel::result::Error| e.to_string();
            // First the mark, then the mail: of two runs at once, only one gets past it.
            if !store::inbox::take_alert(c, id, from, now).map_err(e)? {
                return Ok(());
            }
            let Some(conv) = store::inbox::find(c, id).map_err(e)? else {
                return Ok(());
            };
            let channel = store::channels::find(c, conv.channel_id)
                .map_err(e)?
                .map(|ch| ch.name)
                .unwrap_or_default();
            let assignee = match conv.assignee_id {
                Some(a) => store::users::find(c, a)
                    .map_err(e)?
                    .filter(|u| u.disabled_at.is_none()),
                None => None,
            };
            let to = match assignee {
                Some(u) => vec![u],
                None => store::users::editors(c).map_err(e)?,
            };
            let minutes = (conv.due_at - now).num_minutes().max(0).to_string();
            for u in &to {
                mail.notify_at(
                    c,
                    u,
                    "inbox",
                    "mail-inbox-due",
                    &format!("/inbox/{id}"),
                    &[("channel", channel.clone()), ("minutes", minutes.clone())],
                )
                .map_err(e)?;
            }
            Ok(())
        })
        .await;
    match sent {
        Ok(()) => JobResult::Done,
        Err(error) => JobResult::Retry {
            error,
            retry_after: None,
        },
    }
}
