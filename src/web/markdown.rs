//! Markdown from users, rendered to HTML and sanitised: no script, no `javascript:` links.

pub fn to_safe_html(markdown: &str) -> String {
    let parser =
        pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    SANITISER.clean(&html).to_string()
}

/// Made once: building ammonia's default sets of tags and attributes cost as much as cleaning
/// an idea's pitch.
static SANITISER: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"));
    b
});

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markup_survives_and_scripts_do_not() {
        let html = to_safe_html("**bold** [site](https://example.ch)\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assert!(html.contains("<strong>bold</strong>"));
        assert!(html.contains("href=\"https://example.ch\""));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }
}
