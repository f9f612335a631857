//! `/`: the start page after sign-in, with what the user can do next.

use actix_web::HttpResponse;
use serde_json::json;

use crate::domain::roles::Role;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::render::Page;

pub async fn show(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let is_admin = ctx.role() == Some(Role::Admin);
    let (users, departments) = if is_admin {
        ctx.db(|c| {
            Ok((
                store::users::list(c)?.len(),
                store::departments::list(c)?.len(),
            ))
        })
        .await?
    } else {
        (0, 0)
    };
    Page::new("home", "home-title")
        .data(json!({
            "is_admin": is_admin,
            "user_count": users,
            "department_count": departments,
            "needs_departments": is_admin && departments == 0,
            "role_label": ctx.role().map(|r| ctx.t(&format!("role-{r}"))),
        }))
        .render(&ctx)
}
