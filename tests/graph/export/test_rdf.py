"""RDF export of a property-graph dump: typing by the ontology, SHACL conformance, hostile strings."""

import copy
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal, namespace

from graph.export.rdf import ExportError, clean_text, node_iri, to_rdf, write_turtle
from ontology import vocab
from ontology.validate import validate_file

RF = vocab.NS
SHA = "0123456789abcdef" * 4


def _world() -> tuple[list[dict], list[dict]]:
    """A small fictional deal: a vendor sells face recognition to a security service with a bad record."""
    nodes = [
        {"id": "XA", "labels": ["Country"], "props": {"name": "Arcadia", "aliases": ["Republic of Arcadia"]}},
        {
            "id": "XB",
            "labels": ["Country"],
            "props": {"name": "Borealia", "free_trade_zones": ["Port North FTZ"]},
        },
        {
            "id": "ent-vendor",
            "labels": ["Entity"],
            "props": {
                "schema": "Company",
                "name": "Veltra Systems",
                "countries": ["XB"],
                "roles": ["vendor"],
                "origin": "manual",
                "unscreened": False,
                "api_token": "do-not-export",
            },
        },
        {
            "id": "ent-asd",
            "labels": ["Entity"],
            "props": {
                "schema": "PublicBody",
                "name": "Arcadia State Directorate",
                "countries": ["XA"],
                "roles": ["security_service", "end_user"],
                "origin": "extracted",
            },
        },
        {
            "id": "ent-dist",
            "labels": ["Entity"],
            "props": {
                "schema": "Company",
                "name": "Northgate Trading",
                "roles": ["distributor"],
                "password": "hunter2",
            },
        },
        {
            "id": "adr-1",
            "labels": ["Address"],
            "props": {"text": "1 harbour road, port north", "country": "XB"},
        },
        {
            "id": "item-ff3",
            "labels": ["Item"],
            "props": {
                "name": "FaceFinder 3",
                "eccn": "5A992",
                "cyber_surveillance": True,
                "safeguard_kill_switch": False,
            },
        },
        {
            "id": "facial_recognition",
            "labels": ["Capability"],
            "props": {"label": "Facial recognition", "dos_scope": True},
        },
        {
            "id": "tx-1",
            "labels": ["Transaction"],
            "props": {"destination": "XA", "order_date": "2025-03-01", "status": "open"},
        },
        {
            "id": "src-watch",
            "labels": ["Source"],
            "props": {"publisher": "Example Watch", "kind": "ngo", "tier": 2},
        },
        {
            "id": "doc-1",
            "labels": ["Document"],
            "props": {
                "url": "https://reports.example.org/arcadia",
                "title": "Watching the square",
                "source_id": "src-watch",
                "tier": 2,
                "sha256": SHA,
                "published": "2024-11-02",
                "retrieved_at": "2025-01-02T03:04:05Z",
            },
        },
        {
            "id": "psg-1",
            "labels": ["Passage"],
            "props": {
                "document_id": "doc-1",
                "start": 120,
                "end": 214,
                "tier": 2,
                "method": "spacy",
                "confidence": 0.9,
                "text": "The Directorate used face recognition cameras to identify protesters.",
            },
        },
        {
            "id": "evt-1",
            "labels": ["Event"],
            "props": {
                "type": "abuse",
                "confidence": 0.8,
                "hedged": False,
                "negated": False,
                "status": "extracted",
                "date": "2024-06-01",
            },
        },
        {
            "id": "lst-1",
            "labels": ["Listing"],
            "props": {
                "authority": "US Commerce BIS",
                "list_code": "EL",
                "program": "",
                "start_date": "2023-07-18",
            },
        },
        {
            "id": "ind-1",
            "labels": ["Indicator"],
            "props": {"indicator": "fiw_total", "value": 12, "edition": 2025},
        },
        {
            "id": "fnd-1",
            "labels": ["Finding"],
            "props": {
                "rule": "DOS-E2",
                "title": "Credible reports of surveillance abuse",
                "severity": "high",
                "status": "open",
                "transaction_id": "tx-1",
            },
        },
        {
            "id": "res-1",
            "labels": ["Resolution"],
            "props": {
                "status": "confirmed",
                "reason": "report checked",
                "by": "analyst",
                "at": "2025-03-02T10:00:00Z",
            },
        },
        {
            "id": "dec-1",
            "labels": ["Decision"],
            "props": {
                "decision": "refuse",
                "reason": "abuse risk",
                "by": "analyst",
                "at": "2025-03-03T10:00:00Z",
            },
        },
    ]
    rels = [
        {"type": "LOCATED_IN", "source": "ent-asd", "target": "XA", "props": {"origin": "list"}},
        {"type": "LOCATED_IN", "source": "adr-1", "target": "XB", "props": {}},
        {"type": "HAS_ADDRESS", "source": "ent-dist", "target": "adr-1", "props": {}},
        {
            "type": "OWNS",
            "source": "ent-vendor",
            "target": "ent-dist",
            "props": {"share": 60.0, "status": "confirmed"},
        },
        {"type": "MAKES", "source": "ent-vendor", "target": "item-ff3", "props": {}},
        {"type": "HAS_CAPABILITY", "source": "item-ff3", "target": "facial_recognition", "props": {}},
        {"type": "HAS_PARTY", "source": "tx-1", "target": "ent-vendor", "props": {"role": "exporter"}},
        {"type": "HAS_PARTY", "source": "tx-1", "target": "ent-dist", "props": {"role": "intermediary"}},
        {"type": "HAS_PARTY", "source": "tx-1", "target": "ent-asd", "props": {"role": "end_user"}},
        {"type": "INCLUDES", "source": "tx-1", "target": "item-ff3", "props": {"quantity": 40}},
        {"type": "DESTINED_FOR", "source": "tx-1", "target": "XA", "props": {}},
        {
            "type": "TRANSITS",
            "source": "tx-1",
            "target": "XB",
            "props": {"order": 1, "free_trade_zone": True},
        },
        {"type": "FROM_SOURCE", "source": "doc-1", "target": "src-watch", "props": {}},
        {"type": "IN_DOCUMENT", "source": "psg-1", "target": "doc-1", "props": {}},
        {
            "type": "MENTIONED_IN",
            "source": "ent-asd",
            "target": "psg-1",
            "props": {"label": "GOV_AGENCY", "confidence": 0.95},
        },
        {"type": "EVIDENCED_BY", "source": "evt-1", "target": "psg-1", "props": {}},
        {"type": "PARTICIPANT", "source": "evt-1", "target": "ent-asd", "props": {"role": "actor"}},
        {
            "type": "PARTICIPANT",
            "source": "evt-1",
            "target": "facial_recognition",
            "props": {"role": "capability"},
        },
        {
            "type": "SUPPLIED",
            "source": "ent-vendor",
            "target": "ent-asd",
            "props": {
                "capability": "facial_recognition",
                "evidence": ["psg-1"],
                "confidence": 0.7,
                "hedged": False,
            },
        },
        {"type": "HAS_LISTING", "source": "ent-asd", "target": "lst-1", "props": {}},
        {"type": "HAS_INDICATOR", "source": "XA", "target": "ind-1", "props": {}},
        {
            "type": "POSSIBLY_SAME_AS",
            "source": "ent-dist",
            "target": "ent-vendor",
            "props": {"score": 0.41, "explanation": '{"name": 0.3}'},
        },
        {"type": "CONCERNS", "source": "fnd-1", "target": "tx-1", "props": {}},
        {"type": "CONCERNS", "source": "fnd-1", "target": "ent-asd", "props": {}},
        {"type": "RESOLVES", "source": "res-1", "target": "fnd-1", "props": {}},
        {"type": "DECIDES", "source": "dec-1", "target": "tx-1", "props": {}},
    ]
    return nodes, rels


