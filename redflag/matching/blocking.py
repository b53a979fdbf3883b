"""A blocking index: names are filed under their words, phonetic keys, prefixes and squashed form,
so that a query is compared in full only with the few entries that share a rare key with it."""

from __future__ import annotations

import heapq
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from ontology.names import person_name_symbols
from redflag.matching.analysis import AnalyzedName, is_generic

MAX_POSTINGS = 5000
"""Keys filed under more entries than this (very common words) are skipped when rarer keys exist."""


def name_keys(name: AnalyzedName) -> set[str]:
    """The blocking keys of a name: word, Metaphone key, 4-letter prefix, the squashed core, and the person names
    (rigour's Wikidata ids) its words and pairs of words spell, so "Abdel Aziz" finds "Abdulaziz"."""
    keys: set[str] = set()
    for token, key in zip(name.tokens, name.phonetics, strict=True):
        if len(token) >= 2 or token.isdigit():
            keys.add("t:" + token)
        if len(key) >= 2:
            keys.add("p:" + key)
        if len(token) >= 5:
            keys.add("f:" + token[:4])
    if name.compact:
        keys.add("c:" + name.compact)
    if name.written:
        keys.add("c:" + name.written)
    words = name.words or name.tokens
    for i, word in enumerate(words):  # a person's name in any transliteration, alone or written in two words
        for phrase in (word, " ".join(words[i : i + 2]) if i + 1 < len(words) else ""):
            if len(phrase) >= 3 and phrase.replace(" ", "").isalpha() and not is_generic(word):
                keys.update("n:" + sym for sym in person_name_symbols(phrase))
    return keys


SMALL_ACCUMULATION = 2000
"""Below this many postings a query is accumulated in plain Python; above it, with numpy (same result)."""


class BlockingIndex:
    """Inverted index from blocking keys to entry numbers (entries are whatever the caller numbers).

    Postings are compact arrays of 32-bit entry numbers (4 bytes an entry), in the order entries were added.
    """

    def __init__(self) -> None:
        self._postings: dict[str, array[int]] = {}
        self._size = 0

    def add(self, entry: int, keys: Iterable[str]) -> None:
        postings = self._postings
        for key in keys:
            found = postings.get(key)
            if found is None:
                postings[key] = array("i", (entry,))
            else:
                found.append(entry)
        self._size = max(self._size, entry + 1)

    def __len__(self) -> int:
        return self._size

    def frequency(self, key: str) -> int:
        """How many entries are filed under ``key`` (0 for a key never seen)."""
        found = self._postings.get(key)
        return len(found) if found is not None else 0

    def candidates(self, keys: Iterable[str], limit: int) -> list[int]:
        """Up to ``limit`` entries sharing the most informative keys with the query (rarest first).

        Each entry scores the sum of ``log(1 + N / df)`` over the keys it shares with the query (N: entries,
        df: entries filed under the key), keys taken rarest first; a key filed under more than MAX_POSTINGS
        entries counts only when it is the rarest one (then its first MAX_POSTINGS entries). Best score first,
        ties by lower entry number.
        """
        postings = self._postings
        found = sorted((len(postings[k]), k) for k in set(keys) if k in postings)
        if not found:
            return []
        n = max(self._size, 1)
        # the rarest key always counts (truncated); the others only when they are not too common
        used = [(df, key) for i, (df, key) in enumerate(found) if i == 0 or df <= MAX_POSTINGS]
        if sum(min(df, MAX_POSTINGS) for df, _ in used) <= SMALL_ACCUMULATION:
            acc: dict[int, float] = defaultdict(float)
            for df, key in used:
                idf = math.log(1.0 + n / df)
                for entry in postings[key][:MAX_POSTINGS]:
                    acc[entry] += idf
            return [e for e, _ in heapq.nlargest(limit, acc.items(), key=lambda kv: (kv[1], -kv[0]))]
        return _top_entries(
            [np.frombuffer(postings[key], dtype=np.int32)[:MAX_POSTINGS] for _, key in used],
            [math.log(1.0 + n / df) for df, _ in used],
            limit,
        )


def _top_entries(arrays: list[np.ndarray], weights: list[float], limit: int) -> list[int]:
    """The ``limit`` entries with the highest summed weight, ties by lower entry, as :meth:`candidates` ranks them.

    Sums are taken per entry in the order of ARRAYS (np.bincount adds its input in order), so they are the same
    floating-point numbers as the plain accumulation's.
    """
    entries = np.concatenate(arrays)
    weight = np.repeat(np.asarray(weights, dtype=np.float64), [len(a) for a in arrays])
    unique, inverse = np.unique(entries, return_inverse=True)
    sums = np.bincount(inverse.ravel(), weights=weight, minlength=len(unique))
    if len(unique) > limit:
        kth = np.partition(sums, len(sums) - limit)[len(sums) - limit]  # the limit-th highest sum
        above = np.flatnonzero(sums > kth)
        tied = np.flatnonzero(sums == kth)[: limit - len(above)]  # unique is sorted: lower entries first
        chosen = np.concatenate([above, tied])
    else:
        chosen = np.arange(len(unique))
    order = np.lexsort((unique[chosen], -sums[chosen]))
    return [int(e) for e in unique[chosen][order]]
