//! An admin saves a channel (page or API): its settings checked for its kind, its secrets
//! sealed under the current key (a blank secret keeps the stored one), and a webhook without
//! a signing secret given one, shown once.

use crate::config::Config;
use crate::domain::channels::{self, Kind, Settings};
use crate::domain::ideas::{join_list, split_list};
use crate::domain::validate::{self, FieldErrors};
use crate::security;
use crate::store::channels::{Channel, ChannelWrite};

/// What saving a channel stores, and a secret Pressroom made for it, to show once.
pub struct Prepared {
    pub write: ChannelWrite,
    pub new_signing_secret: Option<String>,
}

/// Checks a channel's settings and seals its secrets; a blank secret keeps the stored one.
/// A webhook without a signing secret gets a new one.
pub fn prepare(
    config: &Config,
    kind: Kind,
    existing: Option<&Channel>,
    name: &str,
    plain: &Settings,
    secrets: &Settings,
    several_per_slot: bool,
) -> Result<Prepared, FieldErrors> {
    let mut errors = FieldErrors::new();
    validate::name(&mut errors, "name", name);
    let already: Vec<String> = existing
        .map(|c| split_list(&c.secrets_set))
        .unwrap_or_default();
    let plain_http_ok = |u: &str| config.allowed_hosts.allows_plain_http(u);
    let checked = channels::check(kind, plain, secrets, &already, &plain_http_ok);
    let (clean, new_secrets) = match checked {
        Ok(ok) if errors.is_empty() => ok,
        Ok(_) => return Err(errors),
        Err(e) => {
            errors.extend(e);
            return Err(errors);
        }
    };
    // Keep the stored secrets, replaced by those given now, and seal again with the current key.
    let mut all: Settings = existing
        .filter(|c| !c.secrets.is_empty())
        .and_then(|c| security::open(&config.keys(), &c.secrets).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    all.extend(new_secrets);
    let new_signing_secret = (kind == Kind::Webhook && !all.contains_key("signing_secret"))
        .then(security::new_webhook_secret);
    if let Some(s) = &new_signing_secret {
        all.insert("signing_secret".into(), s.clone());
    }
    let names: Vec<&String> = all.keys().collect();
    let write = ChannelWrite {
        name: name.trim().to_string(),
        config: serde_json::to_string(&clean).unwrap_or_else(|_| "{}".into()),
        secrets: if all.is_empty() {
            String::new()
        } else {
            security::seal(
                &config.secret_key,
                serde_json::to_string(&all).unwrap_or_default().as_bytes(),
            )
        },
        secrets_set: join_list(&names),
        several_per_slot,
    };
    Ok(Prepared {
        write,
        new_signing_secret,
    })
}
