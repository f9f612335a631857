//! Password hashing (argon2id), random tokens, and the keyed digests behind sessions and CSRF.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_password(password: &str) -> Result<String, String> {
    argon2()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("hashing failed: {e}"))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    match argon2::password_hash::phc::PasswordHash::new(hash) {
        Ok(parsed) => argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of a password nobody has, verified when an email is unknown so that answer takes
/// as long as a wrong password.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password(&random_token()).expect("hashing a random password"))
}

/// 256 random bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a session id or API token: a leaked table opens no account.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// HMAC-SHA256 (RFC 2104), used for CSRF tokens (and later webhook signatures).
pub fn hmac(key: &[u8], message: &[u8]) -> String {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message);
    hex(&mac.finalize().into_bytes())
}

/// A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64.
pub fn new_webhook_secret() -> String {
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(key)
    )
}

/// A link token for a newsletter subscriber: their id and a keyed digest of it and its
/// purpose ("confirm", "unsubscribe"), so nothing needs to be stored and a forged one fails.
pub fn subscriber_token(key: &[u8; 32], purpose: &str, id: i64) -> String {
    let mac = hmac(key, format!("newsletter:{purpose}:{id}").as_bytes());
    format!("{id}.{}", &mac[..32])
}

/// The subscriber id in a token made by `subscriber_token` with any of `keys`.
pub fn open_subscriber_token(keys: &[[u8; 32]], purpose: &str, token: &str) -> Option<i64> {
    let (id, _) = token.split_once('.')?;
    let id: i64 = id.parse().ok()?;
    keys.iter()
        .any(|k| constant_time_eq(&subscriber_token(k, purpose, id), token))
        .then_some(id)
}

/// Comparison whose time does not depend on where the inputs first differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Lower-case hex, two digits a byte. Every page hashes its session token into this (a
/// `format!` per byte was a thirtieth of a plain page's time).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_two_lower_case_digits_a_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let want: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&all), want);
        assert_eq!(hex(&[]), "");
    }

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterY", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn hmac_matches_rfc_4231_test_case_2() {
        assert_eq!(
            hmac(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn tokens_are_unique_and_hashes_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(token_hash("a"), token_hash("a"));
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}

/// Names a key without revealing it, so sealed data says which key opens it.
pub fn key_id(key: &[u8; 32]) -> String {
    hex(&Sha256::new()
        .chain_update(b"pressroom key id:")
        .chain_update(key)
        .finalize()[..4])
}

/// Encrypts `plaintext` with XChaCha20-Poly1305 under `key`: "v1.<key id>.<nonce+ciphertext>".
pub fn seal(key: &[u8; 32], plaintext: &[u8]) -> String {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{XChaCha20Poly1305, XNonce};
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; 24];
    rand::rng().fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: b"pressroom secrets v1",
            },
        )
        .expect("encryption with a valid key cannot fail");
    let mut blob = nonce.to_vec();
    blob.extend(sealed);
    format!("v1.{}.{}", key_id(key), URL_SAFE_NO_PAD.encode(blob))
}

/// Opens what `seal` made, with whichever of `keys` (current first, then previous) it names.
pub fn open(keys: &[[u8; 32]], sealed: &str) -> Result<Vec<u8>, String> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{XChaCha20Poly1305, XNonce};
    let mut parts = sealed.splitn(3, '.');
    let (Some("v1"), Some(id), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
        return Err("not a sealed value".into());
    };
    let key = keys.iter().find(|k| key_id(k) == id).ok_or_else(|| {
        format!("sealed with key {id}, which is not configured (PRESSROOM_PREVIOUS_SECRET_KEYS)")
    })?;
    let blob = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| "damaged sealed value".to_string())?;
    if blob.len() < 24 {
        return Err("damaged sealed value".into());
    }
    let (nonce, ciphertext) = blob.split_at(24);
    XChaCha20Poly1305::new(key.into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: b"pressroom secrets v1",
            },
        )
        .map_err(|_| "sealed value does not open with its key (tampered?)".to_string())
}

#[cfg(test)]
mod sealing {
    use super::*;

    #[test]
    fn sealed_values_open_with_their_key_only_and_hide_the_plaintext() {
        let (old, new) = ([1u8; 32], [2u8; 32]);
        let sealed = seal(&old, b"token-123");
        assert!(!sealed.contains("token-123"));
        assert_ne!(sealed, seal(&old, b"token-123"), "a fresh nonce each time");
        assert_eq!(
            open(&[new, old], &sealed).unwrap(),
            b"token-123",
            "old keys still open after rotation"
        );
        assert!(open(&[new], &sealed).unwrap_err().contains(&key_id(&old)));
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(open(&[old], &tampered).is_err());
    }
}
