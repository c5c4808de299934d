"""What is not personal data stays: places, organisations, job titles, times, amounts,
collar numbers, ordinary dates and descriptions of behaviour."""

import pytest

from csphub.sanitise import find_personal_data, redact

ORDINARY = [
    "Loughborough, Charnwood, Hinckley, Melton Mowbray, Coalville, Wigston and Leicester "
    "were discussed.",
    "Market Harborough, Oadby, Shepshed, Syston, Lutterworth, Ashby-de-la-Zouch and Oakham too.",
    "Leicestershire Police, Charnwood Borough Council and Victim First attended the JAG.",
    "Officers from Leicester City Council and the Fire and Rescue Service joined a patrol.",
    "The housing officer, the PCSO and the youth worker visited the estate.",
    "PC 1234 and PCSO 5678 attended at 21:30 and again at 9pm.",
    "Bags cost £40 and £1,200 in cash was seen; damage was about £350.",
    "On 3 April 2026 at 9pm a group of 15 youths were shouting and throwing stones at buses.",
    "Street drinking around the Clock Tower and Haymarket has increased since Christmas.",
    "Members agreed a Community Protection Warning and a PSPO consultation closing on 30 "
    "June 2026.",
    "Reports of ASB rose by 12% in Coalville; the Police and Crime Commissioner was briefed.",
    "Crime reference 26000123456 and submission CIP-2026-000123 were noted.",
    "Youths on e-scooters ride through Queens Park most evenings between 6pm and 10pm.",
    "Hate crime reports rose after Diwali on Belgrave Road, said the Community Cohesion Officer.",
    "Universal Credit changes pushed families in Hinckley and Barwell towards food banks.",
    "The Safer Communities Strategy Board meets on Tuesday 14 April at 10am.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_partnership_writing_is_left_alone(text):
    assert find_personal_data(text) == []
    assert redact(text).text == text


def test_only_the_personal_data_goes_from_a_mixed_paragraph():
    text = (
        "On 3 April 2026 at 9pm PC 1234 from Leicestershire Police spoke to Piotr Nowak outside "
        "the Co-op in Loughborough about £40 deals."
    )
    assert redact(text).text == (
        "On 3 April 2026 at 9pm PC 1234 from Leicestershire Police spoke to [PERSON A] outside "
        "the Co-op in Loughborough about £40 deals."
    )
