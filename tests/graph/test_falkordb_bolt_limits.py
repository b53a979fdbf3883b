"""Re-checks the FalkorDB Bolt-endpoint limits that the contract suite works around (tests/graph/bolt_bench.py).

Each limit is a strict xfail: the test states the behaviour we would want; while FalkorDB still has the bug
it xfails, and the day an upgrade fixes it the test XPASSes, fails the run, and tells us to lift the exclusion.
Each test runs its own server because a failing case can crash it. The driver's retries are turned off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from bolt_bench import free_port
from neo4j import exceptions as nx

from graph import falkordb_server


def _driver(port: int) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(
        f"bolt://127.0.0.1:{port}", auth=("default", ""), connection_timeout=3, max_transaction_retry_time=0
    )


@pytest.fixture
def bolt(data_dir: Path, request: pytest.FixtureRequest) -> Iterator[tuple[neo4j.Driver, Path]]:
    appendonly = getattr(request, "param", False)
    graph_dir = data_dir / "bolt"
    port = free_port()
    try:
        falkordb_server.ensure_running(graph_dir, bolt_port=port, appendonly=appendonly)
        driver = _driver(port)
        try:
            yield driver, graph_dir
        finally:
            driver.close()
    finally:
        falkordb_server.stop(graph_dir)


def _run(driver: neo4j.Driver, text: str, **params: object) -> list[dict[str, object]]:
    records, _, _ = driver.execute_query(text, params, database_="g")
    return [r.data() for r in records]


def test_the_bolt_bench_itself_works_for_plain_values(bolt: tuple[neo4j.Driver, Path]) -> None:
    driver, _ = bolt
    _run(
        driver,
        "UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n += r.props",
        rows=[{"id": "a", "props": {"v": 1}}],
    )
    assert _run(driver, "MATCH (n:Entity {id: $id}) RETURN n.v AS v", id="a") == [{"v": 1}]


@pytest.mark.xfail(
    strict=True, reason="FalkorDB 4.16 aborts on a Bolt write with appendonly yes (blocked.c:345)"
)
@pytest.mark.parametrize("bolt", [True], indirect=True)
def test_a_bolt_write_with_the_append_only_log_on_keeps_the_server_up(
    bolt: tuple[neo4j.Driver, Path],
) -> None:
    driver, graph_dir = bolt
    try:
        _run(driver, "CREATE (n:Entity {id: 'a'}) RETURN n.id AS id")
    except (nx.Neo4jError, nx.DriverError):
        pass
    assert falkordb_server.status(graph_dir) == "running"


@pytest.mark.xfail(strict=True, reason="FalkorDB 4.16's Bolt endpoint crashes on parameters over about 4 kB")
def test_a_10_kb_parameter_over_bolt_round_trips(bolt: tuple[neo4j.Driver, Path]) -> None:
    driver, graph_dir = bolt
    value = "x" * 10_000
    try:
        assert _run(driver, "RETURN $v AS v", v=value) == [{"v": value}]
    finally:
        assert falkordb_server.status(graph_dir) == "running"


@pytest.mark.xfail(strict=True, reason="FalkorDB 4.16's Bolt endpoint pastes ' unescaped into the query text")
def test_a_quote_in_a_bolt_parameter_is_just_a_value(bolt: tuple[neo4j.Driver, Path]) -> None:
    driver, _ = bolt
    _run(driver, "UNWIND range(1, 5) AS i CREATE (:Entity {id: toString(i)})")
    hostile = "' MATCH (m) DETACH DELETE m //"
    try:
        _run(driver, "RETURN $v AS v", v=hostile)
    except (nx.Neo4jError, nx.DriverError, IndexError):
        pass  # the driver may choke on the answer; what matters is the graph
    assert _run(driver, "MATCH (n) RETURN count(n) AS c") == [{"c": 5}]
