"""The typed layer over the Turtle files: red flags, rule families, capabilities, tiers, roles."""

import re

import pytest

from ontology import vocab

RULE_FAMILIES = {
    "rules.item": {"DOS-I1", "DOS-I3", "EU-03", "EU-04", "OTH-04"},
    "rules.enduser": {"DOS-E1", "DOS-E2", "DOS-E3", "EU-06", "EU-11", "OTH-03"},
    "rules.country": {"DOS-D1", "DOS-D2", "DOS-D3", "DOS-D4"},
    "rules.screening": {"BIS-K01", "EU-07", "OTH-06"},
    "rules.ownership": {"BIS-K18", "OTH-01", "OTH-02", "DIV-01", "DIV-09"},
    "rules.route": {"BIS-K10", "BIS-K11", "BIS-K15", "BIS-K16", "DIV-11", "DIV-20"},
    "rules.intermediary": {"DOS-S1"},
    "rules.safeguards": {"DOS-S2"},
    "rules.monitoring": {"DOS-P1"},
}
CONSIDERATIONS = {"item", "third_parties", "red_flags", "mitigation", "grievances"}


def _expected_ids() -> set[str]:
    ids = {
        f"DOS-{x}"
        for x in ("I1", "I2", "I3", "E1", "E2", "E3", "D1", "D2", "D3", "D4", "S1", "S2", "S3", "P1")
    }
    ids |= {f"BIS-K{n:02d}" for n in range(1, 19)}
    ids |= {f"DIV-{n:02d}" for n in range(1, 22)}
    ids |= {f"EU-{n:02d}" for n in range(1, 13)}
    ids |= {f"OTH-{n:02d}" for n in range(1, 7)}
    return ids


def test_catalog_holds_all_71_flags_with_every_field():
    flags = vocab.red_flags()
    assert len(flags) == 71
    assert {f.id for f in flags} == _expected_ids()
    for f in flags:
        assert f.title and len(f.title) < 80, f.id
        assert len(f.definition) > 30, f.id
        assert f.source and f.party and f.severity, f.id
        assert f.verification in {"V", "M"}, f.id
        assert f.consideration in CONSIDERATIONS, f.id


def test_flags_come_in_catalog_order():
    ids = [f.id for f in vocab.red_flags()]
    assert ids[0] == "DOS-I1" and ids[-1] == "OTH-06"
    assert ids.index("BIS-K01") < ids.index("BIS-K02") < ids.index("DIV-01") < ids.index("EU-01")


def test_every_rule_family_computes_exactly_its_flags():
    assert {k: set(v) for k, v in vocab.rule_families().items()} == RULE_FAMILIES
    for family, ids in RULE_FAMILIES.items():
        for flag_id in ids:
            assert vocab.red_flag(flag_id).computed_by == family


def test_each_flag_is_computed_or_asked_never_both():
    for f in vocab.red_flags():
        assert (f.computed_by is None) != (f.checklist_question is None), f.id
        if f.checklist_question is not None:
            assert f.checklist_question.endswith("?"), f.id


def test_hard_stop_follows_severity():
    for f in vocab.red_flags():
        assert f.hard_stop == f.severity.startswith("hard-stop"), f.id
    assert vocab.red_flag("OTH-01").hard_stop
    assert not vocab.red_flag("DOS-E2").hard_stop


def test_unknown_ids_raise_key_error_naming_the_id():
    with pytest.raises(KeyError, match="NOPE-99"):
        vocab.red_flag("NOPE-99")
    with pytest.raises(KeyError, match="teleportation"):
        vocab.capability("teleportation")
    with pytest.raises(KeyError, match="Spaceship"):
        vocab.class_for_schema("Spaceship")
    with pytest.raises(KeyError, match="Widget"):
        vocab.class_for_label("Widget")
    with pytest.raises(KeyError, match="TELEPORTS"):
        vocab.property_for_relationship("TELEPORTS")


def test_every_capability_has_a_label_and_consistent_links():
    caps = vocab.capabilities()
    ids = {c.id for c in caps}
    abuse = set(vocab.abuse_types())
    assert len(caps) >= 25
    for c in caps:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", c.id), c.id
        assert c.label, c.id
        assert c.alt_labels, c.id
        assert set(c.broader) <= ids, c.id
        assert c.abuse_types and set(c.abuse_types) <= abuse, c.id


