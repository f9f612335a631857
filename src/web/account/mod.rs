//! Each user's own settings: display name, time zone, language, password.

pub mod password;
pub mod settings;
