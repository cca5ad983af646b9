//! The limits of one analysis, in one place: inputs past them get a message
//! naming them, never a hang. Chosen so that the largest input allowed still
//! finishes in seconds on a laptop and fits a browser tab's memory.

/// One file: no news article is this long, and a 50 MB paste would otherwise
/// stall the page.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// All files of one analysis together, as given: saved pages are mostly
/// markup (about 180 KB a page for 10 KB of text), so this is generous.
pub const MAX_TOTAL_BYTES: usize = 256 * 1024 * 1024;

/// The decoded texts of one analysis together: what the analysis's time and
/// memory grow with.
pub const MAX_TOTAL_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Documents compared at once: the comparison's cost grows with their number.
pub const MAX_DOCUMENTS: usize = 1_000;

/// One line of decoded text: a paragraph is a few kilobytes; a longer line is
/// data (a minified script, a log), not an article.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Megabytes, for messages.
pub fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}
