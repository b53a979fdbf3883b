"""How a web page's bytes become text: the WHATWG Encoding Standard, as browsers do it.

Order (HTML Standard, "determining the character encoding"; Encoding Standard, "get an encoding"):

1. a byte order mark (UTF-8, UTF-16 LE/BE) wins over everything;
2. else the ``charset`` of the HTTP ``Content-Type`` header, if its label is one the Encoding Standard knows;
3. else a ``<meta charset>`` / ``<meta http-equiv=Content-Type>`` declaration found by the prescan of the
   first bytes (``w3lib.encoding.html_body_declared_encoding``, which follows the WHATWG prescan);
4. else UTF-8 if the bytes are valid UTF-8, else a non-Latin legacy encoding a detector finds (windows-1251,
   Shift_JIS, GBK, Big5, EUC-KR, windows-1256...: browsers detect unlabelled pages too), else windows-1252 (the
   default for most locales).

Labels are widened as browsers widen them (``webencodings``, the Encoding Standard's label table):
``iso-8859-1``/``ascii``/``latin1`` -> windows-1252, ``gb2312``/``gbk`` -> GBK (decoded by the gb18030
decoder, a superset), ``iso-8859-9`` -> windows-1254, ``tis-620`` -> windows-874,
``ks_c_5601-1987``/``euc-kr`` -> windows-949, ``shift_jis``/``sjis`` -> Shift_JIS (windows-31J),
``x-mac-cyrillic``, ``macintosh``... A label the standard maps to its "replacement" encoding
(``iso-2022-kr``, ``hz-gb-2312``...) is refused: browsers show such a page as one replacement character.

One project rule on top: a page declared UTF-8 (header or meta) whose bytes are not valid UTF-8 is read as
windows-1252, since servers often label Windows-1252 text as UTF-8 (a browser would show U+FFFD there; the
windows-1252 reading is the text the author wrote). Bytes the chosen encoding cannot map become U+FFFD.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import webencodings
from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, read_bom, to_unicode

# WHATWG encoding name -> the Python codec that decodes it as the standard says, where the codec
# webencodings names differs: the standard decodes GBK with its gb18030 decoder (a superset of GBK).
_PYTHON_CODEC = {"gbk": "gb18030", "gb18030": "gb18030"}
_DEFAULT = "cp1252"  # windows-1252


def _whatwg_codec_search(name: str) -> codecs.CodecInfo | None:
    """Codec lookup for WHATWG labels Python lacks (``x-mac-cyrillic``, ``x-mac-ukrainian``...), so that
    w3lib's meta prescan, which resolves labels through ``codecs.lookup``, knows every label browsers know.
    Python's own codecs are searched first; this only answers names they do not know."""
    for label in (name, name.replace("_", "-")):
        enc = webencodings.lookup(label)
        if enc is not None and enc.name != "replacement":
            if enc.name == "x-user-defined":  # webencodings' own codec (bytes 0x80-0xFF -> U+F780-U+F7FF);
                return enc.codec_info  # looking its name up again would come back here for ever
            return codecs.lookup(_PYTHON_CODEC.get(enc.name, enc.codec_info.name))
    return None


codecs.register(_whatwg_codec_search)


class UndecodableCharset(ValueError):
    """The page declares an encoding that browsers refuse to decode (WHATWG "replacement")."""


@dataclass(frozen=True)
class DecodedPage:
    """The text of a page, the Python codec that produced it and which rule chose it."""

    text: str
    codec: str
    rule: str  # "bom" | "http-header" | "meta" | "utf-8 fallback" | "detected" | "default"


def codec_for_label(label: str | None) -> str | None:
    """The Python codec for an encoding label as browsers read it; None for a label the standard lacks.

    Raises :class:`UndecodableCharset` for labels of the standard's "replacement" encoding.
    """
    if not label:
        return None
    enc = webencodings.lookup(label)
    if enc is None:
        return None
    if enc.name == "replacement":
        raise UndecodableCharset(f"charset {label!r} is one browsers refuse to decode (WHATWG replacement)")
    return _PYTHON_CODEC.get(enc.name, enc.codec_info.name)


def charset_param(content_type: str | None) -> str | None:
    """The raw ``charset`` parameter of a Content-Type header value (``text/html; charset="gb2312"``)."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def decode_html(body: bytes, http_charset: str | None = None) -> DecodedPage:
    """Decode an HTML body as a browser would; ``http_charset`` is the header's charset label, if any."""
    bom_codec, bom = read_bom(body)
    if bom_codec is not None and bom is not None and bom_codec.startswith(("utf-8", "utf-16")):
        return DecodedPage(to_unicode(body[len(bom) :], bom_codec), bom_codec, "bom")
    codec = codec_for_label(http_charset)
    rule = "http-header"
    if codec is None:
        codec = _meta_codec(body)
        rule = "meta"
    if codec is None:
        try:
            return DecodedPage(body.decode("utf-8"), "utf-8", "default")
        except UnicodeDecodeError:
            detected = _detected_codec(body)
            if detected is not None:
                return DecodedPage(to_unicode(body, detected), detected, "detected")
            return DecodedPage(to_unicode(body, "cp1252"), "cp1252", "default")
    if codec == "utf-8":
        try:
            return DecodedPage(body.decode("utf-8"), "utf-8", rule)
        except UnicodeDecodeError:
            return DecodedPage(to_unicode(body, "cp1252"), "cp1252", "utf-8 fallback")
    return DecodedPage(to_unicode(body, codec), codec, rule)


DETECTABLE_CODECS = frozenset({
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic",  # Cyrillic
    "cp932", "shift_jis", "euc_jp", "iso2022_jp",  # Japanese
    "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950",  # Chinese
    "cp949", "euc_kr", "johab",  # Korean
    "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp874", "tis_620",  # Greek ... Thai
})  # fmt: skip
"""Encodings a detector's guess is trusted for on a page with no label: non-Latin legacy encodings, whose text read
as windows-1252 is mojibake ("Ìåãàôîí"). A Latin guess (windows-1250 for a French page) is not trusted: the
default windows-1252 stays."""

DETECT_BYTES = 200_000
"""How much of a page the detector reads (its cost grows with the input; the first 200 kB say enough)."""


def _detected_codec(body: bytes) -> str | None:
    """The non-Latin legacy encoding a page with no label and not valid UTF-8 is written in, as a browser's own
    detection finds it (HTML Standard, encoding sniffing: frequency analysis is allowed for unlabelled pages);
    charset_normalizer is the detector. None when it finds nothing or a Latin encoding."""
    best = from_bytes(body[:DETECT_BYTES]).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    return name if name in DETECTABLE_CODECS else None


def _meta_codec(body: bytes) -> str | None:
    """The codec a ``<meta>`` declaration names (w3lib's WHATWG prescan and label widening)."""
    found = html_body_declared_encoding(body)
    if found is None:
        return None
    if found.startswith("utf-16"):
        return "utf-8"  # a meta naming UTF-16 means UTF-8: the bytes read as ASCII to find it (WHATWG)
    if found.replace("_", "-").lower() == "x-user-defined":
        return _DEFAULT  # HTML Standard, prescan: a meta naming x-user-defined means windows-1252 (w3lib >= 2.6
        # does this itself; older w3lib returned the label); an HTTP header's x-user-defined stays itself
    # w3lib names Python codecs; pass them through the WHATWG table where it knows the name too
    try:
        return codec_for_label(found) or found
    except UndecodableCharset:
        return _DEFAULT

