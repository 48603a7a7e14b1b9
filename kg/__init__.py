"""PeaceKG: news about peace talks turned into a knowledge graph of actors, meetings and agreements."""

__version__ = "0.1.0"
