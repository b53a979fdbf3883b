"""Stable node positions for the network explorer and the path drawings.

The explorer grows by expansion: the nodes already drawn keep their places, and the new neighbours of the
expanded node take the free places nearest to it, first on the side that points away from the centre. Two
nodes are never closer than ``SPACING`` pixels (centre to centre), which is wider than a caption
(``graphview`` cuts captions to one line of at most ``CAPTION_WIDTH`` pixels), so captions do not overlap.
The drawing is then fitted to the view by Cytoscape's ``preset`` layout. Everything here is deterministic:
the same expansions in the same order give the same picture.

Positions are Cytoscape model coordinates in pixels, ``(x, y)`` with y pointing down.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

CAPTION_WIDTH = 150.0  # px: the widest caption graphview draws (one line, cut with an ellipsis)
SPACING = CAPTION_WIDTH + 30.0  # px between any two node centres
RING = 230.0  # px from an expanded node to its nearest new neighbours
RINGS = 40  # how far out the search for a free place goes (RING + RINGS * SPACING * 0.75 px)
HOP = 200.0  # px between the hops of a path drawn left to right (captions alternate above and below)

Point = tuple[float, float]


def _free(p: Point, taken: Iterable[Point]) -> bool:
    return all(math.hypot(p[0] - q[0], p[1] - q[1]) >= SPACING - 1e-6 for q in taken)


def place(positions: Mapping[str, Point], parent: str | None, new: Iterable[str]) -> dict[str, Point]:
    """Positions for ``new`` node ids around ``parent``; nodes already in ``positions`` are not moved.

    ``positions``: the nodes drawn so far (id -> (x, y) px); ``parent``: the expanded node (None or unknown:
    the first node goes to (0, 0) and the rest around it). Returns the new nodes' positions only, each at
    least ``SPACING`` px from every other node, nearest the parent first, on the side facing away from
    (0, 0) where possible. The order of ``new`` decides who gets the nearest places.
    """
    taken: list[Point] = list(positions.values())
    out: dict[str, Point] = {}
    todo = [n for n in dict.fromkeys(new) if n not in positions]
    if parent is None or parent not in positions:
        if not todo:
            return out
        if not taken:
            out[todo[0]] = (0.0, 0.0)
            taken.append((0.0, 0.0))
            parent, todo = todo[0], todo[1:]
            origin: Point = (0.0, 0.0)
        else:
            origin = taken[0]
    else:
        origin = positions[parent]
    centre = out.get(parent, origin) if parent is not None else origin
    facing = math.atan2(centre[1], centre[0]) if (centre[0] or centre[1]) else None
    candidates: list[tuple[float, Point]] = []
    for k in range(RINGS):
        radius = RING + k * SPACING * 0.75
        steps = max(6, int(2 * math.pi * radius // SPACING))
        for i in range(steps):
            angle = 2 * math.pi * i / steps + (k % 2) * math.pi / steps
            if facing is None:
                off = 0.0
            else:
                off = abs((angle - facing + math.pi) % (2 * math.pi) - math.pi)  # 0 .. pi from the outward side
            cost = radius * (1.0 + off / math.pi)
            candidates.append((cost, (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))))
    candidates.sort(key=lambda c: (round(c[0], 6), c[1]))
    for node in todo:
        for _, point in candidates:
            if _free(point, taken):
                out[node] = (round(point[0], 1), round(point[1], 1))
                taken.append(out[node])
                break
        else:  # every ring is full: a new row beyond everything drawn
            far = max((q[1] for q in taken), default=0.0) + SPACING
            out[node] = (round(centre[0], 1), round(far, 1))
            taken.append(out[node])
    return out


def left_to_right(count: int, y: float = 0.0) -> list[Point]:
    """``count`` positions on one row, ``HOP`` px apart, for a path drawn from its first node to its last."""
    return [(i * HOP, y) for i in range(count)]


def fit_padding(positions: Iterable[Point], view: float = 560.0, max_zoom: float = 1.25) -> int:
    """Padding (px) for Cytoscape's fit so a small drawing is not blown up beyond ``max_zoom``.

    ``view``: the smaller side of the drawing area in px. A drawing whose extent times ``max_zoom`` is
    smaller than the view gets the rest as padding; never less than 60 px (the component's folded side panel is about 20 px wide).
    """
    pts = list(positions)
    if not pts:
        return 60
    width = max(p[0] for p in pts) - min(p[0] for p in pts) + SPACING
    height = max(p[1] for p in pts) - min(p[1] for p in pts) + SPACING
    extent = max(width, height)
    return int(max(60.0, (view - extent * max_zoom) / 2))
