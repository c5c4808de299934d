import re

import pytest
from django.db import transaction

from csphub.intelligence.models import Submission
from csphub.intelligence.references import allocate_reference, format_reference
from tests.factories import make_submission


def test_references_look_like_cip_year_and_six_digits():
    assert format_reference(2026, 123) == "CIP-2026-000123"


@pytest.mark.django_db
def test_references_are_sequential_within_a_year(submitter):
    first = make_submission(submitter)
    second = make_submission(submitter)
    assert re.fullmatch(r"CIP-\d{4}-\d{6}", first.reference)
    assert int(second.reference[-6:]) == int(first.reference[-6:]) + 1


@pytest.mark.django_db
def test_each_year_starts_again_at_one():
    with transaction.atomic():
        assert allocate_reference(2031) == "CIP-2031-000001"
        assert allocate_reference(2031) == "CIP-2031-000002"
        assert allocate_reference(2032) == "CIP-2032-000001"


@pytest.mark.django_db
def test_a_rolled_back_submission_gives_its_number_back(submitter):
    make_submission(submitter)
    with pytest.raises(RuntimeError), transaction.atomic():
        allocate_reference(2040)
        raise RuntimeError("the submission failed")
    with transaction.atomic():
        assert allocate_reference(2040) == "CIP-2040-000001"
    assert Submission.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_allocation_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        allocate_reference(2026)
