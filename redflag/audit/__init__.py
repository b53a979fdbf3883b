"""Tamper-evident audit trails: the audit key (:mod:`.keys`), anchors kept outside each chain (:mod:`.anchor`),
the graph's anchor node (:mod:`.graph_anchor`), the per-transaction chain of resolutions and decisions
(:mod:`.transaction_chain`) and the refusal to write over an audit file (:mod:`.files`)."""

from __future__ import annotations


class AuditError(ValueError):
    """An audit trail cannot be read, written or verified; the message is one line saying what and why."""