def _node(nodes: list[dict], node_id: str) -> dict:
    return next(n for n in nodes if n["id"] == node_id)


def _export_and_validate(tmp_path, nodes, rels):
    path = write_turtle(to_rdf(nodes, rels), tmp_path / "out" / "graph.ttl")
    return path, validate_file(path)


# --------------------------------------------------------------------------- a good export
def test_sample_world_exports_reparses_and_conforms(tmp_path):
    nodes, rels = _world()
    path, outcome = _export_and_validate(tmp_path, nodes, rels)
    assert outcome.conforms, outcome.report_text
    assert outcome.violations == 0
    again = Graph().parse(path, format="turtle")
    assert again.isomorphic(to_rdf(*_world()))


def test_nodes_are_typed_by_label_and_schema():
    g = to_rdf(*_world())
    vendor = node_iri("ent-vendor")
    assert (vendor, RDF.type, RF.Entity) in g
    assert (vendor, RDF.type, RF.Company) in g
    assert (node_iri("ent-asd"), RDF.type, RF.PublicBody) in g
    assert (node_iri("facial_recognition"), RF.concept, RF.facial_recognition) in g
    assert (node_iri("fnd-1"), RF.rule, RF["DOS-E2"]) in g
    assert (node_iri("ent-vendor"), RF.supplied, node_iri("ent-asd")) in g


