"""Outputs neutralize hostile cells (issue 15 item 3), through the real CLI on a fresh data folder.

Deal data and a parties file carry markup (``<script>``, ``<img onerror>``, a ``javascript:`` link) and
spreadsheet formulas (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``, ``-2+3``). The Markdown report must
render (CommonMark, raw HTML allowed, as most renderers do) without any live element or link; every CSV the
tool writes (graph export, bulk screening report, audit log export) must start no cell like a formula.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from graph import falkordb_server
from ontology.neutralize import FORMULA_PREFIXES, csv_cell, markdown_text

FIXTURES = Path(__file__).parents[1] / "fixtures"
DEALS = FIXTURES / "hardening" / "hostile_deals.json"
PARTIES = FIXTURES / "hardening" / "hostile_parties.csv"
OFAC = FIXTURES / "crawler" / "site" / "lists" / "ofac"
FORMULAS = ['=HYPERLINK("http://evil.example/x","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd"]

pytestmark = pytest.mark.slow


def redflag(data: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}
    done = subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data), *args],
                          env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data = tmp_path_factory.mktemp("hostile-outputs")
    out = data / "out"
    try:
        # a list first: deal import and reports screen the parties and refuse with no list loaded
        redflag(data, "import", "ofac", *(str(OFAC / f) for f in ("sdn.csv", "add.csv", "alt.csv")))
        redflag(data, "import-deals", str(DEALS))
        redflag(data, "report", "--transaction", "EVIL-1", "--format", "md", "--out", str(data / "report.md"))
        redflag(data, "screen", "--file", str(PARTIES), "--out", str(data / "screening.csv"))
        redflag(data, "screening-log", "--format", "csv", "--out", str(data / "audit.csv"))
        redflag(data, "export", "--format", "csv", "--out", str(out))
        yield data
    finally:
        falkordb_server.stop(data / "graph")


def test_the_markdown_report_renders_no_markup_from_deal_data(outputs: Path) -> None:
    md = (outputs / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    # the data is still there, as text a reader can see
    assert "&lt;script&gt;alert(1)&lt;/script&gt; cameras" in rendered
    assert "&lt;img src=x onerror=alert(1)&gt; Trading" in rendered
    assert "[click me](javascript:alert(1))" in rendered


@pytest.mark.parametrize("name", ["screening.csv", "audit.csv", "out/nodes.csv", "out/relationships.csv"])
def test_no_csv_cell_starts_like_a_formula(outputs: Path, name: str) -> None:
    with (outputs / name).open(encoding="utf-8", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert cells
    assert [c for c in cells if c.startswith(FORMULA_PREFIXES)] == []


def test_the_hostile_values_are_kept_behind_a_quote(outputs: Path) -> None:
    screening = (outputs / "screening.csv").read_text(encoding="utf-8")
    nodes = (outputs / "out" / "nodes.csv").read_text(encoding="utf-8")
    for formula in FORMULAS[:2]:
        assert list(csv.reader([screening.splitlines()[0]]))  # a header row
        assert any(cell == "'" + formula for row in csv.reader(screening.splitlines()) for cell in row), formula
    for formula in FORMULAS:
        assert any(cell == "'" + formula for row in csv.reader(nodes.splitlines()) for cell in row), formula
    assert "'-2+3" in screening


def test_the_shared_rules() -> None:
    assert [csv_cell(v) for v in ("=1+1", "+1", "-x", "@a", "\tx", "\rx", "a=b", None, -3, 2.5, True)] == [
        "'=1+1", "'+1", "'-x", "'@a", "'\tx", "'\rx", "a=b", "", -3, 2.5, True,
    ]  # fmt: skip
    assert markdown_text("a|b\n<i>c</i> [d](e) *f* `g`") == "a\\|b &lt;i&gt;c&lt;/i&gt; \\[d\\](e) \\*f\\* \\`g\\`"
