//! `POST /ideas/bulk`: assign or reject many ideas from the list at once.

use actix_web::HttpResponse;

use super::assign::resolve;
use super::scope;
use crate::actions::assign_idea::{assign_idea, Assignee};
use crate::actions::transition_idea::transition_idea;
use crate::actions::ActionError;
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

pub async fn submit(ctx: Ctx, form: FormPairs) -> Result<HttpResponse, AppError> {
    let ids: Vec<i64> = form
        .all("ids")
        .iter()
        .filter_map(|i| i.parse().ok())
        .collect();
    if ids.is_empty() {
        return Ok(redirect_with_flash(&ctx, "/ideas", "flash-bulk-none"));
    }
    let action = form.one("action");
    let comment = form.one("comment");
    let assignee = if action == "assign" {
        resolve(&form.one("assignee_id"))?
    } else {
        Assignee::Nobody
    };
    if action == "reject" && comment.trim().is_empty() {
        return Ok(redirect_with_flash(
            &ctx,
            "/ideas",
            "flash-bulk-comment-required",
        ));
    }
    if action != "assign" && action != "reject" {
        return Err(AppError::BadRequest(
            "action must be assign or reject".into(),
        ));
    }
    let (me, mail, scope) = (ctx.me()?.clone(), ctx.state.mail.clone(), scope(&ctx)?);
    let skipped = ctx
        .db(move |c| {
            let mut skipped = 0;
            for id in ids {
                let Some(idea) = store::ideas::find(c, &scope, id)? else {
                    skipped += 1;
                    continue;
                };
                let done = match action.as_str() {
                    "assign" => assign_idea(c, &mail, &me, &idea, assignee),
                    _ => transition_idea(
                        c,
                        &mail,
                        &me,
                        &idea,
                        idea.version,
                        State::Rejected,
                        &comment,
                    )
                    .map(|_| ()),
                };
                match done {
                    Ok(()) => {}
                    Err(ActionError::Refused(_))
                    | Err(ActionError::Conflict { .. })
                    | Err(ActionError::Invalid(_)) => skipped += 1,
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(skipped)
        })
        .await?;
    let flash = if skipped == 0 {
        "flash-bulk-done"
    } else {
        "flash-bulk-partly"
    };
    Ok(redirect_with_flash(&ctx, "/ideas", flash))
}
