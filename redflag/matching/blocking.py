"""A blocking index: names are filed under their words, phonetic keys, prefixes and squashed form,
so that a query is compared in full only with the few entries that share a rare key with it."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable

from redflag.matching.analysis import AnalyzedName

MAX_POSTINGS = 5000
"""Keys filed under more entries than this (very common words) are skipped when rarer keys exist."""


def name_keys(name: AnalyzedName) -> set[str]:
    """The blocking keys of a name: word, Metaphone key, 4-letter prefix, and the squashed core."""
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
    return keys


class BlockingIndex:
    """Inverted index from blocking keys to entry numbers (entries are whatever the caller numbers)."""

    def __init__(self) -> None:
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._size = 0

    def add(self, entry: int, keys: Iterable[str]) -> None:
        for key in keys:
            self._postings[key].append(entry)
        self._size = max(self._size, entry + 1)

    def __len__(self) -> int:
        return self._size

    def candidates(self, keys: Iterable[str], limit: int) -> list[int]:
        """Up to ``limit`` entries sharing the most informative keys with the query (rarest first)."""
        found = [(len(self._postings[k]), k) for k in set(keys) if k in self._postings]
        if not found:
            return []
        found.sort()
        n = max(self._size, 1)
        acc: dict[int, float] = defaultdict(float)
        for df, key in found:
            if df > MAX_POSTINGS and acc:
                continue
            idf = math.log(1.0 + n / df)
            for entry in self._postings[key][:MAX_POSTINGS]:
                acc[entry] += idf
        return [e for e, _ in heapq.nlargest(limit, acc.items(), key=lambda kv: (kv[1], -kv[0]))]
