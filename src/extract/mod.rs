//! Extractors: each reads one document's text and blocks and finds one kind
//! of thing. They never see other documents, except boilerplate, which is
//! told what lines other documents share.

pub mod boilerplate;
pub mod dates;
pub mod entities;
pub mod metadata;
pub mod quantities;
pub mod quotes;
pub mod title;

use std::ops::Range;

use crate::report::BoilerplateReason;

/// One line of a document with what boilerplate detection decided about it.
#[derive(Debug, Clone)]
pub struct Block {
    /// Byte range into the document's text.
    pub range: Range<usize>,
    /// `None` for article text (including the title and subheadings).
    pub boilerplate: Option<BoilerplateReason>,
}

impl Block {
    pub fn is_article(&self) -> bool {
        self.boilerplate.is_none()
    }
}
