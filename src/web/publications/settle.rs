//! `POST /publications/{id}/retry` and `/confirm`: an editor settles a post that needs them.

use actix_web::{web, HttpResponse};

use crate::actions::{
    confirm_publication::confirm_publication, retry_publication::retry_publication,
};
use crate::error::AppError;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::{redirect_with_flash, same_site_path};

/// Back to where the button was (the piece or the list), never to another site.
fn back(form: &FormPairs) -> String {
    same_site_path(&form.one("back"), "/publications")
}

pub async fn retry(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    ctx.db(move |c| Ok(retry_publication(c, &me, id, now)?))
        .await?;
    ctx.state.scheduler.wake();
    Ok(redirect_with_flash(
        &ctx,
        &back(&form),
        "flash-publication-retried",
    ))
}

pub async fn confirm(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (me, id, now, mail) = (
        ctx.me()?.clone(),
        *id,
        ctx.state.scheduler.clock().naive(),
        ctx.state.mail.clone(),
    );
    let url = form.one("url");
    ctx.db(move |c| Ok(confirm_publication(c, &mail, &me, id, Some(&url), now)?))
        .await?;
    Ok(redirect_with_flash(
        &ctx,
        &back(&form),
        "flash-publication-confirmed",
    ))
}
