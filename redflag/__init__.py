"""redflag: knowledge-graph-backed red-flag investigation for surveillance-capable exports.

This package is the thin application layer: settings, the command line and the services
that wire the stages (crawler/, nlp/, graph/) together for the CLI and the UI.
"""

__version__ = "0.1.0"
