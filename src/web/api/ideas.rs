//! `/api/v1/ideas`: the same hand-in, listing, edits, steps and comments as the pages, for
//! scripts. Same rules and permissions; errors as problem documents.

use crate::web::json::JsonObject;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::actions::comment_on_idea::comment_on_idea;
use crate::actions::edit_idea::edit_idea;
use crate::actions::hand_in_idea::{hand_in_idea, HandIn};
use crate::actions::transition_idea::transition_idea;
use crate::domain::ideas::RawIdea;
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::idea_query::ListQuery;
use crate::web::loaders::{idea as load, scope, today};
use crate::web::views::{names_for, view};

/// Every field optional: a POST fills the missing ones with defaults, a PATCH keeps them.
#[derive(Debug, Default, Deserialize)]
pub struct IdeaBody {
    title: Option<String>,
    pitch: Option<String>,
    department_id: Option<i64>,
    audience: Option<String>,
    pillar: Option<String>,
    tags: Option<Vec<String>>,
    channels: Option<Vec<i64>>,
    languages: Option<Vec<String>>,
    wished_date: Option<String>,
    links: Option<Vec<String>>,
    state: Option<String>,
    version: Option<i64>,
}

impl IdeaBody {
    fn merge_into(self, mut raw: RawIdea) -> RawIdea {
        if let Some(v) = self.title {
            raw.title = v;
        }
        if let Some(v) = self.pitch {
            raw.pitch = v;
        }
        if let Some(v) = self.audience {
            raw.audience = v;
        }
        if let Some(v) = self.pillar {
            raw.pillar = v;
        }
        if let Some(v) = self.tags {
            raw.tags = v;
        }
        if let Some(v) = self.channels {
            raw.channels = v.iter().map(i64::to_string).collect();
        }
        if let Some(v) = self.languages {
            raw.languages = v;
        }
        if let Some(v) = self.wished_date {
            raw.wished_date = v;
        }
        if let Some(v) = self.links {
            raw.links = v;
        }
        raw
    }
}

async fn answer(
    ctx: &Ctx,
    status: actix_web::http::StatusCode,
    id: i64,
) -> Result<HttpResponse, AppError> {
    let idea = load(ctx, id).await?;
    let names = names_for(ctx, vec![idea.id]).await?;
    Ok(HttpResponse::build(status)
        .insert_header((header::LOCATION, format!("/api/v1/ideas/{id}")))
        .json(view(ctx, &idea, &names)))
}

pub async fn create(ctx: Ctx, body: JsonObject<IdeaBody>) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let state = match body.state.as_deref() {
        None | Some("submitted") => State::Submitted,
        Some("draft") => State::Draft,
        Some(_) => {
            return Err(AppError::Invalid(
                [("state", "error-state-new")].into_iter().collect(),
            ))
        }
    };
    let input = HandIn {
        department: body.department_id,
        raw: body.merge_into(RawIdea::default()),
        draft: state == State::Draft,
    };
    let (me, today) = (ctx.me()?.clone(), today(&ctx));
    let idea = ctx
        .db(move |c| Ok(hand_in_idea(c, &me, &input, today)?))
        .await?;
    answer(&ctx, actix_web::http::StatusCode::CREATED, idea.id).await
}

pub async fn list(
    ctx: Ctx,
    query: web::Query<ListQuery>,
    page: web::Query<Page>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    if !q.state.is_empty() && State::parse(&q.state).is_none() {
        return Err(AppError::Invalid(
            [("state", "error-state-unknown")].into_iter().collect(),
        ));
    }
    q.check_strict()?;
    let (cursor, limit) = page.checked()?;
    let (scope, filter, sort) = (scope(&ctx)?, q.filter(&ctx)?, q.sort());
    let (items, next) = ctx
        .db(move |c| Ok(store::ideas::list(c, &scope, &filter, sort, cursor, limit)?))
        .await?;
    let names = names_for(&ctx, items.iter().map(|i| i.id).collect()).await?;
    Ok(HttpResponse::Ok().json(json!({
        "items": items.iter().map(|i| view(&ctx, i, &names)).collect::<Vec<_>>(),
        "next": next.map(|n| n.to_string()),
    })))
}

/// `cursor` and `limit` of every list.
#[derive(Debug, Deserialize)]
pub struct Page {
    limit: Option<i64>,
    cursor: Option<String>,
}

impl Page {
    /// (cursor, limit): a limit of 1–200 (50 if not given), a cursor from a `next`.
    pub fn checked(&self) -> Result<(Option<i64>, i64), AppError> {
        let limit = self.limit.unwrap_or(50);
        if !(1..=200).contains(&limit) {
            return Err(AppError::Invalid(
                [("limit", "error-limit")].into_iter().collect(),
            ));
        }
        let cursor = match self.cursor.as_deref() {
            None | Some("") => None,
            Some(c) => Some(c.parse::<i64>().map_err(|_| {
                AppError::Invalid([("cursor", "error-cursor")].into_iter().collect())
            })?),
        };
        Ok((cursor, limit))
    }
}

pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    answer(&ctx, actix_web::http::StatusCode::OK, *id).await
}

pub async fn update(
    ctx: Ctx,
    id: web::Path<i64>,
    body: JsonObject<IdeaBody>,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let body = body.into_inner();
    let version = body.version.ok_or_else(|| {
        AppError::Invalid(
            [("version", "error-version-required")]
                .into_iter()
                .collect(),
        )
    })?;
    let (me, i, today) = (ctx.me()?.clone(), idea.clone(), today(&ctx));
    ctx.db(move |c| {
        // Fields left out keep their values: merged into the idea as stored.
        let raw = body.merge_into(i.to_raw(&store::ideas::lists_of(c, i.id)?));
        Ok(edit_idea(c, &me, &i, version, &raw, today)?)
    })
    .await?;
    answer(&ctx, actix_web::http::StatusCode::OK, idea.id).await
}

#[derive(Debug, Deserialize)]
pub struct TransitionBody {
    to: String,
    #[serde(default)]
    comment: String,
    version: Option<i64>,
}

pub async fn transition(
    ctx: Ctx,
    id: web::Path<i64>,
    body: JsonObject<TransitionBody>,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let body = body.into_inner();
    let to = State::parse(&body.to).ok_or(AppError::Refused("error-transition-not-from-here"))?;
    let version = body.version.unwrap_or(idea.version);
    let (me, mail, i) = (ctx.me()?.clone(), ctx.state.mail.clone(), idea.clone());
    ctx.db(move |c| {
        Ok(transition_idea(
            c,
            &mail,
            &me,
            &i,
            version,
            to,
            &body.comment,
        )?)
    })
    .await?;
    answer(&ctx, actix_web::http::StatusCode::OK, idea.id).await
}

#[derive(Debug, Deserialize)]
pub struct CommentBody {
    text: String,
}

pub async fn comment(
    ctx: Ctx,
    id: web::Path<i64>,
    body: JsonObject<CommentBody>,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let text = body.into_inner().text;
    let (me, mail, i, t) = (
        ctx.me()?.clone(),
        ctx.state.mail.clone(),
        idea.clone(),
        text.clone(),
    );
    ctx.db(move |c| Ok(comment_on_idea(c, &mail, &me, &i, &t)?))
        .await?;
    Ok(HttpResponse::Created().json(json!({"idea_id": idea.id, "text": text.trim()})))
}
