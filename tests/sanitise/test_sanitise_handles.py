"""Social media handles: @names and names given after a platform."""

import pytest

from csphub.sanitise import find_personal_data


def handles(text):
    return [s.text for s in find_personal_data(text) if s.type == "HANDLE"]


@pytest.mark.parametrize(
    "text, handle",
    [
        ("He posts as @kayz_99 on TikTok.", "@kayz_99"),
        ("snapchat: kayleigh", "kayleigh"),
        ("Snapchat - tazzy.x", "tazzy.x"),
        ("insta name_123 is used to advertise", "name_123"),
        ("Her Instagram is @lei.cester.girl", "@lei.cester.girl"),
        ("his snap is dealz4u", "dealz4u"),
        ("TikTok username: bigman_lboro", "bigman_lboro"),
    ],
)
def test_a_handle_is_found(text, handle):
    assert handles(text) == [handle]


@pytest.mark.parametrize(
    "text",
    [
        "He sends messages on snapchat and deletes them.",
        "The video was on TikTok and Instagram.",
        "Meet @ 9pm.",
        "Email kay@example.com",
    ],
)
def test_platform_names_and_at_signs_alone_are_not_handles(text):
    assert handles(text) == []


@pytest.mark.parametrize(
    "text, handle",
    [
        ("One clip was posted on TikTok by tiny861 last week.", "tiny861"),
        ("Drill videos posted by xgarryx_ threaten people.", "xgarryx_"),
        ("He contacts her on Snapchat (jessica__ahmed).", "jessica__ahmed"),
        ("The posts were shared by roxanne.thomas9 too.", "roxanne.thomas9"),
        (
            "His profile is https://www.instagram.com/deeks_lfc now.",
            "https://www.instagram.com/deeks_lfc",
        ),
        ("Add me on Discord, whiteknight#2210.", "whiteknight#2210"),
    ],
)
def test_a_user_name_is_found_from_its_shape_and_the_talk_of_posting_around_it(text, handle):
    assert handles(text) == [handle]


def test_a_display_name_after_a_platform_is_a_person_not_a_handle():
    spans = find_personal_data("A woman posting on Facebook as Kerry Anne Hinds shares photos.")
    assert [(s.type, s.text) for s in spans] == [("PERSON", "Kerry Anne Hinds")]


@pytest.mark.parametrize(
    "text",
    [
        "Trending as #LE11 tonight.",
        "Read the file report_final.pdf first.",
        "The postcode district le11 is busy.",
    ],
)
def test_hashtags_file_names_and_districts_are_not_handles(text):
    assert handles(text) == []
