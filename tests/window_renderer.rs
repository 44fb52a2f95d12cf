//! The window opens on either renderer, and when the first cannot start it opens on the other by
//! itself: the real program in a real window on a virtual display (Xvfb).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Command, Output};

use common::*;
use painlog::model::Journal;

/// Open the window on a small journal until its first frame is painted, with `extra` arguments
/// and environment.
fn open_window(args: &[&str], env: &[(&str, &str)]) -> Output {
    assert!(
        Command::new("xvfb-run").arg("--help").output().is_ok(),
        "this test opens a real window: it needs Xvfb (.ci/run installs it)"
    );
    let (folder, journal) = journal_in_temp();
    let mut logged = Journal::new();
    logged.set_day(day("2026-06-01", 4));
    save(&journal, &logged);
    let mut command = Command::new("xvfb-run");
    command
        .args(["-a", "-s", "-screen 0 1280x1024x24"])
        .arg(env!("CARGO_BIN_EXE_painlog"))
        .arg("--data")
        .arg(&journal)
        .args(args)
        .env("XDG_CONFIG_HOME", folder.path().join("config"))
        .env(painlog::ui::EXIT_AFTER_FIRST_FRAME_ENV, "1")
        .env_remove("PAINLOG_DATA")
        .env_remove(painlog::ui::RENDERER_ENV)
        .env_remove(painlog::ui::FAIL_RENDERER_ENV);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn either_renderer_opens_the_window_when_asked_for() {
    for name in ["glow", "wgpu"] {
        let output = open_window(&["--renderer", name], &[]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert!(
            !stderr(&output).contains("could not start"),
            "{name} started: {}",
            stderr(&output)
        );
        // The environment variable chooses as the option does.
        let output = open_window(&[], &[(painlog::ui::RENDERER_ENV, name)]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
    }
}

#[test]
fn when_the_first_renderer_cannot_start_the_other_takes_over() {
    // The preferred renderer fails, as on a machine without it.
    let first = painlog::ui::Renderer::preferred();
    let output = open_window(&[], &[(painlog::ui::FAIL_RENDERER_ENV, first.name())]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains(&format!("the {first} renderer could not start"))
            && said.contains(&format!("using {} instead", first.other())),
        "{said}"
    );
    // Asked for by name, the same.
    let output = open_window(
        &["--renderer", "wgpu"],
        &[(painlog::ui::FAIL_RENDERER_ENV, "wgpu")],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("using glow instead"));
}

#[test]
fn an_unknown_renderer_is_refused_in_words() {
    let output = painlog_command()
        .args(["--renderer", "vulkan"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("must be glow or wgpu, not \"vulkan\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_start_up_trace_names_every_stage_in_order() {
    // scripts/startup.sh reads these lines to say where start-up goes.
    let output = open_window(&[], &[(painlog::ui::STARTUP_TRACE_ENV, "1")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stages: Vec<(&str, f64)> = stdout
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some("startup")).then(|| {
                let stage = words.next().unwrap();
                (stage, words.next().unwrap().parse().unwrap())
            })
        })
        .collect();
    let names: Vec<&str> = stages.iter().map(|(stage, _)| *stage).collect();
    for stage in [
        "launch",
        "journal-opened",
        "window-ready",
        "app-ready",
        "first-frame-begun",
        "first-frame-built",
        "first-frame-presented",
    ] {
        assert!(names.contains(&stage), "{stage} in {names:?}");
    }
    // On the main thread, in order (the journal is opened on a thread of its own).
    let main: Vec<&(&str, f64)> = stages
        .iter()
        .filter(|(stage, _)| *stage != "journal-opened")
        .collect();
    assert!(
        main.windows(2).all(|pair| pair[0].1 <= pair[1].1),
        "{main:?}"
    );
    let at = |name: &str| stages.iter().find(|(stage, _)| *stage == name).unwrap().1;
    assert!(at("journal-opened") <= at("app-ready"), "{stages:?}");
    // Without the variable, nothing is written.
    let quiet = open_window(&[], &[]);
    assert!(!String::from_utf8_lossy(&quiet.stdout).contains("startup "));
}
