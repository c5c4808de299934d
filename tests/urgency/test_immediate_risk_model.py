"""The model is a second opinion: asked only when the rules found nothing in a text with
wording of danger that nothing frames as past, media, a meeting, a question or a denial."""

import numpy as np
import pytest

import csphub.urgency.classifier as classifier_module
from csphub.urgency import MODEL_REASON, assess
from csphub.urgency.classifier import Classifier, classifier


class Recording(Classifier):
    asked: list

    def probabilities(self, texts):
        self.asked.extend(texts)
        return np.full(len(texts), 0.99)


@pytest.fixture
def always_alarmed(monkeypatch):
    fake = Recording(weights=np.zeros(384, dtype=np.float32), bias=0.0, threshold=0.5, about={})
    object.__setattr__(fake, "asked", [])
    monkeypatch.setattr(classifier_module, "classifier", lambda: fake)
    return fake


def test_the_stored_model_loads_with_a_threshold_and_the_embedding_size():
    model = classifier()
    assert model.weights.shape == (384,)
    assert 0.5 < model.threshold < 1.0
    assert (
        "tuning" in " ".join(model.about["trained_on"]) or "dev.jsonl" in model.about["trained_on"]
    )
    assert not any(name.startswith("heldout") for name in model.about["trained_on"])


def test_it_is_not_asked_about_ordinary_reports(always_alarmed):
    assert assess("Two young men keep visiting the ground-floor flat at all hours.") == []
    assert always_alarmed.asked == []


def test_it_is_not_asked_when_the_rules_already_found_an_emergency(always_alarmed):
    (finding,) = assess("he has a knife and is outside now")
    assert finding.source == "rules"
    assert always_alarmed.asked == []


def test_it_is_not_asked_about_danger_in_the_past_a_video_or_a_question(always_alarmed):
    for text in (
        "She was beaten last month by her ex.",
        "A video of a stabbing is going round.",
        "What should we do if someone is stabbed outside?",
    ):
        assert assess(text) == []
    assert always_alarmed.asked == []


def test_what_it_flags_says_so_and_shows_the_sentence_it_scored(always_alarmed):
    findings = assess(
        "Routine visit, rent is up to date. My neighbour is lying at the bottom of her stairs "
        "with blood round her head."
    )
    assert [f.source for f in findings] == ["model"]
    assert findings[0].reason == MODEL_REASON
    assert findings[0].excerpt.startswith("My neighbour is lying")
    assert findings[0].wording.startswith("model score")


def test_with_the_real_model_an_emergency_the_rules_have_no_pattern_for_can_still_be_caught():
    # Wording chosen for having no rule pattern; if a rule is added for it, pick another.
    text = "my neighbour is lying at the bottom of her stairs with blood round her head"
    findings = assess(text)
    assert findings, "neither reader caught it"