def test_literals_are_typed_and_lists_repeat():
    g = to_rdf(*_world())
    psg, doc = node_iri("psg-1"), node_iri("doc-1")
    assert g.value(psg, RF.start) == Literal(120, datatype=namespace.XSD.integer)
    assert g.value(psg, RF.confidence).datatype == namespace.XSD.double
    assert g.value(doc, RF.published) == Literal("2024-11-02", datatype=namespace.XSD.date)
    assert g.value(doc, RF.retrievedAt).datatype == namespace.XSD.dateTime
    assert g.value(node_iri("evt-1"), RF.hedged) == Literal(False)
    assert g.value(node_iri("evt-1"), RF.eventType) == Literal("abuse")
    assert set(g.objects(node_iri("ent-asd"), RF.roles)) == {Literal("security_service"), Literal("end_user")}


def test_not_a_date_stays_a_string():
    nodes = [
        {"id": "e", "labels": ["Entity"], "props": {"name": "n", "note": "2024-13-45", "when": "2024-02-29"}}
    ]
    g = to_rdf(nodes, [])
    assert g.value(node_iri("e"), RF.note) == Literal("2024-13-45")
    assert g.value(node_iri("e"), RF.when).datatype == namespace.XSD.date


def test_non_finite_floats_stay_valid_turtle():
    nodes = [
        {
            "id": "e",
            "labels": ["Entity"],
            "props": {"name": "n", "a": math.nan, "b": math.inf, "c": -math.inf},
        }
    ]
    data = to_rdf(nodes, []).serialize(format="turtle")
    g = Graph().parse(data=data, format="turtle")
    assert math.isinf(g.value(node_iri("e"), RF.b).toPython())


def test_relationship_properties_are_reified():
    g = to_rdf(*_world())
    statements = [s for s in g.subjects(RDF.predicate, RF.hasParty) if (s, RF.role, Literal("end_user")) in g]
    assert len(statements) == 1
    st_ = statements[0]
    assert g.value(st_, RDF.subject) == node_iri("tx-1") and g.value(st_, RDF.object) == node_iri("ent-asd")
    owns = next(g.subjects(RDF.type, RF.Ownership))
    assert g.value(owns, RF.share) == Literal(60.0, datatype=namespace.XSD.double)
    supplied = next(g.subjects(RDF.predicate, RF.supplied))
    assert g.value(supplied, RF.evidence) == node_iri("psg-1")
    assert g.value(supplied, RF.capabilityConcept) == RF.facial_recognition


def test_secrets_are_not_exported():
    data = to_rdf(*_world()).serialize(format="turtle")
    assert "hunter2" not in data and "do-not-export" not in data


