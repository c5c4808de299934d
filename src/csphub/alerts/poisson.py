"""The theme-rise test (plain Python): is the count in the last D days more than the theme's
own rate over the previous B days would give by chance?

If reports of a theme in a district arrive at a steady rate, the number in any D days is
Poisson with mean  expected = baseline_count × D / B.  The one-sided p-value is the chance of
seeing at least the observed count: P(X ≥ observed) = poisson.sf(observed − 1, expected).
A baseline with no reports at all is taken as half a report, so a theme never seen before is
not treated as impossible (and is not alerted on one report: see the minimum count).
"""

from __future__ import annotations

from dataclasses import dataclass

from scipy.stats import poisson

EMPTY_BASELINE = 0.5


@dataclass(frozen=True)
class RiseTest:
    observed: int
    expected: float
    p_value: float
    days: int

    def significant(self, *, alpha: float, minimum: int) -> bool:
        return self.observed >= minimum and self.p_value < alpha

    def in_words(self) -> str:
        """ "7 reports in 28 days against about 2.1 expected; p = 0.003, Poisson test"."""
        reports = f"{self.observed} report{'s' if self.observed != 1 else ''}"
        return (
            f"{reports} in {self.days} days against about {self.expected:.1f} expected; "
            f"{p_in_words(self.p_value)}, Poisson test"
        )


def expected_count(*, baseline_count: int, baseline_days: int, days: int) -> float:
    return max(float(baseline_count), EMPTY_BASELINE) * days / baseline_days


def rise_test(*, observed: int, baseline_count: int, baseline_days: int, days: int) -> RiseTest:
    expected = expected_count(baseline_count=baseline_count, baseline_days=baseline_days, days=days)
    p = float(poisson.sf(observed - 1, expected)) if observed > 0 else 1.0
    return RiseTest(observed=observed, expected=expected, p_value=p, days=days)


def p_in_words(p: float) -> str:
    if p < 0.001:
        return "p < 0.001"
    return f"p = {p:.3f}"
