"""The Turtle files parse, use one namespace, and hang together."""

from pathlib import Path

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import OWL, SKOS

from ontology import vocab

TTL = sorted(Path(vocab.ONTOLOGY_DIR).glob("*.ttl"))


def test_all_expected_files_exist():
    assert {p.name for p in TTL} >= {
        "model.ttl",
        "capabilities.ttl",
        "redflags.ttl",
        "tiers.ttl",
        "shapes.ttl",
    }


@pytest.mark.parametrize("path", TTL, ids=lambda p: p.name)
def test_turtle_parses_and_binds_rf(path):
    g = Graph()
    g.parse(path, format="turtle")
    assert len(g) > 20
    assert str(dict(g.namespaces())["rf"]) == str(vocab.NS)


def test_every_graph_label_class_and_relationship_property_is_typed():
    g = vocab.ontology_graph()
    for label in vocab.labels():
        assert (vocab.class_for_label(label), RDF.type, OWL.Class) in g, label
    for rel in vocab.relationship_types():
        assert (vocab.property_for_relationship(rel), RDF.type, OWL.ObjectProperty) in g, rel


def test_every_rf_term_used_as_predicate_is_declared():
    g = vocab.ontology_graph() + vocab.shapes_graph()
    declared = vocab.declared_properties()
    used = {p for p in g.predicates() if str(p).startswith(str(vocab.NS))}
    assert used <= declared, sorted(str(p) for p in used - declared)


def test_ftm_alignment():
    g = vocab.ontology_graph()
    ftm = "https://schema.followthemoney.tech/#"
    aligned = {str(o)[len(ftm) :] for o in g.objects(None, OWL.equivalentClass) if str(o).startswith(ftm)}
    assert {
        "Company",
        "Organization",
        "PublicBody",
        "Person",
        "LegalEntity",
        "Ownership",
        "Directorship",
        "Sanction",
        "Event",
        "Mention",
        "Address",
    } <= aligned


def test_schemes_hold_their_concepts():
    g = vocab.ontology_graph()
    for scheme, minimum in [
        (vocab.NS.capabilityScheme, 25),
        (vocab.NS.redFlagScheme, 71),
        (vocab.NS.tierScheme, 4),
        (vocab.NS.abuseTypeScheme, 10),
    ]:
        assert len(set(g.subjects(SKOS.inScheme, scheme))) >= minimum, scheme
    for concept in g.subjects(SKOS.inScheme, vocab.NS.redFlagScheme):
        assert g.value(concept, SKOS.prefLabel) is not None, concept


def test_broken_turtle_is_reported_with_the_file_name(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix rf: <https://redflag.example.org/ontology#> .\nrf:a rf:b "unclosed .\n')
    with pytest.raises(ValueError, match="broken.ttl"):
        vocab._parse(bad)
