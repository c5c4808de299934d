"""References stay unique and gap-free when many partners submit at the same moment."""

import threading

import pytest
from django.db import connection

from csphub.intelligence.models import Submission
from tests.factories import make_submission

THREADS = 12
PER_THREAD = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_unique_sequential_references(submitter):
    references: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)
    lock = threading.Lock()

    def worker():
        try:
            start.wait()
            for _ in range(PER_THREAD):
                reference = make_submission(submitter).reference
                with lock:
                    references.append(reference)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    total = THREADS * PER_THREAD
    assert len(set(references)) == total
    # No gaps in what was acknowledged: the numbers are exactly 1..N.
    assert sorted(int(r[-6:]) for r in references) == list(range(1, total + 1))
    assert Submission.objects.count() == total
