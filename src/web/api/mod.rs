//! The JSON API under `/api/v1/` (Bearer tokens) and its OpenAPI document.

pub mod channels;
pub mod content;
pub mod ideas;
pub mod inbox;
pub mod me;
pub mod metrics;
pub mod openapi;
pub mod publications;
