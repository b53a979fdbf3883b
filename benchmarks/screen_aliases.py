"""Held-out screening quality: real OFAC aliases screened against the primary names alone.

    .venv/bin/python benchmarks/screen_aliases.py [OFAC_FOLDER] [--threshold 0.80] [--errors]

The screening weights were tuned on the project's own labelled pairs; this set was never looked at while
tuning. Each SDN entry's alternate names (the ALT file: a.k.a., f.k.a., n.k.a.) become queries; the screener
holds the primary names only (aliases withheld), so an alias is found only if the matcher sees that it names
the same entry. Reported, at the threshold:

- recall: the alias's own entry is among the matches;
- wrong hits: matches to other entries (precision = own hits / all hits);
- both split by alias kind: a *variant* shares at least one word with the primary name (respellings, legal forms,
  transliterations, word order, but also another person with the same given name); a *different name* shares
  none (a nom de guerre, a renamed company), which
  no name matcher is expected to find from the name alone.

Entries are split in two by the parity of their number: errors may be read (and the matcher changed) on the
``tuning`` half only, so that the ``held-out`` half stays unseen. Default folder: the real OFAC sample rows
bundled with the tests (tests/fixtures/crawler/ofac).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.parsers.lists import ListFile, parse_files  # noqa: E402
from redflag.matching.analysis import analyze_name  # noqa: E402
from redflag.matching.screening import DEFAULT_THRESHOLD, Candidate, Screener  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "crawler" / "ofac"


@dataclass
class AliasQuery:
    entry: str
    primary: str
    alias: str
    kind: str  # variant | different


@dataclass
class KindFigures:
    queries: int = 0
    found: int = 0
    wrong_hits: int = 0
    misses: list[AliasQuery] = field(default_factory=list)
    wrong: list[tuple[AliasQuery, str, float]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.queries if self.queries else 1.0

    @property
    def precision(self) -> float:
        hits = self.found + self.wrong_hits
        return self.found / hits if hits else 1.0


def alias_kind(alias: str, primary: str) -> str:
    # words as written (not the compared forms of generic words), so that the split stays what it was
    shared = set(analyze_name(alias).words) & set(analyze_name(primary).words)
    return "variant" if shared else "different"


def load(folder: Path) -> tuple[list[Candidate], list[AliasQuery]]:
    """Primary-name candidates (aliases withheld) and one query per distinct alias of each entry."""
    files = [ListFile(name=p.name, data=p.read_bytes()) for p in sorted(folder.glob("*.csv"))]
    parsed = parse_files("ofac", files)
    candidates, queries = [], []
    for e in parsed.entities:
        full = Candidate.from_list_entity(e)
        candidates.append(Candidate(id=full.id, name=full.name, countries=full.countries, schema=full.schema,
                                    lists=full.lists, programs=full.programs))  # fmt: skip
        seen = {analyze_name(e.name).normalized}
        for alias in [*e.aliases, *e.weak_aliases]:  # weak ones (remarks-only a.k.a.s) are asked too
            norm = analyze_name(alias).normalized
            if not norm or norm in seen:
                continue
            seen.add(norm)
            queries.append(AliasQuery(e.id, e.name, alias, alias_kind(alias, e.name)))
    return candidates, queries


def half_of(entry_id: str) -> str:
    """``tuning`` or ``held-out``: entries split by the parity of their number (ent_num), fixed for ever."""
    digits = "".join(ch for ch in entry_id if ch.isdigit())
    return "tuning" if digits and int(digits) % 2 == 0 else "held-out"


def measure(folder: Path, threshold: float = DEFAULT_THRESHOLD, half: str = "all") -> dict[str, KindFigures]:
    """Figures over the aliases of one half of the entries (``tuning``, ``held-out``) or of all of them.

    Screening always runs against every entry's primary name: a half only chooses which aliases are asked.
    """
    candidates, queries = load(folder)
    if half != "all":
        queries = [q for q in queries if half_of(q.entry) == half]
    screener = Screener(candidates)
    out = {"variant": KindFigures(), "different": KindFigures(), "all": KindFigures()}
    for query in queries:
        matches = screener.screen(query.alias, threshold=threshold, limit=10).matches
        own = any(m.id == query.entry for m in matches)
        others = [m for m in matches if m.id != query.entry]
        for fig in (out[query.kind], out["all"]):
            fig.queries += 1
            fig.found += int(own)
            fig.wrong_hits += len(others)
            if not own:
                fig.misses.append(query)
            fig.wrong += [(query, m.name, m.score) for m in others]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=FIXTURE)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--half", choices=("all", "tuning", "held-out"), default="all",
                    help="the aliases of even-numbered entries (tuning) or odd-numbered ones (held-out)")
    ap.add_argument("--errors", action="store_true", help="list misses and wrong hits")
    args = ap.parse_args(argv)
    figures = measure(args.folder, args.threshold, args.half)
    print(f"threshold {args.threshold:.2f}, aliases of {args.half} entries")
    for kind, f in figures.items():
        print(f"{kind:>9}: {f.queries:4d} aliases  recall {f.recall:.3f}  wrong hits {f.wrong_hits:3d}  "
              f"precision {f.precision:.3f}")  # fmt: skip
    if args.errors:
        for q in figures["variant"].misses:
            print(f"missed variant: {q.alias!r} (primary {q.primary!r})")
        for q, name, score in figures["all"].wrong:
            print(f"wrong hit: {q.alias!r} -> {name!r} {score:.3f} (own primary {q.primary!r})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
