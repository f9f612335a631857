//! Plain types and rules with no database or HTTP: roles, route access, validation.

pub mod access;
pub mod channels;
pub mod departments;
pub mod html;
pub mod ideas;
pub mod inbox;
pub mod insights;
pub mod links;
pub mod metrics;
pub mod publications;
pub mod retry;
pub mod roles;
pub mod slots;
pub mod targets;
pub mod tone;
pub mod validate;
pub mod variants;
pub mod workflow;
