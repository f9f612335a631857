//! A publication's states and which moves between them a person may make.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PubState {
    /// Waiting for its time (or for a retry).
    Pending,
    /// A worker is sending it now.
    Publishing,
    Published,
    /// Refused for good or out of attempts; editors were told.
    Failed,
    /// Sent, but no answer came: it may be live. An editor checks, then confirms or retries.
    Unconfirmed,
}

impl TryFrom<String> for PubState {
    type Error = String;
    /// A state read back from the database; an unknown value is an error, never a default.
    fn try_from(s: String) -> Result<PubState, String> {
        PubState::parse(&s).ok_or_else(|| format!("no publication state is called {s:?}"))
    }
}

impl PubState {
    pub const ALL: [PubState; 5] = [
        PubState::Pending,
        PubState::Publishing,
        PubState::Published,
        PubState::Failed,
        PubState::Unconfirmed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PubState::Pending => "pending",
            PubState::Publishing => "publishing",
            PubState::Published => "published",
            PubState::Failed => "failed",
            PubState::Unconfirmed => "unconfirmed",
        }
    }

    pub fn parse(s: &str) -> Option<PubState> {
        PubState::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// An editor may send it again: after a failure, or after checking an unconfirmed one.
    pub fn can_retry(self) -> bool {
        matches!(self, PubState::Failed | PubState::Unconfirmed)
    }

    /// An editor may say "it is live" after checking the channel.
    pub fn can_confirm(self) -> bool {
        matches!(self, PubState::Unconfirmed | PubState::Failed)
    }

    /// Its variant may still be moved or taken off the plan.
    pub fn can_reschedule(self) -> bool {
        matches!(self, PubState::Pending | PubState::Failed)
    }

    /// Needs a person: shown in the banner and alerted by mail.
    pub fn needs_attention(self) -> bool {
        matches!(self, PubState::Failed | PubState::Unconfirmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_only_settled_failures_take_a_person() {
        for s in PubState::ALL {
            assert_eq!(PubState::parse(s.as_str()), Some(s));
        }
        assert_eq!(PubState::parse("sent"), None);
        assert!(!PubState::Publishing.can_retry(), "never twice at once");
        assert!(!PubState::Published.can_retry(), "never published twice");
        assert!(!PubState::Published.can_reschedule());
        assert!(!PubState::Unconfirmed.can_reschedule(), "it may be live");
        assert!(PubState::Unconfirmed.can_retry() && PubState::Unconfirmed.can_confirm());
    }
}
