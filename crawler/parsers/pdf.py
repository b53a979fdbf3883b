"""Text of PDF reports (pypdf), one section per page."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

from crawler.parsers.common import ParseError, SourceMeta, TextBuilder, clean_inline, iso_date, sha256_hex
from ontology.records import Document


def parse_pdf(body: bytes, url: str, meta: SourceMeta, kind: str = "ngo_report_pdf") -> Document:
    """Extract text; truncated, damaged, encrypted or text-free PDFs raise ParseError with the reason."""
    if not body.lstrip().startswith(b"%PDF"):
        raise ParseError(f"{url}: not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (NotImplementedError, DependencyErrors) as exc:
                raise ParseError(f"{url}: PDF is encrypted ({exc})") from exc
            if not ok:
                raise ParseError(f"{url}: PDF is encrypted with a password")
        tb = TextBuilder()
        for number, page in enumerate(reader.pages, start=1):
            raw = page.extract_text() or ""
            paragraphs = [clean_inline(p) for p in re.split(r"\n\s*\n", raw)]
            paragraphs = [p for p in paragraphs if p]
            if not paragraphs:
                continue
            tb.open_section(f"page_{number}", f"Page {number}")
            for p in paragraphs:
                tb.add(p)
        tb.close_section()
        info = reader.metadata
    except ParseError:
        raise
    except FileNotDecryptedError as exc:
        raise ParseError(f"{url}: PDF is encrypted ({exc})") from exc
    except (PdfReadError, PdfStreamError, ValueError, KeyError, OSError, EOFError) as exc:
        raise ParseError(f"{url}: PDF is truncated or damaged ({type(exc).__name__}: {exc})") from exc
    text = tb.text
    if not text.strip():
        raise ParseError(f"{url}: PDF has no extractable text (scanned images?)")
    title = clean_inline(str(info.title)) if info is not None and info.title else text.split("\n", 1)[0][:200]
    published = None
    if info is not None and info.creation_date is not None:
        published = info.creation_date.date().isoformat()
    return Document(
        id=Document.id_for(url),
        url=url,
        source_id=meta.source_id,
        publisher=meta.publisher,
        tier=meta.tier,
        title=title,
        text=text,
        sha256=sha256_hex(body),
        retrieved_at=meta.stamp(),
        published=published or iso_date(title),
        language=None,
        sections=tb.sections,
        kind=kind,
    )


try:  # pypdf raises this when the AES backend is missing
    from pypdf.errors import DependencyError as DependencyErrors
except ImportError:  # pragma: no cover
    DependencyErrors = RuntimeError  # type: ignore[misc, assignment]
