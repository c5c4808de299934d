"""Analysts see the submissions worded most like one, above a similarity threshold."""

import pytest
from django.http import Http404

from csphub.similar.selectors import similar_submissions

pytestmark = pytest.mark.django_db

BOOKIES = "Drugs are being sold from the flat above the bookies on High Street."
BETTING_SHOP = "Flat 2, 14 High St, above the betting shop: people call at all hours to buy drugs."
UNRELATED = "Scam phone calls to elderly residents asking for their bank details."


def references(found):
    return [item.reference for item in found]


def test_two_wordings_of_one_place_are_found_and_an_unrelated_report_is_not(
    analyst, submitter, embedded, settings
):
    first = embedded(submitter, BOOKIES, place_description="")
    second = embedded(submitter, BETTING_SHOP, place_description="")
    unrelated = embedded(submitter, UNRELATED, place_description="")
    settings.CSPHUB_SIMILAR_THRESHOLD = 0.0
    found = similar_submissions(user=analyst, submission=first)
    assert references(found)[0] == second.reference
    assert found[0].similarity > found[-1].similarity
    assert references(found)[-1] == unrelated.reference
    settings.CSPHUB_SIMILAR_THRESHOLD = 0.5
    found = similar_submissions(user=analyst, submission=first)
    assert references(found) == [second.reference]
    assert 0.5 <= found[0].similarity <= 1.0 and found[0].percentage == round(
        found[0].similarity * 100
    )


def test_the_same_place_in_other_words_ranks_above_an_unrelated_report(
    analyst, submitter, embedded, settings
):
    # all-MiniLM-L6-v2 gives these two 0.64, and either of them about 0.25 with the third.
    first = embedded(submitter, "the flat above the bookies on High Street", place_description="")
    second = embedded(submitter, "Flat 2, 14 High St, above the betting shop", place_description="")
    embedded(submitter, "Youths gathering by the shops on Market Street most evenings.")
    settings.CSPHUB_SIMILAR_THRESHOLD = 0.0
    found = similar_submissions(user=analyst, submission=first)
    assert references(found)[0] == second.reference
    assert 0.6 < found[0].similarity < 0.7 and found[1].similarity < 0.4


def test_the_submission_itself_is_never_listed(analyst, submitter, embedded, settings):
    settings.CSPHUB_SIMILAR_THRESHOLD = 0.0
    first = embedded(submitter, BOOKIES)
    twin = embedded(submitter, BOOKIES)
    assert references(similar_submissions(user=analyst, submission=first)) == [twin.reference]


def test_at_most_five_are_listed_most_similar_first(analyst, submitter, embedded, settings):
    settings.CSPHUB_SIMILAR_THRESHOLD = 0.0
    first = embedded(submitter, BOOKIES)
    for n in range(7):
        embedded(submitter, f"{BETTING_SHOP} Seen on visit {n}.")
    found = similar_submissions(user=analyst, submission=first)
    assert len(found) == 5
    assert [f.similarity for f in found] == sorted((f.similarity for f in found), reverse=True)


def test_a_submission_not_yet_embedded_is_compared_by_its_text(
    analyst, submitter, embedded, settings
):
    from tests.factories import make_submission

    second = embedded(submitter, BETTING_SHOP, place_description="")
    fresh = make_submission(submitter, information=BOOKIES, place_description="")
    assert references(similar_submissions(user=analyst, submission=fresh)) == [second.reference]


def test_the_excerpt_is_the_start_of_the_information(analyst, submitter, embedded, settings):
    settings.CSPHUB_SIMILAR_THRESHOLD = 0.0
    first = embedded(submitter, BOOKIES)
    embedded(submitter, BETTING_SHOP + " " + "More detail follows. " * 20)
    excerpt = similar_submissions(user=analyst, submission=first)[0].excerpt
    assert excerpt.startswith("Flat 2, 14 High St") and excerpt.endswith("…")
    assert len(excerpt) <= 151


def test_no_one_but_an_analyst_may_ask(submitter, embedded):
    first = embedded(submitter, BOOKIES)
    with pytest.raises(Http404):
        similar_submissions(user=submitter, submission=first)
