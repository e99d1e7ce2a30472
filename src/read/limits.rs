//! How much a run reads, so that no input costs more memory or time than its size warrants: the
//! budgets a client may change (`Limits`, in `ReadSettings`), and the bounds on markup that keep
//! the parsers linear and their recursion shallow. docs/limits.md says what happens above each.

/// The sizes a run reads within. The defaults keep a run's peak memory within a few times the
/// size of its inputs; docs/limits.md has the measurements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest input read, in bytes: a file, standard input, or what a gzip file inflates
    /// to. A larger one is refused (an error naming it; skipped with `--skip-bad`).
    pub input_bytes: u64,
    /// The longest text of one item, in bytes: a longer text is cut at the last line break
    /// before it, with a warning on the item. Claims and reuse work on the whole text of an
    /// item at once, so this bounds what one item costs them.
    pub item_text_bytes: usize,
    /// The most text a run holds, in bytes, summed over its items: the input whose items would
    /// pass it is refused (skipped with `--skip-bad`).
    pub run_text_bytes: u64,
}

impl Limits {
    /// 2 GiB per input, 16 MiB per item, 4 GiB per run.
    pub const DEFAULT: Limits = Limits {
        input_bytes: 2 << 30,
        item_text_bytes: 16 << 20,
        run_text_bytes: 4 << 30,
    };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

/// Markup nested deeper than this is read as text of the element at this depth: HTML pages
/// (their deeper tags dropped before the tree is built) and XML documents. The deepest of the 87
/// Readability test pages nests 34 deep.
pub(crate) const MAX_NESTING: usize = 200;

/// The most work Readability may do on one page, as the sum over its elements of their depth
/// (it walks every element's descendants): a page above it gives its whole visible text
/// instead, with a warning. The Readability test pages need at most 48 thousand; this costs
/// about a second.
pub(crate) const MAX_PAGE_WORK: u64 = 4_000_000;

/// The largest HTML page parsed into a tree, in bytes: a longer page is cut here, with a
/// warning (a tree costs several times its page). News pages weigh a few hundred KiB.
pub(crate) const MAX_PAGE_BYTES: usize = 16 << 20;
