"""The risk engine: weights summed over yes answers, levels at their thresholds, unanswered
questions listed, and matrices that cannot score refused with a reason."""

import pytest

from csphub.cases.risk import Level, Matrix, MatrixProblem, Question, assess

MATRIX = Matrix(
    questions=[
        Question("targeted", "Targeted because of who they are", 3),
        Question("health", "Health affected", 2),
        Question("disabled", "Has a disability", 2, vulnerability=True),
        Question("alone", "Lives alone", 1, vulnerability=True),
    ],
    medium_from=3,
    high_from=6,
)


@pytest.mark.parametrize(
    ("yes", "score", "level"),
    [
        ([], 0, Level.STANDARD),
        (["health"], 2, Level.STANDARD),
        (["targeted"], 3, Level.MEDIUM),  # exactly the medium threshold
        (["targeted", "health"], 5, Level.MEDIUM),
        (["targeted", "health", "alone"], 6, Level.HIGH),  # exactly the high threshold
    ],
)
def test_the_level_is_set_by_the_score_at_its_thresholds(yes, score, level):
    answers = {q.key: q.key in yes for q in MATRIX.questions}
    found = assess(MATRIX, answers)
    assert (found.score, found.level) == (score, level)
    assert found.complete


def test_vulnerability_factors_answered_yes_are_listed():
    found = assess(MATRIX, {"targeted": False, "health": False, "disabled": True, "alone": True})
    assert found.vulnerabilities == ("Has a disability", "Lives alone")


def test_unanswered_questions_score_nothing_and_are_listed():
    found = assess(MATRIX, {"targeted": True})
    assert found.score == 3
    assert found.unanswered == ("health", "disabled", "alone")
    assert not found.complete


def test_an_answer_to_a_question_not_in_the_matrix_is_refused():
    with pytest.raises(MatrixProblem, match="not in the matrix: pets"):
        assess(MATRIX, {"pets": True})


@pytest.mark.parametrize(
    ("medium", "high", "message"),
    [
        (0, 6, "medium threshold must be above zero"),
        (6, 6, "below the high threshold"),
        (3, 99, "more than the highest possible score"),
    ],
)
def test_a_matrix_with_thresholds_that_cannot_work_is_refused(medium, high, message):
    matrix = Matrix(MATRIX.questions, medium_from=medium, high_from=high)
    with pytest.raises(MatrixProblem, match=message):
        assess(matrix, {})
