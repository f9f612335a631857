//! HTML pages: embedded handlebars templates, the `t` helper, and the page frame every view shares.

use std::sync::Arc;

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use serde_json::{json, Value};

use super::context::{cookie, cookie_names, removal, Ctx};
use crate::domain::roles::Role;
use crate::error::AppError;
use crate::i18n::{self, I18n};

#[derive(rust_embed::Embed)]
#[folder = "templates/"]
#[include = "*.hbs"]
struct Templates;

pub fn templates(i18n: Arc<I18n>) -> Result<Handlebars<'static>, String> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(false);
    hb.register_escape_fn(crate::domain::html::escape);
    for file in Templates::iter() {
        let source = Templates::get(&file).expect("listed file exists");
        let text = std::str::from_utf8(&source.data)
            .map_err(|_| format!("template {file} is not UTF-8"))?;
        let name = file.trim_end_matches(".hbs");
        hb.register_template_string(name, text)
            .map_err(|e| format!("template {file}: {e}"))?;
    }
    super::fields::register(&mut hb, i18n.clone());
    hb.register_helper("t", Box::new(Translate(i18n)));
    hb.register_helper("csrf_field", Box::new(csrf_field));
    hb.register_helper("html", Box::new(html));
    Ok(hb)
}

/// The page's language, as the frame puts it into every page's data.
pub fn lang_of(ctx: &Context) -> &str {
    ctx.data()
        .get("lang")
        .and_then(Value::as_str)
        .unwrap_or(i18n::DEFAULT)
}

/// `{{t "key" name=value}}`, or `(t "key")` inside another expression; escaped like any value.
struct Translate(Arc<I18n>);

impl HelperDef for Translate {
    /// `{{t "key"}}` with no arguments writes the text escaped once at start-up.
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn handlebars::Output,
    ) -> handlebars::HelperResult {
        let key = h.param(0).and_then(|v| v.value().as_str());
        let escape = !rc.is_disable_escape();
        rc.set_content_produced(true);
        if let (Some(key), true, true) = (key, h.hash().is_empty(), escape) {
            if let Some(plain) = self.0.plain(lang_of(ctx), key) {
                out.write(&plain.html)?;
                return Ok(());
            }
        }
        let text = self.call_inner(h, r, ctx, rc)?.render();
        match escape {
            // The registry's escape function (see `templates`).
            true => out.write(&crate::domain::html::escape(&text))?,
            false => out.write(&text)?,
        }
        Ok(())
    }

    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let key = h
            .param(0)
            .and_then(|v| v.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let lang = lang_of(ctx);
        let args: Vec<(&str, String)> = h
            .hash()
            .iter()
            .map(|(k, v)| {
                let text = match v.value() {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (*k, text)
            })
            .collect();
        Ok(ScopedJson::Derived(Value::String(
            self.0.text(lang, key, &args),
        )))
    }
}

/// The frame of every page: head, navigation, flash; the rendered page goes into its
/// `page_html` (a name no page's own data uses).
const LAYOUT: &str = "layouts/base";
/// Where the frame's `{{{page_html}}}` goes (see `Page::render`).
const PAGE_MARK: &str = "<!--pressroom:page-->";

