//! `GET /api/openapi.json`: the API described for clients and generators. The operations come
//! from the route table itself (method, path, path parameters, who may call, the errors each
//! kind of route can answer), so a route cannot be added without appearing here; `DOCS` gives
//! each its summary, query parameters and body, and a test fails for an API route it lacks.

use actix_web::HttpResponse;
use serde_json::{json, Map, Value};

use crate::domain::access::Access;

/// What the route table cannot say about an operation.
struct Doc {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    /// The status of success.
    status: u16,
    /// Query parameters: (name, JSON schema type).
    query: &'static [(&'static str, &'static str)],
    /// The body's schema, as JSON text.
    body: Option<&'static str>,
    /// The body may be left out.
    body_optional: bool,
    /// The answer's schema: a name under `components/schemas` (`SCHEMAS`); an object if none.
    response: Option<&'static str>,
}

const fn doc(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    status: u16,
    query: &'static [(&'static str, &'static str)],
    body: Option<&'static str>,
) -> Doc {
    Doc {
        method,
        path,
        summary,
        status,
        query,
        body,
        body_optional: false,
        response: None,
    }
}

/// A doc whose answer has the schema `name` (in `SCHEMAS`).
const fn answers(name: &'static str, d: Doc) -> Doc {
    Doc {
        response: Some(name),
        ..d
    }
}

/// A doc whose body may be left out.
const fn optional_body(d: Doc) -> Doc {
    Doc {
        body_optional: true,
        ..d
    }
}

const IDEA_FILTERS: &[(&str, &str)] = &[
    ("state", "string"),
    ("department", "integer"),
    ("pillar", "string"),
    ("tag", "string"),
    ("language", "string"),
    ("assignee", "string"),
    ("mine", "string"),
    ("from", "string"),
    ("to", "string"),
    ("q", "string"),
    ("sort", "string"),
    ("cursor", "string"),
    ("limit", "integer"),
];

const IDEA_BODY: &str = r#"{"type": "object", "properties": {
    "title": {"type": "string"}, "pitch": {"type": "string"}, "audience": {"type": "string"},
    "pillar": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
    "channels": {"type": "array", "items": {"type": "integer"}},
    "languages": {"type": "array", "items": {"type": "string"}},
    "wished_date": {"type": ["string", "null"]}, "links": {"type": "array", "items": {"type": "string"}},
    "department_id": {"type": "integer"}, "state": {"type": "string"}, "version": {"type": "integer"}}}"#;

