//! Idea pages: hand in, list and board, the idea with its history, edit, review steps,
//! comments, assignment and bulk actions.

pub mod assign;
pub mod board;
pub mod bulk;
pub mod comment;
pub mod edit;
pub mod list;
pub mod show;
pub mod submit;
pub mod transition;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::context::Ctx;
use crate::domain::access::IdeaScope;
use crate::domain::ideas::RawIdea;
use crate::error::AppError;
use crate::store;
use crate::store::ideas::Idea;
use crate::web::forms::FormPairs;

pub fn scope(ctx: &Ctx) -> Result<IdeaScope, AppError> {
    let me = ctx.me()?;
    Ok(IdeaScope::of(me.id, me.role(), me.department_id))
}

/// The idea if this user may see it; otherwise 404, so ids tell nothing about other departments.
pub async fn load(ctx: &Ctx, id: i64) -> Result<Idea, AppError> {
    let scope = scope(ctx)?;
    ctx.db(move |c| store::ideas::find(c, &scope, id)?.ok_or(AppError::NotFound))
        .await
}

/// Today in the team's zone: a wished date before it is in the past.
pub fn today(ctx: &Ctx) -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&ctx.state.config.timezone)
        .date_naive()
}

pub fn raw_from_form(form: &FormPairs) -> RawIdea {
    RawIdea {
        title: form.one("title"),
        pitch: form.one("pitch"),
        audience: form.one("audience"),
        pillar: form.one("pillar"),
        tags: form.one("tags").split(',').map(str::to_string).collect(),
        channels: form.all("channels"),
        languages: form.all("languages"),
        wished_date: form.one("wished_date"),
        links: form.one("links").lines().map(str::to_string).collect(),
    }
}

/// The raw input as the form shows it again after an error.
pub fn raw_to_form(raw: &RawIdea) -> Value {
    json!({
        "title": raw.title, "pitch": raw.pitch, "audience": raw.audience, "pillar": raw.pillar,
        "tags": raw.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(", "),
        "wished_date": raw.wished_date, "links": raw.links.join("\n"),
    })
}

pub fn idea_to_raw(idea: &Idea) -> RawIdea {
    RawIdea {
        title: idea.title.clone(),
        pitch: idea.pitch.clone(),
        audience: idea.audience.clone(),
        pillar: idea.pillar.clone(),
        tags: idea.tag_list(),
        channels: idea.channel_ids().iter().map(i64::to_string).collect(),
        languages: idea.language_list(),
        wished_date: idea.wished_date.map(|d| d.to_string()).unwrap_or_default(),
        links: idea.link_list(),
    }
}

/// Checkbox groups for channels and languages, with the chosen ones ticked.
pub async fn choices(ctx: &Ctx, raw: &RawIdea) -> Result<Value, AppError> {
    let channels = ctx.db(|c| Ok(store::channels::names(c)?)).await?;
    let channels: Vec<Value> = channels
        .into_iter()
        .map(|(id, name)| json!({"value": id, "text": name, "checked": raw.channels.contains(&id.to_string())}))
        .collect();
    let languages: Vec<Value> = crate::domain::ideas::LANGUAGES
        .iter()
        .map(|l| json!({"value": l, "text": ctx.t(&format!("language-{l}")), "checked": raw.languages.iter().any(|x| x.eq_ignore_ascii_case(l))}))
        .collect();
    Ok(json!({"channels": channels, "languages": languages}))
}

/// Names needed to show ideas: departments, people, channels.
pub struct Names {
    pub departments: HashMap<i64, String>,
    pub users: HashMap<i64, String>,
    pub channels: HashMap<i64, String>,
}

pub async fn names_for(ctx: &Ctx, ideas: &[Idea]) -> Result<Names, AppError> {
    let ids: Vec<i64> = ideas
        .iter()
        .flat_map(|i| std::iter::once(i.submitter_id).chain(i.assignee_id))
        .collect();
    ctx.db(move |c| {
        Ok(Names {
            departments: store::departments::list(c)?
                .into_iter()
                .map(|d| (d.id, d.name))
                .collect(),
            users: store::users::names(c, &ids)?,
            channels: store::channels::names(c)?.into_iter().collect(),
        })
    })
    .await
}

/// An idea as the JSON API and the templates show it.
pub fn view(ctx: &Ctx, idea: &Idea, names: &Names) -> Value {
    let person =
        |id: i64| json!({"id": id, "name": names.users.get(&id).cloned().unwrap_or_default()});
    let tz = ctx
        .user
        .as_ref()
        .map(|u| u.timezone.clone())
        .unwrap_or_else(|| "UTC".into());
    json!({
        "id": idea.id,
        "title": idea.title,
        "pitch": idea.pitch,
        "department": names.departments.get(&idea.department_id),
        "department_id": idea.department_id,
        "audience": idea.audience,
        "pillar": idea.pillar,
        "tags": idea.tag_list(),
        "channels": idea.channel_ids(),
        "channel_names": idea.channel_ids().iter().filter_map(|c| names.channels.get(c)).collect::<Vec<_>>(),
        "languages": idea.language_list(),
        "wished_date": idea.wished_date,
        "links": idea.link_list(),
        "state": idea.state,
        "state_label": ctx.t(&format!("state-{}", idea.state)),
        "version": idea.version,
        "submitter": person(idea.submitter_id),
        "assignee": idea.assignee_id.map(person),
        "created_at": idea.created_at.and_utc().to_rfc3339(),
        "updated_at": idea.updated_at.and_utc().to_rfc3339(),
        "created_local": crate::web::render::local_time(idea.created_at, &tz),
    })
}

/// Editors and admins who can take an idea, for the assignee choice.
pub async fn editors(ctx: &Ctx, selected: Option<i64>) -> Result<Value, AppError> {
    let users = ctx.db(|c| Ok(store::users::list(c)?)).await?;
    Ok(users
        .into_iter()
        .filter(|(u, _)| {
            u.role() != crate::domain::roles::Role::Contributor && u.disabled_at.is_none()
        })
        .map(|(u, _)| json!({"value": u.id, "text": u.name, "selected": Some(u.id) == selected}))
        .collect())
}
