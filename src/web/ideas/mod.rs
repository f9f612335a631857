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

use serde_json::{json, Value};

pub use super::loaders::{idea as load, scope, today};
pub use super::views::{view, Names};

use super::context::Ctx;
use crate::domain::ideas::RawIdea;
use crate::store::reference::Reference;
use crate::web::forms::FormPairs;

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

/// Checkbox groups for channels and languages, with the chosen ones ticked.
pub fn choices(ctx: &Ctx, reference: &Reference, raw: &RawIdea) -> Value {
    let channels: Vec<Value> = reference
        .channels
        .iter()
        .map(|(id, name)| json!({"value": id, "text": name, "checked": raw.channels.contains(&id.to_string())}))
        .collect();
    let languages: Vec<Value> = crate::domain::ideas::LANGUAGES
        .iter()
        .map(|l| json!({"value": l, "text": ctx.t(&format!("language-{l}")), "checked": raw.languages.iter().any(|x| x.eq_ignore_ascii_case(l))}))
        .collect();
    json!({"channels": channels, "languages": languages})
}

/// Editors and admins who can take an idea, for the assignee choice.
pub fn editors(reference: &Reference, selected: Option<i64>) -> Value {
    reference
        .editors
        .iter()
        .map(|(id, name)| json!({"value": id, "text": name, "selected": Some(*id) == selected}))
        .collect()
}
