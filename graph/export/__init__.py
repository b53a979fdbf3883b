"""Exports of the graph store's dump to other formats (RDF/Turtle, typed by the ontology)."""

from graph.export.rdf import ExportError, node_iri, to_rdf, write_turtle

__all__ = ["ExportError", "node_iri", "to_rdf", "write_turtle"]
