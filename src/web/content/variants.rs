//! Adding a variant (channel × language) to a piece, and saving a variant's texts.

use actix_web::{web, HttpResponse};

use super::{load, load_variant};
use crate::domain::ideas::LANGUAGES;
use crate::domain::variants::Image;
use crate::error::AppError;
use crate::store;
use crate::store::content::VariantWrite;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

pub async fn add(ctx: Ctx, id: web::Path<i64>, form: FormPairs) -> Result<HttpResponse, AppError> {
    let (content, _) = load(&ctx, *id).await?;
    let channel_id: i64 = form
        .one("channel_id")
        .parse()
        .map_err(|_| AppError::BadRequest("channel_id".into()))?;
    let language = form.one("language");
    if !LANGUAGES.contains(&language.as_str()) {
        return super::render(&ctx, content.id, None).await;
    }
    let cid = content.id;
    let added = ctx
        .db(move |c| {
            store::channels::find(c, channel_id)?.ok_or(AppError::Invalid(
                [("channel_id", "error-channel-unknown")]
                    .into_iter()
                    .collect(),
            ))?;
            Ok(store::content::add_variant(
                c, cid, channel_id, &language, "",
            )?)
        })
        .await?;
    let flash = if added.is_some() {
        "flash-variant-added"
    } else {
        "flash-variant-exists"
    };
    Ok(redirect_with_flash(&ctx, &format!("/content/{cid}"), flash))
}

/// Images as typed: one per line, "URL | alt text".
pub fn parse_images(text: &str) -> Vec<Image> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (url, alt) = l.split_once('|').unwrap_or((l, ""));
            Image {
                url: url.trim().to_string(),
                alt: alt.trim().to_string(),
            }
        })
        .collect()
}

pub async fn update(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (v, _) = load_variant(&ctx, *id).await?;
    let (text, link, subject, preheader) = (
        form.one("text"),
        form.one("link"),
        form.one("subject"),
        form.one("preheader"),
    );
    let images = parse_images(&form.one("images"));
    let l = link.trim();
    let bad_link = !(l.is_empty() || l.starts_with("https://") || l.starts_with("http://"));
    if bad_link || text.chars().count() > 20_000 {
        let message = ctx.t(if bad_link {
            "error-link-invalid"
        } else {
            "error-too-long"
        });
        return super::render(
            &ctx,
            v.content_id,
            Some(super::VariantError {
                variant_id: v.id,
                message,
            }),
        )
        .await;
    }
    let vid = v.id;
    ctx.db(move |c| {
        let w = VariantWrite {
            text: &text,
            link: &link,
            subject: &subject,
            preheader: &preheader,
            images: &images,
        };
        Ok(store::content::update_variant(c, vid, &w)?)
    })
    .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/content/{}#variant-{vid}", v.content_id),
        "flash-variant-saved",
    ))
}
