//! A calendar date as `YYYY-MM-DD`, the form every export writes dates in, without going through
//! chrono's format-string interpreter (a measurable cost at a million items).

use chrono::{Datelike, NaiveDate};

/// `d` as the ten bytes `YYYY-MM-DD` (years outside 0..=9999 clamped).
pub fn ymd(d: NaiveDate) -> [u8; 10] {
    fn digits(out: &mut [u8], mut n: u32) {
        for b in out.iter_mut().rev() {
            *b = b'0' + (n % 10) as u8;
            n /= 10;
        }
    }
    let mut buf = *b"0000-00-00";
    digits(&mut buf[0..4], d.year().clamp(0, 9999) as u32);
    digits(&mut buf[5..7], d.month());
    digits(&mut buf[8..10], d.day());
    buf
}

/// `ymd` as a string slice of `buf`.
pub fn ymd_str(d: NaiveDate, buf: &mut [u8; 10]) -> &str {
    *buf = ymd(d);
    // ASCII digits and dashes.
    std::str::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_chrono() {
        for s in ["2026-03-12", "0999-01-01", "2000-12-31"] {
            let d: NaiveDate = s.parse().unwrap();
            assert_eq!(ymd_str(d, &mut [0; 10]), d.format("%Y-%m-%d").to_string());
        }
    }
}
