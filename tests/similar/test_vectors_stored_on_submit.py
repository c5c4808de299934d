"""Every new submission gets its sentence vector once committed, whichever way it came in:
the web form, the API (on PostgreSQL, the one-statement insert, which sends no post_save) and
the demo loader."""

import io
import json

import numpy as np
import pytest
from django.core.management import call_command
from django.db.models.signals import post_save
from django.urls import reverse

from csphub.api.models import ApiToken
from csphub.embeddings import DIMENSIONS, encode
from csphub.intelligence.models import Submission
from csphub.similar.models import SubmissionVector
from csphub.similar.vectors import MODEL_NAME, model_version, submission_text
from tests.factories import make_submission
from tests.intelligence.test_submission_journey import walk_to_check

pytestmark = pytest.mark.django_db


def test_a_submission_made_through_the_web_form_is_embedded_after_it_is_committed(
    client, submitter, django_capture_on_commit_callbacks
):
    client.force_login(submitter)
    walk_to_check(client, information="Drugs are sold from the flat above the bookies.")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("intelligence:submit_check"))
    submission = Submission.objects.get()
    stored = SubmissionVector.objects.get(submission=submission)
    assert len(bytes(stored.vector)) == DIMENSIONS * 4
    assert stored.model_name == MODEL_NAME and stored.model_version == model_version()
    expected = encode([submission_text(submission.information, submission.place_description)])[0]
    assert np.allclose(stored.as_array(), expected, atol=1e-6)


def test_a_submission_made_through_the_api_is_embedded_after_it_is_committed(
    client, submitter, django_capture_on_commit_callbacks
):
    payload = {
        "themes": ["county-lines"],
        "information": "Drugs are sold from the flat above the bookies.",
        "district_code": "E07000130",
        "how_known": "first_hand",
        "may_contact": True,
        "source_disclosable": False,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/submissions",
            json.dumps(payload),
            content_type="application/json",
            headers={"Authorization": f"Bearer {ApiToken.issue(submitter)[1]}"},
        )
    assert response.status_code == 201
    submission = Submission.objects.get(reference=response.json()["reference"])
    assert SubmissionVector.objects.filter(submission=submission).exists()


def test_nothing_is_embedded_before_the_commit(submitter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_submission(submitter)
    assert callbacks and not SubmissionVector.objects.exists()


def test_the_demo_loader_submissions_are_embedded(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("CSPHUB_SHARED_DATA", str(tmp_path / "absent"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "load_demo", submissions=8, force=True, no_performance=True, stdout=io.StringIO()
        )
    assert Submission.objects.count() > 8  # the plan, and the demo's connected reports
    assert SubmissionVector.objects.count() == Submission.objects.count()


def test_similar_reports_listen_to_no_save_signal_of_a_submission():
    # The one-statement insert sends none (tests/intelligence/test_fast_path_models.py).
    assert not post_save.has_listeners(Submission)
