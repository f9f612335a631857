//! CSS, scripts and icons, embedded in the binary.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

#[derive(rust_embed::Embed)]
#[folder = "static/"]
struct Assets;

pub async fn serve(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let Some(file) = Assets::get(&path) else {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    };
    let etag = format!(
        "\"{}\"",
        crate::security::hex(&file.metadata.sha256_hash()[..12])
    );
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == etag);
    let mut res = if matches {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::CONTENT_TYPE, file.metadata.mimetype()))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"));
    if matches {
        res.finish()
    } else {
        res.body(file.data.into_owned())
    }
}
