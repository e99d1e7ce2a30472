//! Giving freed memory back to the system while the graph is built. The items and claims the
//! builder consumes were made on rayon's workers, so glibc's allocator keeps them in the
//! workers' arenas once freed, where the builder (one thread) cannot reuse them: without this
//! the graph grows on top of every item text already freed, and the run's peak is set here.

/// Items built between two trims: a trim walks every arena, so not after each item.
pub(super) const EVERY: usize = 1 << 16;

/// Returns the free pages of every arena to the system (glibc's `malloc_trim`); elsewhere
/// nothing (other allocators give memory back on their own, or the platform has no arenas).
pub(crate) fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim only releases pages that no allocation holds; it takes no pointer
        // and is safe to call from any thread at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}
