//! Each user's own settings: display name, time zone, language, password.

pub mod notifications;
pub mod password;
pub mod settings;