/// `{{csrf_field}}`: the hidden CSRF input of a form. A helper, not a partial: handlebars
/// copies the current data for every partial, and the calendar has a form per entry.
fn csrf_field(
    _: &Helper,
    _: &Handlebars,
    ctx: &Context,
    _: &mut RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    let token = ctx.data().get("csrf").and_then(Value::as_str).unwrap_or("");
    out.write(r#"<input type="hidden" name="csrf_token" value=""#)?;
    out.write(&crate::domain::html::escape(token))?;
    out.write(r#"">"#)?;
    Ok(())
}

/// `{{html rows_html}}`: HTML a fragment wrote (`web::fragments`, every value in it escaped),
/// written as it is, like `{{{rows_html}}}` but without the copy handlebars makes of a value
/// before writing it (a board's or month's fragments are 160-200 KB).
fn html(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    if let Some(Value::String(s)) = h.param(0).map(|p| p.value()) {
        out.write(s)?;
    }
    Ok(())
}

/// One page to render: its template, title, data, and status.
pub struct Page {
    template: &'static str,
    title_key: &'static str,
    data: Value,
    status: StatusCode,
}

impl Page {
    pub fn new(template: &'static str, title_key: &'static str) -> Page {
        Page {
            template,
            title_key,
            data: json!({}),
            status: StatusCode::OK,
        }
    }

    pub fn data(mut self, data: Value) -> Page {
        self.data = data;
        self
    }

    /// Moves a value into the page's data under `key`. `json!` clones every value it is
    /// given (it serialises a reference), so a page's rendered rows or a calendar's weeks
    /// go in here instead: on the board that was two more copies of 160 KB per request.
    pub fn put(mut self, key: &str, value: impl Into<Value>) -> Page {
        put(&mut self.data, key, value);
        self
    }

    pub fn status(mut self, status: StatusCode) -> Page {
        self.status = status;
        self
    }

    pub fn render(self, ctx: &Ctx) -> Result<HttpResponse, AppError> {
        let state = &ctx.state;
        let mut data = self.data;
        let user = ctx.user.as_ref().map(|u| {
            json!({
                "name": u.name,
                "email": u.email,
                "role": u.role,
                "is_admin": u.role() == Role::Admin,
                "is_editor": u.role() != Role::Contributor,
            })
        });
        let frame = json!({
            "lang": ctx.lang,
            "title_key": self.title_key,
            "csrf": ctx.csrf,
            "me": user,
            "flash": ctx.flash,
            "path": ctx.path,
        });
        if let (Value::Object(d), Value::Object(f)) = (&mut data, frame) {
            for (k, v) in f {
                d.entry(k).or_insert(v);
            }
        }
        // Data go in as an owned context, and the frame is not a partial block: handlebars
        // copies the data for `render(&data)` and for every partial, and then every value
        // looked up inside one (most of a list page's time went into those copies).
        let failed = |e: handlebars::RenderError| {
            AppError::internal(format!("template {}: {e}", self.template))
        };
        // The frame first, around a marker that the page then takes the place of: the page
        // is written straight after the frame's head into one buffer sized as this page was
        // last time, rather than grown as it goes and copied into the frame (two more copies
        // of a month's 200 KB). Everything else in the frame is escaped, so no user's text
        // can hold the marker's `<`.
        let mut context = Context::from(data);
        if let Value::Object(d) = context.data_mut() {
            d.insert("page_html".into(), Value::String(PAGE_MARK.into()));
        }
        let frame = state
            .templates
            .render_with_context(LAYOUT, &context)
            .map_err(failed)?;
        let (head, tail) = frame
            .split_once(PAGE_MARK)
            .ok_or_else(|| AppError::internal(format!("{LAYOUT} writes no page_html")))?;
        let hint = page_size_hint(self.template, None);
        let mut html = Vec::with_capacity(head.len() + hint + tail.len());
        html.extend_from_slice(head.as_bytes());
        state
            .templates
            .render_with_context_to_write(self.template, &context, &mut html)
            .map_err(failed)?;
        page_size_hint(self.template, Some(html.len() - head.len()));
        html.extend_from_slice(tail.as_bytes());
        let mut res = HttpResponse::build(self.status);
        res.insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((header::CACHE_CONTROL, "no-store"));
        if ctx.flash.is_some() {
            res.cookie(removal(state, cookie_names(state.config.https()).flash));
        }
        Ok(res.body(html))
    }
}

/// The size a template's page had when last written (`Some` records it). Only a buffer's
/// capacity depends on it, so each instance keeping its own is right.
fn page_size_hint(template: &'static str, written: Option<usize>) -> usize {
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    static SIZES: LazyLock<Mutex<HashMap<&'static str, usize>>> = LazyLock::new(Mutex::default);
    let mut sizes = SIZES.lock().unwrap_or_else(|e| e.into_inner());
    match written {
        // A little over, so a page that grew by a few rows is not copied once more.
        Some(n) => {
            sizes.insert(template, n + n / 8);
            n
        }
        None => sizes.get(template).copied().unwrap_or(16 * 1024),
    }
}

/// After a successful form: 303 to the next page, with a message shown there once.
pub fn redirect_with_flash(ctx: &Ctx, location: &str, flash_key: &'static str) -> HttpResponse {
    let names = cookie_names(ctx.state.config.https());
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .cookie(cookie(&ctx.state, names.flash, flash_key.to_string()))
        .finish()
}

/// `candidate` if it is a path on this site, else `fallback`. Browsers drop tabs and line
/// breaks from a `Location` and read `/\` like `//`, so anything with a control character,
/// whitespace or a backslash, or that starts with `//`, could lead elsewhere (or break the
/// header): refused.
pub fn same_site_path(candidate: &str, fallback: &str) -> String {
    let ok = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    if ok { candidate } else { fallback }.to_string()
}

pub fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// Field errors as `{field: message}` in the page's language, for the templates.
pub fn field_errors(ctx: &Ctx, errors: &crate::domain::validate::FieldErrors) -> Value {
    Value::Object(
        errors
            .iter()
            .map(|(field, key)| (field.to_string(), Value::String(ctx.t(key))))
            .collect(),
    )
}

/// The IANA zones offered in forms, with the selected one marked.
pub fn timezone_options(selected: &str) -> Value {
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| json!({"value": tz.name(), "selected": tz.name() == selected}))
        .collect()
}

pub fn language_options(selected: &str) -> Value {
    i18n::LANGUAGES
        .iter()
        .map(|(code, name, _)| json!({"value": code, "text": name, "selected": *code == selected}))
        .collect()
}

/// A UTC time shown in a user's zone, e.g. "2026-11-23 14:05".
pub fn local_time(at: chrono::NaiveDateTime, tz: &str) -> String {
    local_time_in(at, &tz.parse().unwrap_or(chrono_tz::UTC))
}

/// The label of `of` among labels looked up once per page (a page of rows would otherwise
/// translate the same few words once per row).
pub fn label<T: PartialEq>(labels: &[(T, String)], of: T) -> &str {
    labels
        .iter()
        .find(|(s, _)| *s == of)
        .map_or("", |(_, l)| l.as_str())
}

/// `local_time` with the zone already parsed (for a page of rows).
pub fn local_time_in(at: chrono::NaiveDateTime, tz: &chrono_tz::Tz) -> String {
    let mut s = String::with_capacity(16);
    crate::web::fragments::push_minute(&mut s, at.and_utc().with_timezone(tz).naive_local(), ' ');
    s
}

/// Moves `value` into the object `data` under `key` (see `Page::put`).
pub fn put(data: &mut Value, key: &str, value: impl Into<Value>) {
    if let Value::Object(map) = data {
        map.insert(key.to_string(), value.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `{{t "key"}}` writes the text kept at start-up: what formatting the message in the
    /// page's language gives, escaped, for every key and language (and English for a language
    /// without a catalog); with arguments it formats them as before.
    #[test]
    fn a_translated_text_is_the_formatted_message_escaped() {
        let i18n = Arc::new(I18n::load().unwrap());
        let hb = templates(i18n.clone()).unwrap();
        let english = include_str!("../i18n/en.ftl");
        let keys: Vec<&str> = english
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .filter(|k| !k.starts_with([' ', '#', '-']))
            .collect();
        assert!(
            keys.contains(&"flash-setup-done"),
            "a text with an apostrophe"
        );
        for lang in ["en", "de", "fr", "it", "rm"] {
            for key in &keys {
                let page = hb
                    .render_template(&format!("{{{{t \"{key}\"}}}}"), &json!({"lang": lang}))
                    .unwrap();
                let want = crate::domain::html::escape(&i18n.text(lang, key, &[]));
                assert_eq!(page, want, "{lang} {key}");
            }
        }
        let page = hb
            .render_template(
                "{{t \"variant-too-long\" count=3 limit=2}}",
                &json!({"lang": "de"}),
            )
            .unwrap();
        let args = [("count", "3".to_string()), ("limit", "2".to_string())];
        assert_eq!(
            page,
            crate::domain::html::escape(&i18n.text("de", "variant-too-long", &args))
        );
        assert!(page.contains('3') && page.contains('2'), "{page}");
    }
}
