//! Reading a file painlog did not necessarily write: only regular files, never blocking on a
//! pipe or device, and never more than a limit.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _};
use std::path::Path;

/// The largest journal painlog reads: 256 MiB, about 300 times a 20-year journal. A larger file
/// is refused before it is read.
pub const MAX_JOURNAL_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a regular file (a folder, a named pipe, a device, a socket) or over the size limit:
    /// refused without reading it.
    #[error("{0}")]
    Refused(String),
    /// The file system refused.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// "a folder", "a named pipe (FIFO)", …, or `None` for a regular file.
fn not_a_file(meta: &fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// "1.0 GiB", "300 MiB", "12 KiB".
pub fn describe_size(bytes: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "a size shown to one decimal")]
    let size = bytes as f64;
    if bytes >= 1 << 30 {
        format!("{:.1} GiB", size / f64::from(1_u32 << 30))
    } else if bytes >= 1 << 20 {
        format!("{:.0} MiB", size / f64::from(1_u32 << 20))
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}

fn check(meta: &fs::Metadata, limit: u64) -> Result<(), ReadError> {
    if let Some(what) = not_a_file(meta) {
        return Err(ReadError::Refused(format!(
            "it is {what}, not a regular file, so painlog does not read it"
        )));
    }
    if meta.len() > limit {
        return Err(ReadError::Refused(format!(
            "it is {}, more than the {} painlog reads, so it cannot be a painlog file; \
             painlog has not read it",
            describe_size(meta.len()),
            describe_size(limit)
        )));
    }
    Ok(())
}

/// Open `path` for reading without blocking (a named pipe opened for reading waits for a writer).
pub(crate) fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the regular file at `path`, or `None` when there is no file. A folder, pipe,
/// device or socket is refused at once, without opening it for long or waiting on it; so is a
/// file over `limit` bytes, without reading it. Memory used is proportional to the file.
pub fn read_limited(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
    match fs::metadata(path) {
        Ok(meta) => check(&meta, limit)?,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error.into()),
    }
    let file = match open_nonblocking(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    // The path may have been replaced between the look and the open: check what was opened.
    let meta = file.metadata()?;
    check(&meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        // It grew while being read.
        return Err(ReadError::Refused(format!(
            "it grew past the {} painlog reads while being read; painlog has not used it",
            describe_size(limit)
        )));
    }
    Ok(Some(bytes))
}

/// [`read_limited`] with the journal's limit, for a file that must exist.
pub fn read_existing(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited(path, limit)?.ok_or_else(|| io::Error::from(io::ErrorKind::NotFound).into())
}
