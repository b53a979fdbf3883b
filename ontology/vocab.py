"""Typed, cached access to the ontology's Turtle files: the single source of the graph's labels and
relationship types, the capability taxonomy, the red-flag catalog and the source credibility tiers.

Everything here is read from ``ontology/*.ttl`` with rdflib; nothing is listed a second time in Python.
Lookups of unknown ids raise :class:`KeyError` with a message naming the id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

ONTOLOGY_DIR = Path(__file__).resolve().parent
NS = Namespace("https://redflag.example.org/ontology#")
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
DATA_FILES = ("model.ttl", "capabilities.ttl", "redflags.ttl", "tiers.ttl")

__all__ = [
    "NS",
    "AbuseType",
    "Capability",
    "RedFlag",
    "Role",
    "Tier",
    "abuse_types",
    "capabilities",
    "capability",
    "class_for_label",
    "class_for_schema",
    "decision_values",
    "entity_roles",
    "event_types",
    "ftm_schemas",
    "label_for_class",
    "labels",
    "ontology_graph",
    "party_roles",
    "property_for_key",
    "property_for_relationship",
    "property_refers_to",
    "red_flag",
    "red_flag_iri",
    "red_flags",
    "relationship_types",
    "rule_families",
    "shapes_graph",
    "tiers",
]


# --------------------------------------------------------------------------- record types
@dataclass(frozen=True)
class Capability:
    """A concept of the surveillance-capability scheme (capabilities.ttl)."""

    id: str
    label: str
    alt_labels: list[str]
    broader: list[str]
    dos_scope: bool
    eu_cyber_surveillance: bool
    abuse_types: list[str]
    definition: str = ""


@dataclass(frozen=True)
class RedFlag:
    """One entry of the red-flag catalog (redflags.ttl)."""

    id: str
    title: str
    definition: str
    source: str
    party: str
    severity: str
    verification: str
    consideration: str
    computed_by: str | None
    checklist_question: str | None
    hard_stop: bool


@dataclass(frozen=True)
class Tier:
    """A source credibility tier (tiers.ttl): 1 is the most credible."""

    number: int
    label: str
    definition: str
    weight: float
    examples: list[str]


@dataclass(frozen=True)
class Role:
    """A concept of a role scheme (entity roles, transaction party roles)."""

    id: str
    label: str
    definition: str


@dataclass(frozen=True)
class AbuseType:
    """A concept of the abuse-type scheme: a kind of misuse a capability can serve."""

    id: str
    label: str
    definition: str
    internal_repression: bool


# --------------------------------------------------------------------------- graphs
def _parse(path: Path) -> Graph:
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser error types
        raise ValueError(f"{path}: not valid Turtle: {exc}") from exc
    return g


@cache
def ontology_graph() -> Graph:
    """The ontology: model, capabilities, red flags and tiers merged into one graph (not the shapes)."""
    g = Graph()
    g.bind("rf", NS)
    g.bind("skos", SKOS)
    g.bind("owl", OWL)
    for name in DATA_FILES:
        g += _parse(ONTOLOGY_DIR / name)
    return g


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes an exported graph must satisfy (shapes.ttl)."""
    return _parse(SHAPES_FILE)


def _str(g: Graph, s: URIRef, p: URIRef) -> str:
    v = g.value(s, p)
    return str(v) if v is not None else ""


def _strs(g: Graph, s: URIRef, p: URIRef) -> list[str]:
    return sorted(str(v) for v in g.objects(s, p))


def _bool(g: Graph, s: URIRef, p: URIRef) -> bool:
    v = g.value(s, p)
    return bool(v.toPython()) if isinstance(v, Literal) else False


def _local(uri: URIRef) -> str:
    text = str(uri)
    if not text.startswith(str(NS)):
        raise ValueError(f"{text} is not in the {NS} namespace")
    return text[len(str(NS)) :]


def _in_scheme(scheme: URIRef) -> Iterator[URIRef]:
    g = ontology_graph()
    for s in g.subjects(SKOS.inScheme, scheme):
        if isinstance(s, URIRef):
            yield s


# --------------------------------------------------------------------------- graph model
@cache
def _label_classes() -> dict[str, URIRef]:
    g = ontology_graph()
    out: dict[str, URIRef] = {}
    for cls, label in g.subject_objects(NS.graphLabel):
        if isinstance(cls, URIRef):
            out[str(label)] = cls
    return out


@cache
def _relationship_properties() -> dict[str, URIRef]:
    g = ontology_graph()
    out: dict[str, URIRef] = {}
    for prop, rel in g.subject_objects(NS.relationshipType):
        if isinstance(prop, URIRef):
            out[str(rel)] = prop
    return out


@cache
def _property_keys() -> dict[str, URIRef]:
    g = ontology_graph()
    out: dict[str, URIRef] = {}
    for prop, key in g.subject_objects(NS.propertyKey):
        if isinstance(prop, URIRef):
            out[str(key)] = prop
    return out


