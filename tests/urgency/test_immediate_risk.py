"""Wording that says someone is at immediate risk gets the 999 page; other wording does not."""

import pytest
from django.urls import reverse

from csphub.intelligence.models import Submission
from csphub.urgency import assess as find_immediate_risk
from tests.factories import make_submission

MUST_TRIGGER = [
    "He has a knife and is outside now",
    "she is going to kill herself tonight",
    "There's a man with a gun outside the school right now",
    "He is threatening to stab his mum",
    "My client said she'll take an overdose tonight",
    "They are attacking him outside the shop",
    "Someone is being beaten up outside the chip shop",
    "She has taken an overdose and won't let anyone in",
    "He's got a machete and he's still there",
    "He says he will kill himself tonight",
    "The lad is carrying a knife right now near the park",
    "Her ex is going to kill her tonight, he has said so",
    "The children are locked in alone tonight",
    "HE HAS A KNIFE AND IS OUTSIDE NOW",
    "Neighbour told me: he\u2019s got a gun and he\u2019s outside her house now.",
    "The flat upstairs is on fire and nobody has come out",
    "She is standing on the bridge and keeps saying she will jump",
    "Right now outside the shop a lad is carrying a knife",
    "Tonight, he told his sister, he is going to kill himself",
    # As partner staff wrote them when the first screen missed them (issue 10).
    "I can hear the man next door beating his son right now",
    "a child is being hit right now",
    "he is getting battered by three lads outside the chippy right now",
    "someone has just been stabbed outside the Co-op",
    "there's a man punching his girlfriend outside the shop now",
    "lad on the floor outside the offy not moving",
    "hes bleedin out pls send someone",
    "she has taken all her tablets and wont wake up",
    "theyve dragged a girl into a white van on Ashby Road",
    "he's locked her in the bedroom and won't let her out",
    "someone stabbbed outside the chippy rite now",
]

MUST_NOT_TRIGGER = [
    "Knife crime has increased in the area over the summer",
    "He had a knife last summer",
    "Last year she said she wanted to kill herself; she is now supported by her GP",
    "Youths carry knives at weekends according to residents",
    "There is a suicide prevention talk tonight at the library",
    "Fireworks were set off in the park on Saturday",
    "He was stabbed in 2023 and has since moved away",
    "Concerns about county lines activity at the flat",
    "The man with the dog walks past every morning",
    "She is worried about her son's new friends",
    "A knife amnesty bin is outside the station",
    "Graffiti on the underpass again, same tags as before",
    "She was beaten last month by her ex",
    "I worry he might hurt her one day",
    "There was a stabbing on this street two years ago",
    "A video of a fight outside the school last weekend is going round on Snapchat",
    "There was a fight outside the pub but nobody was hurt and everyone has gone home",
    "What should I do if a client tells me they have a knife on them?",
]


@pytest.mark.parametrize("text", MUST_TRIGGER)
def test_immediate_risk_wording_is_recognised(text):
    assert find_immediate_risk(text), text


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER)
def test_ordinary_or_past_wording_is_not_treated_as_immediate_risk(text):
    assert not find_immediate_risk(text), text


@pytest.mark.django_db
def test_an_urgent_submission_is_kept_and_flagged_for_analysts_with_the_wording_that_raised_it(
    submitter,
):
    submission = make_submission(submitter, information="He has a knife and is outside now.")
    assert submission.urgent is True
    assert "weapon" in submission.urgent_reasons
    assert "has a knife" in submission.urgent_reasons


@pytest.mark.django_db
def test_the_999_page_comes_before_the_confirmation(client, submitter):
    from tests.intelligence.test_submission_journey import walk_to_check

    client.force_login(submitter)
    walk_to_check(client, information="she is going to kill herself tonight, she told her sister")
    response = client.post(reverse("intelligence:submit_check"))
    submission = Submission.objects.get()
    assert submission.urgent
    assert response.url.startswith(reverse("intelligence:submit_urgent"))
    page = client.get(response.url).content.decode()
    assert "call 999 now" in page
    assert submission.reference in page
    assert reverse("intelligence:submit_confirmation", args=[submission.reference]) in page


@pytest.mark.django_db
def test_the_999_page_is_shown_as_soon_as_the_wording_is_typed(client, submitter):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    response = client.post(
        reverse("intelligence:submit_step", args=["information"]),
        {"information": "He has a knife and is outside now"},
    )
    assert response.url.startswith(reverse("intelligence:submit_urgent"))
    response = client.post(
        reverse("intelligence:submit_step", args=["information"]),
        {"information": "Knife crime is a worry for residents"},
    )
    assert response.url == reverse("intelligence:submit_step", args=["themes"])


@pytest.mark.django_db
def test_the_999_page_says_which_words_made_it_appear(client, submitter):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    response = client.post(
        reverse("intelligence:submit_step", args=["information"]),
        {
            "information": "Housing visit went fine. He is getting battered by three lads "
            "outside the chippy right now."
        },
        follow=True,
    )
    page = response.content.decode()
    assert "call 999 now" in page
    assert "Someone is being attacked" in page
    assert "He is getting battered by three lads outside the chippy right now." in page
    assert "Housing visit went fine" not in page.split('id="urgent-reasons"')[1].split("</ul>")[0]


def test_each_finding_says_which_reader_raised_it_and_why():
    (finding,) = find_immediate_risk("he is getting battered outside the chippy right now")
    assert finding.source == "rules"
    assert finding.reason == "someone is being attacked"
    assert "battered" in finding.explanation
