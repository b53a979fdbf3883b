"""spaCy components of the pipeline, registered as factories when this package is imported.

- ``redflag_sentence_stops``: a sentence started after a legal form's full stop that ends one, before ``parser``;
- ``redflag_gazetteer``: gazetteer and agency patterns, before ``ner``;
- ``redflag_entities``: label remapping and normalisation after ``ner``;
- ``redflag_hedging``: hedge and negation cues;
- ``redflag_events``: event and relation extraction from the dependency parse.
"""

from nlp.components import entities, events, hedging, ruler, sentence_stops

__all__ = ["entities", "events", "hedging", "ruler", "sentence_stops"]
