"""`csphub board-report` writes the Strategy Board's paper as DOCX or PDF."""

import datetime as dt
import io
import re

import docx
import pytest
from django.core.management import CommandError, call_command

from csphub.performance.kpi import engine
from csphub.performance.models import KpiResult
from csphub.performance.report import build_board_report

SECTIONS = [
    "Introduction",
    "Report Summary",
    "Ongoing Reductions in Crime",
    "Reducing Offending and Re-offending",
    "Repeat Victimisation and Vulnerable Victims",
    "ASB and Satisfaction",
    "Preventing Terrorism and Radicalisation",
    "Community Intelligence",
    "Recommendations",
    "Implications",
    "Background Papers",
    "Officer to Contact",
]

COUNTY = ("E10000018", "Leicestershire")
DISTRICTS = [
    ("E07000129", "Blaby"),
    ("E07000130", "Charnwood"),
    ("E07000131", "Harborough"),
    ("E07000132", "Hinckley and Bosworth"),
    ("E07000133", "Melton"),
    ("E07000134", "North West Leicestershire"),
    ("E07000135", "Oadby and Wigston"),
]
PERIOD = dt.date(2022, 10, 1)


def _row(kpi, area_type, code, name, period, value, prev, *, significant, rank=None):
    change = (value - prev) / prev * 100
    direction = "up" if value > prev else "down"
    good = "down"
    return KpiResult(
        kpi=kpi,
        area_type=area_type,
        area_code=code,
        area_name=name,
        district_code=code if area_type == engine.DISTRICT else "",
        period_end=period,
        count_12m=value * 100,
        count_prev_12m=prev * 100,
        population=100_000,
        population_prev=100_000,
        population_year=2020,
        rate_per_1000=value,
        rate_prev_per_1000=prev,
        value=value,
        value_prev=prev,
        change_pct=change,
        direction=direction,
        p_value=0.001 if significant else 0.5,
        significant=significant,
        assessment=("better" if direction == good else "worse")
        if significant
        else "no significant change",
        rank=rank,
        rank_of=7 if rank else None,
    )


def load_results(period: dt.date = PERIOD, months: int = 24) -> None:
    rows = []
    last = engine.month_index(period)
    for index in range(last - months + 1, last + 1):
        month = engine.month_date(index)
        step = (index - last + months) / months
        rows.append(
            _row(
                "vehicle-offences",
                engine.COUNTY,
                *COUNTY,
                month,
                3.75 + 1.68 * step,
                3.75,
                significant=month == period,
            )
        )
        rows.append(
            _row("asb-police", engine.COUNTY, *COUNTY, month, 7.30, 7.56, significant=False)
        )
        if month != period:
            continue
        for rank, (code, name) in enumerate(DISTRICTS, start=1):
            rows.append(
                _row(
                    "vehicle-offences",
                    engine.DISTRICT,
                    code,
                    name,
                    month,
                    3.0 + rank * 0.5,
                    3.0,
                    significant=True,
                    rank=rank,
                )
            )
            asb_significant = name in ("Harborough", "Charnwood")
            rows.append(
                _row(
                    "asb-police",
                    engine.DISTRICT,
                    code,
                    name,
                    month,
                    4.76 if name == "Harborough" else 9.74 if name == "Charnwood" else 6.5,
                    6.67 if name == "Harborough" else 9.10 if name == "Charnwood" else 6.6,
                    significant=asb_significant,
                    rank=1 if name == "Harborough" else 7 if name == "Charnwood" else 4,
                )
            )
    rows.append(
        KpiResult(
            kpi="survey-safe-after-dark",
            area_type=engine.COUNTY,
            area_code=COUNTY[0],
            area_name=COUNTY[1],
            period_end=period,
            count_12m=706,
            count_prev_12m=787,
            value=70.61,
            value_prev=78.72,
            base=1000,
            base_prev=1000,
            change_pct=-10.3,
            direction="down",
            p_value=0.0001,
            significant=True,
            assessment="worse",
        )
    )
    KpiResult.objects.bulk_create(rows)


@pytest.fixture
def results(db):
    load_results()


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_the_docx_has_the_boards_sections_in_order(results, tmp_path):
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
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    assert "12 months to October 2022" in _text(document)
    assert "Community Safety Performance Analyst" in "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells
    )


