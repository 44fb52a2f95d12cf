//! A test seam: something to run in the gap between a save's staged write and its rename.

use std::path::Path;

type RenameHook = Box<dyn FnMut(&Path)>;

thread_local! {
    static BEFORE_RENAME: std::cell::RefCell<Option<RenameHook>> =
        const { std::cell::RefCell::new(None) };
}

/// Run `hook` on this thread each time a save has written its temporary file and is about to
/// look at the journal one last time before the rename (`None` removes it). For tests: it plays
/// the sync tool that writes the journal in that gap.
#[doc(hidden)]
pub fn set_before_rename_hook(hook: Option<RenameHook>) {
    BEFORE_RENAME.with(|cell| *cell.borrow_mut() = hook);
}

/// Run the hook set on this thread, if any, for a save of `path`.
pub(super) fn run_before_rename_hook(path: &Path) {
    // Taken out while it runs, so that a hook may itself save (without running again).
    let hook = BEFORE_RENAME.with(|cell| cell.borrow_mut().take());
    if let Some(mut hook) = hook {
        hook(path);
        BEFORE_RENAME.with(|cell| {
            cell.borrow_mut().get_or_insert(hook);
        });
    }
}
