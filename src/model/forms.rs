//! The forms a node's fields were given in, when several inputs add one node: "Harbor Gazette"
//! in one file and "HARBOR GAZETTE" in another are one outlet, and the name it is shown by must
//! not be whichever file was read first. Each field settles on its most frequent form, ties
//! going to the first in byte order; the other names stay as aliases.

use super::node::NodeData;
use crate::vocab::ClaimKind;
use serde::{Deserialize, Serialize};

/// How often each form of one field was given.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Tally<T>(Vec<(T, u32)>);

impl<T: Ord + Clone> Default for Tally<T> {
    fn default() -> Tally<T> {
        Tally(Vec::new())
    }
}

impl<T: Ord + Clone> Tally<T> {
    fn add(&mut self, form: &T) {
        match self.0.iter_mut().find(|(f, _)| f == form) {
            Some((_, n)) => *n += 1,
            None => self.0.push((form.clone(), 1)),
        }
    }

    /// Adds the counts of `other`, as if its forms had been given here.
    fn merge(&mut self, other: Tally<T>) {
        for (form, n) in other.0 {
            match self.0.iter_mut().find(|(f, _)| *f == form) {
                Some((_, m)) => *m += n,
                None => self.0.push((form, n)),
            }
        }
    }

    fn add_some(&mut self, form: Option<&T>) {
        if let Some(f) = form {
            self.add(f);
        }
    }

    /// The most frequent form, ties to the smallest.
    fn best(&self) -> Option<&T> {
        self.0
            .iter()
            .min_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)))
            .map(|(f, _)| f)
    }

    fn forms(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(f, _)| f)
    }
}

/// The forms of a merged node's fields. Counts only, so two tallies of the same node made
/// apart (on two machines) add up to the tally of one run.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub(crate) struct Forms {
    /// An outlet's or speaker's name, a claim's text.
    name: Tally<String>,
    /// An outlet's domain.
    domain: Tally<String>,
    /// A claim's kind.
    claim_kind: Tally<ClaimKind>,
    /// A claim's language.
    language: Tally<String>,
}

impl Forms {
    /// Counts the forms of `data`.
    pub(crate) fn add(&mut self, data: &NodeData) {
        match data {
            NodeData::Outlet(o) => {
                self.name.add(&o.name);
                self.domain.add_some(o.domain.as_ref());
            }
            NodeData::Speaker(s) => self.name.add(&s.name),
            NodeData::Claim(c) => {
                self.name.add(&c.text);
                self.claim_kind.add(&c.claim_kind);
                self.language.add_some(c.language.as_ref());
            }
            NodeData::Item(_) | NodeData::Date(_) => {}
        }
    }

    /// The forms of one node's fields, given once.
    pub(crate) fn of(data: &NodeData) -> Forms {
        let mut f = Forms::default();
        f.add(data);
        f
    }

    /// Adds the forms counted in `other`.
    pub(crate) fn merge(&mut self, other: Forms) {
        self.name.merge(other.name);
        self.domain.merge(other.domain);
        self.claim_kind.merge(other.claim_kind);
        self.language.merge(other.language);
    }

    /// Sets each field of `data` to its most frequent form; names not chosen become aliases.
    pub(crate) fn settle(&self, data: &mut NodeData) {
        let best = |t: &Tally<String>| t.best().cloned();
        match data {
            NodeData::Outlet(o) => {
                if let Some(name) = best(&self.name) {
                    o.name = name;
                }
                o.aliases.extend(self.name.forms().cloned());
                o.aliases.retain(|a| *a != o.name);
                o.aliases.sort();
                o.aliases.dedup();
                o.domain = best(&self.domain).or(o.domain.take());
            }
            NodeData::Speaker(s) => {
                if let Some(name) = best(&self.name) {
                    s.name = name;
                }
                s.aliases.extend(self.name.forms().cloned());
                s.aliases.retain(|a| *a != s.name);
                s.aliases.sort();
                s.aliases.dedup();
            }
            NodeData::Claim(c) => {
                if let Some(text) = best(&self.name) {
                    c.text = text;
                }
                if let Some(&k) = self.claim_kind.best() {
                    c.claim_kind = k;
                }
                c.language = best(&self.language).or(c.language.take());
            }
            NodeData::Item(_) | NodeData::Date(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_frequent_then_byte_order() {
        let mut t = Tally::default();
        for f in ["b", "a", "b", "c", "a"] {
            t.add(&f.to_string());
        }
        assert_eq!(t.best().map(String::as_str), Some("a"));
        t.add(&"b".to_string());
        assert_eq!(t.best().map(String::as_str), Some("b"));
    }
}
