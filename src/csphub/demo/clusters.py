"""Connected reports for the demo: what connected intelligence is for, visible at once.

A flat taken over by a county-lines group, reported by housing, a school and health in
different words; and the group's car, seen in Charnwood and in Melton.
"""

from __future__ import annotations

from datetime import datetime, timedelta

CHARNWOOD = "E07000130"
MELTON = "E07000133"
FLAT = "Flat 3, 27 Ashby Road, Loughborough"
PHONE = "07700 900461"
CAR = {"registration": "FV68 XKT", "make": "Audi", "model": "A3", "colour": "Black"}


def cluster_drafts(
    now: datetime, postcodes: dict[str, list[str]]
) -> list[tuple[str, datetime, dict]]:
    """(submitter username, when, SubmissionInput fields) for each connected report."""
    charnwood = (postcodes.get(CHARNWOOD) or [""])[0]
    melton = (postcodes.get(MELTON) or [""])[0]
    common = {"may_contact": True, "source_disclosable": False}
    return [
        (
            "paul.ridgway@example.org",
            now - timedelta(days=19, hours=3),
            {
                **common,
                "themes": ["county-lines", "vulnerability"],
                "information": (
                    f"Our tenant at {FLAT} has not been seen at the office for two weeks. "
                    "Neighbours say young men are staying there, with visitors day and night "
                    "who stay a few minutes each. A lad called Kyle answers the door. Cards "
                    f"with the number {PHONE} have been pushed through doors in the block. The "
                    "tenant is vulnerable and we think her flat has been taken over."
                ),
                "how_known": "community_member",
                "place_description": FLAT,
                "postcode": charnwood,
                "district_code": CHARNWOOD,
                "people": [
                    {"name": "Denise Walsh", "role": "victim", "age": 52},
                    {"name": "Kyle", "role": "subject", "age": 19},
                ],
                "identifiers": [{"kind": "phone", "value": PHONE}],
            },
        ),
        (
            "emma.thornton@example.org",
            now - timedelta(days=11, hours=6),
            {
                **common,
                "themes": ["county-lines", "vulnerability"],
                "information": (
                    "A Year 10 pupil has been seen going in and out of the flats on Ashby Rd, "
                    "Loughborough, straight after school, and has new trainers and two phones. "
                    "He told a friend he works for Kyle and that you text +44 7700 900461 for "
                    "'food'. A black Audi picks him up from the school gates some days."
                ),
                "how_known": "second_hand",
                "place_description": "Flat 3, 27 Ashby Rd, Loughborough",
                "postcode": charnwood,
                "district_code": CHARNWOOD,
                "people": [{"name": "Tyler Brooks", "role": "victim", "age": 15}],
                "vehicles": [CAR],
            },
        ),
        (
            "aisha.begum@example.org",
            now - timedelta(days=6, hours=2),
            {
                **common,
                "themes": ["vulnerability", "county-lines"],
                "information": (
                    "A patient, Denise Walsh, attended with bruising to her arms and said men "
                    "are living in her flat and will not leave. She seemed frightened to go "
                    "home and did not want the police told yet. She gave her address as flat 3, "
                    "27 Ashby Road."
                ),
                "how_known": "first_hand",
                "place_description": "flat 3 27 ashby road loughborough",
                "postcode": charnwood,
                "district_code": CHARNWOOD,
                "people": [{"name": "Denise Walsh", "role": "victim", "age": 52}],
            },
        ),
        (
            "michael.chen@example.org",
            now - timedelta(days=9, hours=4),
            {
                **common,
                "themes": ["county-lines", "anti-social-behaviour"],
                "information": (
                    "A black Audi A3, FV68 XKT, parks on Ashby Road most evenings. Lads walk up "
                    "to it, lean in the window and walk off again within a minute."
                ),
                "how_known": "first_hand",
                "place_description": "Ashby Road, Loughborough, by the flats",
                "postcode": charnwood,
                "district_code": CHARNWOOD,
                "vehicles": [CAR],
            },
        ),
        (
            "craig.dunmore@example.org",
            now - timedelta(days=3, hours=5),
            {
                **common,
                "themes": ["county-lines"],
                "information": (
                    "The same black Audi, reg FV68XKT, has been in the car park behind the "
                    "cattle market in Melton Mowbray three nights this week. Young people go "
                    "up to the car and leave quickly; litter of small bags left behind."
                ),
                "how_known": "first_hand",
                "place_description": "Car park behind the cattle market, Melton Mowbray",
                "postcode": melton,
                "district_code": MELTON,
                "vehicles": [CAR],
            },
        ),
    ]
