//! The review workflow of an idea: its states, and which role may move it from one to another.
//! One table, read by the pages, the API and the tests.

use serde::{Deserialize, Serialize};

use super::roles::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Draft,
    Submitted,
    InReview,
    ChangesRequested,
    Approved,
    Rejected,
    InProduction,
    Scheduled,
    Published,
    Archived,
}

impl State {
    pub const ALL: [State; 10] = [
        State::Draft,
        State::Submitted,
        State::InReview,
        State::ChangesRequested,
        State::Approved,
        State::Rejected,
        State::InProduction,
        State::Scheduled,
        State::Published,
        State::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::InReview => "in_review",
            State::ChangesRequested => "changes_requested",
            State::Approved => "approved",
            State::Rejected => "rejected",
            State::InProduction => "in_production",
            State::Scheduled => "scheduled",
            State::Published => "published",
            State::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// While the submitter may still change what they handed in.
    pub fn editable_by_submitter(self) -> bool {
        matches!(
            self,
            State::Draft | State::Submitted | State::ChangesRequested
        )
    }

    /// Once published or archived the idea's text is a record, not a draft.
    pub fn editable_by_editor(self) -> bool {
        !matches!(self, State::Published | State::Archived)
    }
}

/// A state read back from the database; a value no state has is an error, never a default.
impl TryFrom<String> for State {
    type Error = String;
    fn try_from(s: String) -> Result<State, String> {
        State::parse(&s).ok_or_else(|| format!("no idea state is called {s:?}"))
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who may take a transition. `Submitter` is the contributor who handed the idea in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Submitter,
    Editor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub from: State,
    pub to: State,
    /// Translation key of the action's button, e.g. "Request changes".
    pub action: &'static str,
    pub by: &'static [Actor],
    /// Refusals and change requests must say why.
    pub needs_comment: bool,
}

const SUBMITTER: &[Actor] = &[Actor::Submitter];
const EDITOR: &[Actor] = &[Actor::Editor];
const BOTH: &[Actor] = &[Actor::Submitter, Actor::Editor];

const fn t(
    from: State,
    to: State,
    action: &'static str,
    by: &'static [Actor],
    needs_comment: bool,
) -> Transition {
    Transition {
        from,
        to,
        action,
        by,
        needs_comment,
    }
}

use State::*;

/// The whole workflow. Editors (and admins, who can do all editors can) run the review;
/// the submitter hands in, withdraws and resubmits.
pub const TRANSITIONS: &[Transition] = &[
    t(Draft, Submitted, "action-submit", BOTH, false),
    t(Submitted, Draft, "action-withdraw", SUBMITTER, false),
    t(Submitted, InReview, "action-start-review", EDITOR, false),
    t(
        Submitted,
        ChangesRequested,
        "action-request-changes",
        EDITOR,
        true,
    ),
    t(Submitted, Approved, "action-approve", EDITOR, false),
    t(Submitted, Rejected, "action-reject", EDITOR, true),
    t(
        InReview,
        ChangesRequested,
        "action-request-changes",
        EDITOR,
        true,
    ),
    t(InReview, Approved, "action-approve", EDITOR, false),
    t(InReview, Rejected, "action-reject", EDITOR, true),
    t(ChangesRequested, Submitted, "action-resubmit", BOTH, false),
    t(
        Approved,
        InProduction,
        "action-start-production",
        EDITOR,
        false,
    ),
    t(Approved, Rejected, "action-reject", EDITOR, true),
    t(InProduction, Scheduled, "action-schedule", EDITOR, false),
    t(
        InProduction,
        Approved,
        "action-back-to-approved",
        EDITOR,
        false,
    ),
    t(Scheduled, InProduction, "action-unschedule", EDITOR, false),
    t(Scheduled, Published, "action-mark-published", EDITOR, false),
    t(Published, Archived, "action-archive", EDITOR, false),
    t(Rejected, InReview, "action-reopen", EDITOR, false),
    t(Archived, Approved, "action-reopen", EDITOR, false),
];

/// Why a transition was refused; each is a translation key shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No such step from the current state.
    NotFromHere,
    /// The step exists but the user's role may not take it.
    NotYourRole,
    /// Contributors act only on ideas they handed in themselves.
    NotYourIdea,
    CommentRequired,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NotFromHere => "error-transition-not-from-here",
            Refusal::NotYourRole => "error-transition-role",
            Refusal::NotYourIdea => "error-transition-not-yours",
            Refusal::CommentRequired => "error-comment-required",
        }
    }
}

fn actor_allowed(tr: &Transition, role: Role, is_submitter: bool) -> Result<(), Refusal> {
    match role {
        Role::Admin | Role::Editor if tr.by.contains(&Actor::Editor) => Ok(()),
        // An editor who handed in an idea may take the submitter's steps for it too.
        _ if tr.by.contains(&Actor::Submitter) && is_submitter => Ok(()),
        Role::Contributor if tr.by.contains(&Actor::Submitter) => Err(Refusal::NotYourIdea),
        _ => Err(Refusal::NotYourRole),
    }
}

