//! Progress bars on stderr: the command line's side of the library's `Progress`.

use claimtrace::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// One bar, reused by every stage of a run; drawn only when asked for, on a terminal, and for
/// stages of more than one step.
pub struct Bars {
    shown: bool,
    bar: ProgressBar,
}

impl Bars {
    pub fn new(shown: bool) -> Bars {
        let bar = ProgressBar::hidden();
        if let Ok(style) = ProgressStyle::with_template("{msg:>9} [{bar:30}] {pos}/{len} ({eta})") {
            bar.set_style(style.progress_chars("=> "));
        }
        Bars { shown, bar }
    }

    /// Runs `f` (a warning on stderr) with the bar out of its way.
    pub fn suspend(&self, f: impl FnOnce()) {
        self.bar.suspend(f)
    }
}

impl Progress for Bars {
    fn stage(&self, name: &'static str, total: u64) {
        // Hidden while it is reset, so that no half-updated bar is drawn.
        self.bar.set_draw_target(ProgressDrawTarget::hidden());
        self.bar.reset();
        self.bar.set_length(total);
        self.bar.set_message(name);
        if self.shown && total >= 2 {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self, n: u64) {
        self.bar.inc(n);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
