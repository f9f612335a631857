//! Channel kinds: which settings each takes, which of them are secret, and how they are checked.

use std::collections::BTreeMap;

use super::validate::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Webhook,
    Mastodon,
    Newsletter,
    Feed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Text,
    HttpsUrl,
    Email,
    Number,
    /// A Standard Webhooks signing secret: `whsec_` and 24 to 64 bytes in base64.
    WebhookSecret,
    /// Working hours, Monday to Friday: `08:00-18:00`.
    Hours,
    /// On or off (a checkbox): stored as `on`, or not at all.
    Switch,
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub secret: bool,
    pub required: bool,
    pub value: Value,
}

const fn f(name: &'static str, secret: bool, required: bool, value: Value) -> Field {
    Field {
        name,
        secret,
        required,
        value,
    }
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Webhook, Kind::Mastodon, Kind::Newsletter, Kind::Feed];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Webhook => "webhook",
            Kind::Mastodon => "mastodon",
            Kind::Newsletter => "newsletter",
            Kind::Feed => "feed",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The settings of each kind; secret ones are stored encrypted and never shown back.
    pub fn fields(self) -> &'static [Field] {
        const WEBHOOK: &[Field] = &[
            f("url", false, true, Value::HttpsUrl),
            // Left blank, Pressroom makes one and shows it once.
            f("signing_secret", true, false, Value::WebhookSecret),
            // The inbox's answer clock for messages pushed through this channel.
            f("answer_minutes", false, false, Value::Number),
            f("answer_hours", false, false, Value::Hours),
        ];
        const MASTODON: &[Field] = &[
            f("instance_url", false, true, Value::HttpsUrl),
            f("max_characters", false, false, Value::Number),
            f("answer_minutes", false, false, Value::Number),
            f("answer_hours", false, false, Value::Hours),
            f("inbox_minutes", false, false, Value::Number),
            f("access_token", true, true, Value::Text),
        ];
        const NEWSLETTER: &[Field] = &[
            f("from_address", false, true, Value::Email),
            f("reply_to", false, false, Value::Email),
            f("max_per_minute", false, false, Value::Number),
            // Off unless an admin turns it on: an invisible image in each mail.
            f(TRACK_OPENS, false, false, Value::Switch),
            f("smtp_url", true, true, Value::Text),
        ];
        const FEED: &[Field] = &[
            f("title", false, true, Value::Text),
            f("description", false, false, Value::Text),
        ];
        match self {
            Kind::Webhook => WEBHOOK,
            Kind::Mastodon => MASTODON,
            Kind::Newsletter => NEWSLETTER,
            Kind::Feed => FEED,
        }
    }
}

pub type Settings = BTreeMap<String, String>;

/// The newsletter setting that puts an open-counting image in each mail.
pub const TRACK_OPENS: &str = "track_opens";

/// How a `Switch` setting that is on is stored.
pub const SWITCH_ON: &str = "on";

/// Whether a switch is on in these settings.
pub fn switched_on(settings: &Settings, name: &str) -> bool {
    settings.get(name).is_some_and(|v| v == SWITCH_ON)
}