/// May `role` (who did or did not submit the idea) move it from `from` to `to`?
pub fn check(
    from: State,
    to: State,
    role: Role,
    is_submitter: bool,
    comment: &str,
) -> Result<&'static Transition, Refusal> {
    let tr = TRANSITIONS
        .iter()
        .find(|t| t.from == from && t.to == to)
        .ok_or(Refusal::NotFromHere)?;
    actor_allowed(tr, role, is_submitter)?;
    if tr.needs_comment && comment.trim().is_empty() {
        return Err(Refusal::CommentRequired);
    }
    Ok(tr)
}

/// The steps this user can take from `from`, for the buttons on the idea page.
pub fn available(from: State, role: Role, is_submitter: bool) -> Vec<&'static Transition> {
    TRANSITIONS
        .iter()
        .filter(|t| t.from == from && actor_allowed(t, role, is_submitter).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashSet, VecDeque};

    /// The allowed graph written out independently of the table: (from, to, who).
    /// "S" = the submitter (any role), "E" = editors and admins.
    const EXPECTED: &[(&str, &str, &str)] = &[
        ("draft", "submitted", "SE"),
        ("submitted", "draft", "S"),
        ("submitted", "in_review", "E"),
        ("submitted", "changes_requested", "E"),
        ("submitted", "approved", "E"),
        ("submitted", "rejected", "E"),
        ("in_review", "changes_requested", "E"),
        ("in_review", "approved", "E"),
        ("in_review", "rejected", "E"),
        ("changes_requested", "submitted", "SE"),
        ("approved", "in_production", "E"),
        ("approved", "rejected", "E"),
        ("in_production", "scheduled", "E"),
        ("in_production", "approved", "E"),
        ("scheduled", "in_production", "E"),
        ("scheduled", "published", "E"),
        ("published", "archived", "E"),
        ("rejected", "in_review", "E"),
        ("archived", "approved", "E"),
    ];

    #[test]
    fn every_state_target_role_and_ownership_is_decided_as_expected() {
        let mut checked = 0;
        for from in State::ALL {
            for to in State::ALL {
                let expected = EXPECTED
                    .iter()
                    .find(|(f, t, _)| *f == from.as_str() && *t == to.as_str());
                for role in Role::ALL {
                    for is_submitter in [false, true] {
                        checked += 1;
                        let got = check(from, to, role, is_submitter, "a reason");
                        let Some((_, _, who)) = expected else {
                            assert_eq!(got.err(), Some(Refusal::NotFromHere), "{from}→{to}");
                            continue;
                        };
                        let editor_ok = who.contains('E') && role != Role::Contributor;
                        let submitter_ok = who.contains('S') && is_submitter;
                        if editor_ok || submitter_ok {
                            let tr = got.unwrap_or_else(|r| {
                                panic!("{from}→{to} {role} sub={is_submitter}: {r:?}")
                            });
                            assert_eq!((tr.from, tr.to), (from, to));
                        } else if role == Role::Contributor && who.contains('S') {
                            assert_eq!(got.err(), Some(Refusal::NotYourIdea), "{from}→{to} {role}");
                        } else {
                            assert_eq!(
                                got.err(),
                                Some(Refusal::NotYourRole),
                                "{from}→{to} {role} sub={is_submitter}"
                            );
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 10 * 10 * 3 * 2);
    }

    #[test]
    fn the_table_is_exactly_the_expected_graph() {
        let table: BTreeSet<(&str, &str)> = TRANSITIONS
            .iter()
            .map(|t| (t.from.as_str(), t.to.as_str()))
            .collect();
        let expected: BTreeSet<(&str, &str)> = EXPECTED.iter().map(|(f, t, _)| (*f, *t)).collect();
        assert_eq!(table, expected);
        assert_eq!(table.len(), TRANSITIONS.len(), "no step is listed twice");
        assert!(TRANSITIONS.iter().all(|t| t.from != t.to));
    }

    #[test]
    fn refusing_or_asking_for_changes_needs_a_comment() {
        for t in TRANSITIONS {
            let needs = matches!(t.to, State::Rejected | State::ChangesRequested);
            assert_eq!(t.needs_comment, needs, "{}→{}", t.from, t.to);
            if needs {
                assert_eq!(
                    check(t.from, t.to, Role::Editor, false, "  ").err(),
                    Some(Refusal::CommentRequired)
                );
            }
        }
    }

    #[test]
    fn every_state_is_reachable_from_draft_and_has_a_way_out() {
        let mut seen = HashSet::from([State::Draft]);
        let mut queue = VecDeque::from([State::Draft]);
        while let Some(s) = queue.pop_front() {
            for t in TRANSITIONS.iter().filter(|t| t.from == s) {
                if seen.insert(t.to) {
                    queue.push_back(t.to);
                }
            }
        }
        assert_eq!(seen.len(), State::ALL.len());
        for s in State::ALL {
            assert!(
                TRANSITIONS.iter().any(|t| t.from == s),
                "{s} has no way out"
            );
        }
    }

    #[test]
    fn states_round_trip_and_buttons_match_the_checks() {
        for s in State::ALL {
            assert_eq!(State::parse(s.as_str()), Some(s));
            for role in Role::ALL {
                for sub in [false, true] {
                    for t in available(s, role, sub) {
                        assert!(check(t.from, t.to, role, sub, "why").is_ok());
                    }
                }
            }
        }
        assert_eq!(State::parse("done"), None);
        // Read back from the database, an unknown value is an error rather than a draft.
        assert!(State::try_from("done".to_string()).is_err());
        assert_eq!(State::try_from("approved".to_string()), Ok(State::Approved));
    }
}
