"""Products and capabilities on unseen text (issue 13, round 24, brief product28): how far a capability mention
reaches and when a bare "cameras" is one (``nlp/components/capability_extents.py`` with
``nlp/data/capability_extents.tsv`` and ``nlp/data/device_parts.txt``), and a product named by "called" or "known
as" after "technology" or in quotes (``named_by_verb`` in ``nlp/components/product_kinds.py``). News on police
facial recognition, spyware implants and cell-site simulators writes these shapes; every firm, product and place
name below is fictional and the sentences are written for these tests (no sentence of a probe or of the dev set)."""

from __future__ import annotations

from nlp.extract import Extractor


def _mentions(extractor: Extractor, text: str, label: str) -> list[str]:
    ext = extractor.extract_text(text)
    return [text[e.start : e.end] for e in ext.entities if e.label == label]


def test_a_facial_recognition_system_is_the_capability_without_its_head(extractor: Extractor) -> None:
    text = "Police in Kestrel deployed a facial recognition system supplied by Halvex Technologies."
    assert _mentions(extractor, text, "CAPABILITY") == ["facial recognition"]


def test_a_modified_facial_recognition_system_keeps_its_modifiers_only(extractor: Extractor) -> None:
    text = "The bureau issued a tender for a national biometric facial recognition system last year."
    caps = _mentions(extractor, text, "CAPABILITY")
    assert "facial recognition" in " ".join(caps) and not any(c.endswith("system") for c in caps)


def test_facial_recognition_cameras_keep_their_head(extractor: Extractor) -> None:
    text = "Halvex installed 8,000 facial recognition cameras in the city centre."
    assert _mentions(extractor, text, "CAPABILITY") == ["facial recognition cameras"]


def test_the_phones_microphone_and_cameras_are_no_capability(extractor: Extractor) -> None:
    text = "Corvel's implant can switch on the phone's microphone and cameras without a trace."
    assert "cameras" not in _mentions(extractor, text, "CAPABILITY")


def test_cameras_and_microphones_of_a_target_are_no_capability(extractor: Extractor) -> None:
    text = "Once installed, the spyware can activate cameras and microphones and read encrypted messages."
    assert _mentions(extractor, text, "CAPABILITY") == ["spyware"]


def test_counted_cameras_on_public_roads_stay_a_capability(extractor: Extractor) -> None:
    text = "The Kestrel police deployed 300 cameras on public roads in 2019."
    assert _mentions(extractor, text, "CAPABILITY") == ["cameras"]


def test_the_technology_called_a_name_is_a_product(extractor: Extractor) -> None:
    text = "The Kestrel County Police has been trialling the technology, called FRX Locate, since 2017."
    assert _mentions(extractor, text, "PRODUCT") == ["FRX Locate"]
    assert "FRX Locate" not in _mentions(extractor, text, "ORG")


def test_a_tool_known_as_a_quoted_name_is_a_product(extractor: Extractor) -> None:
    text = 'A federal agency used a front company to procure a geolocation tool known as "Wayfinder."'
    assert "Wayfinder" in _mentions(extractor, text, "PRODUCT")


def test_a_technology_firm_called_a_name_stays_a_firm(extractor: Extractor) -> None:
    text = "The files came from a technology firm, called Norvex, in Cyprus."
    assert _mentions(extractor, text, "PRODUCT") == []


def test_a_known_product_and_a_roman_model_number_are_one_product(extractor: Extractor) -> None:
    text = "The Kestrel police department owns a StingRay II, a cellular site simulator, since 2012."
    assert "StingRay II" in _mentions(extractor, text, "PRODUCT")


def test_hyphenated_license_plate_recognition_is_the_capability(extractor: Extractor) -> None:
    text = "Halvex sells facial recognition and license-plate recognition technology to city police forces."
    assert "license-plate recognition" in _mentions(extractor, text, "CAPABILITY")
