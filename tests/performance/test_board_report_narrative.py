"""The board paper's sentences, from plain figures (no database)."""

from csphub.performance.report.narrative import (
    Figure,
    KpiFigures,
    KpiInfo,
    change_sentence,
    kpi_exceptions,
    rank_sentence,
    recommendations,
    section_paragraphs,
    signed_change,
    significant_deteriorations,
    summary_paragraphs,
    target_sentence,
)

VEHICLE = KpiInfo(
    id="vehicle-offences",
    title="Vehicle offences",
    unit="rate_per_1000",
    good="down",
    source="police",
)
ASB = KpiInfo(
    id="asb-police", title="Police-recorded ASB", unit="rate_per_1000", good="down", source="police"
)
SAFE = KpiInfo(
    id="survey-safe-after-dark", title="Feel safe outside after dark", unit="percentage", good="up"
)
MARAC = KpiInfo(
    id="marac-repeats",
    title="MARAC repeat referrals",
    unit="percentage",
    good="down",
    target=40,
    target_label="SafeLives recommended upper threshold",
)
FTE = KpiInfo(id="first-time-entrants", title="First-time entrants", unit="count", good="down")


def fig(value, prev, *, significant=True, area="Leicestershire", note="", rank=None, rank_of=None):
    change = None if prev in (None, 0) or value is None else (value - prev) / prev * 100
    direction = (
        None
        if value is None or prev is None
        else ("up" if value > prev else "down" if value < prev else "no change")
    )
    return Figure(
        area_name=area,
        value=value,
        value_prev=prev,
        change_pct=change,
        direction=direction,
        significant=significant,
        note=note,
        rank=rank,
        rank_of=rank_of,
    )


def test_a_significant_rise_is_reported_with_the_rate_and_whole_per_cent():
    assert change_sentence(VEHICLE, fig(5.434, 3.7485)) == (
        "Vehicle offences rose to 5.43 per 1,000 from 3.75, a significant rise of 45%."
    )


def test_a_significant_fall_in_a_district_names_the_district():
    sentence = change_sentence(ASB, fig(4.7626, 6.6676, area="Harborough"), area="Harborough")
    assert (
        sentence == "Police-recorded ASB in Harborough fell to 4.76 per 1,000 from 6.67, "
        "a significant fall of 29%."
    )


def test_a_change_in_a_percentage_is_given_in_points():
    assert change_sentence(SAFE, fig(70.61, 78.72)) == (
        "Feel safe outside after dark fell to 70.6% from 78.7%, a significant fall of 8.1 points."
    )


def test_a_change_that_is_not_significant_says_so():
    assert change_sentence(ASB, fig(7.3, 7.56, significant=False)) == (
        "Police-recorded ASB fell to 7.30 per 1,000 from 7.56 (−3%), which is not a significant "
        "change."
    )


def test_no_change_reads_as_unchanged():
    assert (
        change_sentence(FTE, fig(84, 84, significant=False))
        == "First-time entrants were unchanged at 84."
    )


def test_a_kpi_without_figures_says_none_have_been_loaded():
    assert (
        change_sentence(SAFE, None)
        == "No figures have been loaded for “Feel safe outside after dark”."
    )


def test_a_figure_without_a_previous_year_says_why_it_is_not_compared():
    sentence = change_sentence(
        VEHICLE,
        fig(5.43, None, significant=None, note="Previous 12 months: No police data for 2019-11"),
    )
    assert sentence == (
        "Vehicle offences were 5.43 per 1,000; this cannot be compared with the previous "
        "12 months (previous 12 months: No police data for 2019-11)."
    )


def test_a_window_with_missing_police_months_gives_no_figure_and_the_reason():
    sentence = change_sentence(
        VEHICLE, fig(None, None, significant=None, note="No police data for 2019-11")
    )
    assert sentence == "No figure can be given for vehicle offences: no police data for 2019-11."


def test_marac_repeats_are_compared_with_the_safelives_threshold():
    assert target_sentence(MARAC, fig(37.0, 41.0)) == (
        "At 37.0%, MARAC repeat referrals were below the SafeLives recommended upper threshold of "
        "40%."
    )
    assert "above the SafeLives" in target_sentence(MARAC, fig(45.2, 41.0))


