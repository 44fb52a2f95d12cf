//! An empty eframe window, built with the same eframe version and features as painlog: the
//! yardstick for painlog's start-up time and memory (`scripts/startup.sh`).
//!
//! With `PAINLOG_STARTUP_TRACE` set it writes the start-up stages painlog writes (where it has
//! them). With `PAINLOG_EXIT_AFTER_FIRST_FRAME` set it closes once its first frame is on screen,
//! exactly as painlog does, saying on stdout when it was presented; `PAINLOG_RENDERER=glow|wgpu` picks eframe's renderer (wgpu, eframe's
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
    let trace = std::env::var_os("PAINLOG_STARTUP_TRACE").is_some();
    let mark = move |stage: &str| {
        if trace {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |since| since.as_secs_f64());
            println!("startup {stage} {now:.6}");
        }
    };
    mark("launch");
    eframe::run_ui_native("empty window", options, move |ui, _frame| {
        let frame = ui.ctx().cumulative_frame_nr();
        if frame == 0 && ui.ctx().current_pass_index() == 0 {
            // The stages painlog reports (PAINLOG_STARTUP_TRACE), where an empty window has them.
            mark("window-ready");
            mark("first-frame-begun");
        }
        if exit_after_first_frame && frame >= 1 {
            if frame == 1 && ui.ctx().current_pass_index() == 0 {
                // As painlog reports it: the first frame is on screen when the second starts.
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0.0, |since| since.as_secs_f64());
                println!("first-frame-presented {now:.6}");
                mark("first-frame-presented");
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("An empty eframe window.");
        });
        if frame == 0 {
            mark("first-frame-built");
        }
    })
}