def test_paragraphs_are_numbered_continuously_through_the_paper(results, tmp_path):
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
    numbers = [
        int(m.group(1))
        for p in docx.Document(str(out)).paragraphs
        if (m := re.match(r"(\d+)\.\t", p.text))
    ]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 10


def test_the_docx_has_charts_with_alt_text_and_kpi_tables(results, tmp_path):
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
    assert len(document.inline_shapes) == 4  # trend and district charts for crime and for ASB
    assert all(shape._inline.docPr.get("descr") for shape in document.inline_shapes)
    kpi_tables = [t for t in document.tables if t.rows[0].cells[0].text == "KPI"]
    assert len(kpi_tables) == 5
    assert [c.text for c in kpi_tables[0].rows[0].cells] == [
        "KPI",
        "12 months to Oct 2022",
        "Previous 12 months",
        "Change",
        "Direction",
        "Significant?",
    ]
    vehicle = next(r for r in kpi_tables[0].rows if r.cells[0].text.startswith("Vehicle offences"))
    assert [c.text for c in vehicle.cells[1:]] == ["5.43", "3.75", "+45%", "Up", "Yes – worse"]


def test_the_narrative_reports_the_exceptions(results, tmp_path):
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
    text = _text(docx.Document(str(out)))
    assert "Vehicle offences rose to 5.43 per 1,000 from 3.75, a significant rise of 45%." in text
    assert (
        "Police-recorded anti-social behaviour in Harborough fell to 4.76 per 1,000 from 6.67, "
        "a significant fall of 29%."
    ) in text
    assert (
        "Feel safe outside after dark fell to 70.6% from 78.7%, a significant fall of 8.1 points."
        in text
    )
    assert "Charnwood has the highest rate of the seven districts." in text
    assert "No figures have been loaded for first-time entrants" in text
    assert "The Board is asked to note the contents of this report." in text
    assert "The Board is asked to consider the rise in vehicle offences across the county" in text


def test_the_pdf_is_an_a4_paper_with_a_bookmark_per_section(results, tmp_path):
    out = tmp_path / "paper.pdf"
    call_command(
        "board_report",
        "--period",
        "2022-10",
        "--format",
        "pdf",
        "--output",
        str(out),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    content = out.read_bytes()
    assert content.startswith(b"%PDF")
    bookmarks = [t.decode() for t in re.findall(rb"/Title \(([^)]*)\)", content)]
    assert bookmarks[: len(SECTIONS)] == SECTIONS
    assert len(re.findall(rb"/Type /Page\b", content)) >= 3
    assert b"/MediaBox [0 0 595.28 841.89]" in content
    assert b"DejaVu" in content  # the Unicode font is embedded


def test_without_output_the_file_is_named_after_the_period_in_the_current_folder(
    results, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    stdout = io.StringIO()
    call_command(
        "board_report",
        "--period",
        "2022-10",
        "--format",
        "pdf",
        stdout=stdout,
        stderr=io.StringIO(),
    )
    expected = tmp_path / "safer-communities-performance-2022-10.pdf"
    assert expected.exists()
    assert stdout.getvalue().strip() == str(expected.resolve())


def test_an_unknown_period_is_refused_with_the_periods_available(results, tmp_path):
    with pytest.raises(
        CommandError,
        match=r"No KPIs have been computed for 2030-01\. Periods available: "
        r"2020-11 to 2022-10\.",
    ):
        call_command(
            "board_report",
            "--period",
            "2030-01",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x.docx"),
        )
    assert not (tmp_path / "x.docx").exists()


def test_a_malformed_period_is_refused(results):
    with pytest.raises(CommandError, match="--period must be YYYY-MM"):
        call_command("board_report", "--period", "October", "--format", "docx")


def test_with_no_computed_results_the_error_says_to_import_data_first(db, tmp_path):
    with pytest.raises(CommandError, match="no periods are available yet"):
        call_command(
            "board_report",
            "--period",
            "2022-10",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x.docx"),
        )


def test_the_dashboard_can_build_the_paper_as_bytes(results):
    assert build_board_report(period=PERIOD, fmt="docx")[:2] == b"PK"
    assert build_board_report(period=PERIOD, fmt="pdf")[:4] == b"%PDF"
    with pytest.raises(ValueError, match="Unknown report format"):
        build_board_report(period=PERIOD, fmt="html")
