"""Importing police records: archives, CSV and gzipped CSV; rows rejected with reasons;
re-importing a month replaces it; a bad file leaves nothing behind."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Sum

from csphub.performance.models import CrimeCount, ImportRun, PoliceMonth
from csphub.performance.services import police_import
from tests.performance_files import LSOAS, month_rows, police_csv, write_archive, write_gz

pytestmark = pytest.mark.django_db


def total() -> int:
    return CrimeCount.objects.aggregate(n=Sum("count"))["n"] or 0


def test_a_downloaded_archive_is_read_month_by_month_skipping_outcome_files(tmp_path):
    archive = write_archive(
        tmp_path / "download.zip",
        {
            "2022-01": police_csv("2022-01", month_rows("2022-01", vehicle=3, asb=2)),
            "2022-02": police_csv("2022-02", month_rows("2022-02", vehicle=1, asb=0)),
        },
    )
    summary = police_import(paths=[archive])
    assert (summary.rows_read, summary.accepted, summary.rejected) == (6, 6, 0)
    assert total() == 6
    assert [m.strftime("%Y-%m") for m in PoliceMonth.objects.values_list("month", flat=True)] == [
        "2022-01",
        "2022-02",
    ]
    assert (
        CrimeCount.objects.get(
            month__month=1, lsoa_code=LSOAS[2][0], category="Anti-social behaviour"
        ).count
        == 2
    )


def test_single_and_gzipped_csv_files_are_read(tmp_path):
    plain = tmp_path / "2022-03-leicestershire-street.csv"
    plain.write_text(police_csv("2022-03", month_rows("2022-03")), encoding="utf-8")
    zipped = write_gz(
        tmp_path / "2022-04-leicestershire-street.csv.gz",
        police_csv("2022-04", month_rows("2022-04")),
    )
    summary = police_import(paths=[plain, zipped])
    assert summary.accepted == 6 and total() == 6


def test_reimporting_a_month_replaces_it_and_never_double_counts(tmp_path):
    path = tmp_path / "jan.csv"
    path.write_text(police_csv("2022-01", month_rows("2022-01", vehicle=4)), encoding="utf-8")
    police_import(paths=[path])
    police_import(paths=[path])
    assert total() == 5
    path.write_text(police_csv("2022-01", month_rows("2022-01", vehicle=1)), encoding="utf-8")
    police_import(paths=[path])
    assert total() == 2
    assert PoliceMonth.objects.get().records == 2


def test_the_same_month_twice_in_one_import_is_counted_once(tmp_path):
    path = tmp_path / "jan.csv"
    path.write_text(
        police_csv("2022-01", month_rows("2022-01", vehicle=2, asb=0)), encoding="utf-8"
    )
    summary = police_import(paths=[path, path])
    assert total() == 2
    assert summary.reasons["month already read from another file in this import"] == 2


def test_bad_rows_are_rejected_with_a_reason_and_the_rest_kept(tmp_path):
    rows = month_rows("2022-01", vehicle=2, asb=0) + [
        ("x1", "", "Burglary"),  # no location
        ("x2", LSOAS[0][0], "Jaywalking"),
        ("x3", "not-a-code", "Burglary"),
        ("2022-01-v0", LSOAS[0][0], "Vehicle crime"),  # duplicate Crime ID
    ]
    text = (
        police_csv("2022-01", rows)
        + police_csv("2022-13", [("x4", LSOAS[0][0], "Burglary")]).split("\n", 1)[1]
    )
    path = tmp_path / "mixed.csv"
    path.write_text(text, encoding="utf-8")
    summary = police_import(paths=[path])
    assert summary.accepted == 2 and summary.rejected == 5
    assert summary.reasons == {
        "no location (no LSOA code), so it cannot be placed in an area": 1,
        "unknown crime type": 1,
        "LSOA code is not an England or Wales LSOA code": 1,
        "duplicate Crime ID in the file": 1,
        "month is not YYYY-MM": 1,
    }
    run = ImportRun.objects.get()
    assert (run.kind, run.accepted, run.rejected) == ("police", 2, 5)


def test_a_file_in_another_layout_is_refused_and_nothing_is_written(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(police_csv("2022-01", month_rows("2022-01")), encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,amount\nA,1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="missing column"):
        police_import(paths=[good, bad])
    assert total() == 0 and not PoliceMonth.objects.exists()


def test_a_broken_archive_gets_a_clear_message(tmp_path):
    broken = tmp_path / "download.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ValidationError, match="not a zip archive"):
        police_import(paths=[broken])


def test_the_command_prints_the_summary_with_reasons(tmp_path, capsys):
    path = tmp_path / "jan.csv"
    path.write_text(
        police_csv("2022-01", month_rows("2022-01") + [("x", "", "Burglary")]), encoding="utf-8"
    )
    call_command("import_police", str(path), "--no-compute")
    out = capsys.readouterr().out
    assert "Rows read: 4" in out and "Accepted:  3" in out and "Rejected:  1" in out
    assert "1 × no location" in out
    assert "Months: 2022-01 to 2022-01" in out
