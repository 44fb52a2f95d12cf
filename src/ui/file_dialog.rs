//! A native "save as" dialog where the desktop offers one (zenity or kdialog on Linux, the
//! system's own on macOS and Windows), run by its own program on another thread so the window
//! stays responsive. Where none is found the path field alone does the job.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::{Receiver, channel};

/// A dialog program this desktop has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogProgram {
    /// GNOME's and most desktops' zenity.
    Zenity,
    /// KDE's kdialog.
    Kdialog,
    /// macOS AppleScript.
    Osascript,
    /// Windows PowerShell.
    PowerShell,
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| folder.join(program).is_file())
    })
}

/// The dialog program to use here, if there is one (and a display to show it on).
pub fn find() -> Option<DialogProgram> {
    if cfg!(target_os = "macos") {
        return Some(DialogProgram::Osascript);
    }
    if cfg!(windows) {
        return Some(DialogProgram::PowerShell);
    }
    let has_display =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if !has_display {
        return None;
    }
    if on_path("zenity") {
        Some(DialogProgram::Zenity)
    } else if on_path("kdialog") {
        Some(DialogProgram::Kdialog)
    } else {
        None
    }
}

/// Ask where to save, starting at `suggested`; `folder` asks for a folder. The answer (None when
/// cancelled) arrives on the returned channel.
pub fn ask(program: DialogProgram, suggested: &Path, folder: bool) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = channel();
    let suggested = suggested.to_path_buf();
    std::thread::spawn(move || {
        // The view may have gone (the window closed) while the dialog was open; then nobody
        // waits for the answer.
        let _ = sender.send(run(program, &suggested, folder));
    });
    receiver
}

fn run(program: DialogProgram, suggested: &Path, folder: bool) -> Option<PathBuf> {
    let shown = suggested.display().to_string();
    let mut command = match program {
        DialogProgram::Zenity => {
            let mut c = Command::new("zenity");
            c.args([
                "--file-selection",
                "--title=Export painlog report",
                &format!("--filename={shown}"),
            ]);
            if folder {
                c.arg("--directory");
            } else {
                c.args(["--save", "--confirm-overwrite"]);
            }
            c
        }
        DialogProgram::Kdialog => {
            let mut c = Command::new("kdialog");
            if folder {
                c.args(["--getexistingdirectory", &shown]);
            } else {
                c.args(["--getsavefilename", &shown]);
            }
            c
        }
        DialogProgram::Osascript => {
            let mut c = Command::new("osascript");
            let script = if folder {
                "POSIX path of (choose folder with prompt \"Export painlog CSV to\")".to_owned()
            } else {
                let name = suggested
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                format!(
                    "POSIX path of (choose file name with prompt \"Export painlog report\" default name \"{name}\")"
                )
            };
            c.args(["-e", &script]);
            c
        }
        DialogProgram::PowerShell => {
            let mut c = Command::new("powershell");
            let script = if folder {
                "Add-Type -AssemblyName System.Windows.Forms; $d = New-Object System.Windows.Forms.FolderBrowserDialog; if ($d.ShowDialog() -eq 'OK') { $d.SelectedPath }".to_owned()
            } else {
                format!(
                    "Add-Type -AssemblyName System.Windows.Forms; $d = New-Object System.Windows.Forms.SaveFileDialog; $d.FileName = '{}'; if ($d.ShowDialog() -eq 'OK') {{ $d.FileName }}",
                    shown.replace('\'', "''")
                )
            };
            c.args(["-NoProfile", "-Command", &script]);
            c
        }
    };
    let output = command.output().ok()?;
    let chosen = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    (output.status.success() && !chosen.is_empty()).then(|| PathBuf::from(chosen))
}

/// The path a dialog opened with [`ask`] gave, once it has closed: the dialog is let go when
/// it has answered (or died), and `None` is said while it is open or when it was cancelled.
pub fn chosen(dialog: &mut Option<Receiver<Option<PathBuf>>>) -> Option<PathBuf> {
    let receiver = dialog.as_ref()?;
    match receiver.try_recv() {
        Ok(chosen) => {
            *dialog = None;
            chosen
        }
        Err(std::sync::mpsc::TryRecvError::Disconnected) => {
            *dialog = None;
            None
        }
        Err(std::sync::mpsc::TryRecvError::Empty) => None,
    }
}

/// Open a folder in the desktop's file manager.
pub fn open_folder(folder: &Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    Command::new(program).arg(folder).spawn().map(|_| ())
}
