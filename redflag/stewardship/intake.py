"""What an outsider may send: the fields of the public form and their limits (rate limits: ``ratelimit``).

Text is kept as plain text (never interpreted); markup is allowed to arrive but is stored verbatim and always
escaped when shown. Fields over their limit, control characters and unknown fields are refused with a message
naming the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# field -> (label, max characters, required)
FORM_FIELDS: dict[str, tuple[str, int, bool]] = {
    "subject": ("Subject", 200, True),
    "text": ("What happened", 8000, True),
    "item": ("Product concerned", 200, False),
    "organisations": ("Organisations involved (one per line)", 1000, False),
    "country": ("Country or place", 200, False),
    "links": ("Links to material (one per line)", 2000, False),
    "reporter_name": ("Your name (optional)", 200, False),
    "reporter_contact": ("How to reach you (optional)", 300, False),
}
MAX_BODY_BYTES = 32 * 1024
MAX_LIST_ENTRIES = 10
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]|javascript:", re.IGNORECASE)


class IntakeError(ValueError):
    """A submission that cannot be accepted; the message says which field and why."""


@dataclass(frozen=True)
class Submission:
    subject: str
    text: str
    item: str
    organisations: list[str]
    country: str
    links: list[str]
    reporter_name: str
    reporter_contact: str
    contains_markup: bool


def _lines(value: str, label: str) -> list[str]:
    out = [v.strip() for v in value.splitlines() if v.strip()]
    if len(out) > MAX_LIST_ENTRIES:
        raise IntakeError(f"{label}: at most {MAX_LIST_ENTRIES} lines")
    return out


def validate_form(form: dict[str, str]) -> Submission:
    """Check a submitted form against FORM_FIELDS; IntakeError names the first field that is wrong."""
    unknown = sorted(set(form) - set(FORM_FIELDS))
    if unknown:
        raise IntakeError(f"unexpected field {unknown[0][:40]!r}: the form accepts only its own fields")
    clean: dict[str, str] = {}
    for key, (label, limit, required) in FORM_FIELDS.items():
        value = str(form.get(key) or "").replace("\r\n", "\n").strip()
        if required and not value:
            raise IntakeError(f"{label}: this field is required")
        if len(value) > limit:
            raise IntakeError(f"{label}: {len(value)} characters, the limit is {limit}")
        if _CONTROL.search(value):
            raise IntakeError(f"{label}: contains control characters")
        clean[key] = value
    links = _lines(clean["links"], FORM_FIELDS["links"][0])
    for link in links:
        if not re.match(r"^https?://\S+$", link) or len(link) > 500:
            raise IntakeError(f"{FORM_FIELDS['links'][0]}: {link[:60]!r} is not an http(s) link")
    return Submission(
        subject=clean["subject"],
        text=clean["text"],
        item=clean["item"],
        organisations=_lines(clean["organisations"], FORM_FIELDS["organisations"][0]),
        country=clean["country"],
        links=links,
        reporter_name=clean["reporter_name"],
        reporter_contact=clean["reporter_contact"],
        contains_markup=any(_MARKUP.search(v) for v in clean.values()),
    )
