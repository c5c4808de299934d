"""The victim risk assessment (plain Python): answers scored against a matrix, a level, and the
review dates that level sets.

Councils use local matrices, so the questions, weights, thresholds and review intervals are
data (cases.models.RiskMatrix, editable by an administrator); this module only does the sums.
A case is reviewed at intervals after each assessment: the first review falls the first
interval after the assessment that set the level, the next the second interval after that
review, and so on, the last interval repeating (defaults: high 14, 28, 56 days; medium 28, 56;
standard none). A review that changes the level starts that level's intervals again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class Level(StrEnum):
    STANDARD = "standard"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    weight: int
    vulnerability: bool = False  # a factor shown on the case (disability, isolation, age ...)


@dataclass(frozen=True)
class Matrix:
    questions: Sequence[Question]
    medium_from: int
    high_from: int
    reviews: Mapping[Level, Sequence[int]] = field(default_factory=dict)  # days between reviews


@dataclass(frozen=True)
class Assessment:
    score: int
    level: Level
    vulnerabilities: tuple[str, ...]  # the texts of the vulnerability factors answered yes
    unanswered: tuple[str, ...]  # keys of the questions given no answer

    @property
    def complete(self) -> bool:
        return not self.unanswered


class MatrixProblem(ValueError):
    """A matrix that cannot score: thresholds out of order, weights below zero, no questions."""


def matrix_problems(matrix: Matrix) -> list[str]:
    problems = []
    if not matrix.questions:
        problems.append("A risk matrix needs at least one question.")
    keys = [q.key for q in matrix.questions]
    if len(set(keys)) != len(keys):
        problems.append("Each question needs its own key.")
    if any(q.weight < 0 for q in matrix.questions):
        problems.append("A question's weight cannot be below zero.")
    if not 0 < matrix.medium_from < matrix.high_from:
        problems.append("The medium threshold must be above zero and below the high threshold.")
    if matrix.high_from > sum(q.weight for q in matrix.questions):
        problems.append("The high threshold is more than the highest possible score.")
    for level, days in matrix.reviews.items():
        if any(d < 1 for d in days):
            problems.append(f"Review intervals for {level} risk must be at least one day.")
    return problems


def assess(matrix: Matrix, answers: Mapping[str, bool | None]) -> Assessment:
    """The score is the sum of the weights of the questions answered yes; unanswered questions
    score nothing and are listed, so an incomplete assessment is never mistaken for a low one."""
    problems = matrix_problems(matrix)
    if problems:
        raise MatrixProblem(" ".join(problems))
    unknown = set(answers) - {q.key for q in matrix.questions}
    if unknown:
        raise MatrixProblem(f"Answers to questions not in the matrix: {', '.join(sorted(unknown))}")
    score = sum(q.weight for q in matrix.questions if answers.get(q.key) is True)
    if score >= matrix.high_from:
        level = Level.HIGH
    elif score >= matrix.medium_from:
        level = Level.MEDIUM
    else:
        level = Level.STANDARD
    return Assessment(
        score=score,
        level=level,
        vulnerabilities=tuple(
            q.text for q in matrix.questions if q.vulnerability and answers.get(q.key) is True
        ),
        unanswered=tuple(q.key for q in matrix.questions if answers.get(q.key) is None),
    )


def next_review(matrix: Matrix, level: Level, *, after: date, reviews_at_level: int) -> date | None:
    """When the next review is due: `after` is the day of the last assessment or review, and
    `reviews_at_level` how many reviews there have been since the level was set. None: the
    level has no scheduled reviews."""
    intervals = list(matrix.reviews.get(level, ()))
    if not intervals:
        return None
    days = intervals[min(reviews_at_level, len(intervals) - 1)]
    return after + timedelta(days=days)
