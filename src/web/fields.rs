//! Form fields as handlebars helpers written in Rust: `{{field name="title" label=(t "…")
//! value=form.title error=errors.title}}`, `{{select …}}`, `{{textarea …}}`, `{{checkboxes …}}`
//! and `{{error_summary errors}}`. They were partials called with parameters, and handlebars
//! copies the page's whole data for each such call (a settings page with three time-zone
//! lists spent four fifths of its time copying). A helper reads its parameters where they are.

use std::sync::Arc;

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonRender, JsonTruthy, Output,
    RenderContext,
};
use serde_json::Value;

use crate::domain::html::push_esc;
use crate::i18n::I18n;

pub fn register(hb: &mut Handlebars<'static>, i18n: Arc<I18n>) {
    hb.register_helper("field", Box::new(Writes(field)));
    hb.register_helper("select", Box::new(Writes(select)));
    hb.register_helper("textarea", Box::new(Writes(textarea)));
    hb.register_helper("checkboxes", Box::new(Writes(checkboxes)));
    hb.register_helper("options", Box::new(Writes(options)));
    hb.register_helper("error_summary", Box::new(ErrorSummary(i18n)));
}

/// A helper that writes what a function makes of its parameters.
struct Writes(fn(&Params) -> String);

impl HelperDef for Writes {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        out.write(&(self.0)(&Params(h)))?;
        Ok(())
    }
}

/// A helper's named parameters, read as `{{#if}}` and `{{…}}` would read them.
struct Params<'a, 'rc>(&'a Helper<'rc>);

impl Params<'_, '_> {
    fn value(&self, key: &str) -> Option<&Value> {
        self.0.hash_get(key).map(|v| v.value())
    }

    fn is(&self, key: &str) -> bool {
        self.value(key).is_some_and(|v| v.is_truthy(false))
    }

    /// The parameter as text (empty when absent), as `{{key}}` renders it before escaping.
    fn text(&self, key: &str) -> String {
        self.value(key).map(JsonRender::render).unwrap_or_default()
    }
}

fn push_text(out: &mut String, v: &Value) {
    match v {
        Value::String(s) => push_esc(out, s),
        other => push_esc(out, &other.render()),
    }
}

