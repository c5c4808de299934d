"""Importing indicator figures: survey percentages with bases, MARAC, youth justice, comparators."""

import pytest

from csphub.performance.models import IndicatorValue
from csphub.performance.services import indicators_import

pytestmark = pytest.mark.django_db
HEADER = "kpi,area_code,period_end,value,numerator,base,regional_average,msf_rank,msf_size\n"


def write(tmp_path, body: str):
    path = tmp_path / "indicators.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_good_rows_are_stored(tmp_path):
    summary = indicators_import(
        path=write(
            tmp_path,
            (
                "survey-safe-after-dark,E10000018,2022-12,70.61,,1200,,,\n"
                "marac-repeats,E07000129,2022-12,,37,100,,,\n"
                "first-time-entrants,E10000018,2022-03,84,,,,,\n"
                "all-crime,E07000130,2022-12,,,,75.1,8,15\n"
            ),
        )
    )
    assert summary.accepted == 4 and summary.rejected == 0
    assert IndicatorValue.objects.get(kpi="marac-repeats").value == pytest.approx(37.0)
    comparator = IndicatorValue.objects.get(kpi="all-crime")
    assert (comparator.value, comparator.msf_rank, comparator.msf_size) == (None, 8, 15)


def test_a_period_imported_again_replaces_the_figure(tmp_path):
    indicators_import(path=write(tmp_path, "hate-crimes,E07000129,2022-12,30,,,,,\n"))
    indicators_import(path=write(tmp_path, "hate-crimes,E07000129,2022-12,31,,,,,\n"))
    assert list(IndicatorValue.objects.values_list("value", flat=True)) == [31]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("no-such-kpi,E10000018,2022-12,1,,,,,", "unknown KPI id"),
        (
            "hate-crimes,E07999999,2022-12,1,,,,,",
            "unknown area code (not the county, a district or a known LSOA)",
        ),
        ("hate-crimes,E10000018,December 2022,1,,,,,", "period_end is not YYYY-MM"),
        ("hate-crimes,E10000018,2022-12,lots,,,,,", "a figure is not a number"),
        ("hate-crimes,E10000018,2022-12,,,,,,", "no figure in the row"),
        (
            "survey-safe-after-dark,E10000018,2022-12,170,,100,,,",
            "a percentage must be between 0 and 100",
        ),
        (
            "survey-safe-after-dark,E10000018,2022-12,70,,,,,",
            "a percentage needs its base (the number asked or referred)",
        ),
        ("marac-repeats,E10000018,2022-12,,120,100,,,", "numerator is larger than the base"),
        (
            "all-crime,E10000018,2022-12,70,,,,,",
            "police KPIs are computed from records; only comparators may be given",
        ),
        ("hate-crimes,E10000018,2022-12,-3,,,,,", "a figure is negative"),
    ],
)
def test_bad_rows_are_rejected_with_a_reason(tmp_path, row, reason):
    summary = indicators_import(
        path=write(tmp_path, row + "\nhate-crimes,E10000018,2022-12,5,,,,,\n")
    )
    assert summary.reasons == {reason: 1}
    assert summary.accepted == 1