/// Checks settings for a kind. `secrets_set` names the secrets already stored: a blank secret
/// field then keeps the stored one ("set — replace"). Fields of another kind are refused.
/// `plain_http_ok` says which `http://` addresses are allowed (allow-listed hosts).
pub fn check(
    kind: Kind,
    config: &Settings,
    secrets: &Settings,
    secrets_set: &[String],
    plain_http_ok: &dyn Fn(&str) -> bool,
) -> Result<(Settings, Settings), FieldErrors> {
    let mut errors = FieldErrors::new();
    let fields = kind.fields();
    let known =
        |name: &str, secret: bool| fields.iter().any(|f| f.name == name && f.secret == secret);
    if config.keys().any(|k| !known(k, false)) {
        errors.insert("config", "error-channel-field-unknown");
    }
    if secrets.keys().any(|k| !known(k, true)) {
        errors.insert("secrets", "error-channel-field-unknown");
    }
    let (mut clean_config, mut clean_secrets) = (Settings::new(), Settings::new());
    for field in fields {
        let given = if field.secret {
            secrets.get(field.name)
        } else {
            config.get(field.name)
        };
        let mut value = given.map(|v| v.trim().to_string()).unwrap_or_default();
        if field.value == Value::Switch {
            match value.to_ascii_lowercase().as_str() {
                "on" | "true" | "1" | "yes" => value = SWITCH_ON.into(),
                "" | "off" | "false" | "0" | "no" => value.clear(),
                _ => {}
            }
        }
        if value.is_empty() {
            let kept = field.secret && secrets_set.iter().any(|s| s == field.name);
            if field.required && !kept {
                errors.insert(field.name, "error-required");
            }
            continue;
        }
        let ok = match field.value {
            Value::Text => value.chars().count() <= 2000 && !value.chars().any(char::is_control),
            Value::HttpsUrl => {
                (value.starts_with("https://") || plain_http_ok(&value))
                    && url::Url::parse(&value).is_ok_and(|u| u.host().is_some())
                    && !value.contains(char::is_whitespace)
            }
            Value::Email => value.parse::<lettre::Address>().is_ok(),
            Value::Number => value
                .parse::<u32>()
                .is_ok_and(|n| (1..=100_000).contains(&n)),
            Value::WebhookSecret => value.strip_prefix("whsec_").is_some_and(|b| {
                use base64::Engine;
                base64::engine::general_purpose::STANDARD
                    .decode(b)
                    .is_ok_and(|k| (24..=64).contains(&k.len()))
            }),
            Value::Hours => super::inbox::Hours::parse(&value).is_some(),
            Value::Switch => value == SWITCH_ON,
        };
        if !ok {
            errors.insert(
                field.name,
                match field.value {
                    Value::HttpsUrl => "error-https-url",
                    Value::Email => "error-email-invalid",
                    Value::Number => "error-number",
                    Value::Text => "error-control-chars",
                    Value::WebhookSecret => "error-webhook-secret",
                    Value::Hours => "error-hours",
                    Value::Switch => "error-switch",
                },
            );
            continue;
        }
        if field.secret {
            clean_secrets.insert(field.name.to_string(), value);
        } else {
            clean_config.insert(field.name.to_string(), value);
        }
    }
    if errors.is_empty() {
        Ok((clean_config, clean_secrets))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(pairs: &[(&str, &str)]) -> Settings {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_switch_is_on_off_or_a_clear_error() {
        let letter = |v: &str| {
            check(
                Kind::Newsletter,
                &s(&[("from_address", "news@example.ch"), ("track_opens", v)]),
                &s(&[("smtp_url", "smtp://mail.example.ch")]),
                &[],
                &|_| false,
            )
        };
        for on in ["on", "true", " YES ", "1"] {
            let (c, _) = letter(on).unwrap();
            assert!(switched_on(&c, "track_opens"), "{on}");
        }
        for off in ["", "off", "false", "0"] {
            let (c, _) = letter(off).unwrap();
            assert!(!switched_on(&c, "track_opens"), "{off}");
            assert!(!c.contains_key("track_opens"), "off is not stored");
        }
        let e = letter("maybe").unwrap_err();
        assert_eq!(e.get("track_opens"), Some(&"error-switch"));
    }

    #[test]
    fn each_kind_takes_its_own_fields() {
        let (c, sec) = check(
            Kind::Mastodon,
            &s(&[("instance_url", "https://social.example")]),
            &s(&[("access_token", "tok")]),
            &[],
            &|_| false,
        )
        .unwrap();
        assert_eq!(c["instance_url"], "https://social.example");
        assert_eq!(sec["access_token"], "tok");
        let e = check(
            Kind::Webhook,
            &s(&[("url", "https://hooks.example/x")]),
            &s(&[("access_token", "tok")]),
            &[],
            &|_| false,
        )
        .unwrap_err();
        assert_eq!(
            e["secrets"], "error-channel-field-unknown",
            "a Mastodon token on a webhook"
        );
        assert!(
            !e.contains_key("signing_secret"),
            "a blank signing secret is made for the admin"
        );
        let e = check(
            Kind::Webhook,
            &s(&[("url", "https://hooks.example/x")]),
            &s(&[("signing_secret", "whsec-TOPSECRET")]),
            &[],
            &|_| false,
        )
        .unwrap_err();
        assert_eq!(e["signing_secret"], "error-webhook-secret");
        assert!(check(
            Kind::Webhook,
            &s(&[("url", "https://hooks.example/x")]),
            &s(&[("signing_secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]),
            &[],
            &|_| false,
        )
        .is_ok());
        assert!(
            check(Kind::Feed, &s(&[("title", "News")]), &s(&[]), &[], &|_| {
                false
            })
            .is_ok()
        );
    }

    #[test]
    fn a_blank_secret_keeps_the_stored_one() {
        let set = vec!["signing_secret".to_string()];
        let (_, sec) = check(
            Kind::Webhook,
            &s(&[("url", "https://hooks.example/x")]),
            &s(&[("signing_secret", "")]),
            &set,
            &|_| false,
        )
        .unwrap();
        assert!(sec.is_empty(), "nothing new to store");
    }

    #[test]
    fn values_are_checked_by_type() {
        let e = check(
            Kind::Newsletter,
            &s(&[("from_address", "not mail"), ("reply_to", "x@y")]),
            &s(&[("smtp_url", "smtp://u:p@mail")]),
            &[],
            &|_| false,
        )
        .unwrap_err();
        assert_eq!(e["from_address"], "error-email-invalid");
        let e = check(
            Kind::Mastodon,
            &s(&[
                ("instance_url", "http://plain.example"),
                ("max_characters", "lots"),
            ]),
            &s(&[("access_token", "t")]),
            &[],
            &|_| false,
        )
        .unwrap_err();
        assert_eq!(e["instance_url"], "error-https-url");
        assert_eq!(e["max_characters"], "error-number");
    }
}
