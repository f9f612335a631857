//! Field rules for accounts; each failure is a translation key shown beside the field.

use std::collections::BTreeMap;

/// Field name → translation key of the message.
pub type FieldErrors = BTreeMap<&'static str, &'static str>;

pub const MIN_PASSWORD: usize = 10;
pub const MAX_PASSWORD: usize = 1024;
pub const MAX_NAME: usize = 100;
pub const MAX_EMAIL: usize = 254;

/// Lower-cased and trimmed, so one person cannot hold two accounts by case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn email(errors: &mut FieldErrors, field: &'static str, email: &str) {
    let e = email.trim();
    let ok = e.len() <= MAX_EMAIL
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.contains(char::is_whitespace)
        });
    if !ok {
        errors.insert(field, "error-email-invalid");
    }
}

pub fn name(errors: &mut FieldErrors, field: &'static str, name: &str) {
    let n = name.trim();
    if n.is_empty() {
        errors.insert(field, "error-required");
    } else if n.chars().count() > MAX_NAME {
        errors.insert(field, "error-too-long");
    } else if n.chars().any(char::is_control) {
        errors.insert(field, "error-control-chars");
    }
}

/// An absolute http(s) address with a host, no spaces or control characters, of a length
/// browsers and mail clients keep.
pub fn web_address(l: &str) -> bool {
    (l.starts_with("https://") || l.starts_with("http://"))
        && l.len() <= 2000
        && !l.contains(|c: char| c.is_whitespace() || c.is_control())
        && l.split_once("://")
            .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'))
}

/// A control character other than tab and line breaks: PostgreSQL refuses NUL outright (SQLite
/// stores it), and the others break mail headers, calendar lines and terminals.
pub fn stray_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Characters that show nothing or turn the text around: zero-width spaces and joiners, word
/// joiners, the byte-order mark, and the bidirectional embeddings, overrides and isolates.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A one-line text people read as a label (a title): no control characters, no bidirectional
/// overrides, and something visible in it when it is required.
pub fn line(errors: &mut FieldErrors, field: &'static str, text: &str, max: usize, required: bool) {
    let t = text.trim();
    if t.chars().any(char::is_control) {
        errors.insert(field, "error-control-chars");
    } else if t
        .chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
    {
        errors.insert(field, "error-bidi-chars");
    } else if t.chars().count() > max {
        errors.insert(field, "error-too-long");
    } else if required && t.chars().all(|c| c.is_whitespace() || invisible(c)) {
        errors.insert(field, "error-required");
    }
}

/// A text of several lines (a pitch, a comment, a body): tabs and line breaks allowed, other
/// control characters not.
pub fn lines(errors: &mut FieldErrors, field: &'static str, text: &str, max: usize) {
    if stray_control(text) {
        errors.insert(field, "error-control-chars");
    } else if text.chars().count() > max {
        errors.insert(field, "error-too-long");
    }
}

pub fn new_password(errors: &mut FieldErrors, password: &str, repeat: &str) {
    let n = password.chars().count();
    if n < MIN_PASSWORD {
        errors.insert("password", "error-password-short");
    } else if n > MAX_PASSWORD {
        errors.insert("password", "error-too-long");
    } else if password != repeat {
        errors.insert("password_repeat", "error-password-mismatch");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for good in ["a@b.ch", " Anna.Muster@example.com "] {
            let mut e = FieldErrors::new();
            email(&mut e, "email", good);
            assert!(e.is_empty(), "{good}");
        }
        for bad in ["", "a", "a@b", "@b.ch", "a b@c.ch", "a@.ch", "a@ch."] {
            let mut e = FieldErrors::new();
            email(&mut e, "email", bad);
            assert_eq!(e.get("email"), Some(&"error-email-invalid"), "{bad}");
        }
        assert_eq!(normalise_email(" Anna@Example.COM "), "anna@example.com");
    }

    #[test]
    fn texts() {
        let check_line = |t: &str| {
            let mut e = FieldErrors::new();
            line(&mut e, "title", t, 10, true);
            e.get("title").copied()
        };
        assert_eq!(check_line("Launch"), None);
        assert_eq!(check_line("Zürich 🚀"), None);
        assert_eq!(check_line("a\u{0}b"), Some("error-control-chars"));
        assert_eq!(check_line("a\rSUMMARY:x"), Some("error-control-chars"));
        assert_eq!(check_line("\u{202E}txt.exe"), Some("error-bidi-chars"));
        assert_eq!(
            check_line("\u{200B}\u{200D} \u{FEFF}"),
            Some("error-required")
        );
        assert_eq!(check_line("eleven char"), Some("error-too-long"));
        let check_lines = |t: &str| {
            let mut e = FieldErrors::new();
            lines(&mut e, "body", t, 100);
            e.get("body").copied()
        };
        assert_eq!(check_lines("one\r\ntwo\n\tthree"), None);
        assert_eq!(check_lines("nul\u{0}"), Some("error-control-chars"));
        assert_eq!(check_lines("bell\u{7}"), Some("error-control-chars"));
    }

    #[test]
    fn passwords() {
        let mut e = FieldErrors::new();
        new_password(&mut e, "short", "short");
        assert_eq!(e.get("password"), Some(&"error-password-short"));
        let mut e = FieldErrors::new();
        new_password(&mut e, "long enough pass", "long enough pasS");
        assert_eq!(e.get("password_repeat"), Some(&"error-password-mismatch"));
        let mut e = FieldErrors::new();
        new_password(&mut e, "long enough pass", "long enough pass");
        assert!(e.is_empty());
    }

    #[test]
    fn names() {
        let mut e = FieldErrors::new();
        name(&mut e, "name", "   ");
        assert_eq!(e.get("name"), Some(&"error-required"));
        let mut e = FieldErrors::new();
        name(&mut e, "name", &"x".repeat(101));
        assert_eq!(e.get("name"), Some(&"error-too-long"));
        let mut e = FieldErrors::new();
        name(&mut e, "name", "<script>alert(1)</script>");
        assert!(
            e.is_empty(),
            "markup is text, escaped on output, not refused"
        );
    }
}
