//! HTTP: the route table, the request guard, pages by area, and the JSON API.

pub mod account;
pub mod admin;
pub mod api;
pub mod auth;
pub mod calendar;
pub mod content;
pub mod context;
pub mod errors;
pub mod feeds;
pub mod fields;
pub mod forms;
pub mod fragments;
pub mod health;
pub mod home;
pub mod idea_query;
pub mod ideas;
pub mod inbox;
pub mod insights;
pub mod json;
pub mod links;
pub mod loaders;
pub mod logging;
pub mod markdown;
pub mod metrics;
pub mod newsletters;
pub mod publications;
pub mod render;
pub mod state;
pub mod static_files;
pub mod tokens;
pub mod views;

use std::collections::BTreeMap;

use actix_web::dev::HttpServiceFactory;
use actix_web::http::Method;
use actix_web::{web, FromRequest, Handler, Resource, Responder};

use crate::domain::access::Access::{self, Machine, Public, Signed, SignedIn};
use crate::domain::access::{ADMIN, EDITORS, MEMBERS};

/// One registered route with who may use it; `attach` adds its handler to the resource of its
/// path.
pub struct RouteDef {
    pub method: Method,
    pub path: &'static str,
    pub rule: RouteRule,
    attach: Box<dyn Fn(Resource) -> Resource>,
}

/// What the request guard checks for a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteRule {
    pub access: Access,
    /// Forms need a CSRF token unless a route says otherwise (there is one such route).
    pub csrf_exempt: bool,
}

impl RouteDef {
    fn without_csrf(mut self) -> RouteDef {
        self.rule.csrf_exempt = true;
        self
    }
}

fn route<F, Args>(method: Method, path: &'static str, access: Access, handler: F) -> RouteDef
where
    F: Handler<Args> + Clone + 'static,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    let m = method.clone();
    RouteDef {
        method,
        path,
        rule: RouteRule {
            access,
            csrf_exempt: false,
        },
        attach: Box::new(move |r| {
            let r = r.route(web::method(m.clone()).to(handler.clone()));
            // HEAD answers like GET without the body (monitors and calendar apps send it).
            if m == Method::GET {
                r.route(web::head().to(handler.clone()))
            } else {
                r
            }
        }),
    }
}

fn get<F, Args>(path: &'static str, access: Access, handler: F) -> RouteDef
where
    F: Handler<Args> + Clone + 'static,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    route(Method::GET, path, access, handler)
}

fn post<F, Args>(path: &'static str, access: Access, handler: F) -> RouteDef
where
    F: Handler<Args> + Clone + 'static,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    route(Method::POST, path, access, handler)
}

