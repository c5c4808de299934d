"""The one-statement submission insert (PostgreSQL) writes its rows without Model.save() and
without sending pre_save or post_save. A model it writes must therefore not depend on either:
if one gains a save() override or a save signal receiver, this fails, and the statement (in
intelligence/sql.py) must do the same work or the model must leave the fast path."""

import pytest
from django.db import models
from django.db.models.signals import post_save, pre_save

from csphub.audit.models import AuditEvent
from csphub.intelligence.models import ReferenceCounter
from csphub.intelligence.services.storage import SUBMISSION_MODELS

FAST_PATH_MODELS = (*SUBMISSION_MODELS, AuditEvent, ReferenceCounter)

# Overrides reviewed as safe to skip on insert, with the reason.
REVIEWED_SAVE_OVERRIDES = {
    # Refuses changes to an existing event and forces an INSERT; the statement only inserts.
    AuditEvent: "append-only: refuses updates, and a new event is always inserted",
}


def _names(models_: tuple[type[models.Model], ...]) -> list[str]:
    return [model._meta.label for model in models_]


@pytest.mark.parametrize("model", FAST_PATH_MODELS, ids=_names(FAST_PATH_MODELS))
def test_a_model_on_the_fast_path_has_no_save_override_that_the_insert_would_skip(model):
    overrides = [
        klass
        for klass in model.__mro__
        if klass is not models.Model and issubclass(klass, models.Model) and "save" in vars(klass)
    ]
    assert not overrides or model in REVIEWED_SAVE_OVERRIDES, (
        f"{model._meta.label} overrides save() ({overrides}); the one-statement insert would "
        "skip it"
    )


@pytest.mark.parametrize("model", FAST_PATH_MODELS, ids=_names(FAST_PATH_MODELS))
@pytest.mark.parametrize("signal", [pre_save, post_save], ids=["pre_save", "post_save"])
def test_a_model_on_the_fast_path_has_no_save_signal_receivers(model, signal):
    assert not signal.has_listeners(model), (
        f"{model._meta.label} has a {signal} receiver; the one-statement insert sends no signals"
    )


def test_the_reviewed_overrides_are_still_needed():
    for model in REVIEWED_SAVE_OVERRIDES:
        assert "save" in vars(model), f"{model._meta.label} no longer overrides save()"


def test_the_guard_notices_a_receiver_connected_to_a_fast_path_model():
    from csphub.intelligence.models import Submission

    def receiver(**kwargs):
        pass

    post_save.connect(receiver, sender=Submission, dispatch_uid="fast-path-guard-check")
    try:
        assert post_save.has_listeners(Submission)
    finally:
        post_save.disconnect(sender=Submission, dispatch_uid="fast-path-guard-check")
    assert not post_save.has_listeners(Submission)
