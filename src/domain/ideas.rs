//! What makes an idea valid, and the small text rules around it (tags, mentions, similarity).

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::validate::{self, FieldErrors};

pub const LANGUAGES: [&str; 4] = ["de", "fr", "it", "en"];
pub const MAX_TITLE: usize = 200;
pub const MAX_PITCH: usize = 20_000;
pub const MAX_SHORT: usize = 100;
pub const MAX_TAGS: usize = 20;
pub const MAX_LINKS: usize = 20;
pub const MAX_COMMENT: usize = 10_000;

/// An idea as typed in by a person or a script, before checking.
#[derive(Debug, Clone, Default)]
pub struct RawIdea {
    pub title: String,
    pub pitch: String,
    pub audience: String,
    pub pillar: String,
    pub tags: Vec<String>,
    pub channels: Vec<String>,
    pub languages: Vec<String>,
    pub wished_date: String,
    pub links: Vec<String>,
}

/// A checked idea, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct IdeaFields {
    pub title: String,
    pub pitch: String,
    pub audience: String,
    pub pillar: String,
    pub tags: Vec<String>,
    pub channels: Vec<i64>,
    pub languages: Vec<String>,
    pub wished_date: Option<NaiveDate>,
    pub links: Vec<String>,
}

fn short_text(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let v = value.trim();
    if v.chars().count() > MAX_SHORT {
        errors.insert(field, "error-too-long");
    } else if v.chars().any(char::is_control) {
        errors.insert(field, "error-control-chars");
    }
    v.to_string()
}

/// A tag is a lower-case word or phrase; the delimiter used in storage is not allowed in it.
pub fn normalise_tag(tag: &str) -> String {
    tag.trim().trim_start_matches('#').trim().to_lowercase()
}

/// Checks every field; `known_channels` are the ids that exist, `today` is in the team's zone.
pub fn check(
    raw: &RawIdea,
    known_channels: &[i64],
    today: NaiveDate,
) -> Result<IdeaFields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = raw.title.trim().to_string();
    validate::line(&mut errors, "title", &title, usize::MAX, true);
    if !errors.contains_key("title") && title.chars().count() > MAX_TITLE {
        errors.insert("title", "error-title-too-long");
    }
    let pitch = raw.pitch.trim().to_string();
    validate::lines(&mut errors, "pitch", &pitch, MAX_PITCH);
    let audience = short_text(&mut errors, "audience", &raw.audience);
    let pillar = short_text(&mut errors, "pillar", &raw.pillar);

    let mut tags: Vec<String> = vec![];
    for t in raw
        .tags
        .iter()
        .map(|t| normalise_tag(t))
        .filter(|t| !t.is_empty())
    {
        if t.contains(',') || t.chars().any(char::is_control) || t.chars().count() > 40 {
            errors.insert("tags", "error-tag-invalid");
        } else if !tags.contains(&t) {
            tags.push(t);
        }
    }
    if tags.len() > MAX_TAGS {
        errors.insert("tags", "error-too-many-items");
    }

    let mut channels: Vec<i64> = vec![];
    for c in raw
        .channels
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
    {
        match c
            .parse::<i64>()
            .ok()
            .filter(|id| known_channels.contains(id))
        {
            Some(id) if !channels.contains(&id) => channels.push(id),
            Some(_) => {}
            None => {
                errors.insert("channels", "error-channel-unknown");
            }
        }
    }

    let mut languages: Vec<String> = vec![];
    for l in raw
        .languages
        .iter()
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
    {
        if !LANGUAGES.contains(&l.as_str()) {
            errors.insert("languages", "error-language-unknown");
        } else if !languages.contains(&l) {
            languages.push(l);
        }
    }

    let wished_date = match raw.wished_date.trim() {
        "" => None,
        d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(date) if date < today => {
                errors.insert("wished_date", "error-date-past");
                None
            }
            Ok(date) => Some(date),
            Err(_) => {
                errors.insert("wished_date", "error-date-invalid");
                None
            }
        },
    };

    let mut links: Vec<String> = vec![];
    for l in raw.links.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if validate::web_address(l) {
            links.push(l.to_string());
        } else {
            errors.insert("links", "error-link-invalid");
        }
    }
    if links.len() > MAX_LINKS {
        errors.insert("links", "error-too-many-items");
    }

    if errors.is_empty() {
        Ok(IdeaFields {
            title,
            pitch,
            audience,
            pillar,
            tags,
            channels,
            languages,
            wished_date,
            links,
        })
    } else {
        Err(errors)
    }
}

