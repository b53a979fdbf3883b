"""The NLP stage: a spaCy pipeline that turns document text into entity and event mentions with evidence.

Public entry points: :func:`nlp.pipeline.build_pipeline`, :class:`nlp.extract.Extractor`,
:class:`nlp.gazetteer.Gazetteer`. This package never imports ``redflag``, ``crawler`` or ``graph``.
"""
