//! A person revokes one of their own API tokens: the account page and the API alike.

use super::context::Ctx;
use crate::error::AppError;

pub async fn revoke_own(ctx: &Ctx, token_id: i64) -> Result<(), AppError> {
    let (me, ip) = (ctx.me()?.clone(), ctx.ip.clone());
    ctx.db(move |c| {
        Ok(crate::actions::revoke_token::revoke_token(
            c,
            Some(&me),
            me.id,
            token_id,
            &ip,
        )?)
    })
    .await
}
