"""Which module computes which catalog flag. The catalog (``computed_by``) is the authority; this module
only maps family names to modules and checks that every flag the catalog assigns to a family has a rule."""

from __future__ import annotations

from functools import cache
from types import ModuleType

from ontology import vocab
from redflag.rules import (
    country,
    enduser,
    intermediary,
    item,
    monitoring,
    ownership,
    route,
    safeguards,
    screening,
)
from redflag.rules.base import Rule

FAMILY_MODULES: dict[str, ModuleType] = {
    "rules.item": item,
    "rules.enduser": enduser,
    "rules.country": country,
    "rules.screening": screening,
    "rules.ownership": ownership,
    "rules.route": route,
    "rules.intermediary": intermediary,
    "rules.safeguards": safeguards,
    "rules.monitoring": monitoring,
}


class CatalogMismatch(RuntimeError):
    """The catalog assigns a flag to a family that has no rule for it (or to an unknown family)."""


@cache
def rules() -> dict[str, tuple[str, Rule]]:
    """Every computed flag id -> (family, rule), in catalog order; raises CatalogMismatch on a gap."""
    out: dict[str, tuple[str, Rule]] = {}
    problems = []
    for family, flag_ids in vocab.rule_families().items():
        module = FAMILY_MODULES.get(family)
        if module is None:
            problems.append(f"family {family!r} (flags {', '.join(flag_ids)}) has no module")
            continue
        table: dict[str, Rule] = module.RULES
        for flag_id in flag_ids:
            rule = table.get(flag_id)
            if rule is None:
                problems.append(f"{family} has no rule for {flag_id}")
            else:
                out[flag_id] = (family, rule)
    if problems:
        raise CatalogMismatch("red-flag catalog and rules disagree: " + "; ".join(problems))
    return out


def checklist_flags() -> list[vocab.RedFlag]:
    """Flags the tool cannot compute: asked on the transaction as checklist questions."""
    return [f for f in vocab.red_flags() if not f.computed_by and f.checklist_question]
