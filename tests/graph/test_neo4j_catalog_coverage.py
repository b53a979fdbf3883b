"""Every query of the catalog is executed with data on a real Neo4j by a named ``neo4j`` test (tests/neo4j_catalog.py),
or listed there as not yet, with the reason. Adding a query to the catalog without a Neo4j test that runs it fails
here; that the named test really runs it with rows is checked when that test runs (tests/neo4j_server.py)."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

from test_cypher_lint import _modules_with_queries

from graph import queries
from tests.neo4j_catalog import COVERAGE, NOT_YET, claimed_by, missing

TESTS = Path(__file__).resolve().parents[1]


def _catalog() -> set[str]:
    """The queries the product's modules register, read in a fresh interpreter: in a whole test run the test
    modules register queries of their own (``test.*``, ``faults.*``), which are not the catalog."""
    code = (
        "import importlib, json, sys\n"
        "from graph import queries\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(queries.REGISTRY)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *_modules_with_queries()], cwd=TESTS.parent,
                          capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(done.stdout))


def test_every_catalog_query_has_a_neo4j_test_that_executes_it_or_a_reason_it_has_none() -> None:
    catalog = _catalog()
    assert len(catalog) >= 100, "the catalog looks empty: the query modules were not imported"
    uncovered = sorted(catalog - set(COVERAGE) - set(NOT_YET))
    assert not uncovered, (
        "no neo4j test executes these catalog queries with data (add one and name it in tests/neo4j_catalog.py "
        f"COVERAGE): {', '.join(uncovered)}"
    )
    assert not set(COVERAGE) & set(NOT_YET), "a query is both covered and listed as not yet"
    assert not (set(COVERAGE) | set(NOT_YET)) - catalog, "tests/neo4j_catalog.py names queries the catalog lacks"


def test_every_test_named_in_the_coverage_table_exists_and_is_a_neo4j_test() -> None:
    files = {p.name: p for p in TESTS.rglob("test_*.py")}
    for test in sorted(set(COVERAGE.values())):
        file, function = test.split("::")
        assert file in files, f"{test}: no such test file"
        text = files[file].read_text(encoding="utf-8")
        assert re.search(rf"^def {re.escape(function)}\(", text, re.MULTILINE), f"{test}: no such test"
        assert "pytest.mark.neo4j" in text, f"{test}: not in a neo4j test module"


def test_the_check_fails_a_test_that_did_not_run_its_query_with_rows() -> None:
    test = COVERAGE["stewardship.grievances"]
    claimed = claimed_by(test)
    assert "stewardship.grievances" in claimed
    seen = dict.fromkeys(claimed, 1)
    assert missing(claimed, seen) == []
    seen["stewardship.grievances"] = 0  # ran, returned nothing
    assert missing(claimed, seen) == ["stewardship.grievances"]
    for name in _modules_with_queries():  # the catalog's modules, in this process: their queries' write flags
        importlib.import_module(name)
    write = next(n for n in claimed if queries.REGISTRY[n].write)
    assert missing([write], {write: 0}) == [] and missing([write], {}) == [write]
