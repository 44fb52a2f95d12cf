//! An empty eframe window, built with the same eframe version and features as painlog: the
//! yardstick for painlog's start-up time and memory (`scripts/startup.sh`).
//!
//! With `PAINLOG_EXIT_AFTER_FIRST_FRAME` set it closes once its first frame is on screen,
//! exactly as painlog does; `PAINLOG_RENDERER=glow|wgpu` picks eframe's renderer (wgpu, eframe's
//! default, without it).

fn main() -> eframe::Result {
    let exit_after_first_frame = std::env::var_os("PAINLOG_EXIT_AFTER_FIRST_FRAME").is_some();
    let renderer = match std::env::var("PAINLOG_RENDERER").as_deref() {
        Ok("glow") => eframe::Renderer::Glow,
        _ => eframe::Renderer::Wgpu,
    };
    let options = eframe::NativeOptions {
        renderer,
        viewport: egui::ViewportBuilder::default()
            .with_title("empty window")
            .with_inner_size([1100.0, 760.0]),
        persist_window: false,
        ..Default::default()
    };
    let mut frames = 0_u32;
    eframe::run_ui_native("empty window", options, move |ui, _frame| {
        frames += 1;
        if exit_after_first_frame && frames >= 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("An empty eframe window.");
        });
    })
}
