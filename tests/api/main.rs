//! Integration tests: one binary, each area a module; most run on SQLite and PostgreSQL.

mod helpers;
mod smtp;

mod access;
mod accounts;
mod adapters;
mod auth;
mod board;
mod browser;
mod channels;
mod cli;
mod csrf;
mod durability;
mod hardening;
mod health;
mod ideas;
mod ideas_api;
mod inbox;
mod insights;
mod jobs;
mod links;
mod metrics;
mod newsletter;
mod personal_data;
mod planning;
mod publishing;
mod reference;
mod schema;
mod search;
mod setup;
mod tokens;
mod xss;
