//! Saves a variant's texts: its words, link, newsletter subject and preheader, and images.
//! Channel rules (length, alt texts) are checked when it is scheduled, so a draft can be saved
//! unfinished; what no channel accepts (a link that is not http(s), text beyond any limit) is
//! refused here.

use super::ActionError;
use crate::db::Conn;
use crate::domain::validate::{self, FieldErrors};
use crate::domain::variants::Image;
use crate::store;
use crate::store::content::VariantWrite;

pub const MAX_TEXT: usize = 20_000;
/// A subject or preheader: one line.
pub const MAX_LINE: usize = 300;

#[derive(Debug, Clone, Default)]
pub struct VariantTexts {
    pub text: String,
    pub link: String,
    pub subject: String,
    pub preheader: String,
    pub images: Vec<Image>,
}

impl VariantTexts {
    pub fn check(&self) -> Result<(), ActionError> {
        let mut errors = FieldErrors::new();
        let l = self.link.trim();
        if !(l.is_empty() || validate::web_address(l)) {
            errors.insert("link", "error-link-invalid");
        }
        validate::lines(&mut errors, "text", &self.text, MAX_TEXT);
        validate::line(&mut errors, "subject", &self.subject, MAX_LINE, false);
        validate::line(&mut errors, "preheader", &self.preheader, MAX_LINE, false);
        for image in &self.images {
            if !validate::web_address(image.url.trim()) {
                errors.insert("images", "error-link-invalid");
            }
            validate::line(&mut errors, "images", &image.alt, MAX_TEXT, false);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ActionError::Invalid(errors))
        }
    }

    pub(super) fn write(&self, c: &mut Conn, variant_id: i64) -> Result<(), ActionError> {
        let w = VariantWrite {
            text: &self.text,
            link: &self.link,
            subject: &self.subject,
            preheader: &self.preheader,
            images: &self.images,
        };
        store::content::update_variant(c, variant_id, &w)?;
        Ok(())
    }
}

pub fn edit_variant(
    c: &mut Conn,
    variant_id: i64,
    texts: &VariantTexts,
) -> Result<(), ActionError> {
    texts.check()?;
    texts.write(c, variant_id)
}