/// What the main objects look like in answers (the fields every answer has, with their types;
/// more may come). schemathesis checks real answers against these in `.ci/run`.
const SCHEMAS: &[(&str, &str)] = &[
    (
        "Me",
        r#"{"type": "object", "required": ["id", "email", "name", "role", "department", "timezone", "locale"], "properties": {
        "id": {"type": "integer"}, "email": {"type": "string"}, "name": {"type": "string"},
        "role": {"type": "string", "enum": "$Role"},
        "department": {"type": ["string", "null"]}, "timezone": {"type": "string"}, "locale": {"type": "string"}}}"#,
    ),
    (
        "TokenList",
        r#"{"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["id", "name", "created_at"], "properties": {
        "id": {"type": "integer"}, "name": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"},
        "last_used_at": {"type": ["string", "null"], "format": "date-time"},
        "expires_at": {"type": ["string", "null"], "format": "date-time"}}}}, "next": {"type": "null"}}}"#,
    ),
    (
        "Person",
        r#"{"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}"#,
    ),
    (
        "Idea",
        r##"{"type": "object", "required": ["id", "title", "pitch", "department_id", "audience", "pillar", "tags", "channels", "languages", "links", "state", "version", "submitter", "created_at", "updated_at"], "properties": {
        "id": {"type": "integer"}, "title": {"type": "string"}, "pitch": {"type": "string"},
        "department": {"type": ["string", "null"]}, "department_id": {"type": "integer"},
        "audience": {"type": "string"}, "pillar": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "channels": {"type": "array", "items": {"type": "integer"}},
        "languages": {"type": "array", "items": {"type": "string"}},
        "wished_date": {"type": ["string", "null"]}, "links": {"type": "array", "items": {"type": "string"}},
        "state": {"type": "string", "enum": "$IdeaState"},
        "version": {"type": "integer"}, "submitter": {"$ref": "#/components/schemas/Person"},
        "assignee": {"oneOf": [{"$ref": "#/components/schemas/Person"}, {"type": "null"}]},
        "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}}}"##,
    ),
    (
        "IdeaList",
        r##"{"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Idea"}}, "next": {"type": ["string", "null"]}}}"##,
    ),
    (
        "Channel",
        r#"{"type": "object", "required": ["id", "name", "kind", "config", "secrets_set", "several_per_slot", "paused", "schedules", "next_slots"], "properties": {
        "id": {"type": "integer"}, "name": {"type": "string"}, "kind": {"type": "string", "enum": "$ChannelKind"},
        "config": {"type": "object"}, "secrets_set": {"type": "array", "items": {"type": "string"}},
        "several_per_slot": {"type": "boolean"}, "paused": {"type": "boolean"},
        "schedules": {"type": "array", "items": {"type": "object", "required": ["id", "cron", "timezone"], "properties": {"id": {"type": "integer"}, "cron": {"type": "string"}, "timezone": {"type": "string"}}}},
        "next_slots": {"type": "array", "items": {"type": "string", "format": "date-time"}}}}"#,
    ),
    (
        "ChannelList",
        r##"{"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Channel"}}, "next": {"type": "null"}}}"##,
    ),
    (
        "Publication",
        r#"{"type": "object", "required": ["id", "variant_id", "channel_id", "state", "attempts", "idempotency_key", "scheduled_at"], "properties": {
        "id": {"type": "integer"}, "variant_id": {"type": "integer"}, "channel_id": {"type": "integer"},
        "state": {"type": "string", "enum": "$PublicationState"},
        "attempts": {"type": "integer"}, "idempotency_key": {"type": "string"},
        "scheduled_at": {"type": "string", "format": "date-time"},
        "next_retry_at": {"type": ["string", "null"], "format": "date-time"},
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        "external_id": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]}, "last_error": {"type": ["string", "null"]},
        "attempt_log": {"type": "array"}}}"#,
    ),
    (
        "PublicationList",
        r##"{"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Publication"}}, "next": {"type": ["string", "null"]}}}"##,
    ),
    (
        "Metrics",
        r##"{"type": "object", "required": ["publication_id", "clicks", "bot_clicks", "unique_visitors", "series", "channel", "links", "mails_sent", "opens", "unique_opens"], "properties": {
        "publication_id": {"type": "integer"}, "clicks": {"type": "integer"}, "bot_clicks": {"type": "integer"},
        "unique_visitors": {"type": "integer"},
        "mails_sent": {"type": ["integer", "null"]}, "opens": {"type": ["integer", "null"]}, "unique_opens": {"type": ["integer", "null"]},
        "series": {"type": "array", "items": {"type": "object", "required": ["at", "name", "value"], "properties": {
            "at": {"type": "string", "format": "date-time"}, "name": {"type": "string"}, "value": {"type": "integer"}}}},
        "channel": {"type": ["object", "null"], "additionalProperties": {"type": "integer"}},
        "links": {"type": "array", "items": {"type": "object", "required": ["url", "short_url", "target"], "properties": {
            "url": {"type": "string"}, "short_url": {"type": "string"}, "target": {"type": "string"}}}}}}"##,
    ),
    (
        "InsightRow",
        r#"{"type": "object", "required": ["key", "publications", "clicks", "engagement"], "properties": {
        "key": {"type": "string"}, "publications": {"type": "integer"}, "clicks": {"type": "integer"}, "engagement": {"type": "integer"}}}"#,
    ),
    (
        "Piece",
        r#"{"type": "object", "required": ["content_id", "title", "department", "publications", "clicks", "engagement"], "properties": {
        "content_id": {"type": "integer"}, "title": {"type": "string"}, "department": {"type": "string"},
        "publications": {"type": "integer"}, "clicks": {"type": "integer"}, "engagement": {"type": "integer"}}}"#,
    ),
    (
        "AnswerTimes",
        r#"{"type": "object", "required": ["key", "answers", "p50_minutes", "p90_minutes", "within_target"], "properties": {
        "key": {"type": "string"}, "answers": {"type": "integer"}, "p50_minutes": {"type": "number"},
        "p90_minutes": {"type": "number"}, "within_target": {"type": "number"}}}"#,
    ),
    (
        "Insights",
        r##"{"type": "object", "required": ["from", "to", "by", "items", "total", "top", "bottom", "funnel", "answer_times"], "properties": {
        "days": {"type": ["integer", "null"]}, "from": {"type": "string", "format": "date-time"}, "to": {"type": "string", "format": "date-time"},
        "by": {"type": "string"},
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/InsightRow"}},
        "total": {"$ref": "#/components/schemas/InsightRow"},
        "top": {"type": "array", "items": {"$ref": "#/components/schemas/Piece"}},
        "bottom": {"type": "array", "items": {"$ref": "#/components/schemas/Piece"}},
        "funnel": {"type": "array", "items": {"type": "object", "required": ["department", "handed_in", "approved", "published", "publications", "per_publication", "lead_days_p50"], "properties": {
            "department": {"type": "string"}, "handed_in": {"type": "integer"}, "approved": {"type": "integer"},
            "published": {"type": "integer"}, "publications": {"type": "integer"}, "per_publication": {"type": "number"},
            "lead_days_p50": {"type": ["number", "null"]}}}},
        "answer_times": {"type": "object", "required": ["by_channel", "by_person"], "properties": {
            "by_channel": {"type": "array", "items": {"$ref": "#/components/schemas/AnswerTimes"}},
            "by_person": {"type": "array", "items": {"$ref": "#/components/schemas/AnswerTimes"}}}}}}"##,
    ),
    (
        "Target",
        r#"{"type": "object", "required": ["id", "scope", "scope_id", "name", "metric", "month", "amount", "actual", "expected", "percent", "status", "behind"], "properties": {
        "id": {"type": "integer"}, "scope": {"type": "string", "enum": "$Scope"}, "scope_id": {"type": "integer"},
        "name": {"type": "string"}, "metric": {"type": "string", "enum": "$Metric"}, "metric_label": {"type": "string"},
        "month": {"type": "string"}, "amount": {"type": "integer"}, "actual": {"type": "integer"},
        "expected": {"type": "integer"}, "percent": {"type": "integer"},
        "status": {"type": "string"}, "status_label": {"type": "string"}, "behind": {"type": "boolean"}}}"#,
    ),
    (
        "TargetList",
        r##"{"type": "object", "required": ["month", "items"], "properties": {"month": {"type": "string"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Target"}}}}"##,
    ),
    (
        "Variant",
        r#"{"type": "object", "required": ["id", "content_id", "channel_id", "language", "text", "link", "subject", "preheader", "images", "scheduled_at"], "properties": {
        "id": {"type": "integer"}, "content_id": {"type": "integer"}, "channel_id": {"type": ["integer", "null"]},
        "language": {"type": "string"}, "text": {"type": "string"}, "link": {"type": "string"},
        "subject": {"type": "string"}, "preheader": {"type": "string"},
        "images": {"type": "array", "items": {"type": "object", "required": ["url", "alt"], "properties": {"url": {"type": "string"}, "alt": {"type": "string"}}}},
        "scheduled_at": {"type": ["string", "null"], "format": "date-time"}}}"#,
    ),
    (
        "Content",
        r##"{"type": "object", "required": ["id", "idea_id", "idea_state", "title", "body", "variants"], "properties": {
        "id": {"type": "integer"}, "idea_id": {"type": "integer"}, "idea_state": {"type": "string", "enum": "$IdeaState"},
        "title": {"type": "string"}, "body": {"type": "string"},
        "variants": {"type": "array", "items": {"$ref": "#/components/schemas/Variant"}}}}"##,
    ),
    (
        "CalendarFeed",
        r#"{"type": "object", "required": ["url"], "properties": {"url": {"type": "string", "format": "uri"}}}"#,
    ),
    (
        "Comment",
        r#"{"type": "object", "required": ["idea_id", "text"], "properties": {"idea_id": {"type": "integer"}, "text": {"type": "string"}}}"#,
    ),
    (
        "MetricsStored",
        r#"{"type": "object", "required": ["stored"], "properties": {"stored": {"type": "integer", "minimum": 0}}}"#,
    ),
    (
        "MessageReceived",
        r#"{"type": "object", "required": ["conversation_id"], "properties": {"conversation_id": {"type": ["integer", "null"], "description": "The conversation the message joined; null when the message was already there (a sender's retry)."}}}"#,
    ),
    (
        "Conversation",
        r#"{"type": "object", "required": ["id", "channel_id", "state", "sentiment", "received_at", "due_at", "messages"], "properties": {
        "id": {"type": "integer"}, "channel_id": {"type": "integer"}, "publication_id": {"type": ["integer", "null"]},
        "state": {"type": "string", "enum": "$ConversationState"},
        "sentiment": {"type": "string", "enum": "$Sentiment"},
        "assignee_id": {"type": ["integer", "null"]}, "idea_id": {"type": ["integer", "null"]},
        "received_at": {"type": "string", "format": "date-time"}, "due_at": {"type": "string", "format": "date-time"},
        "answered_at": {"type": ["string", "null"], "format": "date-time"},
        "messages": {"type": "array", "items": {"type": "object", "required": ["id", "kind", "author", "text", "at"], "properties": {
            "id": {"type": "integer"}, "kind": {"type": "string", "enum": "$MessageKind"}, "author": {"type": "string"},
            "text": {"type": "string"}, "at": {"type": "string", "format": "date-time"}, "boosted": {"type": "boolean"}}}}}}"#,
    ),
    (
        "ConversationList",
        r##"{"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Conversation"}}}}"##,
    ),
];