@pytest.mark.parametrize(
    "words, capability_id",
    [
        ("spyware", "spyware"),
        ("malware implant", "spyware"),
        ("StingRay", "imsi_catcher"),
        ("cell-site simulator", "imsi_catcher"),
        ("face recognition", "facial_recognition"),
        ("facial-recognition cameras", "facial_recognition"),
        ("DPI", "deep_packet_inspection"),
        ("deep packet inspection", "deep_packet_inspection"),
        ("ANPR", "license_plate_recognition"),
        ("ALPR", "license_plate_recognition"),
        ("intercept equipment", "communications_interception"),
        ("rapid DNA", "rapid_dna"),
        ("gait analysis", "gait_analysis"),
        ("thermal imaging", "thermal_imaging"),
        ("body-worn camera", "body_worn_cameras"),
        ("social-media analytics", "social_media_analytics"),
        ("crypto-analysis", "crypto_analysis"),
        ("penetration testing", "penetration_testing"),
        ("computer-vision chip", "computer_vision_chips"),
        ("non-cooperative location tracking", "non_cooperative_location_tracking"),
        ("network-protocol surveillance", "network_protocol_surveillance"),
        ("remotely accessible audio recorder", "remote_recorders"),
        ("video analytics", "video_analytics"),
        ("lawful interception", "lawful_interception"),
        ("internet censorship", "internet_filtering"),
        ("drone", "drones"),
        ("biometrics", "biometrics"),
        ("location tracking", "location_tracking"),
        ("cameras", "surveillance_cameras"),
    ],
)
def test_report_wording_finds_the_capability(words, capability_id):
    hits = [c.id for c in vocab.capabilities() if words.lower() in {a.lower() for a in c.alt_labels}]
    assert hits == [capability_id]


def test_capability_details():
    fr = vocab.capability("facial_recognition")
    assert fr.broader == ["biometrics"]
    assert fr.dos_scope and fr.eu_cyber_surveillance
    assert "identifying_protesters" in fr.abuse_types
    assert "targeting_journalists" in vocab.capability("spyware").abuse_types
    assert set(vocab.capability("imsi_catcher").broader) == {
        "communications_interception",
        "location_tracking",
    }
    assert all(c.dos_scope for c in vocab.capabilities())


def test_internal_repression_abuse_types():
    repression = {a.id for a in vocab.abuse_types().values() if a.internal_repression}
    assert repression == {"arbitrary_detention", "torture", "enforced_disappearance", "extrajudicial_killing"}


def test_tiers_are_ordered_by_weight():
    tiers = vocab.tiers()
    assert sorted(tiers) == [1, 2, 3, 4]
    weights = [tiers[n].weight for n in (1, 2, 3, 4)]
    assert weights == sorted(weights, reverse=True) and weights[-1] > 0
    assert all(t.label and t.definition for t in tiers.values())
    with pytest.raises(KeyError, match="7"):
        vocab.tier_iri(7)


def test_role_schemes():
    assert {
        "vendor",
        "distributor",
        "reseller",
        "integrator",
        "freight_forwarder",
        "bank",
        "ngo",
        "security_service",
        "government",
        "manufacturer",
        "end_user",
    } <= set(vocab.entity_roles())
    assert set(vocab.party_roles()) == {
        "exporter",
        "customer",
        "consignee",
        "intermediary",
        "freight_forwarder",
        "end_user",
        "payer",
    }
    assert vocab.decision_values() >= {"proceed", "proceed_with_safeguards", "refuse"}


def test_schemas_and_labels_map_to_classes():
    assert vocab.ftm_schemas() == {"Company", "Organization", "PublicBody", "Person", "LegalEntity", "Vessel", "Airplane"}
    assert vocab.class_for_schema("Company") == vocab.NS.Company
    assert vocab.class_for_label("Entity") == vocab.NS.Entity
    assert vocab.property_for_relationship("SUPPLIED") == vocab.NS.supplied
    assert vocab.event_types() == {"supply", "abuse", "listing", "ownership", "reexport"}


def test_property_keys_map_to_declared_or_camel_case_properties():
    assert vocab.property_for_key("type") == vocab.NS.eventType
    assert vocab.property_for_key("list_code") == vocab.NS.listCode
    assert vocab.property_for_key("some_new_key") == vocab.NS.someNewKey
    assert vocab.property_refers_to(vocab.property_for_key("rule")) == "redflag"
    with pytest.raises(ValueError, match="bad key"):
        vocab.property_for_key("bad key")