/// Every route of the app with who may use it. Per-object rules (a contributor's department,
/// own drafts) are the actions' and loaders' business.
pub fn routes() -> Vec<RouteDef> {
    vec![
        get("/healthz", Machine, health::healthz),
        get("/static/{path:.*}", Machine, static_files::serve),
        get("/api/openapi.json", Machine, api::openapi::document),
        get("/setup", Public, auth::setup::form),
        post("/setup", Public, auth::setup::submit),
        get("/login", Public, auth::login::form),
        post("/login", Public, auth::login::submit),
        post("/logout", SignedIn, auth::logout::submit),
        get("/", SignedIn, home::show),
        get("/account", SignedIn, account::settings::form),
        post("/account", SignedIn, account::settings::submit),
        post("/account/password", SignedIn, account::password::submit),
        get("/admin/users", ADMIN, admin::users::list),
        post("/admin/users", ADMIN, admin::users::create),
        get("/admin/users/{id}", ADMIN, admin::users::edit),
        post("/admin/users/{id}", ADMIN, admin::users::update),
        post("/admin/users/{id}/disable", ADMIN, admin::users::disable),
        post("/admin/users/{id}/enable", ADMIN, admin::users::enable),
        get("/admin/users/{id}/export", ADMIN, admin::users::export),
        post("/admin/users/{id}/erase", ADMIN, admin::users::erase),
        post(
            "/admin/users/{id}/tokens/{token_id}/revoke",
            ADMIN,
            admin::users::revoke_token,
        ),
        get("/admin/departments", ADMIN, admin::departments::list),
        post("/admin/departments", ADMIN, admin::departments::create),
        post(
            "/admin/departments/starter",
            ADMIN,
            admin::departments::create_starter_set,
        ),
        get("/admin/audit", ADMIN, admin::audit::list),
        get("/admin/channels", ADMIN, admin::channels::list::list),
        get(
            "/admin/subscribers/export",
            ADMIN,
            admin::subscribers::export,
        ),
        post("/admin/subscribers/erase", ADMIN, admin::subscribers::erase),
        post("/admin/channels", ADMIN, admin::channels::list::create),
        get(
            "/admin/channels/new",
            ADMIN,
            admin::channels::list::new_form,
        ),
        get("/admin/channels/{id}", ADMIN, admin::channels::edit::edit),
        post("/admin/channels/{id}", ADMIN, admin::channels::edit::update),
        post(
            "/admin/channels/{id}/pause",
            ADMIN,
            admin::channels::edit::pause,
        ),
        post(
            "/admin/channels/{id}/resume",
            ADMIN,
            admin::channels::edit::resume,
        ),
        post(
            "/admin/channels/{id}/schedules",
            ADMIN,
            admin::channels::schedules::add,
        ),
        post(
            "/admin/channels/{id}/schedules/{schedule_id}/delete",
            ADMIN,
            admin::channels::schedules::delete,
        ),
        get("/admin/mail", ADMIN, admin::mail::list),
        get("/admin/jobs", ADMIN, admin::jobs::list),
        post("/admin/jobs/{id}/retry", ADMIN, admin::jobs::retry),
        post("/admin/jobs/{id}/cancel", ADMIN, admin::jobs::cancel),
        get("/metrics", Public, metrics::show),
        get("/feeds/{file}", Machine, feeds::serve),
        get("/l/{code}", Machine, links::follow),
        get("/o/{publication}/{file}", Machine, newsletters::opened),
        get("/newsletters/{id}", Public, newsletters::form),
        post("/newsletters/{id}", Public, newsletters::subscribe),
        get(
            "/newsletters/confirm/{token}",
            Public,
            newsletters::confirm_form,
        ),
        post("/newsletters/confirm/{token}", Public, newsletters::confirm),
        get(
            "/newsletters/unsubscribe/{token}",
            Public,
            newsletters::unsubscribe_form,
        ),
        post(
            "/newsletters/unsubscribe/{token}",
            Public,
            newsletters::unsubscribe,
        )
        // RFC 8058's one-click unsubscribe is POSTed by the reader's mail client, which has
        // no form; the signed token in the address is the credential.
        .without_csrf(),
        get("/publications", EDITORS, publications::list::list),
        get("/insights", EDITORS, insights::show),
        get("/inbox", EDITORS, inbox::list),
        get("/inbox/{id}", EDITORS, inbox::show),
        post("/inbox/{id}/reply", EDITORS, inbox::reply),
        post("/inbox/{id}/notes", EDITORS, inbox::note),
        post("/inbox/{id}/state", EDITORS, inbox::state),
        post("/inbox/{id}/assignee", EDITORS, inbox::assign),
        post("/inbox/{id}/sentiment", EDITORS, inbox::tone),
        post("/inbox/{id}/idea", EDITORS, inbox::idea),
        post(
            "/inbox/{id}/messages/{message_id}/boost",
            EDITORS,
            inbox::boost,
        ),
        get("/api/v1/inbox", EDITORS, api::inbox::list),
        post("/api/v1/inbox", Signed, api::inbox::push),
        get("/api/v1/inbox/{id}", EDITORS, api::inbox::show),
        route(
            Method::PATCH,
            "/api/v1/inbox/{id}",
            EDITORS,
            api::inbox::update,
        ),
        post("/api/v1/inbox/{id}/reply", EDITORS, api::inbox::reply),
        get("/insights.csv", EDITORS, insights::csv),
        post("/insights/targets", EDITORS, insights::targets::create),
        post(
            "/insights/targets/{id}/delete",
            EDITORS,
            insights::targets::delete,
        ),
        get("/api/v1/targets", EDITORS, insights::targets::api_list),
        post("/api/v1/targets", EDITORS, insights::targets::api_create),
        route(
            Method::DELETE,
            "/api/v1/targets/{id}",
            EDITORS,
            insights::targets::api_delete,
        ),
        post(
            "/publications/{id}/retry",
            EDITORS,
            publications::settle::retry,
        ),
        post(
            "/publications/{id}/confirm",
            EDITORS,
            publications::settle::confirm,
        ),
        post("/admin/mail/retry", ADMIN, admin::mail::retry),
        post(
            "/account/notifications",
            SignedIn,
            account::notifications::submit,
        ),
        get("/ideas", MEMBERS, ideas::list::list),
        post("/ideas", MEMBERS, ideas::submit::submit),
        get("/ideas/new", MEMBERS, ideas::submit::form),
        get("/ideas/board", EDITORS, ideas::board::show),
        post("/ideas/bulk", EDITORS, ideas::bulk::submit),
        get("/ideas/{id}", MEMBERS, ideas::show::show),
        post("/ideas/{id}", MEMBERS, ideas::edit::submit),
        get("/ideas/{id}/edit", MEMBERS, ideas::edit::form),
        post(
            "/ideas/{id}/transitions",
            MEMBERS,
            ideas::transition::submit,
        ),
        post("/ideas/{id}/comments", MEMBERS, ideas::comment::submit),
        post("/ideas/{id}/assignee", EDITORS, ideas::assign::submit),
        post("/ideas/{id}/content", EDITORS, content::create::submit),
        get("/content/{id}", EDITORS, content::edit::show),
        post("/content/{id}", EDITORS, content::edit::update),
        post("/content/{id}/variants", EDITORS, content::variants::add),
        post("/variants/{id}", EDITORS, content::variants::update),
        post(
            "/variants/{id}/schedule",
            EDITORS,
            content::schedule::submit,
        ),
        post(
            "/variants/{id}/unschedule",
            EDITORS,
            content::schedule::unschedule_submit,
        ),
        get("/calendar", MEMBERS, calendar::view::show),
        post("/account/calendar-feeds", MEMBERS, calendar::feeds::create),
        post(
            "/account/calendar-feeds/{id}/revoke",
            MEMBERS,
            calendar::feeds::revoke,
        ),
        get("/calendar/{secret}", Machine, calendar::ics::feed),
        get("/api/v1/me", SignedIn, api::me::show),
        get("/api/v1/me/tokens", SignedIn, api::me::tokens),
        route(
            Method::DELETE,
            "/api/v1/me/tokens/{id}",
            SignedIn,
            api::me::revoke_token,
        ),
        post(
            "/account/tokens/{id}/revoke",
            SignedIn,
            account::settings::revoke_token,
        ),
        get("/api/v1/channels", EDITORS, api::channels::list),
        post("/api/v1/channels", ADMIN, api::channels::create),
        get("/api/v1/channels/{id}", EDITORS, api::channels::show),
        post("/api/v1/content", EDITORS, api::content::create),
        get("/api/v1/content/{id}", EDITORS, api::content::show),
        post(
            "/api/v1/content/{id}/variants",
            EDITORS,
            api::content::add_variant,
        ),
        post(
            "/api/v1/variants/{id}/schedule",
            EDITORS,
            api::content::schedule,
        ),
        route(
            Method::DELETE,
            "/api/v1/variants/{id}/schedule",
            EDITORS,
            api::content::unschedule,
        ),
        post(
            "/api/v1/me/calendar-feeds",
            MEMBERS,
            api::content::create_feed,
        ),
        get("/api/v1/publications", EDITORS, api::publications::list),
        get("/api/v1/insights", EDITORS, insights::api),
        post("/api/v1/metrics", Signed, api::metrics::push),
        get(
            "/api/v1/publications/{id}/metrics",
            EDITORS,
            api::publications::metrics,
        ),
        get(
            "/api/v1/publications/{id}",
            EDITORS,
            api::publications::show,
        ),
        post(
            "/api/v1/publications/{id}/retry",
            EDITORS,
            api::publications::retry,
        ),
        post(
            "/api/v1/publications/{id}/confirm",
            EDITORS,
            api::publications::confirm,
        ),
        get("/api/v1/ideas", MEMBERS, api::ideas::list),
        post("/api/v1/ideas", MEMBERS, api::ideas::create),
        get("/api/v1/ideas/{id}", MEMBERS, api::ideas::show),
        route(
            Method::PATCH,
            "/api/v1/ideas/{id}",
            MEMBERS,
            api::ideas::update,
        ),
        post(
            "/api/v1/ideas/{id}/transitions",
            MEMBERS,
            api::ideas::transition,
        ),
        post("/api/v1/ideas/{id}/comments", MEMBERS, api::ideas::comment),
    ]
}

