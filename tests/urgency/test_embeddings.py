"""The numpy sentence encoder gives all-MiniLM-L6-v2's embeddings, offline."""

import numpy as np
import pytest

from csphub.embeddings import DIMENSIONS, encode

# The first eight values sentence-transformers 6.2 (PyTorch 2.13, CPU) gives for this sentence
# with normalize_embeddings=True, from the same model files.
REFERENCE = "A man is being attacked outside the shop right now."
REFERENCE_START = [
    -0.001176,
    0.067835,
    -0.031114,
    0.031243,
    0.064662,
    0.017158,
    0.066303,
    -0.044841,
]


def test_it_gives_the_reference_implementations_embedding():
    vector = encode([REFERENCE])[0]
    assert vector.shape == (DIMENSIONS,)
    assert np.allclose(vector[:8], REFERENCE_START, atol=2e-6)


def test_embeddings_have_unit_length_and_keep_the_input_order():
    texts = [
        "a short one",
        "a much longer sentence about a flat above the bookies on the high street",
        "",
    ]
    vectors = encode(texts)
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-5)
    assert np.allclose(encode([texts[1]])[0], vectors[1], atol=1e-6)


def test_sentences_that_mean_the_same_are_closer_than_unrelated_ones():
    a, b, c = encode(
        ["the flat above the bookies", "Flat 2 over the betting shop", "a cat asleep in the sun"]
    )
    assert a @ b > a @ c


def test_an_empty_list_gives_no_rows_and_a_bare_string_is_refused():
    assert encode([]).shape == (0, DIMENSIONS)
    with pytest.raises(TypeError):
        encode("not a list")


def test_very_long_text_is_cut_to_the_models_limit_rather_than_failing():
    assert encode(["word " * 2000]).shape == (1, DIMENSIONS)
