//! Admin pages: users and roles, departments, the audit log.

pub mod audit;
pub mod channels;
pub mod departments;
pub mod jobs;
pub mod mail;
pub mod subscribers;
pub mod users;
