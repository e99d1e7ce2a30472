//! How a long run tells its caller how far it has come. The library only counts; showing the
//! count (the command line's progress bars, a notebook's widget, a job's log) is the caller's.

/// Told of each stage of a run and of its steps as they are done. Every method has a no-op
/// default, so an implementation overrides only what it shows.
///
/// `advance` is called from the worker threads of the parallel stages, hence `Sync`.
pub trait Progress: Sync {
    /// A stage begins ("reading", "indexing", "aligning") with `total` steps to do; the count
    /// of the stage before it is over.
    fn stage(&self, name: &'static str, total: u64) {
        let _ = (name, total);
    }
    /// `n` more steps of the current stage are done.
    fn advance(&self, n: u64) {
        let _ = n;
    }
    /// The stages begun so far are over.
    fn finish(&self) {}
}

/// Progress that nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}
