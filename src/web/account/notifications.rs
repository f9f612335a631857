//! `POST /account/notifications`: which kinds of mail a user wants.

use actix_web::HttpResponse;

use crate::error::AppError;
use crate::mail::KINDS;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

pub async fn submit(ctx: Ctx, form: FormPairs) -> Result<HttpResponse, AppError> {
    let wanted = form.all("mail");
    let off: Vec<&str> = KINDS
        .iter()
        .copied()
        .filter(|k| !wanted.iter().any(|w| w == k))
        .collect();
    let stored = crate::domain::ideas::join_list(&off);
    let id = ctx.me()?.id;
    ctx.db(move |c| Ok(store::users::set_mail_off(c, id, &stored)?))
        .await?;
    Ok(redirect_with_flash(&ctx, "/account", "flash-account-saved"))
}