@cache
def labels() -> frozenset[str]:
    """Every node label the graph store may write."""
    return frozenset(_label_classes())


@cache
def relationship_types() -> frozenset[str]:
    """Every relationship type the graph store may write."""
    return frozenset(_relationship_properties())


def class_for_label(label: str) -> URIRef:
    """The OWL class of a graph node label (``"Entity"`` -> ``rf:Entity``)."""
    try:
        return _label_classes()[label]
    except KeyError:
        raise KeyError(f"node label {label!r} is not declared in the ontology (rf:graphLabel)") from None


def label_for_class(cls: URIRef) -> str:
    """The graph node label of an OWL class (inverse of :func:`class_for_label`)."""
    for label, c in _label_classes().items():
        if c == cls:
            return label
    raise KeyError(f"class {cls} has no graph label")


def property_for_relationship(rel_type: str) -> URIRef:
    """The object property of a relationship type (``"SUPPLIED"`` -> ``rf:supplied``)."""
    try:
        return _relationship_properties()[rel_type]
    except KeyError:
        raise KeyError(
            f"relationship type {rel_type!r} is not declared in the ontology (rf:relationshipType)"
        ) from None


_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def property_for_key(key: str) -> URIRef:
    """The RDF property of a node or relationship property key.

    Declared keys (``rf:propertyKey``) map to their property (``"type"`` -> ``rf:eventType``); other keys made
    of letters, digits and underscores map to ``rf:<lowerCamelCase>``. Anything else raises ValueError.
    """
    declared = _property_keys().get(key)
    if declared is not None:
        return declared
    if not _KEY_RE.match(key):
        raise ValueError(f"property key {key!r} is not a valid name (letters, digits, underscores)")
    head, *rest = key.split("_")
    return NS[head + "".join(part[:1].upper() + part[1:] for part in rest if part)]


def property_refers_to(prop: URIRef) -> str | None:
    """What the values of a reference property identify: "node", "redflag", "capability" or None."""
    v = ontology_graph().value(prop, NS.valueRefersTo)
    return str(v) if v is not None else None


@cache
def _schema_classes() -> dict[str, URIRef]:
    g = ontology_graph()
    out: dict[str, URIRef] = {}
    for cls, schema in g.subject_objects(NS.ftmSchema):
        if isinstance(cls, URIRef):
            out[str(schema)] = cls
    return out


@cache
def ftm_schemas() -> frozenset[str]:
    """The FollowTheMoney schema names an Entity's ``schema`` property may hold."""
    return frozenset(_schema_classes())


def class_for_schema(schema: str) -> URIRef:
    """The OWL class of an FtM schema name (``"Company"`` -> ``rf:Company``)."""
    try:
        return _schema_classes()[schema]
    except KeyError:
        raise KeyError(f"FtM schema {schema!r} is not declared in the ontology (rf:ftmSchema)") from None


@cache
def event_types() -> frozenset[str]:
    """The allowed values of Event.type (from the rf:Event subclasses)."""
    return frozenset(str(v) for v in ontology_graph().objects(None, NS.eventTypeValue))


# --------------------------------------------------------------------------- roles and decisions
def _roles(scheme: URIRef) -> dict[str, Role]:
    g = ontology_graph()
    out = {}
    for c in _in_scheme(scheme):
        notation = _str(g, c, SKOS.notation)
        out[notation] = Role(notation, _str(g, c, SKOS.prefLabel), _str(g, c, SKOS.definition))
    return dict(sorted(out.items()))


@cache
def entity_roles() -> dict[str, Role]:
    """The entity-role scheme, keyed by notation (the values of Entity.roles)."""
    return _roles(NS.entityRoles)


@cache
def party_roles() -> dict[str, Role]:
    """The transaction party-role scheme, keyed by notation (the role of HAS_PARTY)."""
    return _roles(NS.partyRoles)


@cache
def decision_values() -> frozenset[str]:
    """The allowed values of Decision.decision."""
    return frozenset(_roles(NS.decisions))


# --------------------------------------------------------------------------- capabilities
@cache
def abuse_types() -> dict[str, AbuseType]:
    """The abuse-type scheme, keyed by concept id."""
    g = ontology_graph()
    out = {}
    for c in _in_scheme(NS.abuseTypeScheme):
        cid = _local(c)
        out[cid] = AbuseType(
            id=cid,
            label=_str(g, c, SKOS.prefLabel),
            definition=_str(g, c, SKOS.definition),
            internal_repression=_bool(g, c, NS.internalRepression),
        )
    return dict(sorted(out.items()))


