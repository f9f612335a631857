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
pub mod forms;
pub mod health;
pub mod home;
pub mod ideas;
pub mod loaders;
pub mod logging;
pub mod markdown;
pub mod metrics;
pub mod newsletters;
pub mod publications;
pub mod render;
pub mod state;
pub mod static_files;
pub mod views;

use std::collections::BTreeMap;

use actix_web::dev::HttpServiceFactory;
use actix_web::http::Method;
use actix_web::{web, FromRequest, Handler, Resource, Responder};

/// One registered route; `attach` adds its handler to the resource of its path.
pub struct RouteDef {
    pub method: Method,
    pub path: &'static str,
    attach: Box<dyn Fn(Resource) -> Resource>,
}

fn route<F, Args>(method: Method, path: &'static str, handler: F) -> RouteDef
where
    F: Handler<Args> + Clone + 'static,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    let m = method.clone();
    RouteDef {
        method,
        path,
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

fn get<F, Args>(path: &'static str, handler: F) -> RouteDef
where
    F: Handler<Args> + Clone + 'static,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    route(Method::GET, path, handler)
}

fn post<F, Args>(path: &'static str, handler: F) -> RouteDef
where
    F: Handler<Args> + Clone + 'static,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    route(Method::POST, path, handler)
}

/// Every route of the app. Who may use each is in `domain::access::ROUTES`.
pub fn routes() -> Vec<RouteDef> {
    vec![
        get("/healthz", health::healthz),
        get("/static/{path:.*}", static_files::serve),
        get("/api/openapi.json", api::openapi::document),
        get("/setup", auth::setup::form),
        post("/setup", auth::setup::submit),
        get("/login", auth::login::form),
        post("/login", auth::login::submit),
        post("/logout", auth::logout::submit),
        get("/", home::show),
        get("/account", account::settings::form),
        post("/account", account::settings::submit),
        post("/account/password", account::password::submit),
        get("/admin/users", admin::users::list),
        post("/admin/users", admin::users::create),
        get("/admin/users/{id}", admin::users::edit),
        post("/admin/users/{id}", admin::users::update),
        post("/admin/users/{id}/disable", admin::users::disable),
        post("/admin/users/{id}/enable", admin::users::enable),
        get("/admin/departments", admin::departments::list),
        post("/admin/departments", admin::departments::create),
        post(
            "/admin/departments/starter",
            admin::departments::create_starter_set,
        ),
        get("/admin/audit", admin::audit::list),
        get("/admin/channels", admin::channels::list::list),
        post("/admin/channels", admin::channels::list::create),
        get("/admin/channels/new", admin::channels::list::new_form),
        get("/admin/channels/{id}", admin::channels::edit::edit),
        post("/admin/channels/{id}", admin::channels::edit::update),
        post("/admin/channels/{id}/pause", admin::channels::edit::pause),
        post("/admin/channels/{id}/resume", admin::channels::edit::resume),
        post(
            "/admin/channels/{id}/schedules",
            admin::channels::schedules::add,
        ),
        post(
            "/admin/channels/{id}/schedules/{schedule_id}/delete",
            admin::channels::schedules::delete,
        ),
        get("/admin/mail", admin::mail::list),
        get("/admin/jobs", admin::jobs::list),
        post("/admin/jobs/{id}/retry", admin::jobs::retry),
        post("/admin/jobs/{id}/cancel", admin::jobs::cancel),
        get("/metrics", metrics::show),
        get("/feeds/{file}", feeds::serve),
        get("/newsletters/{id}", newsletters::form),
        post("/newsletters/{id}", newsletters::subscribe),
        get("/newsletters/confirm/{token}", newsletters::confirm_form),
        post("/newsletters/confirm/{token}", newsletters::confirm),
        get(
            "/newsletters/unsubscribe/{token}",
            newsletters::unsubscribe_form,
        ),
        post("/newsletters/unsubscribe/{token}", newsletters::unsubscribe),
        get("/publications", publications::list::list),
        post("/publications/{id}/retry", publications::settle::retry),
        post("/publications/{id}/confirm", publications::settle::confirm),
        post("/admin/mail/retry", admin::mail::retry),
        post("/account/notifications", account::notifications::submit),
        get("/ideas", ideas::list::list),
        post("/ideas", ideas::submit::submit),
        get("/ideas/new", ideas::submit::form),
        get("/ideas/board", ideas::board::show),
        post("/ideas/bulk", ideas::bulk::submit),
        get("/ideas/{id}", ideas::show::show),
        post("/ideas/{id}", ideas::edit::submit),
        get("/ideas/{id}/edit", ideas::edit::form),
        post("/ideas/{id}/transitions", ideas::transition::submit),
        post("/ideas/{id}/comments", ideas::comment::submit),
        post("/ideas/{id}/assignee", ideas::assign::submit),
        post("/ideas/{id}/content", content::create::submit),
        get("/content/{id}", content::edit::show),
        post("/content/{id}", content::edit::update),
        post("/content/{id}/variants", content::variants::add),
        post("/variants/{id}", content::variants::update),
        post("/variants/{id}/schedule", content::schedule::submit),
        post(
            "/variants/{id}/unschedule",
            content::schedule::unschedule_submit,
        ),
        get("/calendar", calendar::view::show),
        post("/account/calendar-feeds", calendar::feeds::create),
        post(
            "/account/calendar-feeds/{id}/revoke",
            calendar::feeds::revoke,
        ),
        get("/calendar/{secret}", calendar::ics::feed),
        get("/api/v1/me", api::me::show),
        get("/api/v1/channels", api::channels::list),
        post("/api/v1/channels", api::channels::create),
        get("/api/v1/channels/{id}", api::channels::show),
        post("/api/v1/content", api::content::create),
        get("/api/v1/content/{id}", api::content::show),
        post("/api/v1/content/{id}/variants", api::content::add_variant),
        post("/api/v1/variants/{id}/schedule", api::content::schedule),
        route(
            Method::DELETE,
            "/api/v1/variants/{id}/schedule",
            api::content::unschedule,
        ),
        post("/api/v1/me/calendar-feeds", api::content::create_feed),
        get("/api/v1/publications", api::publications::list),
        get("/api/v1/publications/{id}", api::publications::show),
        post("/api/v1/publications/{id}/retry", api::publications::retry),
        post(
            "/api/v1/publications/{id}/confirm",
            api::publications::confirm,
        ),
        get("/api/v1/ideas", api::ideas::list),
        post("/api/v1/ideas", api::ideas::create),
        get("/api/v1/ideas/{id}", api::ideas::show),
        route(Method::PATCH, "/api/v1/ideas/{id}", api::ideas::update),
        post("/api/v1/ideas/{id}/transitions", api::ideas::transition),
        post("/api/v1/ideas/{id}/comments", api::ideas::comment),
    ]
}

/// (method, pattern) of every route, as registered.
pub fn route_list() -> Vec<(String, String)> {
    routes()
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string()))
        .collect()
}

/// One resource per path, so a wrong method gets 405 rather than 404.
pub fn services() -> impl HttpServiceFactory {
    let mut by_path: BTreeMap<&'static str, Vec<RouteDef>> = BTreeMap::new();
    for r in routes() {
        by_path.entry(r.path).or_default().push(r);
    }
    by_path
        .into_iter()
        .map(|(path, defs)| {
            let resource = web::resource(path).default_service(web::to(errors::method_not_allowed));
            defs.iter().fold(resource, |res, d| (d.attach)(res))
        })
        .collect::<Vec<_>>()
}
