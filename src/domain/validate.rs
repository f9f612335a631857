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
