//! painlog: a private, local journal of back and neck pain and massage sessions.
//!
//! The layers, lowest first (ARCHITECTURE.md has a paragraph on each):
//! - [`model`]: the journal's types and their rules;
//! - [`store`]: the journal file (reading safely, atomic saves, backups, the lock, merging);
//! - [`demo`]: generated journals;
//! - [`analysis`]: numbers and series from the journal (before and after, trends);
//! - [`report`]: the therapist's summary (PDF, Markdown, JSON), its wording, and CSV;
//! - [`cli`]: the subcommands;
//! - [`ui`]: the eframe window.
//!
//! Arrows point down only: `model`, `store`, `demo`, `analysis` and `report` never touch egui.

pub mod analysis;
pub mod cli;
pub mod demo;
pub mod model;
pub mod report;
pub mod store;
pub mod ui;
