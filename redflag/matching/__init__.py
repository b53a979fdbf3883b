"""Name matching: pure feature functions, then one subpackage per algorithm.

- :mod:`redflag.matching.features` - feature functions, each returning 0..1;
- :mod:`redflag.matching.screening` - a name against list entities (``Screener``, ``logic-v1``);
- :mod:`redflag.matching.resolution` - pairwise entity-resolution scores and clustering;
- :mod:`redflag.matching.evaluate` - precision / recall on labelled name pairs.
"""
