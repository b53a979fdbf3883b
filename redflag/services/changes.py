"""What changed in the archive: documents new, changed or removed, and list entries added, removed or changed.

Read from what the archive records (``crawler/archive.py``): every new page version (``versions``: URL,
SHA-256, previous SHA-256, first seen), the URLs each run fetched (``fetches``), and every stored list set
with its records (``list_sets``/``list_records``). Two windows:

* ``since`` given (ISO 8601; UTC when no offset): versions first seen since then; a document is *removed*
  when the last completed run before ``since`` fetched it and the latest run, ending ``ok``, did not (a
  run ending ``partial`` proves nothing about a missing URL: its failures are listed as errors, not
  removals); list entries are compared between the set current at ``since`` and the latest set.
* no ``since``: per source, its latest completed run against the one before it, and per list its latest
  set against the one before it (the previous refresh).

A first download has no earlier state: every document is *new* and every entry *added*.
Entry fields compared (the field's standard term in brackets): name (names), aliases, listings
(programmes), identifiers, schema, countries, addresses, birth_dates.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from crawler.archive import Archive, RunRecord

FIELDS = {"name": "names", "aliases": "aliases", "listings": "programmes", "identifiers": "identifiers",
          "schema": "schema", "countries": "countries", "addresses": "addresses", "birth_dates": "birth_dates"}  # fmt: skip


@dataclass(frozen=True)
class DocumentChange:
    source_id: str
    url: str
    change: str  # new | changed | removed
    at: str  # when the version was first seen (removed: when the run that missed it started)
    title: str = ""


@dataclass(frozen=True)
class FieldChange:
    field: str  # names | aliases | programmes | identifiers | schema | countries | addresses | birth_dates
    added: list[str]
    removed: list[str]


@dataclass(frozen=True)
class EntryChange:
    source_id: str  # the list set's key (a crawled source's id, or import:FORMAT:files)
    dataset: str
    entity_id: str
    name: str
    change: str  # added | removed | changed
    at: str  # when the set holding the change was stored
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class ChangeReport:
    since: str | None
    documents: list[DocumentChange] = field(default_factory=list)
    entries: list[EntryChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since, "documents": [asdict(d) for d in self.documents],
                "entries": [asdict(e) for e in self.entries], "notes": list(self.notes)}  # fmt: skip

    def rows(self) -> list[dict[str, str]]:
        """One flat row per change (for tables): what, source, change, item, detail, at."""
        out = [{"what": "document", "source": d.source_id, "change": d.change, "item": d.title or d.url,
                "detail": d.url, "at": d.at} for d in self.documents]  # fmt: skip
        for e in self.entries:
            detail = "; ".join(
                f"{f.field}: " + ", ".join([*(f"+{v}" for v in f.added), *(f"-{v}" for v in f.removed)])
                for f in e.fields
            )
            out.append({"what": "list entry", "source": e.source_id, "change": e.change,
                        "item": f"{e.name} ({e.entity_id})", "detail": detail, "at": e.at})  # fmt: skip
        return out


def parse_since(text: str) -> str:
    """ISO 8601 date or time -> the archive's UTC form (``2026-01-02T03:04:05+00:00``); ValueError otherwise."""
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"--since {text!r} is not an ISO 8601 date or time (e.g. 2026-01-31T12:00)") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")


def _matches(key: str, source: str | None) -> bool:
    return source is None or key == source or key.startswith(source + ":")


def _completed(runs: list[RunRecord]) -> list[RunRecord]:
    return [r for r in runs if r.finished and r.outcome in ("ok", "partial")]


def _values(name: str, value: Any) -> set[str]:
    if value is None or value == "" or value == []:
        return set()
    items = value if isinstance(value, list) else [value]
    out = set()
    for item in items:
        if isinstance(item, dict):
            if name == "listings":
                out.add(" ".join(str(item.get(k) or "") for k in ("authority", "list_code", "program")).strip())
            elif name == "identifiers":
                out.add(f"{item.get('scheme', '')}: {item.get('value', '')}")
            else:
                out.add(str(sorted(item.items())))
        else:
            out.add(str(item))
    return out


