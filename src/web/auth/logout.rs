//! `POST /logout`: ends this browser's session.

use actix_web::HttpResponse;

use crate::error::AppError;
use crate::store;
use crate::web::context::{cookie_names, removal, Ctx};
use crate::web::render::redirect_with_flash;

pub async fn submit(ctx: Ctx) -> Result<HttpResponse, AppError> {
    if let Some(token) = ctx.session.clone() {
        ctx.db(move |c| Ok(store::sessions::delete(c, &token)?))
            .await?;
    }
    ctx.audit("logout", ctx.me()?.email.clone()).await?;
    let names = cookie_names(ctx.state.config.https());
    let mut res = redirect_with_flash(&ctx, "/login", "flash-logged-out");
    res.add_cookie(&removal(&ctx.state, names.session))
        .map_err(AppError::internal)?;
    Ok(res)
}
