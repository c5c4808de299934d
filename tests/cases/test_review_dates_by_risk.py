"""Review dates follow the level: high 14, 28, then every 56 days; medium 28, then every 56;
standard none; counted from the day of the last assessment or review."""

from datetime import date

import pytest

from csphub.cases.risk import Level, Matrix, Question, next_review

MATRIX = Matrix(
    questions=[Question("q", "A question", 5)],
    medium_from=2,
    high_from=4,
    reviews={Level.HIGH: (14, 28, 56), Level.MEDIUM: (28, 56)},
)
OPENED = date(2026, 12, 31)


@pytest.mark.parametrize(
    ("level", "reviews", "due"),
    [
        (Level.HIGH, 0, date(2027, 1, 14)),  # over the year end
        (Level.HIGH, 1, date(2027, 1, 28)),
        (Level.HIGH, 2, date(2027, 2, 25)),
        (Level.HIGH, 7, date(2027, 2, 25)),  # the last interval repeats
        (Level.MEDIUM, 0, date(2027, 1, 28)),
        (Level.MEDIUM, 1, date(2027, 2, 25)),
        (Level.MEDIUM, 5, date(2027, 2, 25)),
    ],
)
def test_the_next_review_is_the_levels_interval_after_the_last(level, reviews, due):
    assert next_review(MATRIX, level, after=OPENED, reviews_at_level=reviews) == due


def test_a_leap_day_counts():
    assert next_review(MATRIX, Level.HIGH, after=date(2028, 2, 20), reviews_at_level=0) == date(
        2028, 3, 5
    )


def test_standard_risk_has_no_scheduled_review():
    assert next_review(MATRIX, Level.STANDARD, after=OPENED, reviews_at_level=0) is None