def test_marac_above_the_threshold_is_exceptional_even_without_a_significant_change():
    paragraph = kpi_exceptions(KpiFigures(MARAC, fig(45.2, 44.0, significant=False)))
    assert paragraph == (
        "At 45.2%, MARAC repeat referrals were above the SafeLives recommended upper "
        "threshold of 40%."
    )
    assert kpi_exceptions(KpiFigures(MARAC, fig(37.0, 36.0, significant=False))) is None


def test_a_district_at_the_top_of_the_ranking_is_named():
    worst = fig(9.74, 9.1, area="Charnwood", rank=7, rank_of=7)
    assert rank_sentence(ASB, worst) == "Charnwood has the highest rate of the seven districts."
    assert rank_sentence(ASB, fig(4.76, 6.67, area="Harborough", rank=1, rank_of=7)) == (
        "Harborough has the lowest rate of the seven districts."
    )
    assert rank_sentence(ASB, fig(6.1, 6.3, area="Blaby", rank=4, rank_of=7)) is None


def test_for_a_kpi_where_up_is_good_the_best_district_has_the_highest_figure():
    assert rank_sentence(SAFE, fig(80.0, 79.0, area="Melton", rank=1, rank_of=7)) == (
        "Melton has the highest figure of the seven districts."
    )


def test_signed_changes_for_the_table():
    assert signed_change(fig(5.43, 3.75), "rate_per_1000") == "+45%"
    assert signed_change(fig(70.61, 78.72), "percentage") == "−8.1 pts"
    assert signed_change(fig(5.43, None), "rate_per_1000") == ""


def test_a_section_with_no_significant_change_has_nothing_exceptional_to_report():
    kfs = [
        KpiFigures(
            ASB, fig(7.3, 7.56, significant=False), [fig(6.8, 6.7, significant=False, area="Blaby")]
        )
    ]
    assert section_paragraphs(kfs) == ["Nothing exceptional to report."]


def test_district_exceptions_are_reported_when_the_county_did_not_change():
    districts = [
        fig(9.74, 9.1, area="Charnwood", rank=7, rank_of=7),
        fig(4.76, 6.67, area="Harborough", rank=1, rank_of=7),
        fig(6.84, 6.79, significant=False, area="Blaby", rank=4, rank_of=7),
    ]
    [paragraph] = section_paragraphs(
        [KpiFigures(ASB, fig(7.3, 7.56, significant=False), districts)]
    )
    assert paragraph.startswith(
        "For the county, police-recorded ASB fell to 7.30 per 1,000 from 7.56 (−3%)"
    )
    assert (
        "Police-recorded ASB in Charnwood rose to 9.74 per 1,000 from 9.10, a significant rise of "
        "7%." in paragraph
    )
    assert "Police-recorded ASB in Harborough fell to 4.76 per 1,000 from 6.67" in paragraph
    assert "Blaby" not in paragraph
    assert paragraph.endswith("Charnwood has the highest rate of the seven districts.")


def test_rises_in_every_district_are_summed_up_in_one_sentence():
    names = ["Blaby", "Charnwood", "Harborough"]
    districts = [
        fig(6.0 + i, 4.0, area=name, rank=i + 1, rank_of=3) for i, name in enumerate(names)
    ]
    paragraph = kpi_exceptions(KpiFigures(VEHICLE, fig(5.43, 3.75), districts))
    assert (
        "There were significant rises in all three districts, the largest in Harborough (+100% to "
        "8.00 per 1,000)." in paragraph
    )


def test_missing_kpis_are_listed_honestly():
    paragraphs = section_paragraphs(
        [
            KpiFigures(VEHICLE, fig(5.43, 3.75, significant=False)),
            KpiFigures(SAFE, None),
            KpiFigures(FTE, None),
        ]
    )
    assert paragraphs == [
        "Nothing exceptional to report.",
        "No figures have been loaded for “Feel safe outside after dark” and first-time entrants "
        "for this "
        "period, so they are not reported.",
    ]


