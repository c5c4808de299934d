"""The county page's "Download the board report" returns the paper built by the report module."""

import pytest
from django.urls import reverse

from csphub.core.roles import Role
from tests.dashboard_support import load_results
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(client):
    client.force_login(UserFactory(roles=[Role.BOARD_MEMBER]))
    load_results()
    return client


@pytest.mark.parametrize(
    ("fmt", "content_type", "magic"),
    [
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_the_board_report_downloads_with_the_period_in_its_name(board, fmt, content_type, magic):
    response = board.get(reverse("performance:board_report"), {"period": "2022-10", "format": fmt})
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="safer-communities-performance-2022-10.{fmt}"'
    )
    assert response.content.startswith(magic)


def test_the_report_is_built_for_the_chosen_period(board, monkeypatch):
    from csphub.performance import report

    calls = []
    monkeypatch.setattr(
        report, "build_board_report", lambda *, period, fmt: calls.append((period, fmt)) or b"PK"
    )
    response = board.get(
        reverse("performance:board_report"), {"period": "2022-09", "format": "docx"}
    )
    assert response.status_code == 200
    assert [(p.isoformat(), f) for p, f in calls] == [("2022-09-01", "docx")]


@pytest.mark.parametrize("query", [{"period": "2022-10", "format": "odt"}, {"period": "2019-01"}])
def test_an_unknown_format_or_period_is_not_found(board, query):
    assert board.get(reverse("performance:board_report"), query).status_code == 404
