"""`csphub similar-reindex` embeds the submissions without a vector and rebuilds the file."""

import io
import json

import pytest
from django.core.management import call_command

from csphub.similar import index
from csphub.similar.models import SubmissionVector
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def reindex(*args):
    out = io.StringIO()
    call_command("similar_reindex", *args, stdout=out)
    return out.getvalue()


def test_it_embeds_existing_submissions_in_batches_and_builds_the_index(
    submitter, similar_index_dir
):
    for n in range(5):
        make_submission(submitter, information=f"Report number {n} about the shops.")
    output = reindex("--batch-size", "2")
    assert SubmissionVector.objects.count() == 5
    assert "Stored 5 new vectors; the index holds 5 submissions" in output
    assert json.loads((similar_index_dir / index.DESCRIPTION).read_text())["count"] == 5
    assert index._current(index._open()) == (True, 0)


def test_running_it_again_embeds_nothing_new(submitter):
    make_submission(submitter)
    reindex()
    first = SubmissionVector.objects.get().pk
    assert "Stored 0 new vectors; the index holds 1" in reindex()
    assert SubmissionVector.objects.get().pk == first


def test_recompute_replaces_vectors_of_another_model_version(submitter):
    make_submission(submitter)
    reindex()
    SubmissionVector.objects.update(model_version="0.0.1")
    assert "Stored 1 new vectors" in reindex("--recompute")
    assert SubmissionVector.objects.get().model_version != "0.0.1"


def test_the_console_script_spells_it_with_a_hyphen():
    from csphub.manage import django_argv

    assert django_argv(["csphub", "similar-reindex"])[1] == "similar_reindex"
