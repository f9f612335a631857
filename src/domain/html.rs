//! Text made safe to put in HTML: the seven characters handlebars' `{{…}}` escapes, escaped
//! the same way, by every page, fragment and mail. Written in runs between those characters
//! rather than a character at a time into a new string (a calendar month escapes thousands of
//! values per view).

use std::fmt;

/// `s` escaped for HTML, as a value to `write!` straight into a page.
pub struct Escaped<'a>(pub &'a str);

fn entity(b: u8) -> Option<&'static str> {
    Some(match b {
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'&' => "&amp;",
        b'\'' => "&#x27;",
        b'`' => "&#x60;",
        b'=' => "&#x3D;",
        _ => return None,
    })
}

/// Which bytes `entity` escapes, looked up per byte: a match per byte was most of the time
/// pages spent escaping (a week's entries and forms, a board's cards).
static ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(i as u8, b'<' | b'>' | b'"' | b'&' | b'\'' | b'`' | b'=');
        i += 1;
    }
    t
};

/// Hands `put` the escaped text of `s` in runs: the text between the seven characters, and
/// their entities.
fn runs<E>(s: &str, mut put: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut rest = s;
    // All seven are ASCII, so every index found is a character boundary.
    while let Some(i) = rest.bytes().position(|b| ESCAPED[usize::from(b)]) {
        put(&rest[..i])?;
        put(entity(rest.as_bytes()[i]).unwrap_or(""))?;
        rest = &rest[i + 1..];
    }
    put(rest)
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        runs(self.0, |run| f.write_str(run))
    }
}

/// `s` escaped onto the end of `out`, for the hottest loops (no formatter in between).
pub fn push_esc(out: &mut String, s: &str) {
    let _ = runs(s, |run| {
        out.push_str(run);
        Ok::<(), ()>(())
    });
}

/// `s` escaped for HTML, as a value to `write!` into a page.
pub fn esc(s: &str) -> Escaped<'_> {
    Escaped(s)
}

/// `s` escaped for HTML, as a new string (handlebars' escape function is this one).
pub fn escape(s: &str) -> String {
    use fmt::Write;
    let mut out = String::with_capacity(s.len() + 8);
    let _ = write!(out, "{}", Escaped(s));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_exactly_what_handlebars_escapes() {
        for s in [
            "",
            "plain text",
            r#"<a href="x" onclick='y'>`z` = 1 & 2</a>"#,
            "Zürich — «Café» <b>&amp;</b>=",
            "=<>&'\"`",
            &(0u8..128).map(char::from).collect::<String>(),
        ] {
            assert_eq!(escape(s), handlebars::html_escape(s), "{s:?}");
            assert_eq!(esc(s).to_string(), handlebars::html_escape(s), "{s:?}");
            let mut pushed = String::from("x");
            push_esc(&mut pushed, s);
            assert_eq!(pushed, format!("x{}", handlebars::html_escape(s)), "{s:?}");
        }
    }
}