def test_undeclared_label_or_relationship_type_is_an_error_naming_it():
    with pytest.raises(ExportError, match="Widget.*|.*'w-1'"):
        to_rdf([{"id": "w-1", "labels": ["Widget"], "props": {}}], [])
    with pytest.raises(ExportError, match="TELEPORTS"):
        to_rdf([], [{"type": "TELEPORTS", "source": "a", "target": "b", "props": {}}])
    with pytest.raises(ExportError, match="node #0.*'labels'"):
        to_rdf([{"id": "x", "props": {}}], [])
    with pytest.raises(ExportError, match="bad key"):
        to_rdf([{"id": "x", "labels": ["Entity"], "props": {"bad key": 1}}], [])


# --------------------------------------------------------------------------- broken exports
def _messages(report_text: str) -> str:
    return "\n".join(line.strip() for line in report_text.splitlines() if "Message:" in line)


def test_finding_without_rule_and_passage_ending_before_start_do_not_conform(tmp_path):
    nodes, rels = _world()
    del _node(nodes, "fnd-1")["props"]["rule"]
    _node(nodes, "psg-1")["props"].update(start=300, end=214)
    _, outcome = _export_and_validate(tmp_path, nodes, rels)
    assert not outcome.conforms
    assert outcome.violations == 2
    messages = _messages(outcome.report_text)
    assert "a Finding needs exactly one rule" in messages
    assert "not after its end" in messages
    assert "id/fnd-1" in outcome.report_text and "id/psg-1" in outcome.report_text


BREAKAGES = [
    (lambda n, r: _node(n, "fnd-1")["props"].update(rule="XYZ-99"), "a red flag of the catalog"),
    (lambda n, r: _node(n, "fnd-1")["props"].pop("severity"), "a Finding needs one severity"),
    (lambda n, r: r.__setitem__(slice(None), [x for x in r if x["type"] != "CONCERNS"]), "must CONCERN"),
    (lambda n, r: _node(n, "evt-1")["props"].update(type="gossip"), "Event type gossip"),
    (lambda n, r: r.__setitem__(slice(None), [x for x in r if x["type"] != "EVIDENCED_BY"]), "EVIDENCED_BY"),
    (lambda n, r: r.__setitem__(slice(None), [x for x in r if x["type"] != "IN_DOCUMENT"]), "IN_DOCUMENT"),
    (lambda n, r: _node(n, "psg-1")["props"].update(start="12"), "integer start"),
    (lambda n, r: _node(n, "lst-1")["props"].pop("list_code"), "list code"),
    (
        lambda n, r: (
            _node(n, "XA")["props"].update(name="Arcadia")
            or n.append({"id": "Arcadia", "labels": ["Country"], "props": {"name": "Arcadia"}})
        ),
        "two capital letters",
    ),
    (lambda n, r: _node(n, "ent-dist")["props"].pop("name"), "exactly one non-empty string rf:name"),
    (
        lambda n, r: _node(n, "ent-dist")["props"].update(name=["A", "B"]),
        "exactly one non-empty string rf:name",
    ),
    (lambda n, r: _node(n, "ent-dist")["props"].update(schema="Spaceship"), "Spaceship"),
    (lambda n, r: _node(n, "ent-dist")["props"].update(countries=["Borealia"]), "ISO 3166"),
    (
        lambda n, r: r.append(
            {"type": "HAS_PARTY", "source": "tx-1", "target": "ent-dist", "props": {"role": "friend"}}
        ),
        "role friend",
    ),
    (
        lambda n, r: r.append({"type": "SUPPLIED", "source": "ent-vendor", "target": "XA", "props": {}}),
        "SUPPLIED must point at an Entity",
    ),
    (lambda n, r: _node(n, "dec-1")["props"].update(decision="maybe"), "decision maybe"),
    (lambda n, r: _node(n, "doc-1")["props"].update(tier=9), "tier 9"),
    (
        lambda n, r: n.append({"id": "teleportation", "labels": ["Capability"], "props": {"label": "x"}}),
        "capability scheme",
    ),
    (
        lambda n, r: n.append(
            {"id": "res-2", "labels": ["Resolution"], "props": {"status": "x", "by": "a", "at": "2025-01-01"}}
        ),
        "RESOLVES exactly one Finding",
    ),
]


