//! Input errors: each names the file and where in it, in one line.

use std::fmt;

/// Where in an input an error was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// 1-based line.
    Line(usize),
    /// 0-based byte offset.
    Offset(usize),
    /// The whole file.
    File,
}

/// An input that could not be read: the file, where in it, and why, written on one line
/// (`data/x.jsonl:14: record has no "text" field`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The input's name.
    pub file: String,
    /// Where in it.
    pub at: Location,
    /// What is wrong, on one line.
    pub message: String,
}

impl InputError {
    /// An error in `file` at `at`; line breaks in `message` become spaces.
    pub fn new(file: impl Into<String>, at: Location, message: impl Into<String>) -> InputError {
        // One line whatever the cause says: the error is read in a terminal and in logs.
        let message = message.into().replace(['\n', '\r'], " ");
        InputError {
            file: file.into(),
            at,
            message,
        }
    }

    /// The line of byte `offset` in `bytes`, for errors found at an offset in a line-based format.
    pub fn at_offset_as_line(
        file: impl Into<String>,
        bytes: &[u8],
        offset: usize,
        message: impl Into<String>,
    ) -> InputError {
        let end = offset.min(bytes.len());
        let line = 1 + bytes[..end].iter().filter(|&&b| b == b'\n').count();
        InputError::new(file, Location::Line(line), message)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Location::Line(n) => write!(f, "{}:{}: {}", self.file, n, self.message),
            Location::Offset(n) => write!(f, "{}: byte {}: {}", self.file, n, self.message),
            Location::File => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for InputError {}
