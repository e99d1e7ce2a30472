//! Input errors: each names the file and where in it, in one line.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where in an input an error was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Location {
    /// 1-based line.
    Line(usize),
    /// 0-based byte offset.
    Offset(usize),
    /// The whole file.
    File,
}

/// An input that cannot be read: `FILE:LINE: message`, `FILE: byte N: message` or
/// `FILE: message`. It serialises (serde), for a job that reads inputs on one machine and
/// reports on another.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{file}{at}: {message}")]
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

/// As written after the file's name: `:LINE`, `: byte N`, or nothing for the whole file.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, ":{n}"),
            Location::Offset(n) => write!(f, ": byte {n}"),
            Location::File => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_naming_file_and_place() {
        let e = |at| InputError::new("a.json", at, "bad\nrecord").to_string();
        assert_eq!(e(Location::Line(3)), "a.json:3: bad record");
        assert_eq!(e(Location::Offset(17)), "a.json: byte 17: bad record");
        assert_eq!(e(Location::File), "a.json: bad record");
    }
}