/// The pattern of the route a request is for (`/ideas/{id}`), or `None` for no route. Worked
/// out once per request and kept with it: actix walks every registered path to find it, and
/// both the request's log line and the guard ask.
pub fn route_pattern(req: &actix_web::dev::ServiceRequest) -> Option<String> {
    use actix_web::HttpMessage;
    #[derive(Clone)]
    struct Pattern(Option<String>);
    if let Some(Pattern(p)) = req.extensions().get::<Pattern>() {
        return p.clone();
    }
    let p = req.match_pattern();
    req.extensions_mut().insert(Pattern(p.clone()));
    p
}

/// "METHOD pattern" → rule of every route, as registered: the guard's table.
pub type RouteTable = std::collections::HashMap<String, RouteRule>;

pub fn route_table() -> RouteTable {
    routes()
        .into_iter()
        .map(|r| (format!("{} {}", r.method, r.path), r.rule))
        .collect()
}

/// (method, pattern, rule) of every route, in registration order.
pub fn route_list() -> Vec<(String, String, RouteRule)> {
    routes()
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string(), r.rule))
        .collect()
}

/// One resource per path, so a wrong method gets 405 rather than 404; paths that share a first
/// segment with two or more others (`/ideas`, `/admin`, `/api`) in a scope of their own. Actix
/// tries the app's paths in turn, with a regular expression for each path with a parameter:
/// in scopes, a request tries the scopes' prefixes and then only its own scope's paths.
pub fn services() -> impl HttpServiceFactory {
    let mut by_path: BTreeMap<&'static str, Vec<RouteDef>> = BTreeMap::new();
    for r in routes() {
        by_path.entry(r.path).or_default().push(r);
    }
    let first_segment = |path: &'static str| -> &'static str {
        let end = path[1..].find('/').map_or(path.len(), |i| i + 1);
        &path[..end]
    };
    let mut by_segment: BTreeMap<&'static str, Vec<(&'static str, Vec<RouteDef>)>> =
        BTreeMap::new();
    for (path, defs) in by_path {
        by_segment
            .entry(first_segment(path))
            .or_default()
            .push((path, defs));
    }
    by_segment
        .into_iter()
        .flat_map(|(prefix, paths)| {
            if paths.len() >= 3 && !prefix.contains('{') {
                let scope = paths
                    .into_iter()
                    .fold(web::scope(prefix), |scope, (path, defs)| {
                        scope.service(resource(&path[prefix.len()..], defs))
                    });
                vec![Service::Scope(scope)]
            } else {
                paths
                    .into_iter()
                    .map(|(path, defs)| Service::Resource(resource(path, defs)))
                    .collect()
            }
        })
        .collect::<Vec<_>>()
}

/// A path's resource (`path` relative to its scope) with its routes, answering 405 with the
/// methods it has to any other.
fn resource(path: &str, defs: Vec<RouteDef>) -> Resource {
    let mut methods: Vec<&str> = defs.iter().map(|d| d.method.as_str()).collect();
    if methods.contains(&"GET") {
        methods.push("HEAD");
    }
    let allow = methods.join(", ");
    let resource = web::resource(path).default_service(web::to(move || {
        let allow = allow.clone();
        async move { errors::method_not_allowed(&allow) }
    }));
    defs.iter().fold(resource, |res, d| (d.attach)(res))
}

/// A resource or a scope of them, registered alike.
enum Service {
    Resource(Resource),
    Scope(actix_web::Scope),
}

impl HttpServiceFactory for Service {
    fn register(self, config: &mut actix_web::dev::AppService) {
        match self {
            Service::Resource(r) => r.register(config),
            Service::Scope(s) => s.register(config),
        }
    }
}
