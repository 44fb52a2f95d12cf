//! painlog: a private, local journal of back and neck pain and massage sessions.
//!
//! The layers, lowest first: [`model`] (the journal's types), [`store`] (the journal file),
//! [`demo`] (a generated journal), [`cli`] (subcommands) and [`ui`] (the eframe app).
//! `model`, `store` and `demo` never touch egui.

pub mod analysis;
pub mod cli;
pub mod demo;
pub mod model;
pub mod report;
pub mod store;
pub mod ui;