/// Stored form of a list: ",a,b," so `LIKE '%,a,%'` finds an element on both backends.
pub fn join_list<T: ToString>(items: &[T]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!(
            ",{},",
            items
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        )
    }
}

pub fn split_list(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `@name` mentions in a comment: the part of an email address before the `@`, e.g. `@anna`.
pub fn mentions(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '.');
        if *c == '@' && starts_word {
            let name: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
                .collect();
            let name = name.trim_end_matches('.').to_lowercase();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// Lower-case words of a title without punctuation and the most common short words, borrowed
/// from the title where it is lower-case already (most titles' words are).
fn words(title: &str) -> impl Iterator<Item = Cow<'_, str>> {
    const STOP: &[&str] = &[
        "the", "and", "for", "our", "with", "a", "an", "of", "to", "in", "on", "der", "die", "das",
        "und", "für", "mit", "ein", "eine", "le", "la", "les", "et", "pour", "il", "e", "di",
    ];
    title
        .split(|c: char| !c.is_alphanumeric())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
        .filter(|w| w.chars().count() >= 2 && !STOP.contains(&w.as_ref()))
}

/// The distinct words of a title (see `words`).
pub fn title_tokens(title: &str) -> BTreeSet<String> {
    words(title).map(Cow::into_owned).collect()
}

/// Titles look alike from this similarity on ("similar earlier ideas").
pub const LOOKS_ALIKE: f64 = 0.3;

/// The fewest of a title's `own` distinct words another title must share to look alike.
/// Sharing `s` of them, it scores at most `s / own` (its union with them has at least `own`
/// words), so `s` must reach `LOOKS_ALIKE` (3 in 10) of `own`: the idea page reads only the
/// titles that do, not every title that shares one word.
pub fn fewest_shared_to_look_alike(own: usize) -> usize {
    (3 * own).div_ceil(10)
}

/// Jaccard similarity of two titles' tokens, 0.0 to 1.0.
pub fn similarity(a: &str, b: &str) -> f64 {
    similarity_to(&title_tokens(a), b)
}

/// `similarity` with the first title's tokens made once, for comparing one title with many
/// (the idea page compares up to 500): the other title's words are compared where they stand,
/// without a set built for each.
pub fn similarity_to(ta: &BTreeSet<String>, b: &str) -> f64 {
    let mut tb: Vec<Cow<'_, str>> = Vec::with_capacity(16);
    for w in words(b) {
        if !tb.contains(&w) {
            tb.push(w);
        }
    }
    let shared = tb.iter().filter(|w| ta.contains(w.as_ref())).count();
    similarity_of_counts(ta.len(), tb.len(), shared)
}

/// The similarity of two titles of `a` and `b` distinct words, `shared` of them in both:
/// the idea page scores from counts off the index when it knows them, without the titles.
pub fn similarity_of_counts(a: usize, b: usize, shared: usize) -> f64 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    shared as f64 / (a + b - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn raw(title: &str) -> RawIdea {
        RawIdea {
            title: title.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_plain_idea_passes_and_is_tidied() {
        let r = RawIdea {
            title: "  Customer story: Bäckerei Huber ".into(),
            tags: vec!["#Stories".into(), "stories".into(), " B2B ".into()],
            channels: vec!["2".into(), "2".into()],
            languages: vec!["DE".into(), "fr".into()],
            wished_date: "2026-12-01".into(),
            links: vec!["https://example.ch/huber".into()],
            ..Default::default()
        };
        let f = check(&r, &[1, 2], today()).unwrap();
        assert_eq!(f.title, "Customer story: Bäckerei Huber");
        assert_eq!(f.tags, vec!["stories", "b2b"]);
        assert_eq!(f.channels, vec![2]);
        assert_eq!(f.languages, vec!["de", "fr"]);
        assert_eq!(f.wished_date, NaiveDate::from_ymd_opt(2026, 12, 1));
    }

    #[test]
    fn bad_input_is_named_per_field() {
        let e = check(&raw("   "), &[], today()).unwrap_err();
        assert_eq!(e["title"], "error-required");
        let e = check(&raw(&"x".repeat(10_000)), &[], today()).unwrap_err();
        assert_eq!(e["title"], "error-title-too-long");
        let r = RawIdea {
            title: "ok".into(),
            channels: vec!["99".into()],
            languages: vec!["es".into()],
            wished_date: "2026-11-22".into(),
            links: vec!["javascript:alert(1)".into()],
            tags: vec!["a,b".into()],
            ..Default::default()
        };
        let e = check(&r, &[1], today()).unwrap_err();
        assert_eq!(e["channels"], "error-channel-unknown");
        assert_eq!(e["languages"], "error-language-unknown");
        assert_eq!(e["wished_date"], "error-date-past");
        assert_eq!(e["links"], "error-link-invalid");
        assert_eq!(e["tags"], "error-tag-invalid");
        let r = RawIdea {
            title: "ok".into(),
            wished_date: "23.11.2026".into(),
            ..Default::default()
        };
        assert_eq!(
            check(&r, &[], today()).unwrap_err()["wished_date"],
            "error-date-invalid"
        );
        let r = RawIdea {
            title: "ok".into(),
            wished_date: "2026-11-23".into(),
            ..Default::default()
        };
        assert!(check(&r, &[], today()).is_ok(), "today is not in the past");
    }

    #[test]
    fn lists_round_trip_through_storage() {
        assert_eq!(join_list(&["de", "fr"]), ",de,fr,");
        assert_eq!(join_list::<i64>(&[]), "");
        assert_eq!(split_list(",de,fr,"), vec!["de", "fr"]);
        assert!(split_list("").is_empty());
    }

    #[test]
    fn mentions_are_found_but_not_in_email_addresses() {
        let m = mentions("@anna please check with @Ben.Meier, not mail@example.ch. Thanks @carla.");
        assert_eq!(
            m.into_iter().collect::<Vec<_>>(),
            vec!["anna", "ben.meier", "carla"]
        );
    }

    #[test]
    fn title_words_are_lower_case_without_stop_words_and_single_letters() {
        let words = |t: &str| title_tokens(t).into_iter().collect::<Vec<_>>();
        assert_eq!(
            words("Die BÄCKEREI für Éclairs & a Ö: Tips, tips, X2"),
            vec!["bäckerei", "tips", "x2", "éclairs"]
        );
        assert_eq!(words("FÜR Und THE"), Vec::<String>::new());
    }

    #[test]
    fn similar_titles_score_high_and_different_ones_low() {
        let s = similarity(
            "Customer story: Bäckerei Huber",
            "Customer story about Bäckerei Huber",
        );
        assert!(s > 0.7, "{s}");
        assert!(similarity("Summer sale newsletter", "Hiring day at the factory") < 0.01);
        assert_eq!(similarity("The", "the"), 0.0);
        assert_eq!(similarity("ab cd", "cd ab"), 1.0);
    }

    /// The score from counts (what the index knows of a title) is the score from the titles,
    /// to the bit: the idea page compares and orders the two kinds.
    #[test]
    fn a_score_from_counts_is_the_score_from_titles() {
        let titles = [
            "Customer story: Bäckerei Huber",
            "Customer story about Bäckerei Huber",
            "HR tips",
            "Tips: AI in HR",
            "launch launch summer summer",
            "The",
            "one two three four five six seven eight nine ten eleven",
        ];
        for a in titles {
            for b in titles {
                let (ta, tb) = (title_tokens(a), title_tokens(b));
                let shared = ta.intersection(&tb).count();
                assert_eq!(
                    similarity_of_counts(ta.len(), tb.len(), shared).to_bits(),
                    similarity(a, b).to_bits(),
                    "{a} / {b}"
                );
            }
        }
    }

    /// Every pair of titles that looks alike shares at least the fewest words said, and a title
    /// that shares just that many (and has no other word) looks alike: the bound leaves out
    /// nothing and is as tight as it can be.
    #[test]
    fn titles_that_look_alike_share_at_least_the_fewest_words() {
        for own in 1..=40_usize {
            let fewest = fewest_shared_to_look_alike(own);
            for other in 1..=40_usize {
                for shared in 0..=own.min(other) {
                    let score = shared as f64 / (own + other - shared) as f64;
                    if score >= LOOKS_ALIKE {
                        assert!(shared >= fewest, "{own} {other} {shared}");
                    }
                }
            }
            assert!(fewest as f64 / own as f64 >= LOOKS_ALIKE, "{own}");
        }
        let a = "alpha beta gamma delta eta theta iota kappa lambda mu";
        assert_eq!(fewest_shared_to_look_alike(title_tokens(a).len()), 3);
        assert!(similarity(a, "alpha beta gamma") >= LOOKS_ALIKE);
        assert!(similarity(a, "alpha beta") < LOOKS_ALIKE);
    }
}
