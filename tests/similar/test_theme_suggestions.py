"""The themes page suggests themes from what the submitter wrote, and ticks none of them."""

import pytest
from django.urls import reverse

from csphub.intelligence.models import Status, Theme
from csphub.intelligence.theme_suggestions import themes_suggested_for
from csphub.similar import suggestions

pytestmark = pytest.mark.django_db

DRUGS = (
    "Two lads from out of town are dealing drugs from a vulnerable man's flat; "
    "cars pull up at all hours to buy."
)


def step(name):
    return reverse("intelligence:submit_step", args=[name])


def themes_page(client, submitter, information):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    response = client.post(step("information"), {"information": information})
    assert response.url == step("themes")  # what they know comes first now
    return client.get(step("themes")).content.decode()


def test_a_text_about_drug_dealing_suggests_county_lines_first():
    assert themes_suggested_for(DRUGS)[0] == "county-lines"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Scam phone calls to elderly residents asking for bank details", "cybercrime-scams"),
        ("She told me her husband hits her when he has been drinking", "domestic-sexual-abuse"),
        ("Youths gathering by the shops on Market Street most evenings", "anti-social-behaviour"),
        (
            "A boy at school was threatened with a knife on the way home",
            "knife-crime-serious-violence",
        ),
    ],
)
def test_other_clear_texts_suggest_their_theme_first(text, slug):
    assert themes_suggested_for(text)[0] == slug


def test_at_most_three_are_suggested():
    assert len(themes_suggested_for("Trouble of every kind: drugs, knives, scams and abuse")) <= 3


def test_the_themes_page_shows_the_suggestion_as_inset_text_and_hints(client, submitter):
    html = themes_page(client, submitter, DRUGS)
    assert 'class="govuk-inset-text"' in html
    assert "Suggested from what you wrote: County lines and cuckooing" in html
    assert 'id="id_themes_3-item-hint"' in html  # county-lines is the fourth theme
    assert " checked" not in html  # nothing is ticked for the submitter


def test_nothing_is_suggested_for_an_empty_draft(client, submitter):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    html = client.get(step("themes")).content.decode()
    assert "Suggested from what you wrote" not in html


def test_the_text_is_embedded_once_however_often_the_page_is_shown(client, submitter, monkeypatch):
    themes_page(client, submitter, DRUGS)
    calls = []
    real = suggestions.embed
    monkeypatch.setattr(suggestions, "embed", lambda texts: calls.append(texts) or real(texts))
    for _ in range(3):
        client.get(step("themes"))
    client.post(step("themes"), {})  # an error shows the page again
    assert calls == []


def test_a_new_theme_is_learnt_from_its_name_and_description_at_once():
    themes_suggested_for(DRUGS)  # fitted
    Theme.objects.create(
        slug="fly-tipping",
        name="Fly-tipping",
        description="Rubbish, mattresses and builders' waste dumped in lanes and verges",
    )
    assert (
        themes_suggested_for("Someone dumped a mattress and bags of rubbish in the lane")[0]
        == "fly-tipping"
    )


def test_graded_submissions_teach_a_theme(submitter, embedded):
    theme = Theme.objects.create(slug="parking", name="Local concerns")
    for text in [
        "Cars parked on the pavement outside the school every morning",
        "Vans parked across driveways on Elm Road",
        "Parking on the double yellow lines by the surgery",
    ]:
        graded = embedded(submitter, text, themes=["parking"])
        graded.status = Status.GRADED
        graded.graded_at = graded.created_at
        graded.save()
    suggestions._classifier.forget()
    assert "parking" in themes_suggested_for("People keep parking on the pavement by the shops")
    assert theme.pk
