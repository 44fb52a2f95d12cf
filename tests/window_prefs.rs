//! The window remembers its size, view and choices in `window.ron` (eframe's own storage, in the
//! config folder) and reads them back in a new window: the real program in a real window on a
//! virtual display (Xvfb), with eframe's real file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::fs;
use std::process::Command;

use common::*;
use painlog::model::Journal;

/// Run painlog's window on `journal` with `config` as the config folder until its first frame is
/// painted; it then closes as a person closing it would (and eframe saves its storage).
fn open_and_close(journal: &std::path::Path, config: &std::path::Path) {
    let xvfb = Command::new("xvfb-run").arg("--help").output();
    assert!(
        xvfb.is_ok(),
        "this test opens a real window: it needs Xvfb (apt-get install xvfb xauth \
         libgl1-mesa-dri libegl1 libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2; .ci/run \
         installs them)"
    );
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x1024x24"])
        .arg(env!("CARGO_BIN_EXE_painlog"))
        .arg("--data")
        .arg(journal)
        .env("XDG_CONFIG_HOME", config)
        .env(painlog::ui::EXIT_AFTER_FIRST_FRAME_ENV, "1")
        .env_remove("PAINLOG_DATA")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the window opened and closed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn read_storage(path: &std::path::Path) -> HashMap<String, String> {
    ron::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn size_view_and_choices_come_back_in_a_new_window() {
    let (folder, journal) = journal_in_temp();
    let mut logged = Journal::new();
    logged.set_day(day("2026-06-01", 4));
    save(&journal, &logged);
    let config = folder.path().join("config");
    let file = config.join("painlog").join("window.ron");

    // A first run leaves window.ron, written by eframe.
    open_and_close(&journal, &config);
    let first = read_storage(&file);
    assert!(
        first["painlog_prefs"].contains("view:Day"),
        "{:?}",
        first["painlog_prefs"]
    );

    // As if the last window had been 900 × 650 on Trends (one year, sleep quality, k = 3,
    // m = 2) with a name for the report.
    let mut seeded = first.clone();
    seeded.insert(
        "painlog_prefs".to_owned(),
        "(view:Trends,window:3,min_days:2,metric:Sleep,trends:(range:Year,daily:false),\
         report:(name:\"Jane Doe\",period:Last30))"
            .to_owned(),
    );
    seeded.insert(
        "window".to_owned(),
        "(normal_geometry:(outer_position_pixels:None,scale_factor:1.0,\
         inner_size_points:(x:900.0,y:650.0)),fullscreen:false,maximized:false)"
            .to_owned(),
    );
    fs::write(&file, ron::to_string(&seeded).unwrap()).unwrap();

    // A new window reads them, and on closing writes back what it had: the same choices.
    open_and_close(&journal, &config);
    let after = read_storage(&file);
    let prefs = &after["painlog_prefs"];
    for kept in [
        "view:Trends",
        "window:3",
        "min_days:2",
        "metric:Sleep",
        "range:Year",
        "daily:false",
        "name:\"Jane Doe\"",
        "period:Last30",
    ] {
        assert!(prefs.contains(kept), "{kept} kept: {prefs}");
    }
    assert!(
        after["window"].contains("inner_size_points:(x:900.0,y:650.0)"),
        "the size is kept: {}",
        after["window"]
    );

    // What the window wrote itself (with every field, the metrics shown on the trend chart
    // among them) reads back too: a third window keeps the same choices. (The chart's metrics
    // were once written as a tuple that could not be read back, and every choice was lost.)
    assert!(prefs.contains("shown:["), "{prefs}");
    open_and_close(&journal, &config);
    let third = read_storage(&file);
    for kept in [
        "view:Trends",
        "metric:Sleep",
        "range:Year",
        "name:\"Jane Doe\"",
    ] {
        assert!(
            third["painlog_prefs"].contains(kept),
            "{kept} kept: {third:?}"
        );
    }
}
