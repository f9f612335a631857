//! `GET /api/v1/me`: who the token belongs to; the simplest check that a token works.

use actix_web::HttpResponse;
use serde_json::json;

use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;

pub async fn show(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let me = ctx.me()?.clone();
    let department_id = me.department_id;
    let department = match department_id {
        Some(id) => ctx
            .db(move |c| Ok(store::departments::find(c, id)?))
            .await?
            .map(|d| d.name),
        None => None,
    };
    Ok(HttpResponse::Ok().json(json!({
        "id": me.id,
        "email": me.email,
        "name": me.name,
        "role": me.role,
        "department": department,
        "timezone": me.timezone,
        "locale": me.locale,
    })))
}

/// `GET /api/v1/me/tokens`: the caller's API tokens (labels and dates, never the tokens).
pub async fn tokens(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let me = ctx.me()?.id;
    let items = ctx.db(move |c| Ok(store::tokens::list(c, me)?)).await?;
    let items: Vec<_> = items
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "name": t.label,
                "created_at": t.created_at.and_utc().to_rfc3339(),
                "last_used_at": t.last_used_at.map(|at| at.and_utc().to_rfc3339()),
                "expires_at": t.expires_at.map(|at| at.and_utc().to_rfc3339()),
            })
        })
        .collect();
    Ok(HttpResponse::Ok().json(json!({"items": items, "next": null})))
}

/// `DELETE /api/v1/me/tokens/{id}`: revokes one of the caller's tokens (the one in use too).
pub async fn revoke_token(
    ctx: Ctx,
    id: actix_web::web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    crate::web::tokens::revoke_own(&ctx, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
