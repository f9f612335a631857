//! JSON views of ideas shared by the pages' templates and the API (whose field names are a
//! contract).

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{json, Value};

use super::context::Ctx;
use crate::error::AppError;
use crate::store;
use crate::store::ideas::{Idea, Lists};
use crate::store::reference::Reference;

/// What showing ideas needs beyond their rows: names of departments, people and channels, and
/// each idea's lists.
pub struct Names {
    pub reference: Arc<Reference>,
    pub lists: HashMap<i64, Lists>,
}

pub async fn names_for(ctx: &Ctx, ids: Vec<i64>) -> Result<Names, AppError> {
    let cache = ctx.state.reference.clone();
    ctx.db(move |c| Ok(names_in(c, &cache, &ids)?)).await
}

/// `names_for` on a connection a handler already holds (one trip to the pool fewer).
pub fn names_in(
    c: &mut crate::db::Conn,
    cache: &store::reference::Cache,
    ids: &[i64],
) -> diesel::QueryResult<Names> {
    Ok(Names {
        reference: cache.get(c)?,
        lists: store::ideas::lists(c, ids)?,
    })
}

/// An idea as the JSON API and the templates show it.
pub fn view(ctx: &Ctx, idea: &Idea, names: &Names) -> Value {
    let none = Lists::default();
    let lists = names.lists.get(&idea.id).unwrap_or(&none);
    let person = |id: i64| person(&names.reference, id);
    let tz = ctx
        .user
        .as_ref()
        .map(|u| u.timezone.clone())
        .unwrap_or_else(|| "UTC".into());
    json!({
        "id": idea.id,
        "title": idea.title,
        "pitch": idea.pitch,
        "department": names.reference.department_name(idea.department_id),
        "department_id": idea.department_id,
        "audience": idea.audience,
        "pillar": idea.pillar,
        "tags": lists.tags,
        "channels": lists.channels,
        "channel_names": lists.channels.iter().filter_map(|c| names.reference.channel_name(*c)).collect::<Vec<_>>(),
        "languages": lists.languages,
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

/// A person as ideas show them: `{"id", "name"}` (the API's field names).
fn person(reference: &Reference, id: i64) -> Value {
    json!({"id": id, "name": reference.people.get(&id).map_or("", String::as_str)})
}
