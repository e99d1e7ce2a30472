//! The timeline layout, computed here rather than in the page so that the same graph gives the
//! same file byte for byte: x is the date (one column per day that anything is dated, wider
//! gaps for longer silences, undated things in a column of their own at the left), y is the
//! outlet (one lane per outlet, lanes ordered by their first date), and things that share a lane
//! and a day stack in rows. Claims stand in a band below the lanes at the day they first
//! appeared, and their speakers in a band below that.

use std::collections::BTreeMap;

/// Width of one day's column.
pub const COLUMN: i64 = 220;
/// Height of one row of a lane.
pub const ROW: i64 = 64;
/// Space above and below a lane's rows.
pub const LANE_PAD: i64 = 14;
/// Height of one row in the claims and speakers bands.
pub const BAND_ROW: i64 = 46;
/// Space between the lanes and the bands.
pub const BAND_GAP: i64 = 80;

/// Where each day's column stands.
#[derive(Debug, Default)]
pub struct Columns {
    x_of: BTreeMap<String, i64>,
    /// The column of undated things, when there are any.
    pub undated: Option<i64>,
}

impl Columns {
    /// Columns for `days` (YYYY-MM-DD, any order, repeats allowed) and, when `undated`, a
    /// column for things with no date at the left. A gap of more than a day widens the space
    /// between two columns by the logarithm of its length, so a month's silence shows without
    /// pushing years apart by metres.
    pub fn new<'a>(days: impl IntoIterator<Item = &'a str>, undated: bool) -> Columns {
        let mut sorted: Vec<&str> = days.into_iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut x = 0;
        let undated = undated.then(|| {
            x += COLUMN + COLUMN / 2;
            0
        });
        let mut x_of = BTreeMap::new();
        let mut last: Option<chrono::NaiveDate> = None;
        for (i, d) in sorted.iter().enumerate() {
            let day = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            if i > 0 {
                let gap = match (last, day) {
                    (Some(a), Some(b)) => (b - a).num_days().max(1),
                    _ => 1,
                };
                x += COLUMN + (gap as f64).log2().min(8.0).round() as i64 * (COLUMN / 8);
            }
            last = day.or(last);
            x_of.insert(d.to_string(), x);
        }
        Columns { x_of, undated }
    }

    /// The x of a date's column, or of the undated column.
    pub fn x(&self, date: Option<&str>) -> i64 {
        date.and_then(|d| self.x_of.get(d).copied())
            .or(self.undated)
            .unwrap_or(0)
    }

    /// Every dated column, by date.
    pub fn days(&self) -> impl Iterator<Item = (&str, i64)> {
        self.x_of.iter().map(|(d, &x)| (d.as_str(), x))
    }

    /// The leftmost and rightmost column.
    pub fn extent(&self) -> (i64, i64) {
        let first = self.undated.or(self.x_of.values().next().copied());
        let last = self.x_of.values().last().copied().or(self.undated);
        (first.unwrap_or(0), last.unwrap_or(0))
    }
}

/// One thing to place in a lane: its lane, its column's x and what orders it within its stack.
#[derive(Debug)]
pub struct Placed {
    /// The lane's index.
    pub lane: usize,
    /// Its column.
    pub x: i64,
    /// What orders things that share a lane and a column (rows top to bottom).
    pub order: String,
}

/// The lanes' tops and heights and each thing's y, for things placed in `lanes` lanes. Returns
/// (lane tops, lane heights, y of each thing, the bottom of the last lane).
pub fn stack_lanes(lanes: usize, things: &[Placed]) -> (Vec<i64>, Vec<i64>, Vec<i64>, i64) {
    let mut stacks: BTreeMap<(usize, i64), Vec<(&str, usize)>> = BTreeMap::new();
    for (i, t) in things.iter().enumerate() {
        stacks.entry((t.lane, t.x)).or_default().push((&t.order, i));
    }
    let mut rows = vec![1i64; lanes];
    let mut row_of = vec![0i64; things.len()];
    for ((lane, _), mut stack) in stacks {
        stack.sort_unstable();
        rows[lane] = rows[lane].max(stack.len() as i64);
        for (r, (_, i)) in stack.into_iter().enumerate() {
            row_of[i] = r as i64;
        }
    }
    let mut tops = Vec::with_capacity(lanes);
    let mut heights = Vec::with_capacity(lanes);
    let mut y = 0;
    for r in &rows {
        tops.push(y);
        let h = r * ROW + 2 * LANE_PAD;
        heights.push(h);
        y += h;
    }
    let ys = things
        .iter()
        .zip(&row_of)
        .map(|(t, r)| tops[t.lane] + LANE_PAD + ROW / 2 + r * ROW)
        .collect();
    (tops, heights, ys, y)
}

/// The y of each thing of a band that starts at `top`, stacked by column in `order`; and the
/// band's bottom.
pub fn stack_band(top: i64, things: &[(i64, String)]) -> (Vec<i64>, i64) {
    let mut stacks: BTreeMap<i64, Vec<(&str, usize)>> = BTreeMap::new();
    for (i, (x, order)) in things.iter().enumerate() {
        stacks.entry(*x).or_default().push((order, i));
    }
    let mut ys = vec![0; things.len()];
    let mut bottom = top;
    for (_, mut stack) in stacks {
        stack.sort_unstable();
        for (r, (_, i)) in stack.into_iter().enumerate() {
            ys[i] = top + BAND_ROW / 2 + r as i64 * BAND_ROW;
            bottom = bottom.max(top + (r as i64 + 1) * BAND_ROW);
        }
    }
    (ys, bottom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_dates_and_widen_for_gaps() {
        let c = Columns::new(
            ["2026-03-14", "2026-03-12", "2026-03-13", "2026-05-13"],
            true,
        );
        let x = |d| c.x(Some(d));
        assert_eq!(c.x(None), 0);
        assert!(0 < x("2026-03-12"));
        assert_eq!(x("2026-03-13") - x("2026-03-12"), COLUMN);
        assert_eq!(x("2026-03-14") - x("2026-03-13"), COLUMN);
        assert!(x("2026-05-13") - x("2026-03-14") > COLUMN);
        assert_eq!(c.extent(), (0, x("2026-05-13")));
    }

    #[test]
    fn things_of_one_lane_and_day_stack_in_rows() {
        let p = |lane, x, order: &str| Placed {
            lane,
            x,
            order: order.into(),
        };
        let things = [p(0, 0, "b"), p(0, 0, "a"), p(1, 0, "c"), p(0, 220, "d")];
        let (tops, heights, ys, bottom) = stack_lanes(2, &things);
        assert_eq!(heights[0], 2 * ROW + 2 * LANE_PAD);
        assert_eq!(tops[1], heights[0]);
        assert_eq!(ys[1] + ROW, ys[0], "a above b");
        assert_eq!(ys[3], ys[1], "the first row of another day");
        assert!(ys[2] > ys[0]);
        assert_eq!(bottom, heights[0] + heights[1]);
    }
}
