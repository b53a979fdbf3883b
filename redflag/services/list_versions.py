"""List versions in the graph: written when lists load, read by every screening and by ``redflag status``.

One ``ListVersion`` node per archive list set (a crawled source, or one ``redflag import``), keyed by the set's
key and overwritten when a newer version of the same list loads. Its properties: ``source_id``, ``dataset``,
``sha256`` (digest of the set's inputs), ``files`` (JSON: each file's name, SHA-256, size, date, publication
date), ``file_sha256`` (the files' SHA-256, for queries), ``published``, ``date`` (the version's date: the
stated publication date, else the newest file date), ``entity_count``, ``stored_at`` (archived) and ``loaded_at``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from crawler.archive import Archive
from graph.queries import q
from graph.store import GraphStore, NodeRecord
from redflag.screening_ops.grounds import Grounds, ListFileVersion, ListVersion, judge_grounds
from redflag.settings import Settings

LIST_VERSIONS = q(
    "list_versions.all",
    "MATCH (v:ListVersion) RETURN v.id AS key, v.source_id AS source_id, v.dataset AS dataset, v.sha256 AS sha256, "
    "v.files AS files, v.entity_count AS entity_count, v.stored_at AS stored_at, v.loaded_at AS loaded_at "
    "ORDER BY key",
)
LISTED_COUNT = q(
    "list_versions.listed_count",
    "MATCH (e:Entity) WHERE e.listed = true RETURN count(e) AS n",
)


def source_of(key: str) -> str:
    """The source id of a list-set key: ``import:ofac:sdn.csv,...`` -> ``import:ofac``; a crawled key is its source."""
    parts = key.split(":")
    return ":".join(parts[:2]) if parts[0] == "import" and len(parts) > 2 else key


def version_from_archive(row: dict[str, Any]) -> ListVersion:
    """A :class:`ListVersion` from one row of :meth:`crawler.archive.Archive.list_versions`."""
    return ListVersion(
        key=str(row["key"]), source_id=source_of(str(row["key"])), dataset=str(row["dataset"]),
        sha256=str(row["sha256"]), files=tuple(ListFileVersion.from_dict(f) for f in row.get("files", [])),
        entity_count=int(row.get("entity_count") or 0), stored_at=str(row.get("stored_at") or ""),
    )


def load_list_versions(store: GraphStore, archive: Archive) -> list[ListVersion]:
    """Write one ``ListVersion`` node per current archive list set (after its records are loaded)."""
    loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
    versions = [version_from_archive(r) for r in archive.list_versions()]
    store.merge_nodes(
        NodeRecord(
            "ListVersion",
            v.key,
            {
                "source_id": v.source_id, "dataset": v.dataset, "sha256": v.sha256,
                "files": json.dumps([f.to_dict() for f in v.files], ensure_ascii=False, sort_keys=True),
                "file_sha256": [f.sha256 for f in v.files], "published": v.published, "date": v.date,
                "entity_count": v.entity_count, "stored_at": v.stored_at, "loaded_at": loaded_at,
            },
        )
        for v in versions
    )
    return versions


def read_list_versions(store: GraphStore) -> list[ListVersion]:
    """The list versions loaded in the graph, by key."""
    out = []
    for r in store.run(LIST_VERSIONS):
        try:
            files = json.loads(r["files"] or "[]")
        except (TypeError, ValueError):
            files = []
        out.append(ListVersion(
            key=str(r["key"]), source_id=str(r["source_id"] or ""), dataset=str(r["dataset"] or ""),
            sha256=str(r["sha256"] or ""), files=tuple(ListFileVersion.from_dict(f) for f in files),
            entity_count=int(r["entity_count"] or 0), stored_at=str(r["stored_at"] or ""),
            loaded_at=str(r["loaded_at"] or ""),
        ))
    return out


def listed_entities(store: GraphStore) -> int:
    """How many list entities (``listed = true``) the graph holds: the candidates of every screening."""
    rows = store.run(LISTED_COUNT)
    return int(rows[0]["n"]) if rows else 0


def screening_grounds(store: GraphStore, settings: Settings, now: datetime | None = None) -> Grounds:
    """The grounds for a screening now: list versions, staleness against ``REDFLAG_LIST_MAX_AGE_DAYS``.

    Raises :class:`redflag.screening_ops.grounds.NoListLoaded` when no list entity is loaded.
    """
    return judge_grounds(read_list_versions(store), listed_entities(store), settings.list_max_age_days,
                         settings.data_dir, now)


def status_versions(store: GraphStore, settings: Settings) -> list[dict[str, Any]]:
    """Every loaded list version with its age in days and whether it is stale (``redflag status``)."""
    now = datetime.now(UTC)
    out = []
    for v in read_list_versions(store):
        d = v.to_dict(now)
        age = d.get("age_days")
        d["stale"] = v.entity_count > 0 and (age is None or age > settings.list_max_age_days)
        out.append(d)
    return out
