"""How strings from outside (deal data, list entries, crawled text) are written into the tool's outputs.

One rule per output format, shared by every writer (graph exports, screening reports, audit exports,
due-diligence reports), so that a hostile cell or name is shown as the text it is and never acts:

- :func:`csv_cell`: a cell a spreadsheet would read as a formula is prefixed with ``'`` (OWASP "CSV Injection":
  cells that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return). Numbers are left as they are.
  Use :func:`csv_row` / :func:`csv_writer_row` around ``csv.writer`` rows.
- :func:`markdown_text`: HTML in a value is escaped (``&``, ``<``, ``>``) so a Markdown renderer shows
  ``<script>`` as text and makes no autolink; the Markdown syntax that makes links and images (``[ ]``),
  emphasis, code, strikethrough and table cells (``* _ ` ~ |``) and the backslash itself are backslash-escaped
  (CommonMark 0.31, "Backslash escapes"); newlines become spaces so a value cannot open a block of its own.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

# OWASP CSV Injection: https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` for a CSV cell: a string starting like a formula gets a leading ``'``; numbers pass unchanged.

    ``None`` becomes ``""``; other values are returned as given for ``csv.writer`` to format (a bool or a
    number cannot start a formula).
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_row(values: Iterable[Any]) -> list[Any]:
    """Every cell of a row through :func:`csv_cell`."""
    return [csv_cell(v) for v in values]


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|~"})


def markdown_text(value: Any) -> str:
    """``value`` as inert Markdown text: HTML escaped, link/image/emphasis/table syntax backslash-escaped."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return html.escape(text.translate(_MD_SPECIAL), quote=False)
