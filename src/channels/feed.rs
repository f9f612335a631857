//! Atom/RSS: we serve the feed ourselves, so publishing is making the entry visible at its
//! time; feed readers fetch `/feeds/{channel}.atom` and `.rss`.

use super::{Adapter, Delivery, Env, Outcome};

pub struct Feed;

impl Adapter for Feed {
    async fn publish(&self, _env: &Env<'_>, d: &Delivery) -> Outcome {
        Outcome::Published {
            external_id: Some(format!("variant-{}", d.variant.id)),
            url: Some(format!("{}/feeds/{}.atom", d.base_url, d.channel_id)),
            http_status: None,
        }
    }
}