def test_every_kind_of_breakage_is_reported_by_its_own_message(tmp_path):
    # one validation run for all breakages (pySHACL with RDFS inference takes a second or two per run);
    # every breakage must show up with its own message
    nodes, rels = _world()
    for break_it, _ in BREAKAGES:
        break_it(nodes, rels)
    _, outcome = _export_and_validate(tmp_path, nodes, rels)
    assert not outcome.conforms
    assert outcome.violations >= len(BREAKAGES)
    missing = [expected for _, expected in BREAKAGES if expected not in outcome.report_text]
    assert not missing, outcome.report_text


@pytest.mark.parametrize(
    "break_it, expected", BREAKAGES[:3], ids=["unknown-rule", "no-severity", "no-concerns"]
)
def test_a_single_breakage_is_enough_to_fail(tmp_path, break_it, expected):
    nodes, rels = _world()
    break_it(nodes, rels)
    _, outcome = _export_and_validate(tmp_path, nodes, rels)
    assert not outcome.conforms
    assert expected in outcome.report_text


# --------------------------------------------------------------------------- hostile strings
HOSTILE = [
    '"""',
    "'''",
    '"',
    'end"',
    "x\\",
    '\\"',
    "\\u0041",
    "a\"b'c",
    "\r\n\t",
    'line1\nline2"',
    "<script>alert('x')</script>",
    "&amp; <![CDATA[ ]]>",
    "\u202eevil\u202c",
    "\u200f\u05e9\u05dc\u05d5\u05dd",
    "\x00\x01\x08\x0b\x0c\x1f",
    "\x7f\x85",
    "\ud800 lone surrogate",
    "\ufffe\uffff",
    "@prefix x: <y> .",
    "} ; , . [ ] ( )",
    "é中文🙂",
    "%20 %zz",
    " ",
    "_:b0",
    "<https://evil.example/>",
]


def _hostile_node(text: str) -> dict:
    return {
        "id": "ent " + text[:64],
        "labels": ["Entity"],
        "props": {"schema": "Company", "name": "N" + text, "aliases": [text, text + "2"], "note": text},
    }


@pytest.mark.parametrize("text", HOSTILE + ["long " * 200_000])
def test_hostile_strings_round_trip_through_turtle(tmp_path, text):
    path = write_turtle(to_rdf([_hostile_node(text)], []), tmp_path / "h.ttl")
    g = Graph().parse(path, format="turtle")
    subject = node_iri("ent " + text[:64])
    assert g.value(subject, RF.note) == Literal(clean_text(text))
    assert set(g.objects(subject, RF.aliases)) == {Literal(clean_text(text)), Literal(clean_text(text + "2"))}
    assert g.value(subject, RF.id) == Literal(clean_text("ent " + text[:64]))
    Graph().parse(data=g.serialize(format="xml"), format="xml")  # XML 1.0 serialisation stays valid too


def test_an_export_full_of_hostile_strings_still_conforms(tmp_path):
    nodes = [_hostile_node(text) for text in HOSTILE + ["long " * 200_000]]
    _, outcome = _export_and_validate(tmp_path, nodes, [])
    assert outcome.conforms, outcome.report_text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(exclude_categories=()), min_size=1, max_size=200))
def test_any_unicode_string_gives_valid_turtle(text):
    nodes = [{"id": text, "labels": ["Entity"], "props": {"name": text, "text": [text, "x"]}}]
    rels = [{"type": "LINKED_TO", "source": text, "target": text, "props": {"status": text}}]
    if not clean_text(text):
        with pytest.raises(ExportError, match="empty"):
            to_rdf(nodes, rels)
        return
    g = to_rdf(nodes, rels)
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert again.isomorphic(g)
    assert again.value(node_iri(text), RF.name) == Literal(clean_text(text))


def test_clean_text_removes_exactly_what_xml_forbids():
    assert clean_text("a\x00b\tc\nd\re\x1ff\ud800g\ufffeh\x7f\u202e") == "ab\tc\nd\refgh\x7f\u202e"


def test_the_input_is_not_modified():
    nodes, rels = _world()
    before = copy.deepcopy((nodes, rels))
    to_rdf(nodes, rels)
    assert (nodes, rels) == before
