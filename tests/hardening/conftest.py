"""Hardening tests share the UI tests' demo world (a `redflag demo --no-ui` folder with hostile names)."""

from __future__ import annotations

from tests.ui.conftest import demo_dir  # noqa: F401  (the session fixture, for the login tests)
