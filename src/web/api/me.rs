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