@cache
def _capabilities() -> dict[str, Capability]:
    g = ontology_graph()
    out = {}
    for c in _in_scheme(NS.capabilityScheme):
        cid = _local(c)
        out[cid] = Capability(
            id=cid,
            label=_str(g, c, SKOS.prefLabel),
            alt_labels=_strs(g, c, SKOS.altLabel),
            broader=sorted(_local(b) for b in g.objects(c, SKOS.broader) if isinstance(b, URIRef)),
            dos_scope=_bool(g, c, NS.dosScope),
            eu_cyber_surveillance=_bool(g, c, NS.euCyberSurveillance),
            abuse_types=sorted(_local(a) for a in g.objects(c, NS.abuseTypes) if isinstance(a, URIRef)),
            definition=_str(g, c, SKOS.definition),
        )
    return dict(sorted(out.items()))


def capabilities() -> list[Capability]:
    """Every concept of the surveillance-capability scheme, sorted by id."""
    return list(_capabilities().values())


def capability(capability_id: str) -> Capability:
    """One capability concept by id (``"facial_recognition"``)."""
    try:
        return _capabilities()[capability_id]
    except KeyError:
        raise KeyError(f"capability {capability_id!r} is not in the capability scheme") from None


# --------------------------------------------------------------------------- red flags
@cache
def _red_flags() -> dict[str, RedFlag]:
    g = ontology_graph()
    out = {}
    positions: dict[str, int] = {}
    for c in _in_scheme(NS.redFlagScheme):
        notation = _str(g, c, SKOS.notation)
        position = g.value(c, NS.catalogPosition)
        positions[notation] = int(position.toPython()) if isinstance(position, Literal) else 10_000
        consideration = g.value(c, NS.guidanceConsideration)
        computed = g.value(c, NS.computedBy)
        question = g.value(c, NS.checklistQuestion)
        out[notation] = RedFlag(
            id=notation,
            title=_str(g, c, SKOS.prefLabel),
            definition=_str(g, c, SKOS.definition),
            source=_str(g, c, NS.catalogSource),
            party=_str(g, c, NS.party),
            severity=_str(g, c, NS.severity),
            verification=_str(g, c, NS.verification),
            consideration=_str(g, consideration, SKOS.notation) if isinstance(consideration, URIRef) else "",
            computed_by=str(computed) if computed is not None else None,
            checklist_question=str(question) if question is not None else None,
            hard_stop=_bool(g, c, NS.hardStop),
        )
    return dict(sorted(out.items(), key=lambda kv: (positions[kv[0]], kv[0])))


def red_flags() -> list[RedFlag]:
    """The whole red-flag catalog, in catalog order."""
    return list(_red_flags().values())


def red_flag(flag_id: str) -> RedFlag:
    """One red flag by id (``"DOS-E2"``)."""
    try:
        return _red_flags()[flag_id]
    except KeyError:
        raise KeyError(f"red flag {flag_id!r} is not in the red-flag catalog") from None


def red_flag_iri(flag_id: str) -> URIRef:
    """The concept IRI of a red flag id; KeyError if the catalog does not hold it."""
    red_flag(flag_id)
    return NS[flag_id]


@cache
def rule_families() -> dict[str, list[str]]:
    """Computed flags grouped by the rule family that computes them (``"rules.item"`` -> [flag ids])."""
    out: dict[str, list[str]] = {}
    for flag in red_flags():
        if flag.computed_by:
            out.setdefault(flag.computed_by, []).append(flag.id)
    return dict(sorted(out.items()))


# --------------------------------------------------------------------------- tiers
@cache
def tiers() -> dict[int, Tier]:
    """The source credibility tiers keyed by number (1 = official lists ... 4 = unverified)."""
    g = ontology_graph()
    out = {}
    for c in _in_scheme(NS.tierScheme):
        number = int(_str(g, c, SKOS.notation))
        weight = g.value(c, NS.weight)
        out[number] = Tier(
            number=number,
            label=_str(g, c, SKOS.prefLabel),
            definition=_str(g, c, SKOS.definition),
            weight=float(weight.toPython()) if isinstance(weight, Literal) else 0.0,
            examples=_strs(g, c, SKOS.example),
        )
    return dict(sorted(out.items()))


def tier_iri(number: int) -> URIRef:
    """The concept IRI of a tier number; KeyError if there is no such tier."""
    if number not in tiers():
        raise KeyError(f"credibility tier {number!r} is not defined (tiers are {sorted(tiers())})")
    return NS[f"tier{number}"]


def declared_properties() -> frozenset[URIRef]:
    """Every property the model declares (datatype, object or annotation)."""
    g = ontology_graph()
    kinds = (OWL.DatatypeProperty, OWL.ObjectProperty, OWL.AnnotationProperty, RDF.Property)
    return frozenset(s for k in kinds for s in g.subjects(RDF.type, k) if isinstance(s, URIRef))


def comment(term: URIRef) -> str:
    """The rdfs:comment of a term, or ''."""
    return _str(ontology_graph(), term, RDFS.comment)
