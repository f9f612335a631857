//! Form bodies with repeated fields (checkbox groups), which `web::Form` cannot read into lists.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};

use crate::error::AppError;

pub struct FormPairs(Vec<(String, String)>);

impl FormPairs {
    /// The first value of `key`, or "".
    pub fn one(&self, key: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

impl FromRequest for FormPairs {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<FormPairs, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !is_form {
                return Err(AppError::UnsupportedMediaType);
            }
            let bytes = body
                .await
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
            serde_urlencoded::from_bytes(&bytes)
                .map(FormPairs)
                .map_err(|e| AppError::BadRequest(e.to_string()))
        })
    }
}
