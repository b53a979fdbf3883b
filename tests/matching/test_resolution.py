"""Entity resolution: explained pair scores, clusters, review pairs, and analyst judgements."""

import pytest

from redflag.matching.resolution import DIFFERENT, SAME, EntityRecord, pair_score, resolve

CYTROX_A = EntityRecord("doc-1", "Cytrox Holdings Zrt", countries=["HU"], identifiers=[("registration", "0110049372")])
CYTROX_B = EntityRecord("ofac-48069", "CYTROX HOLDINGS ZARTKORUEN MUKODO RESZVENYTARSASAG", countries=["HU"],
                        identifiers=[("registration", "01 1004 9372")])
CYTROX_AD = EntityRecord("ofac-48067", "Cytrox AD", countries=["MK"])
HELIX_I = EntityRecord("p-1", "Helix Integrators", countries=["XA"])
HELIX_S = EntityRecord("p-2", "Helix Security Holdings", countries=["XA"])
KORU_1 = EntityRecord("p-3", "Koru Networks", countries=["AU"], neighbours=["dir-9"])
KORU_2 = EntityRecord("p-4", "Koru Netwerks Pty Ltd", countries=["AU"], neighbours=["dir-9"])
KORU_3 = EntityRecord("p-5", "Koru Networks", countries=["NZ"])


def test_pair_score_is_explained():
    p = pair_score(CYTROX_A, CYTROX_B)
    assert p.score > 0.99
    assert p.explanation["identifier_match"] == 1.0
    assert (p.a, p.b) == ("doc-1", "ofac-48069")


def test_sister_companies_score_low():
    assert pair_score(HELIX_I, HELIX_S).score < 0.1
    assert pair_score(CYTROX_B, CYTROX_AD).score < 0.75


def test_shared_neighbours_raise_the_score():
    linked = pair_score(KORU_1, KORU_2)
    unlinked = pair_score(KORU_1, EntityRecord("p-4b", "Koru Netwerks Pty Ltd", countries=["AU"]))
    assert linked.explanation["shared_neighbours"] == 1.0
    assert linked.score > unlinked.score


def test_resolve_merges_reviews_and_leaves_apart():
    records = [CYTROX_A, CYTROX_B, CYTROX_AD, HELIX_I, HELIX_S, KORU_1, KORU_3]
    res = resolve(records, merge_threshold=0.9, review_threshold=0.6, judgements={})
    assert ["doc-1", "ofac-48069"] in res.clusters
    assert ["p-1"] in res.clusters and ["p-2"] in res.clusters
    assert sorted(x for c in res.clusters for x in c) == sorted(r.id for r in records)
    assert {(p.a, p.b) for p in res.same} == {("doc-1", "ofac-48069")}
    # same name, other country: for an analyst to decide, not merged
    assert ("p-3", "p-5") in {(p.a, p.b) for p in res.possible}


def test_judgements_override_scores_even_transitively():
    records = [CYTROX_A, CYTROX_B, CYTROX_AD]
    res = resolve(records, 0.9, 0.6, judgements={frozenset({"doc-1", "ofac-48069"}): DIFFERENT})
    assert ["doc-1"] in res.clusters and ["ofac-48069"] in res.clusters
    res = resolve(records, 0.9, 0.6, judgements={frozenset({"ofac-48067", "ofac-48069"}): SAME})
    assert ["ofac-48067", "ofac-48069"] in res.clusters or any(len(c) == 3 for c in res.clusters)
    judged = [p for p in res.same if p.judgement == SAME]
    assert judged and judged[0].explanation  # the score is still explained
    # a third record cannot glue together two records judged different
    c = EntityRecord("doc-2", "Cytrox Holdings", countries=["HU"], identifiers=[("registration", "0110049372")])
    res = resolve([CYTROX_A, CYTROX_B, c], 0.9, 0.6, judgements={frozenset({"doc-1", "ofac-48069"}): DIFFERENT})
    assert not any({"doc-1", "ofac-48069"} <= set(cl) for cl in res.clusters)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="expected one of same, different"):
        resolve([CYTROX_A, CYTROX_B], 0.9, 0.6, judgements={frozenset({"doc-1", "ofac-48069"}): "maybe"})
    with pytest.raises(ValueError, match="review_threshold"):
        resolve([CYTROX_A], 0.5, 0.9, judgements={})
    with pytest.raises(ValueError, match="duplicate record id 'doc-1'"):
        resolve([CYTROX_A, CYTROX_A], 0.9, 0.6, judgements={})


def test_a_shared_name_alone_is_for_review_not_a_merge():
    a, b = EntityRecord("x-1", "Koru Networks"), EntityRecord("x-2", "Koru Networks Ltd")
    res = resolve([a, b], merge_threshold=0.9, review_threshold=0.75, judgements={})
    assert res.same == [] and [(p.a, p.b) for p in res.possible] == [("x-1", "x-2")]
    corroborated = resolve([a, EntityRecord("x-2", "Koru Networks Ltd", neighbours=["d"]),
                            EntityRecord("x-3", "Other", neighbours=["d"])], 0.9, 0.75, judgements={})
    assert corroborated.same == []  # a neighbour only one side has is no evidence
