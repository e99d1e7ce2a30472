//! What a subject finder hands back: the subject of a reporting verb and its kind. Its own file,
//! importing nothing of `extract`, so that `raw` (which holds it in a claim as found) and the
//! finders (which read the paragraph's last `Raw`) do not import each other.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjKind {
    /// A person's name, with any titles.
    Name,
    /// A capitalised organisation ("France's Foreign Ministry").
    Org,
    /// he, she, they: the last named person.
    Pronoun,
    /// the minister, the diplomat: the last named person.
    Role,
    /// officials, the report: a source without a name.
    Group,
}

/// A subject found next to a reporting verb: tokens `start..=end` of its paragraph.
#[derive(Debug, Clone)]
pub struct Subject {
    pub start: usize,
    pub end: usize,
    /// The leftmost token of the subject with its appositive ("X, the head of ..., said").
    pub lead: usize,
    pub kind: SubjKind,
    pub name: Option<String>,
    pub roles: Vec<String>,
}

impl Subject {
    /// An organisation that speaks ("France's Foreign Ministry", "O'Malley's campaign"),
    /// tokens `start..=end`.
    pub(super) fn org(start: usize, end: usize, name: String) -> Subject {
        Subject {
            start,
            end,
            lead: start,
            kind: SubjKind::Org,
            name: Some(name),
            roles: Vec::new(),
        }
    }

    /// A source without a name, tokens `s..=e` ("officials", "a new poll").
    pub(crate) fn group(s: usize, e: usize) -> Subject {
        Subject {
            start: s,
            end: e,
            lead: s,
            kind: SubjKind::Group,
            name: None,
            roles: Vec::new(),
        }
    }
}
