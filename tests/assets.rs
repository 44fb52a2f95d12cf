//! The files painlog ships with: icon, desktop entry, font and its licence.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

fn asset(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

#[test]
fn the_window_icon_is_a_square_png() {
    let icon =
        eframe::icon_data::from_png_bytes(&std::fs::read(asset("icon.png")).unwrap()).unwrap();
    assert_eq!((icon.width, icon.height), (256, 256));
}

#[test]
fn the_desktop_entry_launches_painlog_with_its_icon() {
    let entry = std::fs::read_to_string(asset("painlog.desktop")).unwrap();
    for line in [
        "[Desktop Entry]",
        "Type=Application",
        "Name=painlog",
        "Exec=painlog",
        "Icon=painlog",
        "StartupWMClass=painlog",
    ] {
        assert!(entry.lines().any(|l| l == line), "missing {line}");
    }
}

#[test]
fn the_bundled_font_comes_with_its_licence() {
    assert!(
        std::fs::metadata(asset("fonts/DejaVuSans.ttf"))
            .unwrap()
            .len()
            > 100_000
    );
    let licence = std::fs::read_to_string(asset("fonts/DejaVu-LICENSE.txt")).unwrap();
    assert!(licence.contains("Bitstream"));
}
