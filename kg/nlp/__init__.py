"""Natural language processing: the spaCy pipeline, PeaceKG's components and the lexicon they use."""
