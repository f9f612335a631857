//! `/publications`: what went out, what is waiting, and what needs a person — with retry and
//! "it is live" for the editors. The same actions as the API.

pub mod list;
pub mod settle;
