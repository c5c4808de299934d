"""The paper carries what a council paper carries (community intelligence counts, implications,
background papers, officer to contact), and its intelligence picture holds counts, never content."""

import datetime as dt
import io

import docx
import pytest
from django.core.management import call_command
from django.test import override_settings

from csphub.intelligence.models import Submission
from csphub.intelligence.selectors import intelligence_picture
from tests.factories import make_submission
from tests.performance.test_board_report_command import load_results

SECRET = "Jordan Price is dealing from the flat above the bookies"


@pytest.fixture
def results(db):
    load_results()


def paper(tmp_path) -> str:
    out = tmp_path / "paper.docx"
    call_command(
        "board_report",
        "--period",
        "2022-10",
        "--format",
        "docx",
        "--output",
        str(out),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    document = docx.Document(str(out))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def received(submission, when):
    Submission.objects.filter(pk=submission.pk).update(created_at=when)


def test_the_quarters_intelligence_is_counted_by_theme_and_district_without_its_content(
    results, submitter, tmp_path
):
    tz = dt.UTC
    received(
        make_submission(
            submitter, information=SECRET, themes=["county-lines"], district_code="E07000130"
        ),
        dt.datetime(2022, 9, 14, 10, tzinfo=tz),
    )
    received(
        make_submission(
            submitter, themes=["county-lines", "vulnerability"], district_code="E07000133"
        ),
        dt.datetime(2022, 10, 2, 10, tzinfo=tz),
    )
    received(
        make_submission(submitter, district_code="E07000133"),
        dt.datetime(2022, 6, 30, 10, tzinfo=tz),
    )
    text = paper(tmp_path)
    assert (
        "Partners submitted 2 items of community intelligence through the portal from August to "
        "October 2022" in text
    )
    assert "1 more than in the three months before" in text
    assert SECRET not in text and "Jordan" not in text
    picture = intelligence_picture(start=dt.date(2022, 8, 1), end=dt.date(2022, 11, 1))
    themes = {r.name: r.count for r in picture.by_theme}
    assert (
        themes["County lines and cuckooing"] == 2
        and themes["Vulnerability (adults and children at risk)"] == 1
    )
    assert {r.name: r.count for r in picture.by_district}["Melton"] == 1


def test_the_paper_has_implications_background_papers_and_an_officer_to_contact(results, tmp_path):
    officer = {
        "name": "Gareth Holloway",
        "title": "Senior Performance Analyst",
        "organisation": "Leicestershire County Council",
        "phone": "0116 305 0000",
        "email": "gareth.holloway@example.org",
    }
    with override_settings(CSPHUB_REPORT_OFFICER=officer):
        text = paper(tmp_path)
    assert "Financial implications: there are no financial implications" in text
    assert "Crime and Disorder Act 1998" in text
    assert "Risk: The significant deteriorations set out in this report" in text
    assert "docs/kpi-methods.md" in text
    assert (
        "Gareth Holloway, Senior Performance Analyst, Leicestershire County Council. Telephone: "
        "0116 305 0000; "
        "Email: gareth.holloway@example.org."
    ) in text


def test_a_quarter_without_intelligence_says_so(results, tmp_path):
    assert (
        "No community intelligence was submitted through the portal from August to October 2022."
        in paper(tmp_path)
    )
