"""Investigator look-up commands (find, show) and the one resolver every ``--party``/``--entity`` option uses."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import typer

from redflag.cli.app import CliError, app, data_store, settings

if TYPE_CHECKING:
    from graph.store import GraphStore


def entity_arg(store: GraphStore, text: str) -> str:
    """The entity id TEXT stands for: an exact id wins; a name matching one entity clearly is used (said on
    stderr); an ambiguous or unknown name is a CliError listing the candidates (the command exits 1)."""
    from redflag.services.lookup import LookupError_, resolve_entity

    try:
        found = resolve_entity(store, text, match_threshold=settings().screen_threshold)
    except LookupError_ as exc:
        raise CliError(str(exc)) from None
    note = found.note(text)
    if note:
        print(note, file=sys.stderr)
    return found.id


def entity_args(store: GraphStore, texts: Iterable[str]) -> list[str]:
    """``entity_arg`` for each of several names or ids (a repeatable option). A value is split on commas only
    when every part is an entity id ("ent-1,ent-2"); otherwise it is one name ("ISAZA ARANGO, Ramon Maria")."""
    from redflag.services.lookup import ENTITY_IDS

    out = []
    for text in texts:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) > 1 and all(store.run(ENTITY_IDS, {"id": p}) for p in parts):
            out += parts
        elif text.strip():
            out.append(entity_arg(store, text))
    return out


def _clean(value: Any, width: int = 0) -> str:
    """Text from outside (names, passages) for a terminal: on one line, no control characters."""
    text = " ".join("".join(c if c.isprintable() else " " for c in str(value or "")).split())
    return text[:width] if width else text


def _line(values: Iterable[Any]) -> str:
    return ", ".join(dict.fromkeys(_clean(v) for v in values if v))


@app.command("find")
def find_cmd(
    name: str = typer.Argument(..., help="A name (or part of one) to look for among every entity."),
    limit: int = typer.Option(10, "--limit", min=1, help="At most this many candidates."),
    threshold: float = typer.Option(
        None, "--threshold", min=0.0, max=1.0, help="Minimum score, 0-1 (default $REDFLAG_SCREEN_REVIEW_THRESHOLD)."
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Look an entity up by name: scored candidates over every entity in the graph (list entities, deal
    parties, entities extracted from reports), each with id, schema, country, lists and programmes, origin.

    Not a screening: nothing is logged (use `redflag screen NAME` to screen a party against the lists).
    """
    from redflag.services.lookup import LookupError_, find_entities

    cfg = settings()
    threshold = cfg.screen_review_threshold if threshold is None else threshold
    with data_store(cfg) as store:
        try:
            hits = find_entities(store, name, limit=limit, threshold=threshold)
        except LookupError_ as exc:
            raise CliError(str(exc)) from None
    if as_json:
        print(json.dumps({"query": name, "threshold": threshold, "candidates": hits}, indent=2, ensure_ascii=False))
        return
    if not hits:
        print(f"no entity named like {name!r} at or above {threshold}")
    for h in hits:
        other = h["matched_name"]
        matched = "" if other == h["name"] else " (" + _clean(f"matched {other!r}") + ")"
        print(f"{h['score']:.3f}  {h['id']}  {_clean(h['name'])}{matched}")
        print(f"       {h['schema'] or 'entity'}; {_line(h['countries']) or 'no country'}; "
              f"lists: {_line(h['lists'] + h['programs']) or 'none'}; origin: {_line(h['origin']) or 'unknown'}")


@app.command("show")
def show_cmd(
    entity: str = typer.Argument(..., help="Entity id or name."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many mentions, events and neighbours."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Everything known about one entity: names and aliases, identifiers, lists and programmes (with the list
    versions loaded), addresses, mentions with their passages and sources, events, neighbours by relationship."""
    from redflag.services.lookup import entity_report

    with data_store(settings()) as store:
        eid = entity_arg(store, entity)
        doc = entity_report(store, eid, limit=limit)
    if doc is None:  # resolved a moment ago: only a concurrent delete gets here
        raise CliError(f"entity {eid!r} is no longer in the graph")
    if as_json:
        print(json.dumps(doc, indent=2, ensure_ascii=False, default=str))
        return
    print(f"{_clean(doc['name'])}  ({doc['id']}; {doc['schema'] or 'entity'}; origin: {_line(doc['origin']) or 'unknown'})")
    if doc["aliases"]:
        print(f"  also known as: {_line(doc['aliases'])}")
    print(f"  countries: {_line(doc['countries']) or 'none recorded'}")
    for k, v in doc["identifiers"].items():
        print(f"  {k}: {v}")
    print("  lists and programmes:" + ("" if doc["listings"] else " none"))
    from redflag.screening_ops.grounds import dated

    for li in doc["listings"]:
        ver = li.get("list_version") or {}
        version = f"list version {ver.get('source_id')} {dated(ver)}" if ver else \
            "list version not recorded"
        print(f"    {_line([li.get('authority'), li.get('list_code'), li.get('program')])} "
              f"({'from ' + str(li['start_date']) if li.get('start_date') else 'listing date not given'}"
              f"{' to ' + str(li['end_date']) if li.get('end_date') else ''}; "
              f"{li.get('dataset') or ''}; {version})")
    print("  addresses:" + ("" if doc["addresses"] else " none recorded"))
    for a in doc["addresses"]:
        print(f"    {_clean(a)}")
    print(f"  mentions ({len(doc['mentions'])}):")
    for m in doc["mentions"]:
        print(f"    {_clean(m.get('publisher') or m.get('title') or 'source')} {_clean(m.get('url'))}")
        print(f"      \"{_clean(m.get('text'), 300)}\"")
    print(f"  events ({len(doc['events'])}):")
    for ev in doc["events"]:
        print(f"    {ev.get('date') or 'undated'} {ev.get('type')} ({ev.get('role') or 'participant'}; "
              f"{ev.get('status') or 'extracted'})")
        for text, url in list(zip(ev.get("passages") or [], ev.get("urls") or [], strict=False))[:2]:
            print(f"      \"{_clean(text, 200)}\" {_clean(url)}")
    print("  neighbours:" + ("" if doc["neighbours"] else " none"))
    for rel, rows in doc["neighbours"].items():
        print(f"    {rel}:")
        for n in rows:
            arrow = "->" if n["direction"] == "out" else "<-"
            print(f"      {arrow} {_clean(n['name'])} ({n['id']}){' ' + n['note'] if n.get('note') else ''}")
    if doc["transactions"]:
        print("  deals: " + "; ".join(f"{t['id']} as {t['role']}" for t in doc["transactions"]))
