"""Labels browsers widen and the BOM > header > meta order (WHATWG Encoding Standard), on the decoder alone."""

from __future__ import annotations

import pytest

from crawler.parsers.article import parse_article
from crawler.parsers.common import ParseError, SourceMeta
from crawler.parsers.encoding import charset_param, codec_for_label, decode_html

META = SourceMeta("t", "Test", 3)


def page(text: str, meta_label: str | None = None) -> str:
    head = f'<meta charset="{meta_label}">' if meta_label else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("label", "codec", "text"),
    [
        ("gb2312", "gb18030", "商湯集團有限公司"),  # GBK characters under a GB2312 label
        ("GBK", "gb18030", "商湯集團有限公司"),
        ("iso-8859-1", "cp1252", "\u201cquoted\u201d \u2013 \u20ac5"),
        ("ascii", "cp1252", "\u201cquoted\u201d"),
        ("latin1", "cp1252", "\u2019"),
        ("iso-8859-9", "cp1254", "İstanbul Şirketi"),
        ("tis-620", "cp874", "บริษัท กล้องวงจรปิด"),
        ("ks_c_5601-1987", "cp949", "감시 카메라 회사"),
        ("euc-kr", "cp949", "감시 카메라"),
        ("shift_jis", "cp932", "監視カメラ株式会社～"),  # ～ (FULLWIDTH TILDE) exists in windows-31J only
        ("sjis", "cp932", "監視カメラ"),
        ("x-mac-cyrillic", "mac-cyrillic", "Система наблюдения"),
        ("macintosh", "mac-roman", "Überwachung"),
    ],
)
def test_a_label_is_read_as_browsers_read_it(label: str, codec: str, text: str) -> None:
    assert codec_for_label(label) == codec
    body = page(text).encode(codec)
    assert decode_html(body, label).text == page(text)  # from the HTTP header
    meta_body = page(text, label).encode(codec)
    got = decode_html(meta_body, None)  # from the <meta> prescan
    assert got.rule == "meta" and got.text == page(text, label)


def test_header_beats_meta_and_bom_beats_both() -> None:
    body = page("İstanbul", "iso-8859-1").encode("cp1254")
    assert decode_html(body, "iso-8859-9").text == page("İstanbul", "iso-8859-1")
    assert "Ý" in decode_html(body, None).text  # without the header the (wrong) meta is all there is
    bom = b"\xef\xbb\xbf" + page("München", "windows-1252").encode("utf-8")
    got = decode_html(bom, "iso-8859-1")
    assert (got.rule, got.text) == ("bom", page("München", "windows-1252"))


def test_an_unknown_header_label_falls_through_to_the_meta() -> None:
    body = page("商湯", "gb2312").encode("gbk")
    got = decode_html(body, "no-such-charset")
    assert (got.rule, got.codec) == ("meta", "gb18030") and "商湯" in got.text


def test_unlabelled_pages_are_utf8_if_they_can_be_else_windows_1252() -> None:
    assert decode_html(page("Überwachung").encode("utf-8")).codec == "utf-8"
    assert decode_html(page("\u201cquoted\u201d").encode("cp1252")).text == page("\u201cquoted\u201d")


def test_a_replacement_label_is_refused_with_a_clear_error() -> None:
    with pytest.raises(ParseError, match="iso-2022-kr.*refuse to decode"):
        parse_article(page("x").encode("ascii"), "https://x.invalid/a", META, "iso-2022-kr")


def test_the_charset_parameter_is_read_from_the_content_type() -> None:
    assert charset_param('text/html; charset="GB2312"') == "GB2312"
    assert charset_param("text/html;charset=iso-8859-9; foo=bar") == "iso-8859-9"
    assert charset_param("text/html") is None and charset_param(None) is None


def test_a_gb2312_declared_feed_with_gbk_characters_parses() -> None:
    from crawler.parsers.feeds import parse_feed

    xml = ('<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>c</title>'
           "<item><title>商湯集團有限公司</title><link>/a.html</link></item></channel></rss>")  # fmt: skip
    (entry,) = parse_feed(xml.encode("gbk"), "https://x.invalid/feed.xml")
    assert entry.title == "商湯集團有限公司" and entry.link == "https://x.invalid/a.html"
    latin = '<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><item><title>\u201cq\u201d</title></item></channel></rss>'
    assert parse_feed(latin.encode("cp1252"), "https://x.invalid/f")[0].title == "\u201cq\u201d"
