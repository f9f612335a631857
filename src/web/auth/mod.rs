//! First-run set-up, login and logout.

pub mod login;
pub mod logout;
pub mod setup;
