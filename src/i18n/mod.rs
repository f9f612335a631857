//! The one translation layer: Fluent catalogs per language, embedded in the binary.
//! A language is added by adding its `.ftl` file here and its code to `LANGUAGES`.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// (code, name in that language, catalog). English is the reference every other must match.
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", "English", include_str!("en.ftl")),
    ("de", "Deutsch", include_str!("de.ftl")),
    ("fr", "Français", include_str!("fr.ftl")),
    ("it", "Italiano", include_str!("it.ftl")),
];

pub const DEFAULT: &str = "en";

pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
    /// Every English key's text with no arguments, per language, as `text` gives it, and
    /// escaped for HTML: a page says some fifty of these, and formatting each was a
    /// twentieth of a form page's time.
    plain: HashMap<&'static str, HashMap<String, Plain>>,
}

pub struct Plain {
    pub text: String,
    pub html: String,
}

impl I18n {
    pub fn load() -> Result<I18n, String> {
        let mut bundles = HashMap::new();
        // English's message keys, read off its parsed catalog (every catalog has the same).
        let mut keys: Vec<String> = vec![];
        for (code, _, source) in LANGUAGES {
            let res = FluentResource::try_new(source.to_string())
                .map_err(|(_, errs)| format!("catalog {code}.ftl does not parse: {errs:?}"))?;
            if *code == DEFAULT {
                keys = res
                    .entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect();
            }
            let lang: LanguageIdentifier = code.parse().map_err(|e| format!("{code}: {e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // Unicode isolation marks would end up inside HTML attributes and mail subjects.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(res)
                .map_err(|errs| format!("catalog {code}.ftl has duplicate keys: {errs:?}"))?;
            bundles.insert(*code, bundle);
        }
        let mut i18n = I18n {
            bundles,
            plain: HashMap::new(),
        };
        let plain = LANGUAGES
            .iter()
            .map(|(code, _, _)| {
                let texts = keys
                    .iter()
                    .map(|k| {
                        let text = i18n.text(code, k, &[]);
                        let html = crate::domain::html::escape(&text);
                        (k.clone(), Plain { text, html })
                    })
                    .collect();
                (*code, texts)
            })
            .collect();
        i18n.plain = plain;
        Ok(i18n)
    }

    /// `text` with no arguments, when `key` is one of English's (`None` otherwise).
    pub fn plain(&self, lang: &str, key: &str) -> Option<&Plain> {
        self.plain
            .get(lang)
            .or_else(|| self.plain.get(DEFAULT))?
            .get(key)
    }

    /// The message in `lang`, falling back to English, then to the key itself so a gap shows.
    pub fn text(&self, lang: &str, key: &str, args: &[(&str, String)]) -> String {
        let fargs = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (k, v) in args {
                // Counts are numbers so that plural forms ([one], [other]) are chosen.
                match (*k, v.parse::<i64>()) {
                    ("count", Ok(n)) => a.set(*k, FluentValue::from(n)),
                    _ => a.set(*k, FluentValue::from(v.clone())),
                }
            }
            a
        });
        for code in [lang, DEFAULT] {
            let Some(bundle) = self.bundles.get(code) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                return bundle
                    .format_pattern(pattern, fargs.as_ref(), &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }

    /// Whether the English catalog (every catalog's fallback) has this key.
    pub fn has(&self, key: &str) -> bool {
        self.bundles
            .get(DEFAULT)
            .is_some_and(|b| b.has_message(key))
    }

    pub fn t(&self, lang: &str, key: &str) -> String {
        match self.plain(lang, key) {
            Some(p) => p.text.clone(),
            None => self.text(lang, key, &[]),
        }
    }
}

pub fn is_supported(code: &str) -> bool {
    LANGUAGES.iter().any(|(c, _, _)| *c == code)
}

/// Picks the best supported language from an `Accept-Language` header (RFC 9110 §12.5.4).
pub fn negotiate(accept_language: &str) -> &'static str {
    let mut best: Option<(&'static str, f32)> = None;
    for part in accept_language.split(',') {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = pieces
            .find_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|v| v.parse::<f32>().ok())
            })
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some((code, _, _)) = LANGUAGES.iter().find(|(c, _, _)| *c == primary) {
            if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
                best = Some((code, q));
            }
        }
    }
    best.map(|(c, _)| c).unwrap_or(DEFAULT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn kept_texts_are_what_formatting_gives_in_every_language() {
        let i18n = I18n::load().unwrap();
        let english = keys(LANGUAGES[0].2);
        assert!(english.len() > 100);
        for (code, _, _) in LANGUAGES.iter().chain([&("rm", "", "")]) {
            for key in &english {
                let kept = i18n.plain(code, key).expect("every English key is kept");
                assert_eq!(kept.text, i18n.text(code, key, &[]), "{code} {key}");
                assert_eq!(kept.html, crate::domain::html::escape(&kept.text));
                assert_eq!(i18n.t(code, key), kept.text);
            }
        }
        assert!(i18n.plain("de", "no-such-key").is_none());
        assert_eq!(i18n.t("de", "no-such-key"), "no-such-key");
    }

    fn keys(source: &str) -> BTreeSet<String> {
        source
            .lines()
            .filter(|l| !l.starts_with(' ') && !l.starts_with('#'))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    #[test]
    fn every_catalog_has_exactly_the_english_keys() {
        let reference = keys(LANGUAGES[0].2);
        assert!(reference.len() > 50, "the English catalog looks truncated");
        for (code, _, source) in LANGUAGES {
            let k = keys(source);
            let missing: Vec<_> = reference.difference(&k).collect();
            let extra: Vec<_> = k.difference(&reference).collect();
            assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{code}.ftl has keys English lacks: {extra:?}"
            );
        }
        I18n::load().expect("catalogs parse");
    }

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let reference = keys(LANGUAGES[0].2);
        let root = env!("CARGO_MANIFEST_DIR");
        let mut used = BTreeSet::new();
        for dir in ["templates", "src"] {
            collect_used(&std::path::Path::new(root).join(dir), &mut used);
        }
        assert!(
            used.len() > 30,
            "found too few keys in use: the scan is broken"
        );
        let missing: Vec<_> = used.iter().filter(|k| !reference.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "keys used but not in en.ftl: {missing:?}"
        );
    }

    /// Finds `{{t "key"`, `(t "key"` in templates and `"error-…"`/`"flash-…"` style keys in code.
    fn collect_used(dir: &std::path::Path, used: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                collect_used(&path, used);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let is_template = path.extension().is_some_and(|e| e == "hbs");
            let is_rust = path.extension().is_some_and(|e| e == "rs");
            if is_template {
                for marker in ["{{t \"", "(t \""] {
                    for piece in text.split(marker).skip(1) {
                        if let Some((k, _)) = piece.split_once('"') {
                            used.insert(k.to_string());
                        }
                    }
                }
            } else if is_rust && !path.ends_with("i18n/mod.rs") {
                for piece in text.split('"').skip(1).step_by(2) {
                    let prefixes = ["error-", "flash-", "audit-", "role-", "action-", "state-"];
                    if prefixes.iter().any(|p| piece.starts_with(p))
                        && piece.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                        && !piece.ends_with('-')
                    {
                        used.insert(piece.to_string());
                        // Error pages show a title and its "-text" explanation.
                        let name = path.file_name().unwrap_or_default();
                        if piece.starts_with("error-")
                            && (name == "error.rs" || name == "errors.rs")
                        {
                            used.insert(format!("{piece}-text"));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(negotiate("de-CH, de;q=0.9, en;q=0.8"), "de");
        assert_eq!(negotiate("fr-CH, en;q=0.5, de;q=0.7"), "fr");
        assert_eq!(negotiate("rm-CH, en;q=0.5, de;q=0.7"), "de");
        assert_eq!(negotiate("ja"), "en");
        assert_eq!(negotiate(""), "en");
        assert_eq!(negotiate("de;q=0"), "en");
    }

    #[test]
    fn arguments_are_filled_in_and_missing_keys_show_themselves() {
        let i = I18n::load().unwrap();
        assert!(i
            .text("de", "home-greeting", &[("name", "Anna".into())])
            .contains("Anna"));
        assert_eq!(i.t("de", "no-such-key"), "no-such-key");
    }
}
