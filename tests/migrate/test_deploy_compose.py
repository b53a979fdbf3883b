"""deploy/docker-compose.yml parses and holds what docs/DEPLOY.md says it does (this machine cannot run Docker,
so this is all that is checked about it here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "deploy" / "docker-compose.yml"


@pytest.fixture(scope="module")
def neo4j_service() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed: the compose file was not parsed")
    document = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(document, dict) and set(document) >= {"services", "volumes", "secrets"}
    service: dict[str, Any] = document["services"]["neo4j"]
    return service


def test_the_image_is_neo4j_5_lts_community(neo4j_service: dict[str, Any]) -> None:
    repository, tag = neo4j_service["image"].split(":")
    assert repository == "neo4j"
    assert tag.startswith("5.26") and tag.endswith("community")


def test_the_password_comes_from_a_secret_file_not_the_file_itself(neo4j_service: dict[str, Any]) -> None:
    env = neo4j_service["environment"]
    assert env["NEO4J_AUTH_FILE"] == "/run/secrets/neo4j_auth"
    assert "NEO4J_AUTH" not in env
    assert neo4j_service["secrets"] == ["neo4j_auth"]


def test_memory_is_set_and_ports_are_loopback_only(neo4j_service: dict[str, Any]) -> None:
    env = neo4j_service["environment"]
    for key in (
        "NEO4J_server_memory_heap_initial__size",
        "NEO4J_server_memory_heap_max__size",
        "NEO4J_server_memory_pagecache_size",
    ):
        assert str(env[key]).endswith("g"), key
    assert all(str(p).startswith("127.0.0.1:") for p in neo4j_service["ports"])


def test_the_deploy_doc_names_the_same_image() -> None:
    doc = (ROOT / "docs" / "DEPLOY.md").read_text(encoding="utf-8")
    assert "neo4j:5.26-community" in doc
    assert "deploy/docker-compose.yml" in doc
