"""Build the labelled redaction evaluation corpus, deterministically.

    .venv/bin/python evaluation/redaction/build_corpus.py [--out evaluation/redaction/corpus.jsonl]

Two kinds of text, one JSON object per line (see README.md for the labelling conventions):

* ``template``: intelligence-style reports assembled from theme-specific sentence templates whose
  slots are filled with synthetic personal data (names from Faker ``en_GB`` seeded plus lists of
  names common in Leicestershire; phone numbers from Ofcom's drama ranges and Leicestershire area
  codes; LE postcodes; valid NHS numbers; ...). Formats are varied on purpose.
* ``hard``: hand-written texts in ``hard_cases.py`` aimed at the known weak points of detectors.

Everything is written in the inline markup of ``markup.py`` and parsed, so offsets are correct
by construction. The same seed gives the same file byte for byte (the test suite checks it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from evaluation.redaction.hard_cases import HARD_CASES  # noqa: E402
from evaluation.redaction.markup import TYPES, mark, parse  # noqa: E402

DEFAULT_OUT = HERE / "corpus.jsonl"
SEED = 20261123
N_TEMPLATE = 300
TODAY = dt.date(2026, 11, 20)  # "now" for ages and incident dates; fixed for determinism

# --------------------------------------------------------------------------------------------
# Pools
# --------------------------------------------------------------------------------------------

MALE_FIRST = [
    "Mohammed",
    "Aarav",
    "Imran",
    "Jaspreet",
    "Kamil",
    "Piotr",
    "Ionut",
    "Abdi",
    "Tyrese",
    "Kai",
    "Liam",
    "Callum",
    "Jordan",
    "Reece",
    "Dylan",
    "Harvey",
    "Kyle",
    "Connor",
    "Bradley",
    "Shane",
    "Dean",
    "Lewis",
    "Tomasz",
    "Mateusz",
    "Andrei",
    "Yusuf",
    "Hamza",
    "Rajesh",
    "Sanjay",
    "Dev",
    "Jean-Paul",
    "Kofi",
    "Darius",
    "Ricky",
    "Wayne",
    "Gurpreet",
    "Zain",
    "Lukas",
    "Mihai",
    "Ravi",
]
FEMALE_FIRST = [
    "Priya",
    "Aisha",
    "Jasmin",
    "Kiran",
    "Agnieszka",
    "Natalia",
    "Leanne",
    "Chelsea",
    "Kayleigh",
    "Jade",
    "Shannon",
    "Courtney",
    "Amina",
    "Fatima",
    "Hodan",
    "Ioana",
    "Mia",
    "Ellie",
    "Demi",
    "Tia",
    "Sophie",
    "Nisha",
    "Hannah",
    "Gemma",
    "Anne-Marie",
    "Bethany",
    "Simran",
    "Ewa",
    "Roxanne",
    "Precious",
    "Maryam",
    "Lacey",
    "Jo",
    "Sharon",
    "Tracey",
    "Harpreet",
    "Zara",
]
SURNAMES = [
    "Patel",
    "Mistry",
    "Chauhan",
    "Parmar",
    "Solanki",
    "Singh",
    "Kaur",
    "Sandhu",
    "Begum",
    "Hussain",
    "Khan",
    "Ahmed",
    "Ali",
    "Mahmood",
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Popescu",
    "Ionescu",
    "Mohamed",
    "Abdullahi",
    "Warsame",
    "O'Neill",
    "O'Connor",
    "McDonald",
    "Harper-Davies",
    "Smith-Jones",
    "Okafor",
    "Mensah",
    "Adeyemi",
    "Clarke",
    "Ward",
    "Doherty",
    "Kelly",
    "Walsh",
    "D'Souza",
    "Lakhani",
    "Kasprzak",
    "Bailey",
    "Hinds",
    "Marsh",
    "Pickering",
    "Stapleford",
    "Ashby",
    "Mowbray",
    "Coleman",
    "Fox",
    "Underwood",
    "Brewin",
    "Gill",
]
NICKNAMES = [
    "Smokey",
    "Tiny",
    "Little J",
    "Ghost",
    "Bugsy",
    "Shorty",
    "Madz",
    "K-Dog",
    "Deeks",
    "Fizz",
    "Scrappy",
    "Lil T",
    "Big Mo",
    "Skinny",
    "Tank",
    "Rocco",
    "Spider",
    "Bam",
    "Yungz",
    "Chops",
]
TOWNS = [
    "Loughborough",
    "Coalville",
    "Hinckley",
    "Melton Mowbray",
    "Market Harborough",
    "Wigston",
    "Oadby",
    "Shepshed",
    "Lutterworth",
    "Ashby-de-la-Zouch",
    "Syston",
    "Birstall",
    "Thurmaston",
    "Anstey",
    "Braunstone Town",
    "Blaby",
    "Enderby",
    "Narborough",
    "Ibstock",
    "Measham",
    "Castle Donington",
    "Earl Shilton",
    "Barwell",
    "Burbage",
    "Leicester",
    "Glenfield",
    "Kirby Muxloe",
    "Whetstone",
    "Countesthorpe",
    "Sileby",
    "Quorn",
    "Mountsorrel",
    "Rothley",
    "Broughton Astley",
    "Kegworth",
    "Groby",
    "Ratby",
    "Whitwick",
    "Asfordby",
    "Fleckney",
]
STREETS = [
    "Ashby Road",
    "Derby Road",
    "Nottingham Road",
    "Leicester Road",
    "Forest Road",
    "Belgrave Gate",
    "Narborough Road",
    "Beaumont Leys Lane",
    "Charnwood Road",
    "Main Street",
    "High Street",
    "Church Lane",
    "Station Road",
    "Park Road",
    "London Road",
    "Loughborough Road",
    "Melton Road",
    "Uppingham Road",
    "Hinckley Road",
    "Castle Street",
    "Granby Street",
    "Bridge Street",
    "Meadow Lane",
    "Storer Road",
    "Thorpe Acre Road",
    "Greenclose Lane",
    "Alan Moss Road",
    "Warwick Way",
    "Hastings Road",
    "Swan Street",
    "Ratby Lane",
    "Factory Street",
    "Belvoir Road",
    "Welford Road",
    "Saffron Lane",
    "Aylestone Road",
    "Humberstone Road",
    "Gipsy Lane",
    "Wharf Street",
    "Sparkenhoe Street",
    "Hollow Road",
    "Ashby Road East",
    "Brook Street",
    "Market Street",
    "Moira Road",
    "Whitwick Road",
    "Spring Lane",
    "Bosworth Road",
    "Coventry Road",
    "Rugby Road",
    "Welland Park Road",
    "Scalford Road",
    "Snow Hill",
    "Kings Road",
    "Burton Street",
    "Asfordby Road",
    "Shelthorpe Road",
    "Nanpantan Road",
    "Pinfold Gate",
    "Frederick Street",
    "Cobden Street",
    "Albert Promenade",
    "Lansdowne Grove",
    "The Rise",
    "Meadow Close",
    "Orchard Way",
    "Fosse Way",
    "Elm Tree Avenue",
    "Barrow Road",
    "Sileby Road",
    "Queens Park Way",
    "Windmill Avenue",
    "Heathcott Road",
    "Southfields Avenue",
    "Linwood Lane",
    "Saxby Street",
    "Hawthorne Drive",
    "Chestnut Close",
    "Oakfield Crescent",
    "Copse Close",
    "Birch Avenue",
]
STREET_SUFFIXES = [
    "Road",
    "Street",
    "Close",
    "Avenue",
    "Way",
    "Drive",
    "Lane",
    "Crescent",
    "Gardens",
    "Court",
    "Walk",
    "Rise",
    "Grove",
    "Place",
    "Mews",
]
SHOPS = [
    "Co-op",
    "One Stop",
    "Premier",
    "Spar",
    "Londis",
    "chippy",
    "Tesco Express",
    "Sainsbury's Local",
    "bookies",
    "takeaway",
    "off-licence",
    "vape shop",
    "Greggs",
    "McDonald's",
    "barbers",
    "Lidl",
    "kebab shop",
    "petrol station",
]
ORGS = [
    "Leicestershire Police",
    "Charnwood Borough Council",
    "Victim First",
    "Turning Point",
    "Blaby District Council",
    "Harborough District Council",
    "Melton Borough Council",
    "Hinckley and Bosworth Borough Council",
    "North West Leicestershire District Council",
    "Oadby and Wigston Borough Council",
    "Leicestershire County Council",
    "Leicestershire Fire and Rescue Service",
    "the Children and Family Wellbeing Service",
    "Women's Aid",
    "Freva",
    "the Youth Justice Service",
    "Adult Social Care",
    "the Bridge",
    "Age UK Leicester Shire & Rutland",
    "Citizens Advice LeicesterShire",
    "the Falcon Centre",
    "Leicestershire Partnership NHS Trust",
    "Exploitation Hub",
    "the Early Help team",
    "Trading Standards",
    "Warwickshire Police",
    "Crimestoppers",
    "the Neighbourhood Watch",
]
SCHOOLS = [
    "Rawlins Academy",
    "John Cleveland College",
    "Robert Smyth Academy",
    "Beauchamp College",
    "Humphrey Perkins School",
    "Castle Rock High School",
    "Limehurst Academy",
    "Hastings High School",
    "Ashby School",
    "Loughborough College",
    "Brooksby Melton College",
    "Lutterworth College",
    "Wreake Valley Academy",
    "Countesthorpe Academy",
    "Welland Park Academy",
]
HOSPITALS = [
    "Leicester Royal Infirmary",
    "Glenfield Hospital",
    "Loughborough Hospital",
    "the Bradgate Unit",
    "Hinckley and District Hospital",
    "Coalville Community Hospital",
]
CARS = [
    "Ford Fiesta",
    "Vauxhall Corsa",
    "VW Golf",
    "BMW 1 Series",
    "Audi A3",
    "Mercedes A-Class",
    "Toyota Yaris",
    "Nissan Qashqai",
    "Ford Transit van",
    "Peugeot 208",
    "Range Rover Evoque",
    "Seat Leon",
    "Kia Sportage",
    "Renault Clio",
    "Citroen Berlingo",
    "Honda Civic",
    "Mini Cooper",
    "Skoda Octavia",
    "Toyota Prius",
    "Mercedes Sprinter van",
    "Yamaha moped",
]
COLOURS = ["black", "white", "silver", "grey", "blue", "dark blue", "red", "matt black", "green"]
ROLES = [
    "PCSO",
    "housing officer",
    "youth worker",
    "ASB officer",
    "school DSL",
    "community safety officer",
    "family support worker",
    "tenancy sustainment officer",
    "neighbourhood officer",
    "social worker",
    "health visitor",
    "outreach worker",
]
STAFF_DOMAINS = [
    "leicestershire.gov.uk",
    "charnwood.gov.uk",
    "nwleicestershire.gov.uk",
    "harborough.gov.uk",
    "hinckley-bosworth.gov.uk",
    "melton.gov.uk",
    "oadby-wigston.gov.uk",
    "blaby.gov.uk",
    "leics.police.uk",
    "nhs.net",
    "turning-point.co.uk",
    "victimfirst.org.uk",
]
FREE_DOMAINS = [
    "gmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "yahoo.co.uk",
    "icloud.com",
    "btinternet.com",
    "live.co.uk",
    "hotmail.com",
    "aol.com",
    "googlemail.com",
    "sky.com",
    "protonmail.com",
]
PLATFORMS = ["Snapchat", "Instagram", "TikTok", "Telegram", "X", "Facebook Messenger"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MEMORY_TAGS = [
    "FN",
    "FJ",
    "FY",
    "FE",
    "FD",
    "FG",
    "FH",
    "FK",
    "FL",
    "FM",
    "FP",
    "FT",
    "FV",
    "FX",
    "AY",
    "AK",
    "BD",
    "KX",
    "YR",
    "LN",
    "VK",
    "WR",
    "DY",
    "EJ",
    "GX",
    "HN",
    "MA",
    "NA",
    "OU",
    "PN",
    "RV",
    "SN",
    "WM",
    "YB",
    "LR",
    "BV",
]
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
POSTCODE_DISTRICTS = [
    "LE1",
    "LE2",
    "LE3",
    "LE4",
    "LE5",
    "LE7",
    "LE8",
    "LE9",
    "LE10",
    "LE11",
    "LE12",
    "LE13",
    "LE14",
    "LE16",
    "LE17",
    "LE18",
    "LE19",
    "LE65",
    "LE67",
] * 4 + ["DE74", "DE12", "CV13", "NG10", "CV11", "PE9"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


# --------------------------------------------------------------------------------------------
# Generators of single values (each returns the plain value; callers mark it up)
# --------------------------------------------------------------------------------------------


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nhs_check_digit(nine: str) -> int | None:
    """Modulus-11 check digit of an NHS number's first nine digits (None if it would be 10)."""
    total = sum(int(c) * w for c, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_valid_nhs(number: str) -> bool:
    d = re.sub(r"\D", "", number)
    return len(d) == 10 and nhs_check_digit(d[:9]) == int(d[9])


def gen_nhs(rng: random.Random) -> str:
    while True:
        nine = rng.choice("4679") + digits(rng, 8)
        check = nhs_check_digit(nine)
        if check is not None:
            break
    n = nine + str(check)
    r = rng.random()
    if r < 0.6:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if r < 0.85:
        return n
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def gen_mobile(rng: random.Random) -> str:
    if rng.random() < 0.75:
        n = "07700900" + f"{rng.randint(0, 999):03d}"
    else:
        n = "07" + rng.choice("45789") + digits(rng, 8)
    a, b = n[:5], n[5:]  # 07700 900123
    local = n[1:]  # 7700900123
    formats = [
        (30, f"{a} {b}"),
        (16, n),
        (10, f"{a} {b[:3]} {b[3:]}"),
        (6, f"{n[:4]} {n[4:7]} {n[7:]}"),
        (5, f"{a}-{b[:3]}-{b[3:]}"),
        (8, f"+44 {local[:4]} {local[4:]}"),
        (5, f"+44{local}"),
        (5, f"+44 (0){local[:4]} {local[4:]}"),
        (3, f"+44 (0) {local[:4]} {local[4:7]} {local[7:]}"),
        (3, f"0044 {local[:4]} {local[4:]}"),
        (4, f"({a}) {b}"),
        (2, f"{a}.{b[:3]}.{b[3:]}"),
        (3, f"+44-{local[:4]}-{local[4:]}"),
    ]
    return rng.choices([f for _, f in formats], weights=[w for w, _ in formats])[0]


def gen_landline(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        area, local = "0116", "4960" + f"{rng.randint(0, 999):03d}"
    elif r < 0.5:
        area, local = "01632", "960" + f"{rng.randint(0, 999):03d}"
    elif r < 0.56:
        area, local = rng.choice(["0115", "0121", "0113"]), "4960" + f"{rng.randint(0, 999):03d}"
    elif r < 0.6:
        area, local = "020", "7946" + f"{rng.randint(0, 999):04d}"
    else:
        area = rng.choice(["01509", "01455", "01530", "01664", "01858"])
        local = str(rng.randint(2, 8)) + digits(rng, 5)
    nat = area[1:]
    if len(local) == 8:  # London: 020 7946 0123
        sp = f"{local[:4]} {local[4:]}"
    elif len(local) == 7:
        sp = f"{local[:3]} {local[3:]}"
    else:
        sp = rng.choice([local, f"{local[:3]} {local[3:]}"])
    formats = [
        (40, f"{area} {sp}"),
        (10, f"({area}) {sp}"),
        (10, area + local),
        (8, f"{area} {local}"),
        (8, f"+44 {nat} {sp}"),
        (7, f"+44 (0){nat} {sp}"),
        (4, f"{area}-{sp.replace(' ', '-')}"),
        (3, f"+44{nat}{local}"),
        (3, f"+44 (0) {nat} {sp}"),
    ]
    return rng.choices([f for _, f in formats], weights=[w for w, _ in formats])[0]


def gen_phone(rng: random.Random) -> str:
    return gen_mobile(rng) if rng.random() < 0.7 else gen_landline(rng)


def gen_postcode(rng: random.Random) -> str:
    outward = rng.choice(POSTCODE_DISTRICTS)
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    r = rng.random()
    if r < 0.72:
        return f"{outward} {inward}"
    if r < 0.84:
        return outward + inward
    if r < 0.94:
        return f"{outward} {inward}".lower()
    return (outward + inward).lower()


def gen_vehicle(rng: random.Random) -> str:
    r = rng.random()
    letters3 = "".join(rng.choice(REG_LETTERS) for _ in range(3))
    if r < 0.7:  # current style: FN19 XYZ
        year = rng.choice(
            [
                "12",
                "62",
                "13",
                "63",
                "14",
                "64",
                "15",
                "65",
                "16",
                "66",
                "17",
                "67",
                "18",
                "68",
                "19",
                "69",
                "20",
                "70",
                "21",
                "71",
                "22",
                "72",
                "23",
                "73",
                "24",
                "74",
                "25",
                "75",
                "09",
                "59",
                "10",
                "60",
                "11",
                "61",
            ]
        )
        reg = f"{rng.choice(MEMORY_TAGS)}{year} {letters3}"
    elif r < 0.85:  # prefix style: R123 ABC
        first = rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        reg = f"{first}{rng.randint(1, 999)} {letters3}"
    else:  # suffix style: ABC 123D
        reg = f"{letters3} {rng.randint(1, 999)}{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}"
    r = rng.random()
    if r < 0.22:
        reg = reg.replace(" ", "")
    elif r < 0.28:
        reg = reg.lower()
    return reg


def gen_nino(rng: random.Random) -> str:
    if rng.random() < 0.12:
        prefix = "QQ"
    else:
        while True:
            prefix = rng.choice("ABCEGHJKLMNOPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
            if prefix not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
                break
    d = digits(rng, 6)
    suffix = rng.choice("ABCD")
    r = rng.random()
    if r < 0.45:
        return f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}"
    if r < 0.8:
        return f"{prefix}{d}{suffix}"
    if r < 0.92:
        return f"{prefix} {d} {suffix}"
    return f"{prefix}{d}{suffix}".lower()


def gen_sort_code(rng: random.Random) -> str:
    d = f"{rng.randint(1, 99):02d}" + digits(rng, 4)
    r = rng.random()
    if r < 0.72:
        return f"{d[:2]}-{d[2:4]}-{d[4:]}"
    if r < 0.86:
        return f"{d[:2]} {d[2:4]} {d[4:]}"
    return d


def gen_account(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + digits(rng, 7)


def gen_ipv4(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        base = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
        return f"{base}.{rng.randint(1, 254)}"
    first = rng.choice([86, 81, 82, 90, 31, 92, 5, 109, 217, 80, 94, 151, 185, 176])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def gen_ipv6(rng: random.Random) -> str:
    def h() -> str:
        return f"{rng.randint(0, 0xFFFF):x}"

    r = rng.random()
    if r < 0.4:
        return f"2001:db8:{h()}:{h()}::{h()}"
    if r < 0.8:
        return f"2a00:23c7:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}"
    return f"2a02:c7c:{h()}:{h()}::1"


def fmt_date(d: dt.date, rng: random.Random, *, dob: bool) -> str:
    day_suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    choices = [
        (45, f"{d:%d/%m/%Y}"),
        (10, f"{d.day}/{d.month}/{d.year}"),
        (8, f"{d:%d.%m.%Y}"),
        (12, f"{d.day}{day_suffix} {MONTHS[d.month - 1]} {d.year}"),
        (8, f"{d.day} {MONTHS[d.month - 1]} {d.year}"),
        (7, f"{d:%d/%m/%y}"),
        (5, d.isoformat()),
        (5, f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"),
    ]
    if not dob:  # incident dates are often written without the year
        choices += [
            (20, f"{d.day}{day_suffix} {MONTHS[d.month - 1]}"),
            (10, f"{d:%A} {d.day}{day_suffix} {MONTHS[d.month - 1]}"),
        ]
    return rng.choices([c for _, c in choices], weights=[w for w, _ in choices])[0]


def gen_incident_date(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.12:
        return rng.choice(
            [
                "Boxing Day",
                "bonfire night",
                "New Year's Eve",
                "the 5th",
                "the 21st",
                "Halloween",
                "Mother's Day",
            ]
        )
    d = TODAY - dt.timedelta(days=rng.randint(1, 300))
    return fmt_date(d, rng, dob=False)


def gen_time(rng: random.Random) -> str:
    h, m = rng.randint(0, 23), rng.choice([0, 0, 15, 30, 45, 10, 20, 50])
    return rng.choice(
        [
            f"{h:02d}:{m:02d}",
            f"{h:02d}{m:02d}hrs",
            f"{(h % 12) or 12}{'.' + format(m, '02d') if m else ''}{'am' if h < 12 else 'pm'}",
            f"{h:02d}.{m:02d}",
        ]
    )


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


@dataclass
class Person:
    first: str
    last: str
    male: bool
    age: int
    dob: dt.date
    middle: str | None
    nick: str
    title: str

    def pronoun(self, key: str) -> str:
        table = {
            "he": ("he", "she"),
            "his": ("his", "her"),
            "him": ("him", "her"),
            "himself": ("himself", "herself"),
            "sibling": ("brother", "sister"),
            "child": ("son", "daughter"),
            "parent": ("dad", "mum"),
            "mother": ("father", "mother"),
        }
        word = table[key.lower()][0 if self.male else 1]
        return word.capitalize() if key[0].isupper() else word


class Cast:
    """The people and values of one text; the same slot always gives the same person/value."""

    def __init__(
        self,
        rng: random.Random,
        fake: Faker,
        ages: dict[str, tuple[int, int]],
        male: dict[str, float],
    ):
        self.rng, self.fake, self.ages, self.male = rng, fake, ages, male
        self.people: dict[str, Person] = {}
        self.values: dict[str, str] = {}
        self.used_names: set[str] = set()

    # -- people
    def person(self, key: str) -> Person:
        if key not in self.people:
            rng, fake = self.rng, self.fake
            lo, hi = self.ages.get(key, (18, 60))
            age = rng.randint(lo, hi)
            male = rng.random() < self.male.get(key, 0.5)
            for _ in range(20):
                if rng.random() < 0.5:
                    first = fake.first_name_male() if male else fake.first_name_female()
                else:
                    first = rng.choice(MALE_FIRST if male else FEMALE_FIRST)
                last = fake.last_name() if rng.random() < 0.55 else rng.choice(SURNAMES)
                if first not in self.used_names and last not in self.used_names:
                    break
            self.used_names.update({first, last})
            dob = TODAY - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            middle = (
                (fake.first_name_male() if male else fake.first_name_female())
                if rng.random() < 0.2
                else None
            )
            if age < 18:
                title = ""
            elif male:
                title = rng.choice(["Mr", "Mr", "Mr", "Mr.", "Dr"] if age > 25 else ["Mr"])
            else:
                title = rng.choice(
                    ["Mrs", "Ms", "Miss", "Mrs", "Ms", "Mrs."] if age > 25 else ["Miss", "Ms"]
                )
            self.people[key] = Person(
                first, last, male, age, dob, middle, rng.choice(NICKNAMES), title
            )
        return self.people[key]

    def full_mention(self, p: Person) -> str:
        rng = self.rng
        forms = [
            (50, f"{p.first} {p.last}"),
            (8, f"{p.first} {p.last.upper()}"),
            (5, f"{p.last.upper()}, {p.first}"),
            (3, f"{p.first} {p.last}".lower()),
        ]
        if p.middle:
            forms.append((12, f"{p.first} {p.middle} {p.last}"))
        if p.title:
            forms += [
                (10, f"{p.title} {p.first} {p.last}"),
                (8, f"{p.title} {p.first[0]}. {p.last}"),
                (2, f"{p.title} {p.first[0]} {p.last}"),
            ]
        return rng.choices([f for _, f in forms], weights=[w for w, _ in forms])[0]

    def short_title(self, p: Person) -> str:
        return f"{p.title} {p.last}" if p.title else p.first

    # -- values
    def email_for(self, p: Person, staff: bool = False) -> str:
        rng = self.rng
        first = re.sub(r"[^a-z]", "", p.first.lower())
        last = re.sub(r"[^a-z]", "", p.last.lower().replace("ś", "s"))
        if staff:
            local = rng.choice(
                [f"{first}.{last}", f"{first[0]}{last}", f"{first}.{last}{rng.randint(1, 9)}"]
            )
            return f"{local}@{rng.choice(STAFF_DOMAINS)}"
        local = rng.choice(
            [
                f"{first}.{last}",
                f"{first}{last}{rng.randint(1, 99)}",
                f"{first[0]}{last}{p.dob.year % 100:02d}",
                f"{first}_{last[:3]}",
                f"{re.sub(r'[^a-z]', '', p.nick.lower())}{rng.randint(1, 999)}",
                f"{last}.{first}{p.dob.year}",
                f"{first}x{last}",
            ]
        )
        return f"{local}@{rng.choice(FREE_DOMAINS)}"

    def handle_for(self, p: Person) -> str:
        rng = self.rng
        first = re.sub(r"[^a-z]", "", p.first.lower())
        last = re.sub(r"[^a-z]", "", p.last.lower().replace("ś", "s"))
        nick = re.sub(r"[^a-z]", "", p.nick.lower())
        base = rng.choice(
            [
                f"{first}_{last[0]}{rng.randint(1, 99)}",
                f"{first}.{last}{rng.randint(1, 9)}",
                f"{nick}_{rng.choice(['le4', 'le11', 'lboro', 'hinckley', 'official', '0116'])}",
                f"{first}{last[:2]}{p.dob.year % 100:02d}",
                f"real.{nick}",
                f"{nick}{rng.randint(100, 999)}",
                f"x{first}x_",
                f"{first}__{last}",
            ]
        )
        return ("@" + base) if rng.random() < 0.6 else base

    def value(self, key: str) -> str:
        if key in self.values:
            return self.values[key]
        rng = self.rng
        name = re.sub(r"\d+$", "", key)
        gens = {
            "addr": lambda: self.address(),
            "pc": lambda: gen_postcode(rng),
            "phone": lambda: gen_phone(rng),
            "mobile": lambda: gen_mobile(rng),
            "landline": lambda: gen_landline(rng),
            "veh": lambda: gen_vehicle(rng),
            "sort": lambda: gen_sort_code(rng),
            "acct": lambda: gen_account(rng),
            "ip": lambda: gen_ipv4(rng),
            "ipsix": lambda: gen_ipv6(rng),
            "ni": lambda: gen_nino(rng),
            "nhs": lambda: gen_nhs(rng),
            "email": lambda: self.email_for(self.person("_x" + key), staff=rng.random() < 0.25),
            "town": lambda: rng.choice(TOWNS),
            "street": lambda: self.street(),
            "shop": lambda: rng.choice(SHOPS),
            "org": lambda: rng.choice(ORGS),
            "school": lambda: rng.choice(SCHOOLS),
            "hospital": lambda: rng.choice(HOSPITALS),
            "car": lambda: f"{rng.choice(COLOURS)} {rng.choice(CARS)}",
            "date": lambda: gen_incident_date(rng),
            "time": lambda: gen_time(rng),
            "money": lambda: rng.choice(
                [
                    "£10 a bag",
                    "£20 a bag",
                    "£40 a bag",
                    "£10 a 'bit'",
                    "£50 a gram",
                    "£25",
                    "£80 a day",
                    "£300 a week",
                ]
            ),
            "bigmoney": lambda: (
                f"£{rng.choice([850, 1200, 2500, 4700, 9800, 14000, 23500, 61000]):,}"
            ),
            "pcno": lambda: (
                rng.choice(["PC ", "PCSO ", "PC ", "DC ", "PS "]) + str(rng.randint(100, 9999))
            ),
            "ref": lambda: rng.choice(
                [
                    f"crime ref {rng.choice(['23', '24', '25', '26'])}000{digits(rng, 6)}",
                    f"incident {rng.randint(1, 999):04d} of "
                    f"{rng.randint(1, 28)}/{rng.randint(1, 12)}",
                    f"occurrence {rng.choice(['25', '26'])}{digits(rng, 9)}",
                    f"CIP-2026-{rng.randint(1, 9999):06d}",
                    f"Action Fraud ref NFRC{rng.choice(['25', '26'])}{digits(rng, 8)}",
                ]
            ),
            "role": lambda: rng.choice(ROLES),
            "age": lambda: str(rng.randint(13, 17)),
            "district": lambda: rng.choice(
                [
                    "Charnwood",
                    "Blaby",
                    "Harborough",
                    "Melton",
                    "Hinckley and Bosworth",
                    "North West Leicestershire",
                    "Oadby and Wigston",
                ]
            ),
            "line": lambda: rng.choice(
                ["Gucci", "Zoom", "Brum", "Bando", "Chop", "Snow", "Deliveroo"]
            ),
        }
        self.values[key] = gens[name]()
        return self.values[key]

    def street(self) -> str:
        rng = self.rng
        if rng.random() < 0.72:
            return rng.choice(STREETS)
        return f"{self.fake.last_name()} {rng.choice(STREET_SUFFIXES)}"

    def address(self) -> str:
        rng = self.rng
        street = self.street()
        if rng.random() < 0.08:
            street = (
                street.replace(" Road", " Rd")
                .replace(" Street", " St")
                .replace(" Avenue", " Ave")
                .replace(" Close", " Cl")
            )
        number = str(rng.randint(1, 240)) + ("a" if rng.random() < 0.05 else "")
        r = rng.random()
        if r < 0.12:
            return f"Flat {rng.randint(1, 24)}, {number} {street}"
        if r < 0.17:
            return f"Flat {rng.randint(1, 9)}{rng.choice('AB')} {number} {street}"
        if r < 0.2:
            return f"Apartment {rng.randint(1, 40)}, {number} {street}"
        if r < 0.23:
            return f"{rng.randint(1, 12)}/{number} {street}"
        return f"{number} {street}"

    def slot(self, key: str) -> str:
        """Markup for ``{key}`` in a template."""
        if "." in key:
            who, attr = key.split(".", 1)
            p = self.person(who)
            if attr.lower() in {
                "he",
                "his",
                "him",
                "himself",
                "sibling",
                "child",
                "parent",
                "mother",
            }:
                return p.pronoun(attr)
            if attr == "age":
                return str(p.age)
            cache = f"{who}.{attr}"
            if cache not in self.values:
                self.values[cache] = {
                    "first": lambda: mark(p.first, "PERSON"),
                    "firstlc": lambda: mark(p.first.lower(), "PERSON"),
                    "sur": lambda: mark(p.last, "PERSON"),
                    "title": lambda: mark(self.short_title(p), "PERSON"),
                    "cllr": lambda: mark(
                        f"{self.rng.choice(['Cllr', 'Cllr.', 'Councillor'])} {p.last}", "PERSON"
                    ),
                    "nick": lambda: mark(p.nick, "PERSON"),
                    "dob": lambda: mark(fmt_date(p.dob, self.rng, dob=True), "DOB"),
                    "phone": lambda: mark(gen_phone(self.rng), "PHONE"),
                    "mobile": lambda: mark(gen_mobile(self.rng), "PHONE"),
                    "email": lambda: mark(self.email_for(p), "EMAIL"),
                    "staffemail": lambda: mark(self.email_for(p, staff=True), "EMAIL"),
                    "handle": lambda: mark(self.handle_for(p), "HANDLE"),
                    "ni": lambda: mark(gen_nino(self.rng), "NI_NUMBER"),
                    "nhs": lambda: mark(gen_nhs(self.rng), "NHS_NUMBER"),
                }[attr]()
            return self.values[cache]
        if re.fullmatch(r"[A-Z]\d?", key):  # a person's first, full mention
            cache = f"{key}.full"
            if cache not in self.values:
                self.values[cache] = mark(self.full_mention(self.person(key)), "PERSON")
            return self.values[cache]
        v = self.value(key)
        typed = {
            "addr": "ADDRESS",
            "pc": "POSTCODE",
            "phone": "PHONE",
            "mobile": "PHONE",
            "landline": "PHONE",
            "veh": "VEHICLE",
            "sort": "BANK_DETAILS",
            "acct": "BANK_DETAILS",
            "ip": "IP_ADDRESS",
            "ipsix": "IP_ADDRESS",
            "ni": "NI_NUMBER",
            "nhs": "NHS_NUMBER",
            "email": "EMAIL",
        }
        t = typed.get(re.sub(r"\d+$", "", key))
        return mark(v, t) if t else v


_SLOT = re.compile(r"\{([A-Za-z_]+[0-9]?(?:\.[A-Za-z]+)?)\}")


def render(template: str, cast: Cast) -> str:
    return _SLOT.sub(lambda m: cast.slot(m.group(1)), template)


# --------------------------------------------------------------------------------------------
# Templates: per theme, opening sentences and body sentences; shared bodies and closings.
# {A}..{E} first mention of a person (full name in a random format); {A.first}, {A.sur},
# {A.title} ("Mr Nowak"), {A.nick}, {A.dob}, {A.phone}, {A.email}, {A.handle}, {A.ni}, {A.nhs},
# pronouns {A.he} {A.His} ...; {addr} {pc} {phone} {veh} {sort} {acct} {ip} {ipsix} {email}
# (labelled); {town} {street} {shop} {org} {school} {car} {date} {time} {money} {pcno} {ref}
# {role} {district} (not labelled). A digit suffix gives a second, different value: {addr2}.
# --------------------------------------------------------------------------------------------

THEMES: dict[str, dict] = {
    "county_lines": {
        "ages": {"A": (15, 24), "B": (19, 35), "C": (13, 16)},
        "male": {"A": 0.85, "B": 0.9, "C": 0.8},
        "open": [
            "Concerns about a drug line operating in {town}. A male known as '{A.nick}', "
            "real name believed to be {A}, is running the '{line}' line from {addr}, "
            "{town} {pc}. The deal line is {phone} and bulk texts go out most mornings.",
            "Information from a youth worker at {org}: {A} ({A.age}) has been going "
            "missing from home for two or three days at a time and coming back with new "
            "trainers, cash and a second phone. {A.He} was last reported missing on {date} "
            "and was found in {town2}.",
            "Received from a neighbour via the ASB team. Young lads, some look about 14, "
            "are being dropped off by a {car} reg {veh} outside {addr} several times a "
            "day. They go in for ten minutes and leave with rucksacks.",
            "Intel re: county lines activity around {street}, {town}. Older male {B} (DOB "
            "{B.dob}) is thought to be recruiting local teenagers, including {A}, to sell "
            "crack and heroin.",
        ],
        "body": [
            "The line phone is believed to be {phone2} and {A.first} advertises on "
            "Snapchat as {A.handle}.",
            "A second vehicle, a {car2} {veh2}, has also been seen at the address late at "
            "night, usually between {time} and {time2}.",
            "{B}, DOB {B.dob}, is believed to be holding drugs for the group and stays at "
            "{addr2} {pc2} most weekends.",
            "Deals are done near the {shop} on {street2} and in the park behind the flats. "
            "Price quoted is {money}.",
            "{A.title} was stopped by {pcno} on {date2} and found with two phones and £600 "
            "in cash; no further action at that time ({ref}).",
            "Money for the line is paid into an account in {B.title}'s name - sort code "
            "{sort}, account {acct}.",
            "School ({school}) say {A.first} has not attended since {date3} and staff are "
            "worried about {A.his} new older friends.",
            "The youngest runner is only known as '{C.nick}' and is described as mixed "
            "race, slim, about 15, always in a grey North Face jacket.",
            "Texts advertising a 'fresh drop' came from {mobile} to a number of known "
            "users in {town}.",
            "{A.first}'s mum says {A.he} gets calls at all hours on {A.mobile} and goes "
            "straight out.",
            "{B.first} has been seen collecting cash from users at the bus station in {town2}.",
            "A rival group from {town3} is said to have 'taxed' {A.first} last month, and "
            "there are rumours of a revenge attack.",
            "Runners are given train tickets to {town2} and told to switch their phones "
            "off on the way.",
            "{C} (about 15) was found by the BTP at {town} station with wraps hidden in "
            "{C.his} sock.",
        ],
    },
    "cuckooing": {
        "ages": {"A": (30, 70), "B": (18, 35), "C": (25, 60)},
        "male": {"A": 0.6, "B": 0.85},
        "open": [
            "{A}, a vulnerable adult with learning difficulties, lives alone at {addr}, "
            "{town}, {pc}. Since about {date} {A.his} flat has been taken over by two or "
            "three males who are not local.",
            "Housing officer reports possible cuckooing at {addr} ({pc}). The tenant is "
            "{A}, DOB {A.dob}, who has mental health needs and a history of heroin use.",
            "Anonymous call from a resident of the block on {street}: the downstairs flat, "
            "{addr}, has had people in and out all night for about three weeks and the "
            "tenant, {A}, hasn't been seen.",
            "Possible cuckooing - {A} ({A.age}) at {addr}, {pc}. Support worker noticed "
            "new locks on the bedroom door and strangers answering the door.",
        ],
        "body": [
            "{A.first} told the support worker that {B.first} 'looks after' {A.him} and "
            "that {A.he} owes them money.",
            "The males are using {A.title}'s bank card; {A.his} benefits go into account "
            "{acct} (sort code {sort}) and are withdrawn within hours of being paid.",
            "One of the males is named as {B}, who drives a {car} registration {veh}.",
            "{A.His} GP surgery has been trying to contact {A.him} on {A.phone} without "
            "success. NHS number {A.nhs} for reference.",
            "A neighbour at {addr2} says the door is propped open and there are needles on "
            "the stairwell.",
            "{A.His} social worker is {C} and can be reached on {C.phone} or {C.staffemail}.",
            "A welfare check was done by {pcno} on {date2}; {A.first} said {A.he} was fine "
            "but appeared frightened.",
            "The electricity meter has been run down and {A.first} is sleeping on the sofa "
            "because {A.his} bedroom is being used.",
            "{B.first} was seen carrying {A.his} TV out of the flat and into the boot of a {car2}.",
            "The landlord ({org}) is considering a closure order but wants to safeguard "
            "{A.first} first.",
            "{A.first}'s {D.sibling} {D} ({D.mobile}) says {A.he} has stopped answering "
            "and {A.his} phone may have been taken.",
            "There is a smell of cannabis in the communal hallway and visitors buzz the "
            "flat until 3am.",
        ],
    },
    "asb": {
        "ages": {"A": (25, 80), "B": (14, 19), "C": (14, 19)},
        "male": {"B": 0.8, "C": 0.6},
        "open": [
            "Ongoing ASB on {street} in {town}. A group of 6-10 youths gather outside the "
            "{shop} most evenings from about {time}, throwing eggs at cars and kicking "
            "doors.",
            "Complaint from {A} of {addr}, {town} {pc} (tel {A.phone}) about noise and "
            "abuse from the neighbouring property, {addr2}.",
            "Tenancy officer reports repeated ASB linked to {B}, aged {B.age}, who lives "
            "with {B.his} mother at {addr}.",
            "Residents' meeting at the community centre raised off-road bikes being ridden "
            "on the rec behind {street} and in the alleyways near {addr}.",
        ],
        "body": [
            "Named ringleader is {B}, who lives on {street2} (number not known).",
            "Residents have filmed the group; one clip posted on TikTok by {B.handle} "
            "shows them setting fire to a wheelie bin.",
            "A {car} ({veh}) has been doing doughnuts in the car park after 11pm; "
            "registered keeper not yet checked.",
            "{A.title} has kept a diary since {date} and has called 101 several times ({ref}).",
            "Mediation was offered through {org} but {B.first}'s family declined.",
            "CCTV from {addr3} covers the front of the shop and may be available for a week.",
            "A Community Protection Warning was served on {date2} and a second one is "
            "being considered.",
            "{A.first} can be emailed at {A.email}; {A.he} prefers not to be called in the "
            "day because of shift work.",
            "{C} and {B.first} were seen kicking the door of the flat at {addr4} on "
            "{date3} at about {time2}.",
            "The {shop} manager says staff have been threatened and one was spat at.",
            "The group moves on when the PCSO arrives and comes back as soon as they leave.",
            "{A.title}'s {car2} was scratched along the side with a key the following night.",
            "Litter, nitrous oxide canisters and broken bottles are left on the grass "
            "every morning.",
        ],
    },
    "hate": {
        "ages": {"A": (20, 75), "B": (25, 60), "C": (14, 25), "D": (20, 70)},
        "male": {"B": 0.85},
        "open": [
            "Hate incident: {A}, who runs the shop at {addr}, {town}, was called a "
            "'terrorist' and told to 'go back home' by a man in his 40s on {date} at about "
            "{time}.",
            "{A}, a wheelchair user living at {addr} ({pc}), says local teenagers have "
            "been filming {A.him} and posting the videos with abusive captions.",
            "Report from a housing association: a rainbow flag was torn down and 'no gays "
            "here' written on the door of {addr}, home of {A} and {A.his} partner {D}.",
            "A Polish family at {addr}, {town} {pc} have had their windows smashed twice "
            "in a month. One of the parents, {A}, thinks it is because they speak Polish "
            "in the street.",
        ],
        "body": [
            "The suspect is described as white, heavy build, shaved head, and is believed "
            "to be {B}, who drinks in the pub on {street}.",
            "One of the videos was posted by {C.handle} and has over 2,000 views.",
            "The victim can be contacted on {A.phone}; {A.he} asked that we don't visit in "
            "uniform.",
            "This is the third incident at the address since {date2} ({ref}). Strands: "
            "race and religion.",
            "{A.title} has stopped going to the mosque on {street2} in the evenings "
            "because {A.he} feels unsafe.",
            "Witness {E} ({E.phone}) saw the man get into a {car}, registration {veh}.",
            "Graffiti with a swastika has also appeared on the bus shelter opposite and "
            "has been reported to the council.",
            "{A.first}'s children have been called names on the walk to {school}.",
            "A neighbour, {E.title}, says {B.title} has been shouting abuse at other families too.",
            "The family have been referred to {org} for support and a target-hardening visit.",
            "Messages were also sent to {A.his} business email {A.email} from {email}.",
        ],
    },
    "exploitation": {
        "ages": {"A": (13, 17), "B": (19, 40), "C": (25, 55)},
        "male": {"A": 0.45, "B": 0.85},
        "open": [
            "Concern for {A} ({A.age}), a looked-after child at a children's home in "
            "{town}. {A.He} has been picked up by older males in a {car} {veh} on at least "
            "four occasions since {date}.",
            "Possible labour exploitation at a hand car wash on {street}, {town}. Workers "
            "appear to live on site; one, {C}, said {C.his} passport is held by the boss, "
            "{B}.",
            "Information from a nail bar worker: several young women are being brought in "
            "daily from {addr}, {pc}, and do not appear to be paid.",
            "Child exploitation concern: {A}, DOB {A.dob}, is being given lifts, vapes and "
            "cannabis by {B}, who is {B.age}.",
        ],
        "body": [
            "The driver is known to {A.first} as '{B.nick}' and contacts {A.him} on "
            "Snapchat ({B.handle}).",
            "{A.first}'s phone number is {A.mobile}; the home have noticed {A.he} has a "
            "second phone {A.he} won't explain.",
            "Wages are paid into a single account controlled by {B.title}: sort code "
            "{sort}, account number {acct}.",
            "Messages were sent from {B.email} arranging 'jobs'; the IP address in the "
            "email header is {ip}.",
            "{C.first}'s NI number is {C.ni} but {C.he} says {C.he} has never seen a payslip.",
            "A return home interview on {date2} was done by {org}; {A.first} disclosed "
            "being given alcohol.",
            "There is an NRM referral for {C.first} ({ref}).",
            "{B.first} has been seen outside {school} at home time in a {car2} {veh2}.",
            "The workers sleep in a caravan behind {addr2} and are driven to the site at 6am.",
            "Staff at the home have screenshots of messages from {B.mobile} telling "
            "{A.first} to 'come to the flat'.",
            "{A.first} has been found twice at {addr3} in {town2}, which is linked to {B.first}.",
            "The manager at the home is {D} and can be reached on {D.phone}.",
        ],
    },
    "domestic_abuse": {
        "ages": {"A": (19, 55), "B": (20, 60), "C": (40, 75)},
        "male": {"A": 0.15, "B": 0.85, "C": 0.2},
        "open": [
            "Health visitor concern: {A}, DOB {A.dob}, NHS no. {A.nhs}, attended with "
            "bruising to {A.his} arms and said {A.he} 'fell'. {A.His} partner {B} did all "
            "the talking.",
            "{A} lives at {addr}, {town} {pc} with {A.his} two children. {A.He} told a "
            "family support worker that {A.his} ex-partner {B} has been turning up at the "
            "house despite a non-molestation order.",
            "MARAC information: victim {A} (DOB {A.dob}), perpetrator {B} (DOB {B.dob}), "
            "{addr}, {town}. Risk assessed as high on the DASH.",
            "Neighbour reports shouting and banging from {addr} ({pc}) most weekends and "
            "saw {A} with a black eye on {date}.",
        ],
        "body": [
            "{B.first} drives a {car}, registration {veh}, and has been seen parked "
            "outside the school gates.",
            "{B.title} has been sending up to 50 messages a day from {B.phone} and from a "
            "new Instagram account, {B.handle}.",
            "Safe contact number for {A.first} is {A.mobile} - do not leave voicemails.",
            "{A.He} has been referred to {org} and has a safety plan in place.",
            "{B.first} controls the money: {A.his} wages go into an account in {B.his} "
            "name (sort code {sort}, acc no {acct}).",
            "Previous incidents on {date2} and {date3} ({ref}).",
            "{A.His} email is {A.email} but {B.first} knows the password, so please do not use it.",
            "{A.first}'s {C.mother}, {C}, lives at {addr2} and is willing to have the children.",
            "{B.first} has a new partner in {town2} and there are concerns for them too.",
            "The children's school ({school}) have noticed the eldest is withdrawn and tired.",
            "{B.His} NHS number is {B.nhs} (from the GP letter); {B.he} has missed {B.his} "
            "alcohol service appointments.",
            "{B.first} has tracked {A.first}'s location using the family iPad; the account "
            "login came from {ip}.",
        ],
    },
    "scams": {
        "ages": {"A": (68, 92), "B": (25, 55), "C": (35, 60), "D": (60, 90)},
        "male": {},
        "open": [
            "Trading Standards passed on: {A}, aged {A.age}, of {addr}, {town}, was "
            "cold-called by someone claiming to be from {A.his} bank and persuaded to move "
            "{bigmoney} into a 'safe account'.",
            "Courier fraud attempt in {town}: {A}, {A.age}, received a call on {A.phone} "
            "from a man saying he was a police officer and that {A.his} card had been "
            "cloned.",
            "Romance scam: {A} met '{B}' on a dating site in the spring. Over four months "
            "{A.he} sent {bigmoney} to accounts {B.first} gave {A.him}.",
            "Doorstep crime on {street}, {town}: two men told {A} of {addr} ({pc}) that "
            "{A.his} roof was unsafe and charged {bigmoney} for work that was never done.",
        ],
        "body": [
            "The money went to sort code {sort}, account {acct}, in the name of {C}.",
            "The caller used {phone}; the number is now switched off.",
            "Emails came from {B.email}; the login alerts on {A.his} account show access "
            "from {ip} and {ipsix}.",
            "{A.His} {C.child} {C} ({C.phone}) has power of attorney and has asked the "
            "bank to freeze the account.",
            "A second victim on {street2} had the same call the same day; {D.first} didn't "
            "give any details.",
            "It has been reported to Action Fraud and the bank's fraud team are involved ({ref}).",
            "The scammer asked for {A.his} National Insurance number and {A.he} gave it ({A.ni}).",
            "The men were in a {car}, registration {veh}, with a ladder on the roof.",
            "{A.first} has been added to a 'suckers list' and now gets several scam calls a day.",
            "{A.first} was told to buy gift cards at the {shop} and read the numbers out "
            "over the phone.",
            "A courier was due to collect {A.his} bank card from {addr2} at {time}; nobody "
            "came after {A.he} called {A.his} family.",
            "The dating profile used photos of a soldier; {B.first} asked {A.first} to "
            "move to WhatsApp on {mobile}.",
        ],
    },
    "knife_crime": {
        "ages": {"A": (14, 22), "B": (15, 25), "C": (35, 55), "D": (30, 55)},
        "male": {"A": 0.85, "B": 0.85, "C": 0.2},
        "open": [
            "Reports that {A} ({A.age}) has been carrying a large knife in {A.his} "
            "waistband at {school} and showing it to younger pupils.",
            "Following the stabbing in {town} on {date}, community tension is high. Names "
            "circulating on social media are {A} and {B}.",
            "Staff at the {shop} on {street} report a male who regularly comes in with a "
            "machete visible. Believed to be {A}, DOB {A.dob}, of {addr}.",
            "Knife found in a hedge outside {addr} ({pc}) on {date}; residents believe it "
            "belongs to {A}, who lives nearby.",
        ],
        "body": [
            "Drill videos posted by {A.handle} reference '{B.nick}' and threaten anyone "
            "from {town2}.",
            "{A.first} has been seen getting into a {car} {veh} driven by an older male.",
            "A zombie knife was found in the bushes outside {addr2} on {date2} and handed "
            "to {pcno}.",
            "{A.His} {C.parent}, {C}, is worried and has asked for help and can be reached "
            "on {C.phone}.",
            "{B.first} is linked to a group who hang around the underpass near {street2}.",
            "The school DSL is {D} ({D.staffemail}).",
            "There is talk of a fight being arranged for the weekend in the park off {street3}.",
            "{A.first} was excluded from {school} in September and now attends alternative "
            "provision.",
            "Word is that {B.title} bought the knife online and had it delivered to {addr3}.",
            "Two younger boys say they were robbed at knifepoint for their phones near the "
            "{shop} on {date3} at {time}.",
            "{A.first} told a youth worker that {A.he} carries 'for protection' since "
            "{B.first}'s group threatened {A.him}.",
        ],
    },
    "vulnerability": {
        "ages": {"A": (70, 94), "B": (40, 65), "C": (30, 70)},
        "male": {},
        "open": [
            "Welfare concern for {A}, {A.age}, who lives alone at {addr}, {town}, {pc}. "
            "{A.He} has dementia and has been found wandering near the canal at night.",
            "Hoarding and self-neglect: {A} (DOB {A.dob}, NHS {A.nhs}) at {addr}. The fire "
            "service did a safe and well visit on {date} and found the stairs blocked.",
            "Community mental health team concern about {A}, who has told staff {A.he} is "
            "being 'watched through the router' and has stopped taking medication.",
            "Postal worker noticed a build-up of post at {addr} ({pc}) and says the "
            "occupant, {A}, hasn't been seen for a week.",
        ],
        "body": [
            "Next of kin is {A.his} {B.child} {B}, on {B.phone}.",
            "{A.first} is known to the memory clinic at {hospital}.",
            "A neighbour, {C}, has been collecting {A.his} pension and may be taking money.",
            "Carers from {org} visit twice a day; the agency email is {email}.",
            "{A.title} gave {A.his} bank details (sort code {sort}, account {acct}) to a "
            "man at the door who said he would fix the roof.",
            "{A.first} was found in {A.his} nightclothes outside the {shop} on {date2} at {time}.",
            "{A.His} GP is at the health centre on {street2}; NHS number {A.nhs}.",
            "The house is cold, the heating has been off for weeks and there is little "
            "food in the fridge.",
            "{A.first}'s {C.child} {C.first} lives in {town2} and visits on Sundays; "
            "{C.his} number is {C.mobile}.",
            "A referral has gone to {org} for a care needs assessment.",
            "{A.first} has had several falls and has a pendant alarm but won't wear it.",
        ],
    },
    "community": {
        "ages": {"A": (25, 70), "B": (18, 40), "C": (30, 60)},
        "male": {"B": 0.8},
        "open": [
            "Community tension in {town} after posts on a local Facebook group claimed "
            "asylum seekers at the hotel on {street} were involved in an assault.",
            "Prevent concern: {B} ({B.age}) has been sharing extreme right-wing material "
            "online using the name {B.handle} and talking about 'doing something'.",
            "Information from a councillor: residents of {street} in {town} are planning a "
            "protest outside {addr} on Saturday.",
            "Street drinking and begging outside the station in {town}; {A} (known locally "
            "as '{A.nick}') has been sleeping in the doorway of {addr}.",
        ],
        "body": [
            "The posts were shared by {C}, who runs the group, and by {B.handle}.",
            "{B.first} lives with {B.his} parents at {addr2}, {pc2}, and spends most "
            "nights online.",
            "{B.first}'s phone number is {B.mobile}; the account logs in from {ip}.",
            "Organiser is named as {C}, contact {C.email}.",
            "{E.cllr} has asked for extra patrols on the evening of the protest.",
            "The hotel manager says staff have been threatened and one resident was "
            "followed to the {shop}.",
            "{A.first} has been offered a place at {org} but keeps returning to {town}.",
            "The outreach team know {A.title} and say {A.he} has an alcohol problem and a "
            "bad chest.",
            "A GoFundMe page linked to the protest lists a bank account: sort code {sort}, "
            "account {acct}.",
            "Leaflets have been posted through doors on {street2} and {street3} with a QR "
            "code to a Telegram channel.",
        ],
    },
}

SHARED_BODY = [
    "The reporting person does not want to be identified as the source.",
    "This has been going on for some months and is getting worse.",
    "No weapons seen, but people are scared to go out after dark.",
    "I have not spoken to police directly about this yet.",
    "Information came second hand from a parent at the school gate.",
    "Happy to be contacted for more detail.",
    "Previous report submitted on {date} ({ref}).",
    "A friend of the family, {S2}, confirmed this and can be contacted on {S2.phone}.",
    "The local PCSO is aware and has added the address to patrols.",
    "Please treat as sensitive; the source lives on the same street.",
    "Photos of the vehicle and the people are held on the partner case file.",
]

CLOSINGS = [
    "Submitted by {S}, {role}, {org} ({S.staffemail}).",
    "Reported by {S} ({role}) - contact {S.phone} or {S.staffemail}.",
    "{S}, {role}, {org}. Tel {S.phone}.",
    "Source: {role} at {org}. No immediate risk identified.",
    "Please share with the {district} JAG.",
    "For the {district} CSP tasking meeting.",
    "Information shared under the partnership's information sharing agreement.",
    "Contact me on {S.staffemail} if you need more.",
    "Many thanks, {S.first} ({role})",
    "",
]


def build_template_text(rng: random.Random, fake: Faker, theme: str) -> tuple[str, list[dict]]:
    spec = THEMES[theme]
    cast = Cast(rng, fake, spec["ages"], spec["male"])
    target = int(rng.triangular(340, 1450, 820))
    parts = [render(rng.choice(spec["open"]), cast)]
    body = list(spec["body"])
    rng.shuffle(body)
    shared = list(SHARED_BODY)
    rng.shuffle(shared)
    closing = render(rng.choice(CLOSINGS), cast)
    tail = [closing] if closing else []

    def plain_len(items: list[str]) -> int:
        return len(parse(" ".join(items))[0])

    while body or shared:
        pool = shared if (shared and (not body or rng.random() < 0.15)) else body
        candidate = render(pool.pop(), cast)
        if plain_len(parts + [candidate] + tail) > 1500:
            continue
        parts.append(candidate)
        if plain_len(parts + tail) >= target:
            break
    parts += tail
    # Join as one paragraph or a few.
    out = parts[0]
    for part in parts[1:]:
        out += rng.choices(["\n\n", "\n", " "], weights=[2, 1, 7])[0] + part
    text, spans = parse(out)
    if rng.random() < 0.06 and len(text.lower()) == len(text):
        # an informal, all lower-case note (spans keep their offsets)
        text = text.lower()
        spans = [dict(s, text=text[s["start"] : s["end"]]) for s in spans]
    return text, spans


def unwrap(marked: str) -> str:
    """Join a hard-wrapped hand-written case into one paragraph; a line ending in ¶ keeps its
    break."""
    return marked.strip().replace("¶\n", "\x00").replace("\n", " ").replace("\x00", "\n")


def check(record: dict) -> None:
    text = record["text"]
    prev_end = -1
    for s in record["spans"]:
        assert s["type"] in TYPES, s
        assert text[s["start"] : s["end"]] == s["text"], s
        assert s["start"] >= prev_end, (record["id"], s)
        assert s["text"] == s["text"].strip() and s["text"], (record["id"], s)
        prev_end = s["end"]
        if s["type"] == "NHS_NUMBER":
            assert is_valid_nhs(s["text"]), (record["id"], s)


def build(seed: int = SEED, n_template: int = N_TEMPLATE, hard: bool = True) -> list[dict]:
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    records = []
    themes = list(THEMES)
    for i in range(n_template):
        theme = themes[i % len(themes)]
        text, spans = build_template_text(rng, fake, theme)
        records.append(
            {
                "id": f"t{i + 1:04d}",
                "kind": "template",
                "theme": theme,
                "text": text,
                "spans": spans,
            }
        )
    for i, (theme, marked) in enumerate(HARD_CASES if hard else []):
        text, spans = parse(unwrap(marked))
        records.append(
            {"id": f"h{i + 1:03d}", "kind": "hard", "theme": theme, "text": text, "spans": spans}
        )
    for r in records:
        r["spans"].sort(key=lambda s: (s["start"], s["end"]))
        check(r)
        # key order as documented
        r_sorted = {
            "id": r["id"],
            "kind": r["kind"],
            "theme": r["theme"],
            "text": r["text"],
            "spans": [
                {"start": s["start"], "end": s["end"], "type": s["type"], "text": s["text"]}
                for s in r["spans"]
            ],
        }
        r.clear()
        r.update(r_sorted)
    return records


def write(records: list[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help="another seed gives a fresh, held-out set of template texts "
        "(the committed corpus uses the default)",
    )
    parser.add_argument(
        "--templates", type=int, default=N_TEMPLATE, help="number of template texts"
    )
    parser.add_argument("--no-hard", action="store_true", help="leave out the hand-written cases")
    args = parser.parse_args(argv)
    records = build(args.seed, args.templates, not args.no_hard)
    write(records, args.out)
    n_spans = sum(len(r["spans"]) for r in records)
    lengths = [len(r["text"]) for r in records]
    print(
        f"wrote {len(records)} texts ({sum(r['kind'] == 'hard' for r in records)} hard), "
        f"{n_spans} spans, mean length {sum(lengths) / len(lengths):.0f} chars -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
