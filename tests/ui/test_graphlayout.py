"""Stable positions for the network explorer (ui/graphlayout.py)."""

from __future__ import annotations

import math

from ui import graphlayout


def _min_distance(points: list[tuple[float, float]]) -> float:
    return min(math.hypot(a[0] - b[0], a[1] - b[1]) for i, a in enumerate(points) for b in points[i + 1 :])


def test_the_first_node_sits_at_the_origin_and_its_neighbours_keep_their_distance() -> None:
    pos = graphlayout.place({}, None, ["centre"])
    assert pos == {"centre": (0.0, 0.0)}
    pos |= graphlayout.place(pos, "centre", [f"n{i}" for i in range(25)])
    assert len(pos) == 26
    assert _min_distance(list(pos.values())) >= graphlayout.SPACING - 0.5  # captions cannot overlap


def test_an_expansion_moves_no_node_already_drawn() -> None:
    pos = graphlayout.place({}, None, ["c"])
    pos |= graphlayout.place(pos, "c", ["a", "b", "d"])
    before = dict(pos)
    added = graphlayout.place(pos, "a", ["a1", "a2", "a3", "b"])  # "b" is drawn already: it stays
    assert set(added) == {"a1", "a2", "a3"}
    pos |= added
    assert all(pos[k] == v for k, v in before.items())
    assert _min_distance(list(pos.values())) >= graphlayout.SPACING - 0.5


def test_new_neighbours_go_to_the_side_facing_away_from_the_centre() -> None:
    pos = {"c": (0.0, 0.0), "east": (230.0, 0.0)}
    added = graphlayout.place(pos, "east", ["x", "y"])
    assert all(p[0] >= 230.0 for p in added.values()), added  # none between it and the centre


def test_the_same_expansions_give_the_same_picture() -> None:
    def run() -> dict[str, tuple[float, float]]:
        pos = graphlayout.place({}, None, ["c"])
        pos |= graphlayout.place(pos, "c", list("abcdefgh"))
        pos |= graphlayout.place(pos, "b", ["b1", "b2"])
        return pos

    assert run() == run()


def test_a_path_is_drawn_left_to_right_and_a_small_drawing_is_not_blown_up() -> None:
    row = graphlayout.left_to_right(4)
    assert [p[0] for p in row] == sorted(p[0] for p in row) and len({p[1] for p in row}) == 1
    assert graphlayout.fit_padding([(0.0, 0.0)], view=560) > graphlayout.fit_padding(row, view=560) >= 60
