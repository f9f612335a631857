//! The tone of a message: positive, neutral or negative, from a small lexicon of German and
//! English words (with a few French and Italian ones, and emoji). A word after or just before
//! a negation ("nicht gut", "funktioniert nicht", "not bad") counts the other way. It is a
//! first sort for the inbox; editors correct it where it is wrong.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

impl TryFrom<String> for Sentiment {
    type Error = String;
    fn try_from(s: String) -> Result<Sentiment, String> {
        Sentiment::parse(&s).ok_or_else(|| format!("no sentiment is called {s:?}"))
    }
}

impl Sentiment {
    pub const ALL: [Sentiment; 3] = [Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative];

    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Neutral => "neutral",
            Sentiment::Negative => "negative",
        }
    }

    pub fn parse(s: &str) -> Option<Sentiment> {
        Sentiment::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Negative ones first among equals.
    pub fn rank(self) -> i32 {
        match self {
            Sentiment::Negative => 0,
            Sentiment::Neutral => 1,
            Sentiment::Positive => 2,
        }
    }
}

const POSITIVE: &[&str] = &[
    // English
    "good",
    "great",
    "love",
    "loved",
    "loving",
    "lovely",
    "awesome",
    "excellent",
    "thanks",
    "thank",
    "thx",
    "helpful",
    "amazing",
    "perfect",
    "nice",
    "happy",
    "wonderful",
    "fantastic",
    "brilliant",
    "best",
    "like",
    "liked",
    "appreciate",
    "appreciated",
    "cool",
    "easy",
    "recommend",
    "glad",
    "work",
    "works",
    "working",
    "worked",
    "fixed",
    "solved",
    "congrats",
    "congratulations",
    "well",
    "beautiful",
    "impressive",
    "enjoy",
    "enjoyed",
    "fast",
    // German (and Swiss spellings)
    "gut",
    "gute",
    "guter",
    "gutes",
    "super",
    "toll",
    "tolle",
    "danke",
    "dankeschön",
    "vielen",
    "liebe",
    "lieben",
    "großartig",
    "grossartig",
    "hervorragend",
    "perfekt",
    "prima",
    "klasse",
    "genial",
    "hilfreich",
    "schön",
    "schoen",
    "freue",
    "freuen",
    "zufrieden",
    "empfehlen",
    "spitze",
    "wunderbar",
    "top",
    "bravo",
    "merci",
    "funktioniert",
    "klappt",
    "gelöst",
    "geloest",
    "gefällt",
    "gefaellt",
    "begeistert",
    "schnell",
    "herzlichen",
    "gratuliere",
    // French and Italian
    "bien",
    "génial",
    "parfait",
    "grazie",
    "bravo",
    "ottimo",
    "bello",
    "bellissimo",
];

const NEGATIVE: &[&str] = &[
    // English
    "bad",
    "terrible",
    "awful",
    "hate",
    "hated",
    "worst",
    "broken",
    "slow",
    "problem",
    "problems",
    "issue",
    "bug",
    "error",
    "fail",
    "failed",
    "fails",
    "failing",
    "disappointed",
    "disappointing",
    "angry",
    "annoying",
    "annoyed",
    "useless",
    "poor",
    "wrong",
    "refund",
    "complaint",
    "horrible",
    "crash",
    "crashes",
    "crashed",
    "scam",
    "unacceptable",
    "ridiculous",
    "worse",
    "sucks",
    "waiting",
    "unfortunately",
    "frustrated",
    "frustrating",
    "rude",
    // German
    "schlecht",
    "schlechte",
    "schlechter",
    "schlechtes",
    "furchtbar",
    "schrecklich",
    "hasse",
    "ärgerlich",
    "aergerlich",
    "enttäuscht",
    "enttaeuscht",
    "enttäuschend",
    "kaputt",
    "defekt",
    "langsam",
    "problem",
    "probleme",
    "fehler",
    "störung",
    "stoerung",
    "mies",
    "katastrophe",
    "katastrophal",
    "unmöglich",
    "frechheit",
    "sauer",
    "nervt",
    "nervig",
    "nutzlos",
    "betrug",
    "reklamation",
    "beschwerde",
    "leider",
    "ärgere",
    "warte",
    "warten",
    "unverschämt",
    "peinlich",
    "absturz",
    "stürzt",
    // French and Italian
    "nul",
    "mauvais",
    "problème",
    "pessimo",
    "male",
    "vergogna",
];

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "can't",
    "cannot", "won't", "nothing", "hardly", "nicht", "kein", "keine", "keinen", "keiner", "keinem",
    "nie", "niemals", "nichts", "kaum", "pas", "non",
];

