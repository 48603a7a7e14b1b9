"""PeaceKG's benchmarks: ingest, graph scale, queries, export and the endpoint under load.

``python -m bench`` measures each part of PeaceKG side by side with what it is built on (spaCy's
``nlp.pipe``, pyoxigraph, ``oxigraph serve``), prints the ratios and writes ``bench/RESULTS.md``
with the machine it ran on. ``python -m bench --smoke`` runs everything at a tiny scale.
"""
