"""Significance rules for the board's exception reporting (plain Python, see docs/kpi-methods.md).

Counts (crimes, incidents, entrants): the exact conditional test of two Poisson rates. Given
k events this period and m in the comparison period, with populations (exposures) e1 and e0,
k is Binomial(k + m, e1 / (e1 + e0)) if the underlying rate did not change. The two-sided
p-value is twice the smaller tail, capped at 1 (the "central" exact test). Exact at any count,
so small districts are not flagged on noise and large ones are not missed.

Percentages with a base (survey results, MARAC repeats): Fisher's exact test on the 2x2 table
when any expected cell is under 5, otherwise the pooled two-proportion z-test.

A change is significant when p < ALPHA (0.05).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

ALPHA = 0.05


def poisson_rate_ratio_p(
    count: np.ndarray | float,
    count_prev: np.ndarray | float,
    exposure: np.ndarray | float = 1.0,
    exposure_prev: np.ndarray | float = 1.0,
) -> np.ndarray:
    """Two-sided p-values, vectorised; NaN where a count or exposure is missing."""
    k = np.asarray(count, dtype=float)
    m = np.asarray(count_prev, dtype=float)
    e1 = np.asarray(exposure, dtype=float) * np.ones_like(k)
    e0 = np.asarray(exposure_prev, dtype=float) * np.ones_like(k)
    valid = (
        np.isfinite(k) & np.isfinite(m) & np.isfinite(e1) & np.isfinite(e0) & (e1 > 0) & (e0 > 0)
    )
    n = np.where(valid, k + m, 0.0)
    share = np.where(valid, e1 / np.where(valid, e1 + e0, 1.0), 0.5)
    kk = np.where(valid, k, 0.0)
    lower = stats.binom.cdf(kk, n, share)
    upper = stats.binom.sf(kk - 1, n, share)
    p = np.minimum(1.0, 2.0 * np.minimum(lower, upper))
    p = np.where(n == 0, 1.0, p)
    return np.where(valid, p, np.nan)


def two_proportions_p(
    successes: float, base: float, successes_prev: float, base_prev: float
) -> float:
    """Two-sided p-value for a change in a percentage; NaN when a base is missing or zero."""
    values = (successes, base, successes_prev, base_prev)
    if any(v is None or not math.isfinite(v) for v in values) or base <= 0 or base_prev <= 0:
        return math.nan
    x1, x0 = round(successes), round(successes_prev)
    n1, n0 = round(base), round(base_prev)
    x1, x0 = min(max(x1, 0), n1), min(max(x0, 0), n0)
    pooled = (x1 + x0) / (n1 + n0)
    expected = (n1 * pooled, n1 * (1 - pooled), n0 * pooled, n0 * (1 - pooled))
    if min(expected) < 5:
        return float(stats.fisher_exact([[x1, n1 - x1], [x0, n0 - x0]]).pvalue)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
    if se == 0:
        return 1.0
    z = (x1 / n1 - x0 / n0) / se
    return float(2 * stats.norm.sf(abs(z)))
