//! From raw bytes to analyzable text: decoding, HTML to text, normalization,
//! quote marks, and segmentation into blocks, sentences and words.

pub mod decode;
pub mod html;
pub mod normalize;
pub mod offsets;
pub mod quote_marks;
pub mod scan;
pub mod segment;
pub mod words;
