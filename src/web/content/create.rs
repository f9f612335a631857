//! `POST /ideas/{id}/content`: start production of an approved idea.

use actix_web::{web, HttpResponse};

use crate::actions::create_content::create_content;
use crate::actions::ActionError;
use crate::error::AppError;
use crate::web::context::Ctx;
use crate::web::ideas::load;
use crate::web::render::redirect_with_flash;

pub async fn submit(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let (me, mail) = (ctx.me()?.clone(), ctx.state.mail.clone());
    let result = ctx
        .db(move |c| Ok(create_content(c, &mail, &me, &idea)))
        .await?;
    match result {
        Ok(content_id) => Ok(redirect_with_flash(
            &ctx,
            &format!("/content/{content_id}"),
            "flash-content-created",
        )),
        Err(e @ (ActionError::Refused(_) | ActionError::Conflict { .. })) => {
            crate::web::ideas::transition::answer_with_kept(&ctx, *id, String::new(), e.into())
                .await
        }
        Err(e) => Err(e.into()),
    }
}
