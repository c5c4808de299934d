"""The nearest-centroid theme classifier, on plain vectors (no Django, no model)."""

import numpy as np
import pytest

from csphub.embeddings.themes import ThemeClassifier


def unit(*values):
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def classifier():
    labels = ["drugs", "drugs", "noise", "scams"]
    vectors = np.vstack([unit(1, 0.1, 0), unit(1, -0.1, 0), unit(0, 1, 0), unit(0, 0, 1)])
    return ThemeClassifier.fit(labels, vectors)


def test_each_theme_is_the_normalised_mean_of_its_examples():
    fitted = classifier()
    assert fitted.labels == ("drugs", "noise", "scams")
    assert np.allclose(np.linalg.norm(fitted.centroids, axis=1), 1.0)
    assert np.allclose(fitted.centroids[0], [1, 0, 0], atol=1e-6)


def test_a_text_close_to_one_theme_gets_that_theme_alone():
    assert [slug for slug, _ in classifier().suggest(unit(1, 0.05, 0.05))] == ["drugs"]


def test_a_text_between_two_themes_gets_both_best_first():
    suggested = classifier().suggest(unit(1, 0.9, 0))
    assert [slug for slug, _ in suggested] == ["drugs", "noise"]
    assert suggested[0][1] >= suggested[1][1]


def test_at_most_the_limit_is_suggested():
    assert len(classifier().suggest(unit(1, 1, 1), limit=2, margin=1.0)) == 2


def test_nothing_is_suggested_below_the_least_score_or_for_an_empty_vector():
    fitted = classifier()
    assert fitted.suggest(unit(-1, -1, -1)) == []
    assert fitted.suggest(np.zeros(3, dtype=np.float32)) == []
    assert ThemeClassifier.fit([], np.zeros((0, 3), dtype=np.float32)).suggest(unit(1, 0, 0)) == []


def test_scores_give_every_theme():
    assert set(classifier().scores(unit(1, 0, 0))) == {"drugs", "noise", "scams"}


def test_it_wants_one_label_per_vector():
    with pytest.raises(ValueError):
        ThemeClassifier.fit(["a"], np.zeros((2, 3), dtype=np.float32))
