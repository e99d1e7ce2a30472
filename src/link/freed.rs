//! Giving freed memory back to the system between stages. What rayon's workers allocate (an
//! item's shingles, its word keys, a graph's items) glibc keeps in the workers' arenas once
//! freed, where a later stage on another thread cannot reuse it: without a trim the next stage
//! grows on top of it. The link stages call this once their postings and word keys are freed;
//! the builder every so many items (`build/trim.rs`).

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
