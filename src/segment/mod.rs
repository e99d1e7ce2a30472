//! Segmenting a text dump (a scraped page of a site's posts) into posts with their metadata.
//!
//! The layout is learned from the dump itself (`layout`): lines printed with every post are
//! separators or boilerplate, bylines open or close posts, posts may be numbered. The dump is
//! then split in one pass (`split`) and each post read on its own (`post`). A dump with no
//! repeated structure is one post.

mod lang;
pub mod layout;
pub mod lines;
pub mod post;
pub mod shapes;
mod split;

#[cfg(test)]
mod props;

pub use layout::{Layout, learn};
pub use post::{Post, read_post};

/// The posts of `src[from..]`, in order. `outlet` overrides the site name learned from the
/// banner.
pub fn segment(src: &str, from: usize, outlet: Option<&str>) -> Vec<Post> {
    let mut posts = Vec::new();
    segment_with(src, from, outlet, |p| posts.push(p));
    posts
}

/// Like `segment`, handing each post to `each` as soon as it is read: memory holds one post's
/// lines at a time.
pub fn segment_with(src: &str, from: usize, outlet: Option<&str>, mut each: impl FnMut(Post)) {
    let layout = learn(src, from);
    let site = match outlet {
        Some(o) => crate::outlets::resolve(Some(o), None),
        None => layout
            .outlet
            .as_ref()
            .and_then(|(name, domain)| crate::outlets::resolve(Some(name), domain.as_deref())),
    };
    split::split(src, from, &layout, |lines, day| {
        if let Some(mut p) = read_post(src, lines, day, &layout) {
            if let Some(o) = &site {
                p.meta.outlet = Some(o.name.clone());
                p.meta.domain = o.domain.clone();
            }
            each(p);
        }
    });
}
