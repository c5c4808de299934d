"""A theme rising in a district above its own recent baseline, by a one-sided Poisson test:
a flat history does not alert, a real rise does, one report never does, and the alert says
what the test found."""

import pytest
from scipy.stats import poisson

from csphub.alerts.models import RuleKind
from csphub.alerts.poisson import expected_count, rise_test
from tests.alerts.support import alerts, in_use_for_a_year, only, reported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def theme_rule(db):
    return only(RuleKind.THEME_RISE)


def baseline(user, *, reports=13, **overrides):
    """`reports` spread evenly over the 182 days before the 28-day window."""
    in_use_for_a_year(user)
    step = 182 / reports
    for i in range(reports):
        reported(user, days_ago=28.5 + i * step, **overrides)


def test_the_default_rule_compares_four_weeks_with_the_previous_twenty_six(theme_rule):
    assert (theme_rule.days, theme_rule.baseline_days) == (28, 182)
    assert (theme_rule.alpha, theme_rule.count) == (0.01, 3)


def test_the_expected_count_is_the_baseline_rate_over_the_window():
    assert expected_count(baseline_count=13, baseline_days=182, days=28) == pytest.approx(2.0)
    # An empty baseline counts as half a report, so a new theme is not "impossible".
    assert expected_count(baseline_count=0, baseline_days=182, days=28) == pytest.approx(
        0.0769, 1e-3
    )


def test_the_p_value_is_the_chance_of_at_least_the_observed_count():
    test = rise_test(observed=7, baseline_count=13, baseline_days=182, days=28)
    assert test.p_value == pytest.approx(poisson.sf(6, 2.0))
    assert test.in_words() == (
        "7 reports in 28 days against about 2.0 expected; p = 0.005, Poisson test"
    )
    assert (
        rise_test(observed=12, baseline_count=13, baseline_days=182, days=28)
        .in_words()
        .endswith("p < 0.001, Poisson test")
    )


def test_a_flat_history_does_not_alert(submitter):
    baseline(submitter)
    for _ in range(3):  # about the 2 expected
        reported(submitter)
    assert alerts() == []


def test_a_real_rise_alerts_when_the_count_becomes_significant(submitter):
    baseline(submitter)
    for _ in range(6):  # p = 0.017 at six: not yet below 0.01
        reported(submitter)
    assert alerts() == []
    reported(submitter)  # seven: p = 0.0045
    [alert] = alerts()
    assert alert.subject == "Anti-social behaviour in Charnwood"
    assert alert.observed_count == 7
    assert alert.expected_count == pytest.approx(2.0)
    assert alert.p_value == pytest.approx(poisson.sf(6, 2.0))
    assert "7 reports in 28 days against about 2.0 expected; p = 0.005, Poisson test" in (
        alert.summary
    )
    assert "previous 182 days had 13 reports" in alert.summary
    assert alert.submissions.count() == 7


def test_the_minimum_count_stops_two_reports_alerting_even_when_significant(submitter):
    # No history of the theme: two reports have p = 0.003, below alpha, but the rule wants at
    # least three.
    in_use_for_a_year(submitter)
    reported(submitter)
    reported(submitter)
    assert rise_test(observed=2, baseline_count=0, baseline_days=182, days=28).p_value < 0.01
    assert alerts() == []
    reported(submitter)
    [alert] = alerts()
    assert alert.observed_count == 3


def test_one_report_never_alerts_whatever_the_significance_level(submitter, theme_rule):
    theme_rule.alpha, theme_rule.count = 0.19, 2
    theme_rule.save()
    reported(submitter)
    assert alerts() == []


def test_reports_in_another_district_or_of_another_theme_do_not_count(submitter):
    reported(submitter)
    reported(submitter, district_code="E07000133")  # Melton
    reported(submitter, themes=["hate-crime"])
    assert alerts() == []


def test_reports_before_the_baseline_are_not_counted_in_it(submitter):
    # 13 reports more than 210 days ago leave the baseline empty: three recent ones alert.
    for i in range(13):
        reported(submitter, days_ago=211 + i)
    for _ in range(3):
        reported(submitter)
    [alert] = alerts()
    assert "previous 182 days had 0 reports" in alert.summary


def test_a_district_with_less_history_than_the_window_does_not_alert(submitter):
    """A partnership's first weeks: every theme is new, so three reports would be a "rise"."""
    reported(submitter, days_ago=20, themes=["hate-crime"])
    for _ in range(5):
        reported(submitter)
    assert alerts() == []


def test_a_history_shorter_than_the_baseline_is_measured_over_the_days_there_are(submitter):
    """56 days of history with 4 reports of the theme: about 2 expected in 28 days, not 0.6."""
    reported(submitter, days_ago=84.5, themes=["hate-crime"])  # in use 56 days before the window
    for i in range(4):
        reported(submitter, days_ago=30 + i * 12)
    for _ in range(7):
        reported(submitter)
    [alert] = alerts()
    assert alert.expected_count == pytest.approx(2.0)
    assert "previous 56 days had 4 reports" in alert.summary
