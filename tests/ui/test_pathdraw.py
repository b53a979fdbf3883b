"""A diversion path drawn left to right (ui/pathdraw.py), on the shape redflag.paths.find_paths returns."""

from __future__ import annotations

from ui import pathdraw

PATH = {  # the demo world's diversion path, as `redflag paths --transaction DEMO-DIVERSION --json` prints it
    "nodes": [
        {"id": "acme", "name": "Acme Vision Systems", "labels": ["Entity"]},
        {"id": "northgate", "name": "Northgate Distribution", "labels": ["Entity"]},
        {"id": "meridian", "name": "Meridian Freight Services FZE", "labels": ["Entity"]},
        {"id": "ent-1", "name": "Meridian Freight Services FZE", "labels": ["Entity"]},
        {"id": "ent-2", "name": "Helix Integrators LLC", "labels": ["Entity"]},
    ],
    "relationships": [
        {"type": "DEAL", "source": "acme", "target": "northgate",
         "evidence": [{"kind": "transaction", "passage": "Northgate Distribution is the deal's customer"}]},
        {"type": "DEAL", "source": "northgate", "target": "meridian",
         "evidence": [{"kind": "transaction", "passage": "Meridian Freight Services FZE is the deal's consignee"}]},
        {"type": "POSSIBLY_SAME_AS", "source": "ent-1", "target": "meridian",
         "evidence": [{"kind": "resolution", "passage": "score 0.8699: name_exact 1.00"}]},
        {"type": "SUPPLIED", "source": "ent-1", "target": "ent-2", "status": "extracted",
         "evidence": [{"kind": "passage", "source": "Sample Wire", "tier": 3, "confidence": 0.7, "hedged": False}]},
    ],
}  # fmt: skip


def test_the_path_reads_left_to_right_from_the_transaction_with_a_reason_on_each_hop() -> None:
    nodes, edges, positions, captions = pathdraw.drawing(PATH, {"id": "TX", "name": "Transaction TX"})
    assert [n["id"] for n in nodes] == ["TX", "acme", "northgate", "meridian", "ent-2"]
    xs = [positions[n["id"]][0] for n in nodes]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert [captions[e["id"]] for e in edges] == [
        "party of the deal", "deal: customer", "deal: consignee",
        "supplied · Sample Wire · tier 3 · confidence 0.70 · not yet confirmed",
    ]  # fmt: skip


def test_two_records_of_one_name_are_drawn_once_and_say_why() -> None:
    nodes, edges, _, _ = pathdraw.drawing(PATH)
    names = [n["name"] for n in nodes]
    assert sum(n.startswith("Meridian Freight Services FZE") for n in names) == 1
    assert "2 records, possibly the same as (candidate, score 0.8699)" in names[2]
    assert (edges[-1]["source"], edges[-1]["target"]) == ("meridian", "ent-2")  # the supply hop leaves the merged node


def test_a_relation_that_points_back_is_drawn_pointing_back() -> None:
    path = {"nodes": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "relationships": [{"type": "DIRECTOR_OF", "source": "b", "target": "a", "evidence": []}]}  # fmt: skip
    _, edges, _, captions = pathdraw.drawing(path)
    assert (edges[0]["source"], edges[0]["target"]) == ("b", "a") and captions[edges[0]["id"]] == "director of"
