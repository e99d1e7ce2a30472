//! Giving freed memory back to the system while the graph is built. The items and claims the
//! builder consumes were made on rayon's workers, so glibc's allocator keeps them in the
//! workers' arenas once freed, where the builder (one thread) cannot reuse them: without this
//! the graph grows on top of every item text already freed, and the run's peak is set here.

/// Items built between two trims: a trim walks every arena, so not after each item.
pub(super) const EVERY: usize = 1 << 16;

/// The one place that trims (`link/freed.rs`): the link stages trim too.
pub(super) use crate::link::freed::give_back_freed;
