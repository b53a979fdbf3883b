"""Pages that name no encoding at all (no BOM, no header charset, no <meta>) in a legacy non-Latin encoding.

Many older government and company sites in Russia, Japan, China, Taiwan, Korea and the Arab world serve
windows-1251, Shift_JIS, GBK, Big5, EUC-KR or windows-1256 pages without any label. They were read as windows-1252:
"Мегафон" came out as "Ìåãàôîí", silently, and the extractor then saw no company. The Encoding Standard leaves an
unlabelled page to the browser's own detection (HTML Standard, "encoding sniffing algorithm": frequency analysis
is allowed); browsers detect these. A detector (charset_normalizer) is asked, and only a non-Latin legacy
encoding it finds is used: a Western page stays windows-1252 (a detector may call it windows-1250).

The texts are written for the test (sentences in the style of the project's real development set).
"""

from __future__ import annotations

import pytest

from crawler.parsers.encoding import decode_html

TEXTS = {
    "cp1251": "Публичное акционерное общество «МегаФон» — российская телекоммуникационная компания, поставщик СОРМ.",
    "shift_jis": "株式会社テストは監視カメラを製造しています。顔認識システムを警察に販売した。",
    "gbk": "商汤集团有限公司是一家人工智能公司，向新疆公安机关提供人脸识别系统。",
    "big5": "商湯集團有限公司是一家人工智慧公司，向新疆公安機關提供人臉識別系統。",
    "euc-kr": "주식회사 테스트는 감시 카메라를 제조합니다. 경찰에 얼굴 인식 시스템을 판매했습니다.",
    "cp1256": "شركة الاتصالات باعت أنظمة مراقبة إلى وزارة الداخلية في البحرين.",
}


def _page(text: str) -> str:
    return f"<html><head><title>t</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_an_unlabelled_legacy_page_is_read_as_its_encoding(encoding: str) -> None:
    page = decode_html(_page(TEXTS[encoding]).encode(encoding))
    assert TEXTS[encoding] in page.text, page.text[:120]
    assert page.rule == "detected"


def test_an_unlabelled_western_page_stays_windows_1252() -> None:
    text = "The company’s “Pegasus” spyware was sold to the Ministère de l’Intérieur in Côte d’Ivoire — café."
    page = decode_html(_page(text).encode("cp1252"))
    assert text in page.text and page.codec == "cp1252"


def test_an_unlabelled_utf8_page_is_utf8() -> None:
    page = decode_html(_page(TEXTS["cp1251"]).encode("utf-8"))
    assert TEXTS["cp1251"] in page.text and page.codec == "utf-8"
