//! The report's export: the format, paper and path, the native dialog, and the job that writes
//! the file off the frame.

use super::*;

impl ReportView {
    /// Why the export button is off, if it is.
    pub(super) fn cannot_export(&self, summary: Option<&Summary>) -> Option<&'static str> {
        if summary.is_none() {
            Some("Choose a period that can be read (above) to export.")
        } else if self.name_checked().is_err() || self.message_checked().is_err() {
            Some("Fix the name or the message above to export.")
        } else if self.path.trim().is_empty() {
            Some("Type where to save it, or choose a place.")
        } else {
            None
        }
    }

    pub(super) fn export_ui(
        &mut self,
        ui: &mut egui::Ui,
        summary: Option<&Arc<Summary>>,
        ctx: &mut ViewContext<'_>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Export as");
            for format in Format::ALL {
                if ui
                    .radio_value(&mut self.choices.format, format, format.label())
                    .changed()
                    && self.path_typed
                {
                    self.path = swap_extension(&self.path, format);
                }
            }
            if self.choices.format == Format::Pdf {
                ui.add_space(12.0);
                ui.label("Paper");
                ui.radio_value(&mut self.choices.paper, Paper::A4, "A4");
                ui.radio_value(&mut self.choices.paper, Paper::Letter, "US Letter");
            }
        });
        let exporting = ctx.jobs.exporting();
        let blocked = if exporting {
            Some("Exporting…")
        } else {
            self.cannot_export(summary.map(AsRef::as_ref))
        };
        let program = *self.dialog_program.get_or_insert_with(file_dialog::find);
        ui.horizontal(|ui| {
            let label = field_label(
                ui,
                labels::PATH,
                Some(if self.choices.format == Format::Csv {
                    "a folder"
                } else {
                    "a file"
                }),
            );
            // The path takes the width the buttons leave (as measured last frame).
            let buttons = self.buttons_width.unwrap_or(160.0);
            let field = ui
                .add(
                    TextEdit::singleline(&mut self.path)
                        .desired_width((ui.available_width() - buttons).max(120.0)),
                )
                .labelled_by(label.id);
            if field.changed() {
                self.path_typed = true;
            }
            let start = ui.cursor().min.x;
            if let Some(program) = program
                && ui
                    .add_enabled(self.dialog.is_none(), egui::Button::new("Choose…"))
                    .clicked()
            {
                self.dialog = Some(file_dialog::ask(
                    program,
                    Path::new(&self.path),
                    self.choices.format == Format::Csv,
                ));
            }
            let export = ui.add_enabled(
                blocked.is_none(),
                egui::Button::new(RichText::new(labels::EXPORT).strong()),
            );
            self.buttons_width =
                Some(export.rect.right() - start + ui.spacing().item_spacing.x + 2.0);
            if export.clicked()
                && let Some(summary) = summary
            {
                self.open_error = None;
                ctx.push(Command::Export(Box::new(self.export_job(summary, ctx))));
            }
        });
        if let Some(reason) = blocked {
            ui.label(RichText::new(reason).weak());
        }
        if exporting {
            return;
        }
        match ctx.jobs.last_export() {
            Some(Ok(path)) => {
                ui.label(format!("Saved to {}", path.display()));
                if ui.button("Open its folder").clicked() {
                    // A CSV export is a folder; the others are files in one.
                    let folder = if path.is_dir() {
                        path.clone()
                    } else {
                        path.parent().map(Path::to_path_buf).unwrap_or_default()
                    };
                    self.open_error = file_dialog::open_folder(&folder)
                        .err()
                        .map(|error| format!("Could not open {}: {error}", folder.display()));
                }
                if let Some(error) = &self.open_error {
                    error_text(ui, error);
                }
            }
            Some(Err(error)) => error_text(ui, error),
            None => {}
        }
    }

    pub(super) fn poll_dialog(&mut self) {
        if let Some(path) = file_dialog::chosen(&mut self.dialog) {
            self.path = path.display().to_string();
            self.path_typed = true;
        }
    }

    /// What the export button writes: the report with this name and message, made now, or the
    /// journal's CSV files.
    pub(super) fn export_job(&self, summary: &Summary, ctx: &ViewContext<'_>) -> ExportJob {
        let mut summary = summary.clone();
        summary.message = self.message.trim().to_owned();
        summary.name = Some(self.choices.name.trim().to_owned()).filter(|n| !n.is_empty());
        summary.made = ctx.clock.now();
        let range = (self.choices.period != PeriodChoice::Everything)
            .then(|| DayRange::new(summary.from, summary.to));
        let summary = Arc::new(summary);
        let content = match self.choices.format {
            Format::Pdf => ExportContent::Pdf(summary, self.choices.paper),
            Format::Markdown => ExportContent::Markdown(summary),
            Format::Json => ExportContent::Json(summary),
            Format::Csv => ExportContent::Csv(Box::new(ctx.journal.clone()), range),
        };
        ExportJob {
            content,
            target: PathBuf::from(self.path.trim()),
            journal_path: ctx.journal_path.to_path_buf(),
        }
    }
}

fn swap_extension(path: &str, format: Format) -> String {
    let mut path = PathBuf::from(path);
    if format == Format::Csv {
        path.set_extension("");
    } else {
        path.set_extension(format.extension());
    }
    path.display().to_string()
}
