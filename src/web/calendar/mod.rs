//! The editorial calendar: month, week and agenda views in the user's zone, and ICS feeds.

pub mod feeds;
pub mod ics;
pub mod view;
