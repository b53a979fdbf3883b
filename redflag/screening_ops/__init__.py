"""Screening operations: bulk screening of party lists, the append-only audit log, false-positive clearances
and re-screening after list changes.

- :mod:`~redflag.screening_ops.parties` - the parties CSV (malformed rows reported by line);
- :mod:`~redflag.screening_ops.audit` - the audit log (SQLite, append-only, hash-chained);
- :mod:`~redflag.screening_ops.session` - a screening session: screen, apply decisions, log;
- :mod:`~redflag.screening_ops.reports` - CSV / HTML / JSON / JSON lines reports and audit exports;
- :mod:`~redflag.screening_ops.weights` - ``REDFLAG_SCREEN_WEIGHTS``.

The graph-facing wiring is in :mod:`redflag.services.screening_ops`.
"""
