"""validate_file: clear errors for missing or unparsable files; the shapes judge a tiny graph."""

import pytest

from ontology.validate import validate_file

GOOD = """
@prefix rf: <https://redflag.example.org/ontology#> .
<https://redflag.example.org/id/XA> a rf:Country ; rf:id "XA" ; rf:name "Arcadia" .
"""


def test_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.ttl"):
        validate_file(tmp_path / "nothing.ttl")


def test_unparsable_file_is_named(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<")
    with pytest.raises(ValueError, match="bad.ttl"):
        validate_file(bad)


def test_a_conforming_and_a_failing_country(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text(GOOD)
    outcome = validate_file(good)
    assert outcome.conforms and outcome.violations == 0
    bad = tmp_path / "lower.ttl"
    bad.write_text(GOOD.replace('rf:id "XA"', 'rf:id "xa"'))
    outcome = validate_file(bad)
    assert not outcome.conforms and outcome.violations == 1
    assert "two capital letters" in outcome.report_text
