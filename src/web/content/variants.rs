//! Adding a variant (channel × language) to a piece, and saving a variant's texts.

use actix_web::{web, HttpResponse};

use super::{load, load_variant};
use crate::actions::add_variant::add_variant;
use crate::actions::edit_variant::{edit_variant, VariantTexts};
use crate::actions::ActionError;
use crate::domain::variants::Image;
use crate::error::AppError;
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
    let cid = content.id;
    let added = ctx
        .db(move |c| {
            Ok(add_variant(
                c,
                cid,
                channel_id,
                &language,
                &VariantTexts::default(),
            ))
        })
        .await?;
    let flash = match added {
        Ok(_) => "flash-variant-added",
        Err(ActionError::Invalid(f)) if f.get("language") == Some(&"flash-variant-exists") => {
            "flash-variant-exists"
        }
        Err(ActionError::Invalid(f)) if f.contains_key("language") => {
            return super::render(&ctx, cid, None).await
        }
        Err(e) => return Err(e.into()),
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
    let texts = VariantTexts {
        text: form.one("text"),
        link: form.one("link"),
        subject: form.one("subject"),
        preheader: form.one("preheader"),
        images: parse_images(&form.one("images")),
    };
    let vid = v.id;
    match ctx.db(move |c| Ok(edit_variant(c, vid, &texts))).await? {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            &format!("/content/{}#variant-{vid}", v.content_id),
            "flash-variant-saved",
        )),
        Err(ActionError::Invalid(f)) => {
            let key = f.values().next().copied().unwrap_or("error-invalid");
            super::render(
                &ctx,
                v.content_id,
                Some(super::VariantError {
                    variant_id: v.id,
                    message: ctx.t(key),
                }),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
