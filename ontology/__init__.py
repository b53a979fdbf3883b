"""The model as data: Turtle files (OWL classes and properties, SKOS schemes, SHACL shapes) and the thin
Python layer that reads them (:mod:`ontology.vocab`), plus the shared record types (:mod:`ontology.records`).

Importing this package loads nothing; :mod:`ontology.vocab` parses the Turtle on first use.
"""
