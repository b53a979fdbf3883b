"""The UI's display helpers: links that open and stay inert, resolution features as words."""

from __future__ import annotations

from ui.common import features_text, md_link


def test_a_link_keeps_its_address_unescaped_and_its_label_escaped() -> None:
    assert md_link("sample.redflag.test [x]", "https://sample.redflag.test/a_b.html") == (
        "[sample\\.redflag\\.test \\[x\\]](https://sample.redflag.test/a_b.html)"
    )


def test_characters_that_would_end_the_link_are_percent_encoded() -> None:
    assert md_link("x", "https://example.org/a (b)<c>") == "[x](https://example.org/a%20%28b%29%3Cc%3E)"


def test_only_web_addresses_become_links() -> None:
    assert md_link("click", "javascript:alert(1)") == "click"
    assert "](" not in md_link("", "file:///etc/passwd")
    assert md_link("x", "") == "x"


def test_resolution_features_read_as_for_and_against() -> None:
    text = features_text('{"name_exact": 1.0, "country_mismatch": 1.0, "token_overlap": 0.5, "address_overlap": 0.0}')
    assert text == "For: name exact 1.00, token overlap 0.50. Against: country mismatch 1.00."
    assert features_text("plain words") == "plain words"