const POSITIVE_EMOJI: &[char] = &[
    '😀', '😃', '😄', '😊', '🙂', '😍', '🥰', '👍', '❤', '🎉', '🙏', '👏', '💯', '✨',
];
const NEGATIVE_EMOJI: &[char] = &['😡', '😠', '🤬', '👎', '😞', '😢', '😭', '💩', '🙁', '☹'];

enum Token {
    Word(String),
    /// A clause ends: negation does not reach past it.
    Stop,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = vec![];
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        let w = word.trim_matches('\'').to_string();
        if !w.is_empty() {
            out.push(Token::Word(w));
        }
        word.clear();
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.push(if c == '’' { '\'' } else { c });
        } else {
            flush(&mut word, &mut out);
            if POSITIVE_EMOJI.contains(&c) {
                out.push(Token::Word("😀".into()));
            } else if NEGATIVE_EMOJI.contains(&c) {
                out.push(Token::Word("😞".into()));
            } else if matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '\n') {
                out.push(Token::Stop);
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

fn polarity(word: &str) -> i32 {
    if word == "😀" || POSITIVE.contains(&word) {
        1
    } else if word == "😞" || NEGATIVE.contains(&word) {
        -1
    } else {
        0
    }
}

fn negates(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't")
}

/// The tone of a message.
pub fn score(text: &str) -> Sentiment {
    let tokens = tokens(text);
    let mut values: Vec<i32> = tokens
        .iter()
        .map(|t| match t {
            Token::Word(w) => polarity(w),
            Token::Stop => 0,
        })
        .collect();
    let mut flipped = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        let Token::Word(w) = t else { continue };
        if !negates(w) {
            continue;
        }
        // The nearest tone word within three words ahead ("not good", "nicht gut"), else
        // within three behind ("funktioniert nicht", "gefällt mir nicht"), in the same clause.
        let ahead = (i + 1..tokens.len().min(i + 4))
            .take_while(|j| !matches!(tokens[*j], Token::Stop))
            .find(|j| values[*j] != 0 && !flipped[*j]);
        // Behind, only praise turns: "leider kein Login" stays a complaint.
        let behind = (i.saturating_sub(3)..i)
            .rev()
            .take_while(|j| !matches!(tokens[*j], Token::Stop))
            .find(|j| values[*j] > 0 && !flipped[*j]);
        if let Some(j) = ahead.or(behind) {
            values[j] = -values[j];
            flipped[j] = true;
        }
    }
    // Complaints weigh more than praise: "thanks, but it is broken" is a complaint.
    let sum: i32 = values.iter().map(|v| if *v < 0 { 2 * v } else { *v }).sum();
    match sum {
        s if s > 0 => Sentiment::Positive,
        s if s < 0 => Sentiment::Negative,
        _ => Sentiment::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Sentiment::*;

    #[test]
    fn german_messages() {
        let table = [
            ("Vielen Dank, das ist super!", Positive),
            ("Danke für die schnelle Hilfe 🙏", Positive),
            ("Grossartiger Artikel, gefällt mir sehr", Positive),
            ("Das Login funktioniert nicht.", Negative),
            ("Das gefällt mir nicht", Negative),
            (
                "Seit zwei Tagen warte ich auf eine Antwort, eine Frechheit",
                Negative,
            ),
            ("Leider ist die App schon wieder kaputt 😡", Negative),
            ("Nicht schlecht, danke", Positive),
            ("Wann erscheint der nächste Newsletter?", Neutral),
            ("Wo finde ich die Öffnungszeiten", Neutral),
            ("Danke, aber der Fehler ist immer noch da", Negative),
            (
                "Seit dem Update funktioniert die App nicht mehr. Leider kein Login möglich!",
                Negative,
            ),
        ];
        for (text, want) in table {
            assert_eq!(score(text), want, "{text}");
        }
    }

    #[test]
    fn english_messages() {
        let table = [
            ("Thanks, this is great!", Positive),
            ("Love the new feature 😍", Positive),
            ("Not bad at all, I love it", Positive),
            ("The app doesn't work since the update", Negative),
            ("This is not good.", Negative),
            ("Worst support ever, still waiting for a refund", Negative),
            ("When is the next event?", Neutral),
            ("Is the shop open on Sunday", Neutral),
            ("Thanks, but the bug is still there", Negative),
            ("It isn't working 👎", Negative),
        ];
        for (text, want) in table {
            assert_eq!(score(text), want, "{text}");
        }
    }

    #[test]
    fn names_round_trip_and_negative_sorts_first() {
        for s in Sentiment::ALL {
            assert_eq!(Sentiment::parse(s.as_str()), Some(s));
        }
        assert!(Negative.rank() < Neutral.rank() && Neutral.rank() < Positive.rank());
    }
}
