//! Tracked links: which links of a variant are tracked, the target with its UTM parameters,
//! who counts as a bot, and the daily visitor hash that stands in for an address.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

/// The UTM parameters a tracked link adds to its target, so the site's own analytics see
/// where a visit came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Utm {
    /// The channel's name.
    pub source: String,
    /// What kind of channel: `social`, `email`, `feed` or `webhook`.
    pub medium: &'static str,
    /// The idea's pillar or campaign (`pressroom` when it has none).
    pub campaign: String,
    /// `variant-{id}`.
    pub content: String,
}

/// The medium of a channel kind as analytics tools group traffic.
pub fn medium(kind: &str) -> &'static str {
    match kind {
        "mastodon" => "social",
        "newsletter" => "email",
        "feed" => "feed",
        _ => "webhook",
    }
}

/// The target of a tracked link: `url` with the UTM parameters added after its own query
/// (parameters the author set already are kept as written). `None` for what is not an
/// `http(s)` address, which is then left as it is.
pub fn with_utm(url: &str, utm: &Utm) -> Option<String> {
    let mut parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return None;
    }
    let own: Vec<String> = parsed.query_pairs().map(|(k, _)| k.into_owned()).collect();
    let wanted = [
        ("utm_source", utm.source.as_str()),
        ("utm_medium", utm.medium),
        ("utm_campaign", utm.campaign.as_str()),
        ("utm_content", utm.content.as_str()),
    ];
    {
        let mut q = parsed.query_pairs_mut();
        for (k, v) in wanted {
            if !own.iter().any(|o| o == k) {
                q.append_pair(k, v);
            }
        }
    }
    Some(parsed.into())
}

/// The `http(s)` links written in a text, in order, each once.
pub fn links_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = vec![];
    for l in url_finder().links(text) {
        let s = l.as_str();
        if is_web(s) && !found.iter().any(|f| f == s) {
            found.push(s.to_string());
        }
    }
    found
}

/// `text` with each `http(s)` link replaced by what `short` gives for it (kept where it
/// gives nothing).
pub fn rewrite(text: &str, short: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    for span in url_finder().spans(text) {
        let s = span.as_str();
        match span.kind() {
            Some(_) if is_web(s) => out.push_str(&short(s).unwrap_or_else(|| s.to_string())),
            _ => out.push_str(s),
        }
    }
    out
}

/// A tracked link's address.
pub fn short_url(base_url: &str, code: &str) -> String {
    format!("{}/l/{code}", base_url.trim_end_matches('/'))
}

/// A post's text and link as readers get them: each link that has a code (`code_of` the link
/// as written) replaced by its tracked link, the rest as written.
pub fn tracked_post<'a>(
    text: &str,
    link: &str,
    base_url: &str,
    code_of: impl Fn(&str) -> Option<&'a str>,
) -> (String, String) {
    let short = |url: &str| code_of(url).map(|code| short_url(base_url, code));
    (
        rewrite(text, short),
        short(link).unwrap_or_else(|| link.to_string()),
    )
}

fn url_finder() -> linkify::LinkFinder {
    let mut f = linkify::LinkFinder::new();
    f.kinds(&[linkify::LinkKind::Url]);
    f
}

fn is_web(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

static BOTS: LazyLock<isbot::Bots> = LazyLock::new(isbot::Bots::default);

/// A click that no person made: a known bot or link previewer, a request without a browser's
/// user agent, a HEAD request (previewers check the target), or a browser's prefetch.
pub fn is_bot(user_agent: Option<&str>, head: bool, prefetch: bool) -> bool {
    head || prefetch || user_agent.is_none_or(|ua| ua.trim().is_empty() || BOTS.is_bot(ua))
}

/// Stands in for a visitor for one day: a hash of the day's salt, the address and the
/// browser. Once the salt is forgotten the hash leads back to no one (as Plausible counts).
pub fn visitor_hash(salt: &str, address: &str, user_agent: &str) -> String {
    let mut h = Sha256::new();
    for part in [salt, address, user_agent] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    crate::security::hex(&h.finalize()[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utm() -> Utm {
        Utm {
            source: "Pressroom Mastodon".into(),
            medium: "social",
            campaign: "Tips & tricks".into(),
            content: "variant-7".into(),
        }
    }

    #[test]
    fn targets_keep_their_own_query_and_fragment() {
        assert_eq!(
            with_utm("https://example.ch/a?x=1&utm_source=mine#top", &utm()).unwrap(),
            "https://example.ch/a?x=1&utm_source=mine&utm_medium=social\
             &utm_campaign=Tips+%26+tricks&utm_content=variant-7#top"
        );
        assert_eq!(
            with_utm("http://example.ch", &utm()).unwrap(),
            "http://example.ch/?utm_source=Pressroom+Mastodon&utm_medium=social\
             &utm_campaign=Tips+%26+tricks&utm_content=variant-7"
        );
        for not_web in [
            "mailto:a@example.ch",
            "ftp://example.ch/x",
            "/relative",
            "",
            "https://",
        ] {
            assert_eq!(with_utm(not_web, &utm()), None, "{not_web}");
        }
    }

    #[test]
    fn links_are_found_and_rewritten_with_their_punctuation_left_alone() {
        let text = "Read (https://example.ch/a?b=1). Also https://example.ch/a?b=1, \
                    mail info@example.ch or ftp://x.ch; www.example.ch stays.";
        assert_eq!(links_in(text), ["https://example.ch/a?b=1"]);
        let out = rewrite(text, |u| Some(format!("<{}>", u.len())));
        assert_eq!(
            out,
            "Read (<24>). Also <24>, mail info@example.ch or ftp://x.ch; www.example.ch stays."
        );
        assert_eq!(rewrite("no links", |_| None), "no links");
        let (text, link) = tracked_post(
            "See https://a.ch and https://b.ch",
            "https://a.ch",
            "https://desk.example/",
            |u| (u == "https://a.ch").then_some("Abc123"),
        );
        assert_eq!(text, "See https://desk.example/l/Abc123 and https://b.ch");
        assert_eq!(link, "https://desk.example/l/Abc123");
        let (_, untracked) = tracked_post("", "https://b.ch", "https://desk.example", |_| None);
        assert_eq!(untracked, "https://b.ch");
    }

    #[test]
    fn bots_previews_and_prefetches_are_told_from_people() {
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert!(!is_bot(Some(firefox), false, false));
        assert!(is_bot(Some(firefox), true, false), "HEAD");
        assert!(is_bot(Some(firefox), false, true), "prefetch");
        for ua in [
            "Googlebot/2.1 (+http://www.google.com/bot.html)",
            "facebookexternalhit/1.1",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Mastodon/4.3.0 (http.rb/5.2.0; +https://mastodon.social/) Bot",
            "curl/8.5.0",
            "",
        ] {
            assert!(is_bot(Some(ua), false, false), "{ua}");
        }
        assert!(is_bot(None, false, false));
    }

    #[test]
    fn visitor_hashes_change_with_the_salt_and_hide_the_address() {
        let a = visitor_hash("salt-1", "203.0.113.9", "Firefox");
        assert_eq!(a, visitor_hash("salt-1", "203.0.113.9", "Firefox"));
        assert_ne!(a, visitor_hash("salt-2", "203.0.113.9", "Firefox"));
        assert_ne!(a, visitor_hash("salt-1", "203.0.113.10", "Firefox"));
        assert_eq!(a.len(), 32);
        assert!(!a.contains("203"));
    }
}
