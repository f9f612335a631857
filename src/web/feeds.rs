//! `/feeds/{channel}.atom` and `.rss`: a feed channel's published variants, newest first,
//! written with the `atom_syndication` and `rss` crates. ETag and Last-Modified let readers
//! poll cheaply.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, FixedOffset, NaiveDateTime, Timelike};
use sha2::{Digest, Sha256};

use crate::domain::channels::{Kind, Settings};
use crate::domain::links;
use crate::error::AppError;
use crate::store;
use crate::store::publications::FeedEntry;
use crate::web::context::Ctx;
use crate::web::markdown::to_safe_html;

const ENTRIES: i64 = 50;

fn fixed(t: NaiveDateTime) -> DateTime<FixedOffset> {
    t.and_utc().fixed_offset()
}

fn entry_time(e: &FeedEntry) -> NaiveDateTime {
    e.published_at.unwrap_or(e.scheduled_at)
}

struct FeedInfo {
    title: String,
    description: String,
    self_url: String,
    home: String,
    base_url: String,
    updated: NaiveDateTime,
}

fn entry_id(base_url: &str, channel: i64, variant: i64) -> String {
    format!("{base_url}/feeds/{channel}/variants/{variant}")
}

fn atom(info: &FeedInfo, channel: i64, entries: &[FeedEntry]) -> String {
    use atom_syndication::{Content, Entry, Feed, Link, Text};
    let mut feed = Feed::default();
    feed.set_title(Text::plain(info.title.clone()));
    if !info.description.is_empty() {
        feed.set_subtitle(Some(Text::plain(info.description.clone())));
    }
    feed.set_id(info.self_url.clone());
    feed.set_updated(fixed(info.updated));
    let mut me = Link::default();
    me.set_href(info.self_url.clone());
    me.set_rel("self");
    let mut home = Link::default();
    home.set_href(info.home.clone());
    feed.set_links(vec![me, home]);
    feed.set_entries(
        entries
            .iter()
            .map(|e| {
                let mut entry = Entry::default();
                entry.set_id(entry_id(&info.base_url, channel, e.variant_id));
                entry.set_title(Text::plain(e.subject.clone()));
                entry.set_updated(fixed(entry_time(e)));
                entry.set_published(Some(fixed(entry_time(e))));
                if !e.link.is_empty() {
                    let mut l = Link::default();
                    l.set_href(e.link.clone());
                    l.set_rel("alternate");
                    entry.set_links(vec![l]);
                }
                let mut content = Content::default();
                content.set_content_type(Some("html".to_string()));
                content.set_value(Some(to_safe_html(&e.text)));
                content.set_lang(Some(e.language.clone()));
                entry.set_content(Some(content));
                entry
            })
            .collect::<Vec<_>>(),
    );
    feed.to_string()
}

fn rss(info: &FeedInfo, channel: i64, entries: &[FeedEntry]) -> String {
    use rss::{Channel, Guid, Item};
    let mut ch = Channel::default();
    ch.set_title(info.title.clone());
    ch.set_link(info.home.clone());
    ch.set_description(if info.description.is_empty() {
        info.title.clone()
    } else {
        info.description.clone()
    });
    ch.set_last_build_date(Some(fixed(info.updated).to_rfc2822()));
    ch.set_items(
        entries
            .iter()
            .map(|e| {
                let mut item = Item::default();
                item.set_title(Some(e.subject.clone()));
                if !e.link.is_empty() {
                    item.set_link(Some(e.link.clone()));
                }
                item.set_description(Some(to_safe_html(&e.text)));
                let mut guid = Guid::default();
                guid.set_value(entry_id(&info.base_url, channel, e.variant_id));
                guid.set_permalink(false);
                item.set_guid(Some(guid));
                item.set_pub_date(Some(fixed(entry_time(e)).to_rfc2822()));
                item
            })
            .collect::<Vec<_>>(),
    );
    ch.to_string()
}

pub async fn serve(
    ctx: Ctx,
    req: HttpRequest,
    file: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (id, format) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !matches!(format, "atom" | "rss") {
        return Err(AppError::NotFound);
    }
    let (channel, mut entries, codes) = ctx
        .db(move |c| {
            let ch = store::channels::find(c, id)?.ok_or(AppError::NotFound)?;
            if Kind::parse(&ch.kind) != Some(Kind::Feed) {
                return Err(AppError::NotFound);
            }
            let entries = store::publications::feed_entries(c, id, ENTRIES)?;
            let ids: Vec<i64> = entries.iter().map(|e| e.publication_id).collect();
            Ok((ch, entries, store::links::codes_of(c, &ids)?))
        })
        .await?;
    // Readers follow the tracked links made when each entry was published.
    for e in &mut entries {
        if let Some(codes) = codes.get(&e.publication_id) {
            (e.text, e.link) =
                links::tracked_post(&e.text, &e.link, &ctx.state.config.base_url, |url| {
                    codes.get(url).map(String::as_str)
                });
        }
    }
    let config: Settings = serde_json::from_str(&channel.config).unwrap_or_default();
    let base = ctx.state.config.base_url.clone();
    let updated = entries
        .iter()
        .map(entry_time)
        .max()
        .unwrap_or(channel.created_at);
    let info = FeedInfo {
        title: config.get("title").cloned().unwrap_or(channel.name.clone()),
        description: config.get("description").cloned().unwrap_or_default(),
        self_url: format!("{base}/feeds/{id}.{format}"),
        home: base.clone(),
        base_url: base,
        updated,
    };
    let (body, content_type) = match format {
        "atom" => (
            atom(&info, id, &entries),
            "application/atom+xml; charset=utf-8",
        ),
        _ => (
            rss(&info, id, &entries),
            "application/rss+xml; charset=utf-8",
        ),
    };
    let etag = format!(
        "\"{}\"",
        crate::security::hex(&Sha256::digest(body.as_bytes())[..12])
    );
    let last_modified = httpdate::fmt_http_date(std::time::SystemTime::from(updated.and_utc()));
    let fresh = match req.headers().get(header::IF_NONE_MATCH) {
        Some(tags) => tags
            .to_str()
            .is_ok_and(|t| t.split(',').any(|x| x.trim() == etag || x.trim() == "*")),
        None => req
            .headers()
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .is_some_and(|since| {
                since
                    >= std::time::SystemTime::from(
                        updated
                            .and_utc()
                            .with_nanosecond(0)
                            .unwrap_or(updated.and_utc()),
                    )
            }),
    };
    let mut res = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::LAST_MODIFIED, last_modified))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"));
    if fresh {
        return Ok(res.finish());
    }
    Ok(res.content_type(content_type).body(body))
}
