//! The objects a request may see, loaded under the user's scope: ideas, pieces and variants.
//! Anything outside the scope is 404, so ids tell nothing about other departments.

use chrono::NaiveDate;

use super::context::Ctx;
use crate::domain::access::IdeaScope;
use crate::error::AppError;
use crate::store;
use crate::store::channels::Channel;
use crate::store::content::{Content, Variant};
use crate::store::ideas::Idea;

pub fn scope(ctx: &Ctx) -> Result<IdeaScope, AppError> {
    let me = ctx.me()?;
    Ok(IdeaScope::of(me.id, me.role(), me.department_id))
}

/// The idea if this user may see it; otherwise 404, so ids tell nothing about other departments.
pub async fn idea(ctx: &Ctx, id: i64) -> Result<Idea, AppError> {
    let scope = scope(ctx)?;
    ctx.db(move |c| idea_in(c, &scope, id)).await
}

/// `idea`, for a page that reads more in the same trip to the database.
pub fn idea_in(c: &mut crate::db::Conn, scope: &IdeaScope, id: i64) -> Result<Idea, AppError> {
    store::ideas::find(c, scope, id)?.ok_or(AppError::NotFound)
}

/// Today in the team's zone: a wished date before it is in the past.
pub fn today(ctx: &Ctx) -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&ctx.state.config.timezone)
        .date_naive()
}

pub async fn content(ctx: &Ctx, id: i64) -> Result<(Content, Idea), AppError> {
    let scope = scope(ctx)?;
    ctx.db(move |c| store::content::find(c, &scope, id)?.ok_or(AppError::NotFound))
        .await
}

/// A variant with its piece and channel, if the user may see the piece.
pub async fn variant(ctx: &Ctx, id: i64) -> Result<(Variant, Channel), AppError> {
    let scope = scope(ctx)?;
    ctx.db(move |c| {
        let v = store::content::find_variant(c, id)?.ok_or(AppError::NotFound)?;
        store::content::find(c, &scope, v.content_id)?.ok_or(AppError::NotFound)?;
        let ch = store::channels::find(c, v.channel_id)?.ok_or(AppError::NotFound)?;
        Ok((v, ch))
    })
    .await
}
