//! Segmenting a text dump (a scraped page of a site's posts) into posts with their metadata.
//!
//! The layout is learned from the dump itself (`layout`): lines printed with every post are
//! separators or boilerplate, bylines open or close posts, posts may be numbered. The dump is
//! then split in one pass (`split`) and each post read on its own (`post`). A dump with no
//! repeated structure is one post.

pub(crate) mod layout;
pub(crate) mod lines;
pub(crate) mod post;
pub(crate) mod shapes;
mod split;

#[cfg(test)]
mod props;

pub use post::{Post, read_post};

/// The posts of `src[from..]`, in order. `outlet` overrides the site name learned from the
/// banner.
#[cfg(test)]
pub fn segment(src: &str, from: usize, outlet: Option<&str>) -> Vec<Post> {
    let mut posts = Vec::new();
    segment_with(src, from, outlet, |p| posts.push(p));
    posts
}

/// Like `segment`, handing each post to `each` as soon as it is read: memory holds one post's
/// lines at a time.
pub fn segment_with(src: &str, from: usize, outlet: Option<&str>, each: impl FnMut(Post)) {
    segment_window(src, from, outlet, layout::WINDOW, each)
}

/// `segment_with` learning the layout from the first `window` bytes only.
fn segment_window(
    src: &str,
    from: usize,
    outlet: Option<&str>,
    window: usize,
    mut each: impl FnMut(Post),
) {
    let (layout, learned, rest) = layout::learn_window(src, from, window);
    let site = match outlet {
        Some(o) => crate::outlets::resolve(Some(o), None),
        None => layout
            .outlet
            .as_ref()
            .and_then(|(name, domain)| crate::outlets::resolve(Some(name), domain.as_deref())),
    };
    split::split(src, learned, rest, &layout, |lines, day| {
        if let Some(mut p) = read_post(src, lines, day, &layout) {
            if let Some(o) = &site {
                p.meta.outlet = Some(o.name.clone());
                p.meta.domain = o.domain.clone();
            }
            each(p);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splitting goes on past the learning window with the lines learned and the lines after
    /// it, as if the window had covered the whole dump.
    #[test]
    fn posts_past_the_learning_window_are_read_alike() {
        let post = |n: usize| {
            format!(
                "Storm number {n} hits the coast\r\nBy Jane Roe -2021-03-0{}\r\n\r\nThe storm {n} reached the harbour town of Ellis on Monday morning, officials said.\r\n\r\n— The Harbour Gazette —\r\n\r\n",
                1 + n % 9
            )
        };
        let src: String = (0..40).map(post).collect();
        let whole = segment(&src, 0, None);
        assert_eq!(whole.len(), 40);
        for window in [600, 1000, 1001, 4000] {
            let mut part = Vec::new();
            segment_window(&src, 0, None, window, |p| part.push(p));
            assert_eq!(part.len(), whole.len(), "window {window}");
            for (a, b) in whole.iter().zip(&part) {
                assert_eq!((&a.range, &a.runs, &a.meta), (&b.range, &b.runs, &b.meta));
            }
        }
    }
}