const DOCS: &[Doc] = &[
    answers("Me", doc("GET", "/me", "The user the token belongs to", 200, &[], None)),
    answers("TokenList", doc("GET", "/me/tokens", "The user's API tokens (never the secrets)", 200, &[], None)),
    doc("DELETE", "/me/tokens/{id}", "Revoke one of the user's tokens", 204, &[], None),
    answers("CalendarFeed", optional_body(doc("POST", "/me/calendar-feeds", "A private calendar feed address (ICS) for the user", 201, &[], Some(r#"{"type": "object", "additionalProperties": false, "properties": {"channel_id": {"type": ["integer", "null"]}}}"#)))),
    answers("IdeaList", doc("GET", "/ideas", "Ideas the caller may see, newest first, filtered", 200, IDEA_FILTERS, None)),
    answers("Idea", doc("POST", "/ideas", "Hand in an idea (or save a draft)", 201, &[], Some(IDEA_BODY))),
    answers("Idea", doc("GET", "/ideas/{id}", "One idea with its history", 200, &[], None)),
    answers("Idea", doc("PATCH", "/ideas/{id}", "Edit an idea; `version` guards against overwriting a change made meanwhile", 200, &[], Some(IDEA_BODY))),
    answers("Idea", doc("POST", "/ideas/{id}/transitions", "Move an idea to another state", 200, &[], Some(r#"{"type": "object", "required": ["to"], "properties": {"to": {"type": "string"}, "comment": {"type": "string"}, "version": {"type": "integer"}}}"#))),
    answers("Comment", doc("POST", "/ideas/{id}/comments", "Comment on an idea (@name mentions are told by mail)", 201, &[], Some(r#"{"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}"#))),
    answers("ChannelList", doc("GET", "/channels", "The channels", 200, &[], None)),
    answers("Channel", doc("POST", "/channels", "Add a channel with its settings and posting schedules", 201, &[], Some(r#"{"type": "object", "required": ["name", "kind"], "properties": {"name": {"type": "string"}, "kind": {"type": "string", "enum": "$ChannelKind"}, "config": {"type": "object", "additionalProperties": {"type": "string"}}, "secrets": {"type": "object", "additionalProperties": {"type": "string"}}, "schedules": {"type": "array", "items": {"type": "object", "properties": {"cron": {"type": "string"}, "timezone": {"type": "string"}}}}}}"#))),
    answers("Channel", doc("GET", "/channels/{id}", "One channel (secrets only named, never shown)", 200, &[], None)),
    answers("Content", doc("POST", "/content", "Start a content piece for an approved idea", 201, &[], Some(r#"{"type": "object", "required": ["idea_id"], "properties": {"idea_id": {"type": "integer"}, "title": {"type": "string"}, "body": {"type": "string"}}}"#))),
    answers("Content", doc("GET", "/content/{id}", "A content piece with its variants", 200, &[], None)),
    answers("Variant", doc("POST", "/content/{id}/variants", "Add a variant for a channel and language", 201, &[], Some(r#"{"type": "object", "required": ["channel_id", "language"], "properties": {"channel_id": {"type": "integer"}, "language": {"type": "string"}, "text": {"type": "string"}, "link": {"type": "string"}, "subject": {"type": "string"}}}"#))),
    answers("Variant", doc("POST", "/variants/{id}/schedule", "Schedule a variant (at a time, or in the next free slot)", 200, &[], Some(r#"{"type": "object", "properties": {"at": {"type": "string"}, "next_slot": {"type": "boolean"}}}"#))),
    answers("Variant", doc("DELETE", "/variants/{id}/schedule", "Take a variant off the plan", 200, &[], None)),
    answers("PublicationList", doc("GET", "/publications", "Publications, newest first", 200, &[("variant_id", "integer"), ("channel_id", "integer"), ("state", "string"), ("cursor", "string"), ("limit", "integer")], None)),
    answers("Publication", doc("GET", "/publications/{id}", "One publication with every attempt", 200, &[], None)),
    answers("Metrics", doc("GET", "/publications/{id}/metrics", "What a publication earned: clicks, visitors, the channel's counts over time; for newsletters the mails sent and, where counted, opens", 200, &[], None)),
    answers("Publication", doc("POST", "/publications/{id}/retry", "Publish again (after a failure, or after checking an unconfirmed one)", 200, &[], None)),
    answers("Publication", optional_body(doc("POST", "/publications/{id}/confirm", "Mark a publication live after checking the channel", 200, &[], Some(r#"{"type": "object", "properties": {"url": {"type": "string"}}}"#)))),
    answers("MetricsStored", doc("POST", "/metrics", "A channel's receiver pushes its counts (signed like our webhooks)", 202, &[], Some(r#"{"type": "object", "required": ["publication_id", "metrics"], "properties": {"publication_id": {"type": "integer"}, "at": {"type": "string"}, "metrics": {"type": "object", "additionalProperties": {"type": "integer"}}}}"#))),
    answers("Insights", doc("GET", "/insights", "Publications, clicks and engagement of a period, grouped; top pieces, the funnel, answer times", 200, &[("days", "integer"), ("by", "string"), ("from", "string"), ("to", "string")], None)),
    answers("TargetList", doc("GET", "/targets", "A month's targets with their progress", 200, &[("month", "string")], None)),
    answers("Target", doc("POST", "/targets", "Set a target for a channel or department and month", 201, &[], Some(r#"{"type": "object", "required": ["scope", "scope_id", "metric", "month", "amount"], "properties": {"scope": {"type": "string", "enum": "$Scope"}, "scope_id": {"type": "integer"}, "metric": {"type": "string", "enum": "$Metric"}, "month": {"type": "string"}, "amount": {"type": "integer"}}}"#))),
    doc("DELETE", "/targets/{id}", "Remove a target", 204, &[], None),
    answers("ConversationList", doc("GET", "/inbox", "Conversations (open ones unless `state` says otherwise), the most urgent first", 200, &[("state", "string"), ("channel_id", "integer"), ("assignee_id", "integer"), ("sentiment", "string"), ("limit", "integer")], None)),
    answers("MessageReceived", doc("POST", "/inbox", "Another system pushes a message into the inbox (signed like our webhooks)", 202, &[], Some(r#"{"type": "object", "required": ["channel_id", "id", "author", "text"], "properties": {"channel_id": {"type": "integer"}, "id": {"type": "string"}, "author": {"type": "string"}, "author_name": {"type": "string"}, "text": {"type": "string"}, "in_reply_to": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]}, "received_at": {"type": ["string", "null"]}}}"#))),
    answers("Conversation", doc("GET", "/inbox/{id}", "One conversation with its messages", 200, &[], None)),
    answers("Conversation", doc("PATCH", "/inbox/{id}", "Change a conversation's state, assignee or tone", 200, &[], Some(r#"{"type": "object", "properties": {"state": {"type": "string", "enum": "$ConversationState"}, "assignee_id": {"type": ["integer", "null"]}, "sentiment": {"type": "string", "enum": "$Sentiment"}}}"#))),
    answers("Conversation", doc("POST", "/inbox/{id}/reply", "Reply on the channel (queued; sent once)", 202, &[], Some(r#"{"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}"#))),
];

/// The values of an enumeration named `$Name` in the schemas above, from the domain's own
/// lists, so the document cannot fall behind a new state or kind.
fn enumeration(name: &str) -> Option<Vec<&'static str>> {
    use crate::domain;
    Some(match name {
        "$IdeaState" => domain::workflow::State::ALL.map(|v| v.as_str()).to_vec(),
        "$PublicationState" => domain::publications::PubState::ALL
            .map(|v| v.as_str())
            .to_vec(),
        "$ConversationState" => domain::inbox::ConvState::ALL.map(|v| v.as_str()).to_vec(),
        "$Sentiment" => domain::tone::Sentiment::ALL.map(|v| v.as_str()).to_vec(),
        "$Role" => domain::roles::Role::ALL.map(|v| v.as_str()).to_vec(),
        "$ChannelKind" => domain::channels::Kind::ALL.map(|v| v.as_str()).to_vec(),
        "$Scope" => domain::targets::Scope::ALL.map(|v| v.as_str()).to_vec(),
        "$Metric" => domain::targets::Metric::ALL.map(|v| v.as_str()).to_vec(),
        "$MessageKind" => {
            use crate::store::inbox::{IN, NOTE, OUT};
            vec![IN, OUT, NOTE]
        }
        _ => return None,
    })
}

/// A schema written in this file, its `"enum": "$Name"` placeholders filled in.
fn schema(text: &str) -> Value {
    fn fill(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(values) = map
                    .get("enum")
                    .and_then(Value::as_str)
                    .and_then(enumeration)
                {
                    map.insert("enum".into(), json!(values));
                }
                map.values_mut().for_each(fill);
            }
            Value::Array(items) => items.iter_mut().for_each(fill),
            _ => {}
        }
    }
    let mut v = serde_json::from_str(text).unwrap_or_else(|_| json!({"type": "object"}));
    fill(&mut v);
    v
}

fn problem(description: &str) -> Value {
    json!({"description": description, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}})
}

fn operation(method: &str, path: &str, access: Access, d: Option<&Doc>) -> Value {
    let mut params: Vec<Value> = path
        .split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
        // The example (1) makes the fuzzer reach the first seeded object, not only 404s.
        .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}, "example": 1}))
        .collect();
    if let Some(d) = d {
        params.extend(d.query.iter().map(|(name, ty)| {
            // Empty means not given, as for the pages' filters.
            json!({"name": name, "in": "query", "required": false, "allowEmptyValue": true, "schema": {"type": ty}})
        }));
    }
    let status = d.map(|d| d.status).unwrap_or(200);
    let mut responses = Map::new();
    responses.insert(
        status.to_string(),
        if status == 204 {
            json!({"description": "Done"})
        } else {
            let schema = match d.and_then(|d| d.response) {
                Some(name) => json!({"$ref": format!("#/components/schemas/{name}")}),
                None => json!({"type": "object"}),
            };
            json!({"description": "Done", "content": {"application/json": {"schema": schema}}})
        },
    );
    responses.insert(
        "400".into(),
        problem("A parameter that means nothing, named"),
    );
    responses.insert(
        "401".into(),
        problem(if access == Access::Signed {
            "Unsigned, or not signed with the channel's secret"
        } else {
            "No token, or one that was revoked or expired"
        }),
    );
    match access {
        Access::Roles(_) => {
            responses.insert("403".into(), problem("The caller's role may not do this"));
        }
        // Any signed-in user reaches the route; the object itself may still be out of bounds
        // (editing an idea that is no longer the caller's to edit).
        Access::SignedIn => {
            responses.insert(
                "403".into(),
                problem("The caller may not do this to this object"),
            );
        }
        _ => {}
    }
    responses.insert(
        "404".into(),
        problem("No such object (in the path or the body), or not one the caller may see"),
    );
    responses.insert(
        "422".into(),
        problem("Input that does not pass its checks, per field"),
    );
    responses.insert(
        "503".into(),
        problem("The database cannot be reached just now; try again"),
    );
    if method != "GET" && method != "DELETE" {
        responses.insert("409".into(), problem("Changed meanwhile by someone else"));
        responses.insert("415".into(), problem("Not JSON"));
    }
    let mut op = json!({
        "operationId": format!("{}{}", method.to_lowercase(), path.replace(['/', '{', '}', '-'], "_")),
        "summary": d.map(|d| d.summary).unwrap_or(""),
        "parameters": params,
        "responses": responses,
    });
    if access == Access::Signed {
        // Standard Webhooks headers instead of a token.
        op["security"] = json!([]);
        if let Some(list) = op["parameters"].as_array_mut() {
            for h in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
                list.push(json!({"name": h, "in": "header", "required": true, "schema": {"type": "string"}}));
            }
        }
    }
    if let Some(body) = d.and_then(|d| d.body) {
        let schema = schema(body);
        let required = !d.is_some_and(|d| d.body_optional);
        op["requestBody"] =
            json!({"required": required, "content": {"application/json": {"schema": schema}}});
    }
    op
}

/// Links from each operation that creates an object (201 with its `id`) to the operations on
/// that object's path (`POST /ideas` → `GET /ideas/{id}`, `POST /ideas/{id}/transitions`, …),
/// so clients and fuzzers can follow a creation with what it enables, on an id that exists.
fn link_created_objects(paths: &mut Map<String, Value>) {
    // Objects made under one path and used under another: a piece's new variant is scheduled
    // at `/variants/{id}/schedule`.
    const USED_ELSEWHERE: &[(&str, &str)] = &[("/content/{id}/variants", "/variants")];
    let mut links: Vec<(String, String, Value)> = vec![];
    for (path, ops) in paths.iter() {
        for (method, op) in ops.as_object().into_iter().flatten() {
            if op["responses"]["201"].is_null() {
                continue;
            }
            let elsewhere = USED_ELSEWHERE.iter().filter(|(from, _)| from == path);
            let prefixes: Vec<String> = std::iter::once(path.as_str())
                .chain(elsewhere.map(|(_, to)| *to))
                .map(|base| format!("{base}/{{"))
                .collect();
            for (target, target_ops) in paths.iter() {
                let Some(rest) = prefixes
                    .iter()
                    .find_map(|p| target.strip_prefix(p.as_str()))
                else {
                    continue;
                };
                let Some(param) = rest.split('}').next() else {
                    continue;
                };
                for target_op in target_ops.as_object().into_iter().flatten().map(|(_, o)| o) {
                    let id = target_op["operationId"].as_str().unwrap_or_default();
                    links.push((
                        path.clone(),
                        method.clone(),
                        json!([id, {"operationId": id, "parameters": {format!("path.{param}"): "$response.body#/id"}}]),
                    ));
                }
            }
        }
    }
    for (path, method, link) in links {
        let response = &mut paths[&path][&method]["responses"]["201"];
        response["links"][link[0].as_str().unwrap_or_default()] = link[1].clone();
    }
}

/// The document, built from the route table.
pub fn build() -> Value {
    let mut schemas = Map::new();
    for (name, text) in SCHEMAS {
        schemas.insert(name.to_string(), schema(text));
    }
    schemas.insert(
        "Problem".into(),
        json!({"type": "object", "required": ["status", "title"], "properties": {
            "type": {"type": "string"}, "status": {"type": "integer"}, "title": {"type": "string"},
            "detail": {"type": "string"}, "errors": {"type": "object", "additionalProperties": {"type": "string"}}
        }}),
    );
    let mut paths = Map::new();
    for (method, pattern, rule) in crate::web::route_list() {
        let Some(path) = pattern.strip_prefix("/api/v1") else {
            continue;
        };
        let d = DOCS.iter().find(|d| d.method == method && d.path == path);
        let entry = paths.entry(path.to_string()).or_insert_with(|| json!({}));
        entry[method.to_lowercase()] = operation(&method, path, rule.access, d);
    }
    link_created_objects(&mut paths);
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Pressroom API", "version": env!("CARGO_PKG_VERSION")},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas
        }
    })
}

pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creations_link_to_what_can_be_done_with_the_new_object() {
        let doc = build();
        let links = |path: &str| doc["paths"][path]["post"]["responses"]["201"]["links"].clone();
        let ideas = links("/ideas");
        assert_eq!(
            ideas["get_ideas__id_"],
            json!({"operationId": "get_ideas__id_", "parameters": {"path.id": "$response.body#/id"}})
        );
        assert!(ideas["post_ideas__id__transitions"].is_object(), "{ideas}");
        let variants = links("/content/{id}/variants");
        assert_eq!(
            variants["post_variants__id__schedule"]["parameters"],
            json!({"path.id": "$response.body#/id"})
        );
        // Every link names an operation the document has.
        let ids: Vec<String> = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|ops| ops.as_object().unwrap().values())
            .map(|op| op["operationId"].as_str().unwrap().to_string())
            .collect();
        for link in [ideas, variants, links("/content")] {
            for l in link.as_object().unwrap().values() {
                assert!(
                    ids.contains(&l["operationId"].as_str().unwrap().to_string()),
                    "{l}"
                );
            }
        }
    }

    #[test]
    fn every_api_route_is_described() {
        let doc = build();
        for (method, pattern, _) in crate::web::route_list() {
            let Some(path) = pattern.strip_prefix("/api/v1") else {
                continue;
            };
            let op = &doc["paths"][path][method.to_lowercase()];
            assert!(op.is_object(), "{method} {path} is missing");
            assert!(
                DOCS.iter().any(|d| d.method == method && d.path == path),
                "{method} {path} has no summary in DOCS"
            );
        }
        for d in DOCS {
            assert!(
                doc["paths"][d.path][d.method.to_lowercase()].is_object(),
                "DOCS describes {} {}, which is not a route",
                d.method,
                d.path
            );
            if let Some(b) = d.body {
                serde_json::from_str::<Value>(b).expect("a body schema is JSON");
            }
        }
        for (name, text) in SCHEMAS {
            serde_json::from_str::<Value>(text)
                .unwrap_or_else(|e| panic!("the schema {name} is not JSON: {e}"));
        }
        let text = doc.to_string();
        assert!(
            !text.contains("\"enum\":\"$"),
            "an enumeration without values: {}",
            &text[text.find("\"enum\":\"$").unwrap_or(0)..][..60.min(text.len())]
        );
        assert_eq!(
            doc["components"]["schemas"]["Idea"]["properties"]["state"]["enum"]
                .as_array()
                .map(Vec::len),
            Some(crate::domain::workflow::State::ALL.len())
        );
        for d in DOCS.iter().filter_map(|d| d.response) {
            assert!(doc["components"]["schemas"][d].is_object(), "no schema {d}");
        }
        let reply = &doc["paths"]["/inbox/{id}/reply"]["post"];
        assert_eq!(reply["parameters"][0]["name"], "id");
        assert!(reply["responses"]["422"].is_object());
        assert_eq!(doc["paths"]["/inbox"]["post"]["security"], json!([]));
    }
}
