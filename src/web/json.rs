//! JSON bodies of the API. serde reads a JSON array into a struct field by field, so `["x"]`
//! would pass as `{"text": "x"}` and `[81]` as `{"channel_id": 81}`: a body must be an object.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::AppError;

pub struct JsonObject<T>(pub T);

impl<T> JsonObject<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for JsonObject<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonObject<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<JsonObject<T>, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // The app's JsonConfig (size limit, 415, 400) applies as for any JSON body.
        let body = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(value) = body.await?;
            Ok(JsonObject(object(value)?))
        })
    }
}

/// A body that may be left out (no bytes), but when it is there, is a JSON object of `T`.
pub fn optional_object<T: DeserializeOwned>(body: &[u8]) -> Result<Option<T>, AppError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| AppError::BadRequest(format!("Json deserialize error: {e}")))?;
    object(value).map(Some)
}

/// `T` from a JSON value that must be an object.
fn object<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    if !value.is_object() {
        return Err(AppError::BadRequest(
            "the body must be a JSON object".into(),
        ));
    }
    serde_json::from_value(value)
        .map_err(|e| AppError::BadRequest(format!("Json deserialize error: {e}")))
}
