"""References have six digits at least, and more past the millionth report of a year
(ADR 0002): the API finds CIP-2026-1000000 as it finds CIP-2026-000001."""

import pytest

from csphub.api.models import ApiToken
from csphub.intelligence.models import Submission
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def test_a_seven_digit_reference_is_read_back(client, submitter):
    submission = make_submission(submitter)
    Submission.objects.filter(pk=submission.pk).update(reference="CIP-2026-1000000")
    token = ApiToken.issue(submitter)[1]
    response = client.get(
        "/api/v1/submissions/CIP-2026-1000000", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert response.json()["reference"] == "CIP-2026-1000000"


@pytest.mark.parametrize("reference", ["CIP-2026-00001", "cip-2026-000001", "CIP-26-000001"])
def test_what_is_not_a_reference_answers_404(client, submitter, reference):
    token = ApiToken.issue(submitter)[1]
    response = client.get(
        f"/api/v1/submissions/{reference}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404
