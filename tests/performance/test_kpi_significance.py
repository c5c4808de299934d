"""The significance rules (docs/kpi-methods.md), checked against hand-computed values."""

import math

import pytest

from csphub.performance.kpi.stats import poisson_rate_ratio_p, two_proportions_p


def test_ten_against_two_with_equal_populations_is_significant():
    # Given 12 events, X ~ Binomial(12, 1/2); P(X >= 10) = (66 + 12 + 1) / 4096.
    assert float(poisson_rate_ratio_p(10, 2)) == pytest.approx(2 * 79 / 4096)
    assert float(poisson_rate_ratio_p(10, 2)) < 0.05


def test_nine_against_three_is_not_significant():
    # P(X >= 9) = (220 + 66 + 12 + 1) / 4096, doubled: 0.146.
    assert float(poisson_rate_ratio_p(9, 3)) == pytest.approx(2 * 299 / 4096)


def test_a_doubling_on_a_small_count_is_noise():
    assert float(poisson_rate_ratio_p(4, 2)) > 0.05


def test_the_same_relative_rise_on_a_large_count_is_real():
    assert float(poisson_rate_ratio_p(400, 200)) < 0.001


def test_equal_counts_give_a_p_value_of_one():
    assert float(poisson_rate_ratio_p(50, 50)) == 1.0
    assert float(poisson_rate_ratio_p(0, 0)) == 1.0


def test_a_larger_population_explains_more_crimes():
    # 110 against 100 crimes when the population grew by 10%: the rate did not change.
    assert float(poisson_rate_ratio_p(110, 100, 1100, 1000)) == pytest.approx(1.0)
    assert float(poisson_rate_ratio_p(110, 100)) < 1.0


def test_the_test_is_symmetric_in_the_direction_of_change():
    assert float(poisson_rate_ratio_p(2, 10)) == pytest.approx(float(poisson_rate_ratio_p(10, 2)))


def test_missing_counts_give_no_answer():
    assert math.isnan(float(poisson_rate_ratio_p(float("nan"), 3)))
    assert math.isnan(float(poisson_rate_ratio_p(3, 4, 0, 1000)))


def test_it_works_on_arrays():
    p = poisson_rate_ratio_p([10, 9], [2, 3])
    assert list(p) == pytest.approx([158 / 4096, 598 / 4096])


def test_large_percentages_use_the_two_proportion_z_test():
    # 70% of 1000 against 79% of 1000: pooled 0.745, se = sqrt(.745*.255*(2/1000)) = 0.019492,
    # z = -0.09 / 0.019492 = -4.617, two-sided p = 3.9e-6.
    assert two_proportions_p(700, 1000, 790, 1000) == pytest.approx(3.89e-6, rel=0.02)


def test_small_bases_use_fishers_exact_test():
    # 3 of 5 against 1 of 5: Fisher's exact two-sided p = 0.5238.
    assert two_proportions_p(3, 5, 1, 5) == pytest.approx(0.5238, abs=1e-4)


def test_a_survey_change_on_a_small_sample_is_not_significant():
    assert two_proportions_p(35, 50, 40, 50) > 0.05


def test_a_missing_base_gives_no_answer():
    assert math.isnan(two_proportions_p(3, 0, 1, 5))
