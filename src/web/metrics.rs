//! `GET /metrics`: Prometheus text format. For admins' API tokens, or a Prometheus on the same
//! machine; job counts are read from the shared table.

use actix_web::{HttpRequest, HttpResponse};

use crate::domain::roles::Role;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;

pub async fn show(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    // A reverse proxy on the same machine connects from loopback for everyone it forwards:
    // only a request that came through none counts as local.
    let forwarded = ["forwarded", "x-forwarded-for", "x-real-ip"]
        .iter()
        .any(|h| req.headers().contains_key(*h));
    let loopback = !forwarded
        && ctx
            .ip
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !(loopback || ctx.role() == Some(Role::Admin)) {
        return Err(if ctx.user.is_some() {
            AppError::Forbidden
        } else {
            AppError::Unauthorized
        });
    }
    let counts = ctx.db(|c| Ok(store::jobs::counts(c)?)).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(ctx.state.metrics.encode(&counts)))
}