def test_the_summary_puts_deteriorations_before_improvements():
    kfs = [
        KpiFigures(ASB, fig(4.0, 5.0)),
        KpiFigures(VEHICLE, fig(5.43, 3.75)),
        KpiFigures(SAFE, None),
    ]
    summary = summary_paragraphs(kfs, period_label="October 2022")
    assert summary[0] == (
        "In the 12 months to October 2022, compared with the previous 12 months, one of the "
        "county’s indicators was significantly worse: vehicle offences up 45%."
    )
    assert (
        summary[1] == "One was significantly better for the county: police-recorded ASB down 20%."
    )
    assert (
        summary[-1] == "Figures have not been loaded for 1 of the board’s 3 indicators; "
        "each section lists them."
    )


def test_recommendations_note_the_report_and_consider_each_deterioration():
    districts = [
        fig(6.13, 3.66, area="North West Leicestershire"),
        fig(3.5, 3.4, significant=False, area="Melton"),
    ]
    recs = recommendations(
        [KpiFigures(VEHICLE, fig(5.43, 3.75), districts), KpiFigures(ASB, fig(4.0, 5.0))]
    )
    assert recs == [
        "The Board is asked to note the contents of this report.",
        "The Board is asked to consider the rise in vehicle offences across the county, in "
        "particular in "
        "North West Leicestershire (+67% to 6.13 per 1,000), and the partnership’s response to it.",
    ]


def test_the_summary_names_district_deteriorations_even_when_the_county_improved():
    districts = [
        fig(7.1, 6.34, area="Charnwood"),
        fig(6.2, 5.69, area="Melton"),
        fig(4.0, 5.0, area="Blaby"),
    ]
    summary = " ".join(
        summary_paragraphs([KpiFigures(ASB, fig(4.0, 5.0), districts)], period_label="March 2023")
    )
    assert (
        "Police-recorded ASB improved for the county as a whole but rose significantly, a "
        "deterioration, in "
        "Charnwood (+12% to 7.10 per 1,000) and Melton (+9% to 6.20 per 1,000)." in summary
    )
    assert "no indicator was significantly worse" not in summary


def test_the_summary_names_district_deteriorations_when_the_county_did_not_move():
    districts = [fig(7.1, 6.34, area="Charnwood")]
    summary = summary_paragraphs(
        [KpiFigures(ASB, fig(5.0, 5.01, significant=False), districts)], period_label="March 2023"
    )
    assert summary[0].endswith(
        "none of the indicators was significantly worse for the county as a whole, but "
        "one was significantly worse in one or more districts."
    )
    assert (
        summary[1] == "Police-recorded ASB rose significantly, a deterioration, in Charnwood "
        "(+12% to 7.10 per 1,000)."
    )


def test_every_significant_deterioration_appears_in_the_summary():
    kfs = [
        KpiFigures(
            ASB,
            fig(6.0, 5.0),
            [fig(7.1, 6.34, area="Charnwood"), fig(5.0, 5.1, significant=False, area="Blaby")],
        ),
        KpiFigures(SAFE, fig(80.0, 79.0, significant=False), [fig(60.0, 70.0, area="Melton")]),
        KpiFigures(VEHICLE, fig(3.0, 4.0), [fig(9.0, 6.0, area="Harborough")]),
    ]
    summary = " ".join(summary_paragraphs(kfs, period_label="March 2023"))
    for kpi, area in significant_deteriorations(kfs):
        if area.area_name == "Leicestershire":
            assert _in_sentence_title(kpi) in summary
        else:
            assert area.area_name in summary, (kpi.title, area.area_name)


def _in_sentence_title(kpi):
    from csphub.performance.report.narrative import in_sentence

    return in_sentence(kpi)


def test_a_change_below_one_per_cent_is_worded_as_such():
    sentence = change_sentence(ASB, fig(7.30, 7.32, significant=False))
    assert "(a change of less than 1%)" in sentence and "−less" not in sentence


def test_when_nothing_got_worse_anywhere_the_summary_says_so():
    summary = summary_paragraphs(
        [KpiFigures(ASB, fig(5.0, 5.01, significant=False), [])], period_label="March 2023"
    )
    assert "no indicator was significantly worse, for the county or for any district" in summary[0]
