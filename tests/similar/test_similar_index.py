"""The usearch index file: built from the table, extended by the worker, memory-mapped, and
never trusted when it does not match the table (the search is then exact)."""

import json

import numpy as np
import pytest

from csphub.similar import index, services
from csphub.similar.models import SubmissionVector
from csphub.similar.tasks import submission_vector_compute

pytestmark = pytest.mark.django_db

TEXTS = [
    "Drugs are being sold from the flat above the bookies on High Street.",
    "Flat 2, 14 High St, above the betting shop: people call at all hours to buy drugs.",
    "Scam phone calls to elderly residents asking for their bank details.",
    "Youths gathering by the shops on Market Street most evenings.",
]


@pytest.fixture
def four(submitter, embedded):
    return [embedded(submitter, text) for text in TEXTS]


def query(submission):
    return SubmissionVector.objects.get(submission=submission).as_array()


def ids(hits):
    return [hit.submission_id for hit in hits]


def test_without_an_index_file_the_search_is_exact_and_a_rebuild_is_queued(
    four, similar_index_dir, django_capture_on_commit_callbacks
):
    assert not (similar_index_dir / index.DESCRIPTION).exists()
    with django_capture_on_commit_callbacks(execute=True):
        hits = index.nearest(query(four[0]), count=4)
    assert ids(hits) == ids(index.exact_nearest(query(four[0]), count=4))
    assert hits[0].submission_id == four[0].pk and hits[1].submission_id == four[1].pk
    described = json.loads((similar_index_dir / index.DESCRIPTION).read_text())
    assert described["count"] == 4


def test_the_index_gives_what_the_exact_search_gives(four):
    assert index.index_rebuild() == 4
    for submission in four:
        vector = query(submission)
        indexed, exact = index.nearest(vector, count=4), index.exact_nearest(vector, count=4)
        assert ids(indexed) == ids(exact)
        assert np.allclose(
            [h.similarity for h in indexed], [h.similarity for h in exact], atol=1e-4
        )


def test_web_processes_map_the_file_rather_than_load_it(four):
    index.index_rebuild()
    mapped = index._open()
    assert mapped is not None and mapped.count == 4
    assert index._open() is mapped  # mapped once, until the file changes
    with pytest.raises(Exception, match="immutable"):
        mapped.index.add(10**9, query(four[0]))


def test_vectors_stored_after_the_file_are_searched_beside_it(four, submitter, embedded):
    index.index_rebuild()
    newer = embedded(submitter, "Flat above the bookmakers on the High Street, drug dealing.")
    assert newer.pk in ids(index.nearest(query(four[0]), count=3))


def test_a_stale_file_is_not_used(four, django_capture_on_commit_callbacks):
    index.index_rebuild()
    four[1].delete()  # the file still holds it
    with django_capture_on_commit_callbacks(execute=False):
        hits = index.nearest(query(four[0]), count=4)
    assert four[1].pk not in ids(hits)
    assert ids(hits) == ids(index.exact_nearest(query(four[0]), count=4))


def test_a_replaced_vector_makes_the_file_stale(four):
    index.index_rebuild()
    services.submission_vector_store(submission=four[2])
    fresh, _tail = index._current(index._open())
    assert not fresh


def test_a_missing_index_file_falls_back_to_the_exact_search(four, similar_index_dir):
    index.index_rebuild()
    index.forget_mapped()
    for path in similar_index_dir.glob("submissions-*.usearch"):
        path.unlink()
    hits = index.nearest(query(four[0]), count=2)
    assert ids(hits) == [four[0].pk, four[1].pk]


def test_the_worker_adds_new_vectors_to_the_file_once_the_batch_is_reached(
    four, submitter, settings, similar_index_dir
):
    from tests.factories import make_submission

    settings.CSPHUB_SIMILAR_INDEX_BATCH = 2
    index.index_rebuild()
    first = make_submission(submitter, information="Bikes stolen from outside the station.")
    submission_vector_compute.call(first.pk)
    assert json.loads((similar_index_dir / index.DESCRIPTION).read_text())["count"] == 4
    second = make_submission(submitter, information="Sheds broken into on the allotments.")
    submission_vector_compute.call(second.pk)
    described = json.loads((similar_index_dir / index.DESCRIPTION).read_text())
    assert described["count"] == 6
    assert described["max_id"] == SubmissionVector.objects.get(submission=second).pk
    assert len(list(similar_index_dir.glob("submissions-*.usearch"))) == 1


def test_the_task_for_a_deleted_submission_does_nothing():
    assert submission_vector_compute.call(10**9) is False


def test_a_file_from_another_model_is_ignored(four, similar_index_dir):
    index.index_rebuild()
    path = similar_index_dir / index.DESCRIPTION
    described = json.loads(path.read_text())
    path.write_text(json.dumps({**described, "model": "another-model@1"}))
    index.forget_mapped()
    assert index._open() is None
