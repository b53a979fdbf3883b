"""The red-flag engine: one module per rule family of the catalog (``ontology/redflags.ttl``).

``redflag.rules.engine.evaluate(store, transaction_id, as_of)`` is the entry point.
"""
