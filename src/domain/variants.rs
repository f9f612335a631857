//! What a variant must satisfy before it can be scheduled on its channel, and how a free slot
//! is chosen.

use chrono::{DateTime, Utc};

use super::channels::Kind;

/// Mastodon counts every link as 23 characters, whatever its length.
pub const MASTODON_URL_LENGTH: usize = 23;
pub const MASTODON_DEFAULT_LIMIT: usize = 500;
pub const MASTODON_MAX_IMAGES: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Image {
    pub url: String,
    pub alt: String,
}

#[derive(Debug, Clone, Default)]
pub struct VariantText<'a> {
    pub text: &'a str,
    pub link: &'a str,
    pub subject: &'a str,
    pub images: &'a [Image],
}

/// A problem that keeps a variant from being scheduled; each is a translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    TooLong { count: usize, limit: usize },
    TooManyImages { count: usize, limit: usize },
    ImageWithoutAlt,
    SubjectRequired,
    TitleRequired,
    Empty,
}

impl Problem {
    pub fn key(&self) -> &'static str {
        match self {
            Problem::TooLong { .. } => "variant-too-long",
            Problem::TooManyImages { .. } => "variant-too-many-images",
            Problem::ImageWithoutAlt => "variant-image-alt",
            Problem::SubjectRequired => "variant-subject-required",
            Problem::TitleRequired => "variant-title-required",
            Problem::Empty => "variant-empty",
        }
    }
}

/// Characters as Mastodon counts them: links count 23, the rest by Unicode scalar.
pub fn mastodon_length(text: &str, link: &str) -> usize {
    let words = text.split_inclusive(char::is_whitespace);
    let mut n = 0;
    for w in words {
        let bare = w.trim_end();
        if bare.starts_with("https://") || bare.starts_with("http://") {
            n += MASTODON_URL_LENGTH + (w.chars().count() - bare.chars().count());
        } else {
            n += w.chars().count();
        }
    }
    // The link is posted after the text, separated by a blank line.
    if !link.trim().is_empty() {
        n += 2 + MASTODON_URL_LENGTH;
    }
    n
}

pub fn check(kind: Kind, mastodon_limit: Option<usize>, v: &VariantText) -> Vec<Problem> {
    let mut problems = vec![];
    if v.text.trim().is_empty() && v.link.trim().is_empty() && v.subject.trim().is_empty() {
        problems.push(Problem::Empty);
    }
    match kind {
        Kind::Mastodon => {
            let limit = mastodon_limit.unwrap_or(MASTODON_DEFAULT_LIMIT);
            let count = mastodon_length(v.text, v.link);
            if count > limit {
                problems.push(Problem::TooLong { count, limit });
            }
            if v.images.len() > MASTODON_MAX_IMAGES {
                problems.push(Problem::TooManyImages {
                    count: v.images.len(),
                    limit: MASTODON_MAX_IMAGES,
                });
            }
            if v.images.iter().any(|i| i.alt.trim().is_empty()) {
                problems.push(Problem::ImageWithoutAlt);
            }
        }
        Kind::Newsletter if v.subject.trim().is_empty() => problems.push(Problem::SubjectRequired),
        Kind::Feed if v.subject.trim().is_empty() => problems.push(Problem::TitleRequired),
        _ => {}
    }
    problems
}

/// How many of a channel's slots are looked through for free ones: with a daily schedule five
/// years, with an hourly one twelve weeks.
pub const SLOTS_AHEAD: usize = 2000;

/// The first `n` of `candidates` (increasing slots) that no other variant holds, unless the
/// channel allows several per slot.
pub fn free_among(
    candidates: &[DateTime<Utc>],
    taken: &[DateTime<Utc>],
    several_per_slot: bool,
    n: usize,
) -> Vec<DateTime<Utc>> {
    let taken: std::collections::HashSet<&DateTime<Utc>> = taken.iter().collect();
    candidates
        .iter()
        .filter(|t| several_per_slot || !taken.contains(t))
        .take(n)
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::slots::PostingSchedule;
    use chrono::TimeZone;

    #[test]
    fn mastodon_counts_links_as_23() {
        assert_eq!(mastodon_length("Hallo Welt", ""), 10);
        assert_eq!(
            mastodon_length(
                "Lesen: https://example.ch/a/very/long/path/that/goes/on",
                ""
            ),
            7 + 23
        );
        assert_eq!(mastodon_length("Neu", "https://example.ch/x"), 3 + 2 + 23);
        assert_eq!(mastodon_length("Grüezi 👋", ""), 8);
    }

    #[test]
    fn each_kind_checks_its_own_rules() {
        let long = "x".repeat(480);
        let v = VariantText {
            text: &long,
            link: "https://example.ch",
            ..Default::default()
        };
        assert_eq!(
            check(Kind::Mastodon, None, &v),
            vec![Problem::TooLong {
                count: 505,
                limit: 500
            }]
        );
        assert!(
            check(Kind::Mastodon, Some(1000), &v).is_empty(),
            "a server with a higher limit"
        );
        assert!(
            check(Kind::Webhook, None, &v).is_empty(),
            "webhooks take anything"
        );
        let images: Vec<Image> = (0..5)
            .map(|i| Image {
                url: format!("https://img/{i}"),
                alt: if i == 0 { String::new() } else { "a".into() },
            })
            .collect();
        let v = VariantText {
            text: "Bilder",
            images: &images,
            ..Default::default()
        };
        let p = check(Kind::Mastodon, None, &v);
        assert!(
            p.contains(&Problem::TooManyImages { count: 5, limit: 4 })
                && p.contains(&Problem::ImageWithoutAlt)
        );
        let v = VariantText {
            text: "Body",
            ..Default::default()
        };
        assert_eq!(
            check(Kind::Newsletter, None, &v),
            vec![Problem::SubjectRequired]
        );
        assert_eq!(check(Kind::Feed, None, &v), vec![Problem::TitleRequired]);
        assert_eq!(
            check(Kind::Webhook, None, &VariantText::default()),
            vec![Problem::Empty]
        );
    }

    #[test]
    fn a_taken_slot_is_skipped_unless_the_channel_allows_several() {
        let s = PostingSchedule::parse("0 0 9 * * * *", "Europe/Zurich").unwrap();
        let after = Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
        let first = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
        let second = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
        let slots = crate::domain::slots::next_slots(std::slice::from_ref(&s), after, SLOTS_AHEAD);
        assert_eq!(free_among(&slots, &[], false, 1), vec![first]);
        assert_eq!(free_among(&slots, &[first], false, 1), vec![second]);
        assert_eq!(free_among(&slots, &[first], true, 2), vec![first, second]);
        assert_eq!(
            free_among(&slots, &[second], false, 2)[1],
            Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap()
        );
        assert_eq!(
            free_among(&[], &[], false, 1),
            Vec::<DateTime<Utc>>::new(),
            "no schedule, no slot"
        );
    }
}
