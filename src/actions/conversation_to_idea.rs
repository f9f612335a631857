//! One click turns a conversation into an idea: handed in by the editor for the department
//! they pick, the message quoted, so the questions people ask feed the plan.

use chrono::NaiveDateTime;

use super::hand_in_idea::{hand_in_idea, HandIn};
use super::ActionError;
use crate::db::Conn;
use crate::domain::ideas::{RawIdea, MAX_TITLE};
use crate::store;
use crate::store::ideas::Idea;
use crate::store::inbox::IN;
use crate::store::users::User;

/// A title from the message: its first line, cut at a word near the length limit.
fn title_of(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| !w.starts_with('@'))
        .collect::<Vec<_>>()
        .join(" ");
    let max = 80.min(MAX_TITLE);
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{cut} …")
}

pub fn conversation_to_idea(
    c: &mut Conn,
    actor: &User,
    id: i64,
    department: Option<i64>,
    now: NaiveDateTime,
) -> Result<Idea, ActionError> {
    crate::db::write_tx(c, |c| {
        let conv = store::inbox::find(c, id)?.ok_or(ActionError::NotFound)?;
        let messages = store::inbox::messages(c, &[id])?;
        let first = messages
            .iter()
            .find(|m| m.kind == IN)
            .ok_or(ActionError::NotFound)?;
        let channel = store::channels::find(c, conv.channel_id)?
            .map(|ch| ch.name)
            .unwrap_or_default();
        let quoted: String = first.text.lines().map(|l| format!("> {l}\n")).collect();
        let source = match &first.url {
            Some(u) => format!("— @{} ({channel}), {u}", first.author),
            None => format!("— @{} ({channel})", first.author),
        };
        let mut title = title_of(&first.text);
        if title.is_empty() {
            title = format!("@{}", first.author);
        }
        let idea = hand_in_idea(
            c,
            actor,
            &HandIn {
                raw: RawIdea {
                    title,
                    pitch: format!("{quoted}\n{source}"),
                    ..Default::default()
                },
                department,
                draft: false,
            },
            now.date(),
        )?;
        store::inbox::link_idea(c, id, idea.id, now)?;
        store::audit::record(
            c,
            Some(actor.id),
            "conversation.idea",
            &format!("conversation {id}"),
            &format!("idea {}", idea.id),
        )?;
        Ok(idea)
    })
}

#[cfg(test)]
mod tests {
    use super::title_of;

    #[test]
    fn the_title_is_the_first_line_without_mentions() {
        assert_eq!(
            title_of("@desk@social.example Wann öffnet der Laden?\nDanke"),
            "Wann öffnet der Laden?"
        );
        let long = "word ".repeat(40);
        let t = title_of(&long);
        assert!(t.chars().count() <= 82 && t.ends_with(" …"), "{t}");
    }
}