/// The opening of a field's block, its label, and (for `name`) the id every part refers to.
fn open(out: &mut String, p: &Params, name: &str) {
    out.push_str(r#"<div class="field"#);
    if p.is("error") {
        out.push_str(" has-error");
    }
    out.push_str("\">\n  <label for=\"f-");
    push_esc(out, name);
    out.push_str("\">");
    push_esc(out, &p.text("label"));
    out.push_str("</label>\n  ");
}

/// `<tag id="f-name" name="name"`: a control's opening, its attributes to follow.
fn control(out: &mut String, tag: &str, name: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(" id=\"f-");
    push_esc(out, name);
    out.push_str("\" name=\"");
    push_esc(out, name);
    out.push('"');
}

/// The parameter, escaped, or `default` when it is not set.
fn or(out: &mut String, p: &Params, key: &str, default: &str) {
    if p.is(key) {
        push_esc(out, &p.text(key));
    } else {
        out.push_str(default);
    }
}

/// `aria-invalid` and the pointer to the error under the field.
fn invalid(out: &mut String, name: &str) {
    out.push_str(r#" aria-invalid="true" aria-describedby="f-"#);
    push_esc(out, name);
    out.push_str(r#"-error""#);
}

/// The hint (with an id when `hint_id`), the error, and the block's end.
fn close(out: &mut String, p: &Params, name: &str, hint_id: bool) {
    if p.is("hint") {
        out.push_str("\n  <p class=\"hint\"");
        if hint_id {
            out.push_str(" id=\"f-");
            push_esc(out, name);
            out.push_str("-hint\"");
        }
        out.push('>');
        push_esc(out, &p.text("hint"));
        out.push_str("</p>");
    }
    if p.is("error") {
        out.push_str("\n  <p class=\"field-error\" id=\"f-");
        push_esc(out, name);
        out.push_str("-error\">");
        push_esc(out, &p.text("error"));
        out.push_str("</p>");
    }
    out.push_str("\n</div>");
}

/// `{{field name= label= value= type= hint= error= autocomplete= required=}}`: an input.
fn field(p: &Params) -> String {
    let name = p.text("name");
    let mut s = String::with_capacity(512);
    open(&mut s, p, &name);
    control(&mut s, "input", &name);
    s.push_str(" type=\"");
    or(&mut s, p, "type", "text");
    s.push_str("\" value=\"");
    push_esc(&mut s, &p.text("value"));
    s.push('"');
    if p.is("autocomplete") {
        s.push_str(" autocomplete=\"");
        push_esc(&mut s, &p.text("autocomplete"));
        s.push('"');
    }
    if p.is("required") {
        s.push_str(" required");
    }
    if p.is("error") {
        invalid(&mut s, &name);
    } else if p.is("hint") {
        s.push_str(" aria-describedby=\"f-");
        push_esc(&mut s, &name);
        s.push_str("-hint\"");
    }
    s.push('>');
    close(&mut s, p, &name, true);
    s
}

/// `{{textarea name= label= value= rows= hint= error=}}`.
fn textarea(p: &Params) -> String {
    let name = p.text("name");
    let mut s = String::with_capacity(512);
    open(&mut s, p, &name);
    control(&mut s, "textarea", &name);
    s.push_str(" rows=\"");
    or(&mut s, p, "rows", "4");
    s.push('"');
    if p.is("error") {
        invalid(&mut s, &name);
    }
    s.push('>');
    push_esc(&mut s, &p.text("value"));
    s.push_str("</textarea>");
    close(&mut s, p, &name, false);
    s
}

/// The items of a list parameter (`[{"value", "text", "selected"|"checked"}]`).
fn items<'a>(p: &'a Params, key: &str) -> &'a [Value] {
    p.value(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// `{{select name= label= options= empty= hint= error=}}`: options are `{value, text,
/// selected}`; `empty` is a first option with no value.
fn select(p: &Params) -> String {
    let name = p.text("name");
    let options = items(p, "options");
    let mut s = String::with_capacity(512 + options.len() * 64);
    open(&mut s, p, &name);
    control(&mut s, "select", &name);
    if p.is("error") {
        invalid(&mut s, &name);
    }
    s.push('>');
    if p.is("empty") {
        s.push_str("\n    <option value=\"\">");
        push_esc(&mut s, &p.text("empty"));
        s.push_str("</option>");
    }
    for o in options {
        s.push_str("\n    ");
        push_option(&mut s, o);
    }
    s.push_str("\n  </select>");
    close(&mut s, p, &name, false);
    s
}

/// One `<option>` of `{value, text, selected}`; its text is its value when it has none.
fn push_option(s: &mut String, o: &Value) {
    let value = o.get("value").unwrap_or(&Value::Null);
    s.push_str("<option value=\"");
    push_text(s, value);
    s.push('"');
    if o.get("selected").is_some_and(|v| v.is_truthy(false)) {
        s.push_str(" selected");
    }
    s.push('>');
    match o.get("text").filter(|t| t.is_truthy(false)) {
        Some(text) => push_text(s, text),
        None => push_text(s, value),
    }
    s.push_str("</option>");
}

/// `{{options list}}`: the `<option>`s of a list of `{value, text, selected}` inside a
/// `<select>` the template writes itself (filters with a first "any" option). As an `{{#each}}`
/// it cost handlebars a block context and an `{{#if}}` per option.
fn options(p: &Params) -> String {
    let list = p.0.param(0).and_then(|v| v.value().as_array());
    let list = list.map(Vec::as_slice).unwrap_or_default();
    let mut s = String::with_capacity(list.len() * 48);
    for o in list {
        push_option(&mut s, o);
    }
    s
}

/// `{{checkboxes name= label= options= empty= error=}}`: options are `{value, text,
/// checked}`; `empty` is said when there are none.
fn checkboxes(p: &Params) -> String {
    let name = p.text("name");
    let options = items(p, "options");
    let mut s = String::with_capacity(512 + options.len() * 96);
    s.push_str(r#"<fieldset class="field checks"#);
    if p.is("error") {
        s.push_str(" has-error");
    }
    s.push_str("\" id=\"f-");
    push_esc(&mut s, &name);
    s.push_str("\">\n  <legend>");
    push_esc(&mut s, &p.text("label"));
    s.push_str("</legend>");
    for o in options {
        s.push_str("\n  <label class=\"check\"><input type=\"checkbox\" name=\"");
        push_esc(&mut s, &name);
        s.push_str("\" value=\"");
        push_text(&mut s, o.get("value").unwrap_or(&Value::Null));
        s.push('"');
        if o.get("checked").is_some_and(|v| v.is_truthy(false)) {
            s.push_str(" checked");
        }
        s.push_str("> ");
        push_text(&mut s, o.get("text").unwrap_or(&Value::Null));
        s.push_str("</label>");
    }
    if options.is_empty() {
        s.push_str("\n  <p class=\"hint\">");
        push_esc(&mut s, &p.text("empty"));
        s.push_str("</p>");
    }
    if p.is("error") {
        s.push_str("\n  <p class=\"field-error\">");
        push_esc(&mut s, &p.text("error"));
        s.push_str("</p>");
    }
    s.push_str("\n</fieldset>");
    s
}

/// `{{error_summary errors}}`: the form's errors (`{field: message}`) listed on top, each
/// linking to its field; nothing when there are none.
struct ErrorSummary(Arc<I18n>);

impl HelperDef for ErrorSummary {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let Some(Value::Object(errors)) = h.param(0).map(|p| p.value()) else {
            return Ok(());
        };
        if errors.is_empty() {
            return Ok(());
        }
        let lang = super::render::lang_of(ctx);
        let mut s = String::with_capacity(256 + errors.len() * 96);
        s.push_str("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">\n  <h2>");
        push_esc(&mut s, &self.0.text(lang, "form-has-errors", &[]));
        s.push_str("</h2>\n  <ul>");
        for (field, message) in errors {
            s.push_str("<li><a href=\"#f-");
            push_esc(&mut s, field);
            s.push_str("\">");
            push_text(&mut s, message);
            s.push_str("</a></li>");
        }
        s.push_str("</ul>\n</div>");
        out.write(&s)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_mark_the_selected_one_and_escape_text() {
        let mut hb = Handlebars::new();
        hb.register_escape_fn(crate::domain::html::escape);
        hb.register_helper("options", Box::new(Writes(options)));
        let list = serde_json::json!({"list": [
            {"value": 1, "text": "R&D", "selected": false},
            {"value": "a\"b", "text": "<i>", "selected": true},
            {"value": "x", "text": ""},
        ]});
        let html = hb
            .render_template("<select>{{options list}}</select>", &list)
            .unwrap();
        assert_eq!(
            html,
            "<select><option value=\"1\">R&amp;D</option>\
             <option value=\"a&quot;b\" selected>&lt;i&gt;</option>\
             <option value=\"x\">x</option></select>"
        );
        assert_eq!(
            hb.render_template("{{options missing}}", &list).unwrap(),
            ""
        );
    }
}
