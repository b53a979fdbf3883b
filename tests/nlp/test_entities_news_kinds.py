"""Entity kinds that cost ORG/agency and country precision on news (issue 13, round 7), in real sentences.

Each test quotes a sentence as published (or shortened, said so) and names its source. The kinds: capitals and
cities read as countries, operating systems, apps and devices read as people or firms, reports and named tools
read as firms, and people's names read as firms.
"""

from __future__ import annotations

from nlp.extract import Extractor
from ontology.records import DocumentExtraction


def _labels(ext: DocumentExtraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in ext.entities:
        out.setdefault(e.text, set()).add(e.label)
    return out


# ------------------------------------------------------------------------------------------ capitals and cities
def test_a_capital_standing_for_its_government_is_no_country(extractor: Extractor) -> None:
    # https://strategicstudyindia.blogspot.com/2018/06/in-chinas-far-west-companies-cash-in-on.html (Charles
    # Rollet); https://www.ekathimerini.com/news/1190298/spyware-case-is-potentially-explosive/
    ext = extractor.extract_text(
        "Part of what Beijing calls its anti-terrorism campaign, the system includes mandatory facial-recognition "
        "scans at gas stations and Wi-Fi sniffers that secretly collect data from network devices.\n\n"
        "After Dilian ran afoul of Cypriot authorities, which finally dropped pursuits against him, he moved his "
        "company's headquarters to Athens.")
    labels = _labels(ext)
    assert "COUNTRY" not in labels.get("Beijing", set()) and "GOV_AGENCY" not in labels.get("Beijing", set())
    assert "COUNTRY" not in labels.get("Athens", set())
    assert labels["Cypriot"] == {"COUNTRY"}  # the demonym stays a country


def test_a_capital_after_a_country_is_a_place_and_the_country_stays(extractor: Extractor) -> None:
    # https://insidestory.gr/article/predators-control-centre-has-its-roots-skopje (shortened)
    ext = extractor.extract_text(
        "A set of classified intelligence documents from North Macedonia show that Predator spyware was illegally "
        "developed by Cytrox, in Skopje, North Macedonia.")
    labels = _labels(ext)
    assert "COUNTRY" not in labels.get("Skopje", set())
    assert labels["North Macedonia"] == {"COUNTRY"}


def test_a_capital_keeps_giving_its_country_to_the_event(extractor: Extractor) -> None:
    # https://www.occrp.org/ru/daily/17174-spyware-firms-in-athens-raided-after-greece-bans-their-sale
    ext = extractor.extract_text(
        "Greek police raided the Athens office of an Israeli company behind the Predator spyware, local media "
        "reported.")
    labels = _labels(ext)
    assert "COUNTRY" not in labels.get("Athens", set())
    assert labels["Greek police"] == {"GOV_AGENCY"}


def test_the_sample_worlds_declared_capitals_keep_their_meaning(world_extractor: Extractor) -> None:
    # the fictional sample world's gazetteer declares its capitals; its dev set annotates them as its countries
    ext = world_extractor.extract_text("Police in Kessel reportedly used facial recognition cameras.")
    assert {e.text: e.label for e in ext.entities}.get("Kessel") == "COUNTRY"