def entry_fields(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """The fields that differ between two versions of a list entry, with the values added and removed."""
    out = []
    for key, term in FIELDS.items():
        a, b = _values(key, old.get(key)), _values(key, new.get(key))
        if a != b:
            out.append(FieldChange(term, sorted(b - a), sorted(a - b)))
    return out


def _document_changes(archive: Archive, since: str | None, source: str | None, report: ChangeReport) -> None:
    titles = archive.document_urls()
    by_source: dict[str, list[RunRecord]] = {}
    for r in archive.runs():
        if _matches(r.source_id, source):
            by_source.setdefault(r.source_id, []).append(r)
    for sid, runs in sorted(by_source.items()):
        done = _completed(runs)
        if not done:
            continue
        current = done[-1]
        if since is None:
            start = current.started
            baseline = done[-2] if len(done) > 1 else None
        else:
            start = since
            earlier = [r for r in done if r.started < since]
            baseline = earlier[-1] if earlier else None
        # the archive's times have whole seconds: a run started in the second the previous one stored a version
        # sees that version too; keep each URL's last version, and no "new" for a URL the previous run had
        seen_before = archive.run_urls(baseline.run_id) if since is None and baseline is not None \
            and baseline.run_id != current.run_id else set()
        last: dict[str, dict[str, Any]] = {}
        for v in archive.version_history(start):
            if v["source_id"] == sid and v["url"] in titles:
                last[v["url"]] = v
        for v in last.values():
            change = "new" if v["previous_sha256"] is None else "changed"
            if change == "new" and v["url"] in seen_before:
                continue
            report.documents.append(DocumentChange(sid, v["url"], change, v["first_seen"], titles[v["url"]]))
        if baseline is None or baseline.run_id == current.run_id:
            continue
        missing = sorted(u for u in archive.run_urls(baseline.run_id) - archive.run_urls(current.run_id) if u in titles)
        if not missing:
            continue
        if current.outcome == "ok":
            report.documents += [DocumentChange(sid, u, "removed", current.started, titles[u]) for u in missing]
        else:
            report.notes.append(
                f"{sid}: {len(missing)} document(s) of the earlier run not fetched by the latest run, which "
                f"ended {current.outcome}: not reported as removed (see its errors)"
            )


def _entry_changes(archive: Archive, since: str | None, source: str | None, report: ChangeReport) -> None:
    keys = sorted({s["key"] for s in archive.list_sets() if _matches(s["key"], source)})
    for key in keys:
        sets = archive.list_sets(key)
        current = sets[-1]
        if since is None:
            baseline = sets[-2] if len(sets) > 1 else None
        else:
            if current["stored_at"] < since:
                continue
            earlier = [s for s in sets if s["stored_at"] < since]
            baseline = earlier[-1] if earlier else None
        new = archive.set_records(int(current["id"]))
        old = {} if baseline is None else archive.set_records(int(baseline["id"]))
        at, dataset = str(current["stored_at"]), str(current["dataset"])
        for rid in sorted(new.keys() - old.keys()):
            report.entries.append(EntryChange(key, dataset, rid, str(new[rid].get("name", "")), "added", at))
        for rid in sorted(old.keys() - new.keys()):
            report.entries.append(EntryChange(key, dataset, rid, str(old[rid].get("name", "")), "removed", at))
        for rid in sorted(new.keys() & old.keys()):
            if new[rid] == old[rid]:
                continue
            diff = entry_fields(old[rid], new[rid])
            if diff:
                report.entries.append(
                    EntryChange(key, dataset, rid, str(new[rid].get("name", "")), "changed", at, diff)
                )


def archive_changes(archive: Archive, since: str | None = None, source: str | None = None) -> ChangeReport:
    """Documents and list entries new, changed or removed since SINCE (the archive's UTC ISO form, see
    :func:`parse_since`) or, without it, since each source's previous refresh; SOURCE limits to one source id
    (list imports: ``import`` or ``import:FORMAT``)."""
    report = ChangeReport(since)
    _document_changes(archive, since, source, report)
    _entry_changes(archive, since, source, report)
    return report
