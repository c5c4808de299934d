"""What the demo is made of: partner organisations, people, places and the texts of the
synthetic intelligence. Plain Python (no Django), driven by one `random.Random`, so the same
seed always writes the same demo.

Every name, registration, phone number and handle is invented. Phone numbers are in Ofcom's
ranges reserved for drama (07700 900xxx, 0116 496 0xxx). Places are real towns with generic
street names; postcodes come from the postcode table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# ---- Organisations and people -------------------------------------------------------------

# (name, type, district code it serves or None for the whole area)
ORGANISATIONS: list[tuple[str, str, str | None]] = [
    ("Leicestershire Police", "police", None),
    ("Leicestershire County Council", "council", None),
    ("Leicester City Council", "council", "E06000016"),
    ("Rutland County Council", "council", "E06000017"),
    ("Blaby District Council", "council", "E07000129"),
    ("Charnwood Borough Council", "council", "E07000130"),
    ("Harborough District Council", "council", "E07000131"),
    ("Hinckley and Bosworth Borough Council", "council", "E07000132"),
    ("Melton Borough Council", "council", "E07000133"),
    ("North West Leicestershire District Council", "council", "E07000134"),
    ("Oadby and Wigston Borough Council", "council", "E07000135"),
    ("Leicestershire Fire and Rescue Service", "fire", None),
    ("Leicestershire Partnership NHS Trust", "health", None),
    ("Probation Service (East Midlands)", "probation", None),
    ("Leicestershire schools", "education", None),
    ("emh housing", "housing", None),
    ("Voluntary Action LeicesterShire", "voluntary", None),
]

DEMO_PASSWORD = "demo-password-2026!"  # noqa: S105 - published demo-only password


@dataclass(frozen=True)
class DemoPerson:
    username: str
    full_name: str
    email: str
    organisation: str
    job_title: str
    roles: tuple[str, ...]
    forum_districts: tuple[str, ...] = ()  # district codes
    analyst_districts: tuple[str, ...] = ()  # district codes an analyst covers (none: all)


# The seven documented demo accounts (docs/demo.md).
DEMO_ACCOUNTS: list[DemoPerson] = [
    DemoPerson(
        "demo-submitter",
        "Sarah Whitmore",
        "sarah.whitmore@example.org",
        "Charnwood Borough Council",
        "Community Safety Officer",
        ("submitter",),
    ),
    DemoPerson(
        "demo-analyst",
        "Daniel Okafor",
        "daniel.okafor@example.org",
        "Leicestershire Police",
        "Partnership Intelligence Officer",
        ("analyst",),
    ),
    DemoPerson(
        "demo-forum",
        "Priya Mistry",
        "priya.mistry@example.org",
        "Melton Borough Council",
        "Community Safety Partnership Coordinator",
        ("forum_member",),
        ("E07000130", "E07000133"),
    ),
    DemoPerson(
        "demo-cases",
        "Aisha Rahman",
        "aisha.rahman@example.org",
        "Charnwood Borough Council",
        "ASB Case Officer",
        ("case_officer",),
    ),
    DemoPerson(
        "demo-perf",
        "Gareth Holloway",
        "gareth.holloway@example.org",
        "Leicestershire County Council",
        "Senior Performance Analyst",
        ("performance_analyst",),
    ),
    DemoPerson(
        "demo-board",
        "Helen Armitage",
        "helen.armitage@example.org",
        "Leicestershire County Council",
        "Director of Community Safety",
        ("board_member",),
    ),
    DemoPerson(
        "demo-admin",
        "Tom Bradshaw",
        "tom.bradshaw@example.org",
        "Leicestershire County Council",
        "CSP Hub System Administrator",
        ("administrator",),
    ),
]


def _partner(
    full_name: str, organisation: str, job_title: str, roles=("submitter",), analyst_districts=()
) -> DemoPerson:
    email = full_name.lower().replace(" ", ".").replace("'", "") + "@example.org"
    return DemoPerson(
        email,
        full_name,
        email,
        organisation,
        job_title,
        tuple(roles),
        analyst_districts=tuple(analyst_districts),
    )


# Further partner staff, so submissions come from many partners (not documented as logins).
PARTNER_STAFF: list[DemoPerson] = [
    _partner(
        "Rachel Kaur",
        "Leicester City Council",
        "Community Safety Analyst",
        ("analyst",),
        analyst_districts=("E06000016",),
    ),
    _partner("Imran Patel", "Leicester City Council", "Anti-social Behaviour Officer"),
    _partner("Karen Lowe", "Blaby District Council", "Community Safety Officer"),
    _partner("Mark Ellis", "Harborough District Council", "Community Safety Officer"),
    _partner(
        "Joanne Fletcher", "Hinckley and Bosworth Borough Council", "Anti-social Behaviour Officer"
    ),
    _partner("Craig Dunmore", "Melton Borough Council", "Environmental Health Officer"),
    _partner(
        "Laura Simmons", "North West Leicestershire District Council", "Community Safety Officer"
    ),
    _partner("Amrit Sandhu", "Oadby and Wigston Borough Council", "Community Safety Officer"),
    _partner("Fiona Grant", "Rutland County Council", "Community Safety Officer"),
    _partner("Michael Chen", "Charnwood Borough Council", "Neighbourhood Warden"),
    _partner("Nadia Hussain", "Leicestershire County Council", "Early Help Practitioner"),
    _partner(
        "Steve Marriott", "Leicestershire Fire and Rescue Service", "Community Safety Advocate"
    ),
    _partner(
        "Aisha Begum", "Leicestershire Partnership NHS Trust", "Community Mental Health Nurse"
    ),
    _partner("Lee Coulson", "Probation Service (East Midlands)", "Probation Officer"),
    _partner("Emma Thornton", "Leicestershire schools", "Designated Safeguarding Lead"),
    _partner("Paul Ridgway", "emh housing", "Tenancy Sustainment Officer"),
    _partner("Hannah Osei", "Voluntary Action LeicesterShire", "Community Development Worker"),
]

# Local services beside the leaflet's partnership-wide ones, so signposting shows local help
# first. Invented: the numbers are Ofcom's drama range (01632 960xxx).
LOCAL_SERVICES: list[dict] = [
    {
        "oruk_id": "demo-charnwood-community-safety",
        "organisation": "Charnwood Borough Council",
        "name": "Community Safety Team (demo)",
        "districts": ["E07000130"],
        "description": (
            "Anti-social behaviour, cuckooing and community tension in Charnwood: casework, "
            "closure orders and the Charnwood JAG."
        ),
        "themes": ["anti-social-behaviour", "county-lines", "community-cohesion"],
        "phone": "01632 960001",
        "email": "community.safety@charnwood.example.org",
    },
    {
        "oruk_id": "demo-melton-community-safety",
        "organisation": "Melton Borough Council",
        "name": "Community Safety and ASB (demo)",
        "districts": ["E07000133"],
        "description": (
            "Reports of anti-social behaviour and hate incidents in Melton, and support for "
            "victims."
        ),
        "themes": ["anti-social-behaviour", "hate-crime"],
        "phone": "01632 960002",
        "email": "asb@melton.example.org",
    },
    {
        "oruk_id": "demo-nwl-young-people",
        "organisation": "North West Leicestershire District Council",
        "name": "Young people at risk outreach (demo)",
        "districts": ["E07000134"],
        "description": (
            "Detached youth work in Coalville and Ashby for young people at risk of criminal "
            "exploitation and county lines."
        ),
        "themes": ["county-lines", "exploitation-modern-slavery", "vulnerability"],
        "phone": "01632 960003",
        "email": "youth.outreach@nwleics.example.org",
    },
]

# ---- Districts and places ----------------------------------------------------------------

# Census 2021 usual residents, rounded to hundreds (ONS; docs/domain.md, "The partnership and
# its areas", for the county and for Leicester and Rutland), used to weight where the demo's
# reports come from.
DISTRICT_WEIGHTS: dict[str, int] = {
    "E07000129": 102_900,  # Blaby
    "E07000130": 183_900,  # Charnwood
    "E07000131": 97_600,  # Harborough
    "E07000132": 113_700,  # Hinckley and Bosworth
    "E07000133": 51_800,  # Melton
    "E07000134": 104_700,  # North West Leicestershire
    "E07000135": 57_800,  # Oadby and Wigston
    "E06000016": 368_600,  # Leicester
    "E06000017": 41_000,  # Rutland
}

# District -> (main town, {outward code: towns and areas}): names the place of a postcode.
TOWNS: dict[str, tuple[str, dict[str, list[str]]]] = {
    "E07000129": (
        "Blaby",
        {
            "LE19": ["Enderby", "Narborough"],
            "LE9": ["Stoney Stanton", "Sapcote", "Huncote"],
            "LE8": ["Blaby", "Whetstone", "Countesthorpe"],
            "LE3": ["Braunstone Town", "Glenfield", "Kirby Muxloe"],
            "LE2": ["Glen Parva"],
        },
    ),
    "E07000130": (
        "Loughborough",
        {
            "LE11": ["Loughborough"],
            "LE12": ["Shepshed", "Quorn", "Sileby", "Mountsorrel", "Barrow upon Soar"],
            "LE7": ["Syston", "Anstey", "Rothley"],
            "LE4": ["Birstall", "Thurmaston"],
        },
    ),
    "E07000131": (
        "Market Harborough",
        {
            "LE16": ["Market Harborough"],
            "LE17": ["Lutterworth"],
            "LE8": ["Kibworth", "Fleckney"],
            "LE9": ["Broughton Astley"],
            "LE7": ["Billesdon"],
        },
    ),
    "E07000132": (
        "Hinckley",
        {
            "LE10": ["Hinckley", "Burbage"],
            "LE9": ["Earl Shilton", "Barwell", "Desford"],
            "CV13": ["Market Bosworth", "Stoke Golding"],
            "LE6": ["Ratby", "Groby"],
            "LE67": ["Markfield"],
        },
    ),
    "E07000133": (
        "Melton Mowbray",
        {
            "LE13": ["Melton Mowbray"],
            "LE14": ["Asfordby", "Long Clawson", "Waltham on the Wolds"],
            "NG13": ["Bottesford"],
        },
    ),
    "E07000134": (
        "Coalville",
        {
            "LE67": ["Coalville", "Whitwick", "Ibstock"],
            "LE65": ["Ashby-de-la-Zouch"],
            "DE74": ["Castle Donington", "Kegworth"],
            "DE12": ["Measham"],
        },
    ),
    "E07000135": ("Oadby", {"LE18": ["Wigston", "South Wigston"], "LE2": ["Oadby"]}),
    "E06000016": (
        "Leicester",
        {
            "LE1": ["Leicester city centre"],
            "LE2": ["Highfields", "Clarendon Park", "Saffron", "Eyres Monsell"],
            "LE3": ["Braunstone", "New Parks", "Westcotes"],
            "LE4": ["Belgrave", "Beaumont Leys", "Rushey Mead"],
            "LE5": ["Evington", "Humberstone", "Thurnby Lodge"],
        },
    ),
    "E06000017": (
        "Oakham",
        {"LE15": ["Oakham", "Uppingham", "Cottesmore"], "PE9": ["Ketton", "Empingham"]},
    ),
}

STREETS = [
    "High Street",
    "Church Street",
    "Station Road",
    "Park Road",
    "Victoria Street",
    "Mill Lane",
    "Queen Street",
    "King Street",
    "Meadow Close",
    "Orchard Way",
    "Albert Street",
    "Chapel Street",
    "Forest Road",
    "Cedar Avenue",
    "Windsor Crescent",
    "Hazel Drive",
    "Beech Grove",
    "Elm Tree Road",
    "Brook Street",
    "Coronation Avenue",
    "Springfield Road",
    "The Green",
    "Market Street",
    "New Street",
    "Willow Close",
    "Manor Road",
    "Granby Street",
    "Ashfield Road",
    "Nelson Street",
    "Richmond Drive",
]
SHOPS = ["Co-op", "Tesco Express", "One Stop", "Spar", "Londis", "Premier convenience store"]
TAKEAWAYS = ["chicken shop", "kebab shop", "chip shop", "pizza takeaway"]
HANGOUTS = [
    "the parade of shops on {street}",
    "the play park off {street}",
    "the recreation ground on {street}",
    "the bus shelter on {street}",
    "the car park behind the {shop} on {street}",
    "the skate park",
    "the underpass near the bus station",
    "the alleyway between {street} and {street2}",
    "the leisure centre car park",
    "the churchyard on {street}",
    "the canal towpath near the {street} bridge",
    "the benches outside the library",
    "the precinct on {street}",
]

FIRST_NAMES_M = [
    "Jordan",
    "Kyle",
    "Tyler",
    "Reece",
    "Connor",
    "Bradley",
    "Callum",
    "Dean",
    "Kieran",
    "Liam",
    "Marcus",
    "Jamal",
    "Arjun",
    "Kamil",
    "Tomasz",
    "Dylan",
    "Ethan",
    "Harvey",
    "Mason",
    "Leon",
    "Rhys",
    "Owen",
    "Zain",
    "Bilal",
    "Darius",
    "Nathan",
    "Shane",
    "Gary",
    "Wayne",
    "Darren",
]
FIRST_NAMES_F = [
    "Chelsea",
    "Jade",
    "Kayleigh",
    "Megan",
    "Amber",
    "Leanne",
    "Sophie",
    "Chloe",
    "Nicole",
    "Shannon",
    "Precious",
    "Aaliyah",
    "Zara",
    "Simran",
    "Maria",
    "Gemma",
    "Tracey",
    "Donna",
    "Stacey",
    "Paige",
]
SURNAMES = [
    "Price",
    "Mottram",
    "Booth",
    "Hallam",
    "Whitby",
    "Sutton",
    "Rowe",
    "Foster",
    "Walsh",
    "Dorsey",
    "Grant",
    "Edwards",
    "Solanki",
    "Nowak",
    "Brennan",
    "Hartley",
    "Pickering",
    "Bates",
    "Clarke",
    "Dalby",
    "Kendrick",
    "Moran",
    "Oakley",
    "Pryce",
    "Shaw",
    "Thorpe",
    "Ward",
    "Yates",
    "Beckett",
    "Chauhan",
    "Mensah",
    "Lisowski",
    "Flanagan",
    "Mistry",
    "Gallagher",
    "Hussain",
    "Kerr",
]
NICKNAMES = [
    "'Smurf'",
    "'K-Dot'",
    "'Tiny'",
    "'Bugsy'",
    "'Ghost'",
    "'Skinny'",
    "'Blade'",
    "'Rocco'",
    "'Sniper'",
    "'Junior'",
    "'Benz'",
    "'Biggie'",
]
CARS = [
    ("Ford", "Fiesta"),
    ("Vauxhall", "Corsa"),
    ("Volkswagen", "Golf"),
    ("BMW", "3 Series"),
    ("Audi", "A3"),
    ("Mercedes-Benz", "C-Class"),
    ("Toyota", "Prius"),
    ("Nissan", "Qashqai"),
    ("Peugeot", "208"),
    ("Seat", "Leon"),
    ("Land Rover", "Range Rover Evoque"),
    ("Kia", "Sportage"),
    ("Honda", "Civic"),
    ("Mercedes-Benz", "A-Class"),
    ("Skoda", "Octavia"),
]
VANS = [
    ("Ford", "Transit"),
    ("Mercedes-Benz", "Sprinter"),
    ("Vauxhall", "Vivaro"),
    ("Citroen", "Berlingo"),
]
COLOURS = ["black", "white", "silver", "grey", "dark blue", "red", "dark green"]
MEMORY_TAGS = [
    "FD",
    "FE",
    "FG",
    "FH",
    "FJ",
    "FK",
    "FL",
    "FN",
    "FP",
    "FV",
    "AK",
    "BN",
    "YR",
    "LR",
    "KX",
    "RV",
]
AGE_IDS = [
    "15",
    "16",
    "17",
    "18",
    "19",
    "20",
    "21",
    "22",
    "23",
    "65",
    "66",
    "67",
    "68",
    "69",
    "70",
    "71",
    "72",
]
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"  # no I or Q in the random letters
HANDLE_STEMS = [
    "munchbox",
    "bigman.tj",
    "ezy_money",
    "lboro_plug",
    "trapstar",
    "wavey",
    "drippy",
    "snowman",
    "deliveries",
    "graftgang",
    "real.kd",
    "mandem",
    "nightshift",
    "sav.ages",
]


@dataclass
class Draft:
    """One planned submission's content (the fields of SubmissionInput, with names)."""

    themes: list[str]
    information: str
    how_known: str
    place_description: str = ""
    when_description: str = ""
    people: list[dict] = field(default_factory=list)
    vehicles: list[dict] = field(default_factory=list)
    identifiers: list[dict] = field(default_factory=list)
    submitter_types: tuple[str, ...] = ()  # organisation types that typically send this
    question: tuple[str, str] | None = None  # an analyst's question and the originator's answer


class Gen:
    """Draws names, places, vehicles and identifiers for one submission in one district.

    A district keeps a small pool of recurring people, vehicles, phones and handles, and a draw
    sometimes reuses one, so several partners' reports connect as they do in real life.
    """

    def __init__(self, rng: random.Random, district_code: str, postcode: str, pools: dict):
        self.rng = rng
        self.district_code = district_code
        self.postcode = postcode
        main, outwards = TOWNS[district_code]
        outward = postcode.split(" ")[0] if postcode else ""
        self.town = rng.choice(outwards.get(outward, [main]))
        self.pools = pools.setdefault(
            district_code, {"people": [], "vehicles": [], "phones": [], "handles": []}
        )

    # -- basic draws
    def choice(self, items):
        return self.rng.choice(items)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def between(self, a: int, b: int) -> int:
        return self.rng.randint(a, b)

    def street(self) -> str:
        return self.choice(STREETS)

    def hangout(self) -> str:
        street, street2 = self.rng.sample(STREETS, 2)
        return self.choice(HANGOUTS).format(street=street, street2=street2, shop=self.choice(SHOPS))

    def _reuse(self, pool: str, make, p: float = 0.3):
        items = self.pools[pool]
        if items and self.chance(p):
            return self.choice(items)
        item = make()
        if len(items) < 4:
            items.append(item)
        return item

    def name(self, sex: str | None = None) -> str:
        sex = sex or self.choice("mf")
        first = self.choice(FIRST_NAMES_M if sex == "m" else FIRST_NAMES_F)
        return f"{first} {self.choice(SURNAMES)}"

    def subject(self, *, min_age: int = 16, max_age: int = 35, sex: str = "m") -> dict:
        """A recurring person of interest in this district (name, age, nickname)."""

        def make():
            return {
                "name": self.name(sex),
                "age": self.between(min_age, max_age),
                "nickname": self.choice(NICKNAMES),
                "sex": sex,
            }

        found = self._reuse("people", make, p=0.25)
        if not (min_age <= found["age"] <= max_age + 5):
            found = make()
        return found

    def registration(self) -> str:
        letters = "".join(self.choice(REG_LETTERS) for _ in range(3))
        return f"{self.choice(MEMORY_TAGS)}{self.choice(AGE_IDS)} {letters}"

    def car(self, *, van: bool = False) -> dict:
        def make():
            maker, model = self.choice(VANS if van else CARS)
            return {
                "registration": self.registration(),
                "make": maker,
                "model": model,
                "colour": self.choice(COLOURS),
            }

        return dict(self._reuse("vehicles", make, p=0.2 if van else 0.3))

    def phone(self) -> str:
        return self._reuse("phones", lambda: f"07700 900{self.between(0, 999):03d}")

    def landline(self) -> str:
        return f"0116 496 0{self.between(0, 999):03d}"

    def handle(self) -> str:
        return self._reuse("handles", lambda: f"@{self.choice(HANDLE_STEMS)}_{self.between(2, 99)}")


def describe_car(v: dict) -> str:
    return f"{v['colour']} {v['make']} {v['model']}, registration {v['registration']}"


def vehicle_row(v: dict) -> dict:
    return {k: v[k] for k in ("registration", "make", "model", "colour")}


# ---- Times -----------------------------------------------------------------------------

EVENING_TIMES = [
    "most evenings between 7pm and 10pm",
    "on Friday and Saturday nights",
    "after dark, usually from about 8pm",
    "most weekends",
    "in the late evening, around 10pm to midnight",
    "after school, from about 3:30pm",
]
DAY_TIMES = [
    "most weekday mornings",
    "during the day, mainly between 10am and 2pm",
    "early in the morning, around 6am",
    "at various times through the day",
    "every few days, usually mid-afternoon",
]


# ---- Templates: one function per kind of report, grouped by theme ------------------------


def asb_youths(g: Gen) -> Draft:
    place = g.hangout()
    n, low = g.between(5, 15), g.between(12, 15)
    behaviours = g.rng.sample(
        [
            "throwing stones at passing buses",
            "kicking over bins and scattering rubbish",
            "riding e-scooters along the pavement at speed",
            "setting fire to litter bins",
            "playing loud music from a speaker late into the night",
            "knocking on doors and running off",
            "damaging the bus shelter glass",
            "shouting abuse at older residents",
            "climbing on the roof of the shops",
            "spitting at shop staff who ask them to move on",
        ],
        2,
    )
    when = g.choice(EVENING_TIMES)
    text = (
        f"A group of around {n} young people, aged roughly {low} to {low + 4}, have been gathering "
        f"at {place} in {g.town} {when}. Residents report {behaviours[0]} and {behaviours[1]}. "
    )
    people = []
    if g.chance(0.5):
        s = g.subject(min_age=14, max_age=18)
        text += (
            f"One of the older members of the group, {s['name']}, known as {s['nickname']}, "
            "appears to be the ringleader and has been seen encouraging the younger ones. "
        )
        people.append(
            {
                "role": "subject",
                "name": s["name"],
                "age": s["age"],
                "description": (
                    f"Known as {s['nickname']}. White male, slim build, usually in a black North "
                    "Face jacket."
                ),
            }
        )
    text += g.choice(
        [
            "Shop staff say some customers now avoid the area after dark.",
            "Two elderly residents have told us they no longer go out in the evening.",
            "The problem has got worse since the clocks went back.",
            "Neighbourhood wardens have spoken to the group twice but it carries on.",
        ]
    )
    return Draft(
        ["anti-social-behaviour"],
        text,
        g.choice(["first_hand", "community_member", "second_hand"]),
        place_description=f"{place[0].upper()}{place[1:]}, {g.town}",
        when_description=when.capitalize(),
        people=people,
        submitter_types=("council", "housing", "voluntary"),
        question=(
            (
                "Do you know whether there is CCTV covering the area, and roughly how many "
                "evenings a week this happens?"
            ),
            (
                "The council camera on the corner covers part of it. Residents say four or five "
                "nights a week, worse at weekends."
            ),
        ),
    )


def asb_neighbour(g: Gen) -> Draft:
    street = g.street()
    number = g.between(2, 88)
    victim, subject = g.name("f"), g.subject(min_age=25, max_age=50)
    text = (
        f"Our tenant at {number} {street}, {g.town}, reports ongoing noise from the neighbouring "
        "property: loud music and parties until 3am several nights a week, with visitors coming "
        "and going at all hours and arguments in the street. She believes the tenant next door, "
        f"{subject['name']}, has recently moved a number of friends in. She is anxious, has not "
        "been sleeping and has started keeping a diary of incidents."
    )
    return Draft(
        ["anti-social-behaviour"],
        text,
        "second_hand",
        place_description=f"{number} {street}, {g.town}",
        when_description="Several nights a week over the last month",
        people=[
            {
                "role": "victim",
                "name": victim,
                "description": "Tenant, lives alone, has a long-term health condition.",
            },
            {
                "role": "subject",
                "name": subject["name"],
                "age": subject["age"],
                "description": "Neighbour, tenant of the adjoining house.",
            },
        ],
        submitter_types=("housing", "council"),
        question=(
            (
                "Is the complainant willing to provide a statement or diary sheets if an ASB case "
                "is opened?"
            ),
            "Yes, she is happy to and has already filled in two weeks of diary sheets.",
        ),
    )


def asb_bikes(g: Gen) -> Draft:
    place = g.choice(
        [
            "the playing fields off {s}",
            "the country park",
            "the old quarry land behind {s}",
            "the recreation ground on {s}",
            "the disused railway line",
        ]
    ).format(s=g.street())
    colour, make = g.choice(COLOURS), g.choice(["Yamaha", "KTM", "Honda", "Kawasaki"])
    when = g.choice(EVENING_TIMES + ["on Sunday afternoons"])
    text = (
        f"Off-road motorbikes and quad bikes are being ridden at speed across {place} in {g.town} "
        f"{when}. Riders wear balaclavas and have no number plates; one bike is a {colour} {make} "
        "scrambler. Dog walkers and families with young children have had to jump out of the way, "
        "and the grass has been badly churned up. The bikes are thought to be kept in a lock-up "
        "garage nearby."
    )
    return Draft(
        ["anti-social-behaviour"],
        text,
        g.choice(["community_member", "first_hand"]),
        place_description=f"{place[0].upper()}{place[1:]}, {g.town}",
        when_description=when.capitalize(),
        vehicles=[
            {"registration": "", "make": make, "model": "off-road motorbike", "colour": colour}
        ],
        submitter_types=("council",),
    )


def asb_flytipping(g: Gen) -> Draft:
    road = g.choice(
        ["the lay-by on the {s}", "the farm gateway off {s}", "the lane behind {s}"]
    ).format(
        s=g.choice(["A6", "A47", "A5", "A606", "B4114", "A512", "A447", "Fosse Way"])
        if g.chance(0.5)
        else g.street()
    )
    van = g.car(van=True)
    text = (
        "Repeated fly-tipping of trade waste (plasterboard, rubble, old kitchen units and garden "
        f"waste) in {road} near {g.town}. A {describe_car(van)}, has been seen at the spot on "
        "three occasions by a local farmer, and the same van has been advertising 'rubbish "
        "removal, any load' on local Facebook groups. We have cleared the site four times this "
        "year."
    )
    ids = [{"kind": "phone", "value": g.phone()}] if g.chance(0.6) else []
    if ids:
        text += f" The advert gives the number {ids[0]['value']}."
    return Draft(
        ["anti-social-behaviour", "general-crime"] if g.chance(0.3) else ["anti-social-behaviour"],
        text,
        "second_hand",
        place_description=f"{road[0].upper()}{road[1:]}, near {g.town}",
        when_description="Over the past two months",
        vehicles=[vehicle_row(van)],
        identifiers=ids,
        submitter_types=("council",),
    )


def asb_cars(g: Gen) -> Draft:
    place = g.choice(
        [
            "the retail park car park",
            "the supermarket car park",
            "the industrial estate",
            "the leisure centre car park",
        ]
    )
    cars = [g.car() for _ in range(g.between(1, 2))]
    text = (
        f"Large groups of cars have been meeting in {place} in {g.town} {g.choice(EVENING_TIMES)}, "
        "revving engines, doing doughnuts and racing along the access road. Up to 40 cars at a "
        "time. Regular vehicles include a "
        + " and a ".join(describe_car(c) for c in cars)
        + ". Residents in the nearby houses are being kept awake and a pedestrian was nearly hit."
    )
    return Draft(
        ["anti-social-behaviour"],
        text,
        g.choice(["community_member", "first_hand"]),
        place_description=f"{place[0].upper()}{place[1:]}, {g.town}",
        vehicles=[vehicle_row(c) for c in cars],
        submitter_types=("council", "fire"),
    )


def crime_shoplifting(g: Gen) -> Draft:
    shop = g.choice(SHOPS)
    car = g.car()
    a, b = g.name("f"), g.name("m")
    text = (
        f"Staff at the {shop} on {g.street()}, {g.town}, report the same man and woman coming in "
        "two or three times a week and leaving with bags of meat, coffee and baby formula without "
        "paying. They think the goods are being stolen to order. The pair leave in a "
        f"{describe_car(car)}. Staff are becoming frightened because the man has been verbally "
        "aggressive when challenged."
    )
    return Draft(
        ["general-crime"],
        text,
        "second_hand",
        place_description=f"{shop}, {g.town}",
        when_description=g.choice(DAY_TIMES).capitalize(),
        people=[
            {
                "role": "subject",
                "name": "",
                "description": (
                    "Female, 30s, blonde hair in a bun, grey tracksuit. Possibly called "
                    f"{a.split()[0]}."
                ),
            },
            {
                "role": "subject",
                "name": "",
                "description": (
                    "Male, 30s, tall, shaved head, tattoo on neck. Heard being called "
                    f"{b.split()[0]}."
                ),
            },
        ],
        vehicles=[vehicle_row(car)],
        submitter_types=("council", "voluntary"),
    )


def crime_catalytic(g: Gen) -> Draft:
    street = g.street()
    car = g.car()
    text = (
        f"Several residents on {street}, {g.town}, have had catalytic converters stolen from "
        "Toyota and Honda hybrids over the past month, usually between 2am and 5am. Doorbell "
        f"footage shared on the community WhatsApp group shows a {car['colour']} {car['make']} "
        f"{car['model']} pulling up, two men jacking a car up and leaving within three minutes. "
        f"One resident read the registration as {car['registration']}, which may be false plates."
    )
    return Draft(
        ["general-crime"],
        text,
        "community_member",
        place_description=f"{street}, {g.town}",
        when_description="Overnight, between 2am and 5am, over the past month",
        vehicles=[vehicle_row(car)],
        submitter_types=("council", "voluntary", "housing"),
        question=(
            (
                "Do you know whether the residents have reported these to the police, and can the "
                "doorbell footage be shared?"
            ),
            (
                "Three of them have crime numbers. Two residents have said they will share the "
                "footage."
            ),
        ),
    )


def crime_doorstep(g: Gen) -> Draft:
    street = g.street()
    van = g.car(van=True)
    text = (
        f"Two men have been going door to door on {street} and nearby roads in {g.town}, offering "
        "to clean gutters and telling older residents their roofs need urgent repairs. One "
        "resident was quoted £4,000 and driven to the bank to withdraw cash. They use a "
        f"{describe_car(van)}. Residents also noticed one man looking over side gates, and a house "
        "on the same road was burgled a few days later."
    )
    return Draft(
        ["general-crime", "cybercrime-scams"] if g.chance(0.4) else ["general-crime"],
        text,
        "second_hand",
        place_description=f"{street}, {g.town}",
        vehicles=[vehicle_row(van)],
        people=[
            {
                "role": "victim",
                "name": g.name(),
                "age": g.between(78, 92),
                "description": "Lives alone, some memory problems.",
            }
        ],
        submitter_types=("voluntary", "health", "council"),
    )


def crime_stolen_goods(g: Gen) -> Draft:
    handle, street = g.handle(), g.street()
    text = (
        "A resident says bikes, power tools and lawn mowers are being sold cheaply from a garage "
        f"at the back of {street}, {g.town}. People turn up, pay cash and leave with items that "
        "still have security markings on them. Items are also advertised on Facebook Marketplace "
        f"by the account {handle}. One of the bikes matched the description of one stolen from a "
        "nearby school."
    )
    return Draft(
        ["general-crime"],
        text,
        "community_member",
        place_description=f"Garage block behind {street}, {g.town}",
        when_description="Ongoing for about six weeks",
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("council", "housing", "education"),
    )


def county_lines_cuckooing(g: Gen) -> Draft:
    street, flat = g.street(), g.between(1, 24)
    victim_age = g.between(45, 68)
    visitors = g.rng.sample(
        [
            "two young men with London accents",
            "a teenage boy who seems to be staying there",
            "a man and woman from out of the area",
            "several young lads on push bikes",
        ],
        1,
    )[0]
    text = (
        f"Our tenant at Flat {flat}, {street}, {g.town}, a man in his {victim_age // 10 * 10}s "
        "with learning difficulties, appears to have had his flat taken over. Neighbours report a "
        "steady stream of visitors calling for a few minutes at a time, day and night, and "
        f"{visitors} staying there for about a week. The tenant was seen looking unkempt and "
        'underweight and told the caretaker he "can\'t go home". Needles and small bags have '
        "been found in the communal bin store."
    )
    people = [
        {
            "role": "victim",
            "name": g.name("m"),
            "age": victim_age,
            "description": (
                "Tenant. Learning disability, no family locally, known to adult social care."
            ),
        }
    ]
    vehicles, ids = [], []
    if g.chance(0.5):
        s = g.subject(min_age=17, max_age=26)
        people.append(
            {
                "role": "subject",
                "name": s["name"],
                "age": s["age"],
                "description": f"Thought to be running the flat. Known as {s['nickname']}.",
            }
        )
        text += (
            f" One of the men staying there is believed to be {s['name']}, known as "
            f"{s['nickname']}."
        )
    if g.chance(0.5):
        car = g.car()
        vehicles.append(vehicle_row(car))
        text += f" A {describe_car(car)}, drops people off outside most evenings."
    if g.chance(0.3):
        ids.append({"kind": "phone", "value": g.phone()})
        text += (
            f" The tenant's neighbour was given the number {ids[0]['value']} 'if she needs "
            "anything'."
        )
    return Draft(
        ["county-lines", "vulnerability"],
        text,
        g.choice(["first_hand", "second_hand"]),
        place_description=f"Flat {flat}, {street}, {g.town}",
        when_description="Over the last two to three weeks",
        people=people,
        vehicles=vehicles,
        identifiers=ids,
        submitter_types=("housing", "council", "health", "fire"),
        question=(
            (
                "Has the tenant said anything about who the visitors are, and is he willing to "
                "speak to us?"
            ),
            (
                "He only knows them by nicknames. He is frightened but agreed to see his support "
                "worker with a PCSO present."
            ),
        ),
    )


def county_lines_runner(g: Gen) -> Draft:
    s = g.subject(min_age=14, max_age=16)
    car = g.car()
    text = (
        f"{s['name']} ({s['age']}) has been missing from home overnight four times this month and "
        "came back with new trainers, two mobile phones and cash he cannot explain. Mum found a "
        "train ticket to Birmingham in his pocket. He has been seen getting into a "
        f"{describe_car(car)}, near {g.hangout()} in {g.town}. He has stopped attending school and "
        "has a new group of older friends. We are concerned he is being used to carry drugs "
        f"between Leicester and {g.town}."
    )
    return Draft(
        ["county-lines", "exploitation-modern-slavery"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        when_description="Over the past month",
        people=[
            {
                "role": "victim",
                "name": s["name"],
                "age": s["age"],
                "description": (
                    "Open to Early Help. Mixed race male, slim, usually in a black puffer jacket."
                ),
            }
        ],
        vehicles=[vehicle_row(car)],
        submitter_types=("education", "council", "probation", "voluntary"),
        question=(
            (
                "Is the young person open to children's social care, and has a missing-from-home "
                "return interview been done?"
            ),
            (
                "He is open to Early Help only. The return interview is booked for Thursday with "
                "his key worker."
            ),
        ),
    )


def county_lines_line(g: Gen) -> Draft:
    phone = g.phone()
    line = g.choice(["Tony", "Benz", "Rico", "Mikey", "Snow", "Kash"])
    text = (
        f"Several young people at a youth club in {g.town} have shown staff bulk text messages "
        f"advertising the \"{line}\" line from {phone}, offering 'deals' and free samples for new "
        "customers. The messages say 'out now, fast delivery'. Young people say older boys on "
        "bikes deliver to the park and the station car park."
    )
    return Draft(
        ["county-lines"],
        text,
        "second_hand",
        place_description=f"{g.town}",
        when_description="Messages received over the last fortnight",
        identifiers=[{"kind": "phone", "value": phone}],
        submitter_types=("voluntary", "education", "council"),
    )


def exploitation_carwash(g: Gen) -> Draft:
    road = g.street()
    car = g.car()
    n = g.between(4, 7)
    text = (
        f"Hand car wash on {road}, {g.town}: {n} workers appear to live on site in a portable "
        "cabin behind the wash. They work from early morning until dark in all weathers without "
        "gloves or boots, do not seem to speak English and look scared when anyone tries to talk "
        f"to them. A man in a {describe_car(car)}, collects the cash at the end of each day. One "
        "worker had an untreated injury to his hand."
    )
    return Draft(
        ["exploitation-modern-slavery"],
        text,
        g.choice(["first_hand", "community_member"]),
        place_description=f"Hand car wash, {road}, {g.town}",
        when_description="Seen on several visits over the past month",
        people=[
            {
                "role": "victim",
                "name": "",
                "description": f"{n} adult males, Eastern European or Kurdish, in their 20s.",
            },
            {
                "role": "subject",
                "name": "",
                "description": "Male, 40s, heavy build, gold chain; appears to run the site.",
            },
        ],
        vehicles=[vehicle_row(car)],
        submitter_types=("council", "fire"),
    )


def exploitation_house(g: Gen) -> Draft:
    street, number = g.street(), g.between(3, 120)
    text = (
        f"Environmental health visited {number} {street}, {g.town}, after a complaint about "
        "rubbish. Around ten men appear to be living in a three-bedroom house, with mattresses in "
        "every room including the kitchen. They said they work at a warehouse through an agency "
        "and that their 'landlord' keeps their bank cards and pays them in cash after taking rent "
        "and transport. None of them knew the address of the house."
    )
    return Draft(
        ["exploitation-modern-slavery"],
        text,
        "first_hand",
        place_description=f"{number} {street}, {g.town}",
        people=[
            {
                "role": "victim",
                "name": "",
                "description": "About ten adult males, Romanian, aged 20 to 45.",
            },
            {
                "role": "subject",
                "name": g.name("m"),
                "description": "Described as the landlord; drives a silver Mercedes.",
            },
        ],
        submitter_types=("council", "fire", "housing"),
        question=(
            "Did the men give the name of the agency or the warehouse?",
            (
                "One of them mentioned a distribution centre near the motorway junction but not "
                "the agency name."
            ),
        ),
    )


def exploitation_cse(g: Gen) -> Draft:
    name, age = g.name("f"), g.between(13, 15)
    handle = g.handle()
    car = g.car()
    text = (
        f"{name} ({age}) has been seen getting into cars driven by older men near {g.hangout()} in "
        f"{g.town}, including a {describe_car(car)}. She has new clothes, vapes and a second "
        "phone, and has been missing from home twice. Friends say she talks to older men on "
        f"Snapchat, account {handle}, who send her money for taxis. Her attendance has dropped to "
        "60% this term."
    )
    return Draft(
        ["exploitation-modern-slavery", "vulnerability"],
        text,
        g.choice(["first_hand", "second_hand"]),
        place_description=f"{g.town}",
        when_description="Over the past six weeks",
        people=[
            {
                "role": "victim",
                "name": name,
                "age": age,
                "description": "Year 9 pupil, open to children's social care.",
            }
        ],
        vehicles=[vehicle_row(car)],
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("education", "health", "voluntary"),
        question=(
            (
                "Has a referral been made to children's social care, and does the school have the "
                "names of the friends she is with?"
            ),
            (
                "Yes, referral made to First Response on Monday. I have passed two names to the "
                "social worker."
            ),
        ),
    )


def vulnerability_hoarding(g: Gen) -> Draft:
    street, number, age = g.street(), g.between(1, 90), g.between(70, 91)
    text = (
        f"During a Safe and Well visit at {number} {street}, {g.town}, crews found a resident aged "
        f"{age} living in severely hoarded conditions: stairs and exits blocked, an electric "
        "heater next to piles of newspapers and no working smoke alarm. He smokes in bed and has "
        "had small fires before. He has no family nearby and was reluctant to let anyone in. "
        "Alarms fitted and fire-retardant bedding given."
    )
    return Draft(
        ["vulnerability"],
        text,
        "first_hand",
        place_description=f"{number} {street}, {g.town}",
        people=[
            {
                "role": "victim",
                "name": g.name("m"),
                "age": age,
                "description": "Lives alone, mobility problems, possible self-neglect.",
            }
        ],
        submitter_types=("fire",),
    )


def vulnerability_children(g: Gen) -> Draft:
    street = g.street()
    text = (
        f"Neighbours on {street}, {g.town}, say two young children, about four and seven, are "
        "regularly left on their own in the evenings while their mum goes out, sometimes until "
        "after midnight. The children have been seen at the window crying and the older one has "
        "knocked on doors asking for food. The house is often visited by men the neighbours do "
        "not know."
    )
    return Draft(
        ["vulnerability"],
        text,
        "community_member",
        place_description=f"{street}, {g.town}",
        when_description="Several evenings a week",
        people=[
            {"role": "victim", "name": "", "age": 4, "description": "Girl, about four."},
            {"role": "victim", "name": "", "age": 7, "description": "Boy, about seven."},
        ],
        submitter_types=("housing", "voluntary", "council"),
    )


def vulnerability_financial(g: Gen) -> Draft:
    victim, age = g.name("f"), g.between(72, 90)
    subject = g.subject(min_age=25, max_age=45)
    text = (
        f"{victim} ({age}), a client of our service in {g.town}, has told staff her grandson "
        f"{subject['name']} has moved in and takes her pension each week. She has been left "
        "without money for food or her electricity meter twice this month and had a bruise on her "
        "wrist she would not explain. She does not want him to get into trouble."
    )
    return Draft(
        ["vulnerability", "domestic-sexual-abuse"] if g.chance(0.5) else ["vulnerability"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        people=[
            {
                "role": "victim",
                "name": victim,
                "age": age,
                "description": "Frail, lives in her own bungalow.",
            },
            {
                "role": "subject",
                "name": subject["name"],
                "age": subject["age"],
                "description": "Grandson.",
            },
        ],
        submitter_types=("health", "voluntary"),
        question=(
            (
                "Does she have capacity to make decisions about her finances, and has adult "
                "social care been told?"
            ),
            "Her GP thinks she does. We have made a safeguarding referral to adult social care.",
        ),
    )


def vulnerability_rough_sleeping(g: Gen) -> Draft:
    place = g.choice(
        [
            "the canal towpath",
            "the woodland behind the retail park",
            "the multi-storey car park",
            "the doorway of the old bank on {s}",
        ]
    ).format(s=g.street())
    text = (
        f"Three tents have appeared at {place} in {g.town}. One of the people sleeping there is a "
        "young woman, possibly under 20, who seems very unwell and is being visited by older men "
        "at night. Drug paraphernalia has been left nearby. The outreach team have tried to "
        "engage but she will not give her name."
    )
    return Draft(
        ["vulnerability"],
        text,
        g.choice(["first_hand", "community_member"]),
        place_description=f"{place[0].upper()}{place[1:]}, {g.town}",
        people=[
            {
                "role": "victim",
                "name": "",
                "description": "Female, late teens, thin, dark hair, Irish accent.",
            }
        ],
        submitter_types=("voluntary", "council", "health"),
    )


def vulnerability_mental_health(g: Gen) -> Draft:
    name, age = g.name("m"), g.between(19, 45)
    text = (
        f"{name} ({age}) has been sleeping in his car in the station car park in {g.town} since "
        "his relationship broke down. He has told staff he feels hopeless, has stopped taking his "
        "medication and is drinking heavily. He has no fixed address and has been turned away "
        "from the night shelter because of his dog."
    )
    return Draft(
        ["vulnerability"],
        text,
        "first_hand",
        place_description=f"Station car park, {g.town}",
        people=[
            {
                "role": "victim",
                "name": name,
                "age": age,
                "description": "Known to mental health services.",
            }
        ],
        submitter_types=("health", "voluntary", "probation"),
    )


def da_controlling(g: Gen) -> Draft:
    victim, subject = g.name("f"), g.subject(min_age=25, max_age=45)
    text = (
        f"A client disclosed that her partner, {subject['name']}, checks her phone, controls all "
        "the money and will not let her see her family. She had bruising on her upper arms which "
        "she said was from a fall. She does not want police involvement at present. DASH risk "
        "assessment completed and scored medium; she has been given the details of the local "
        f"domestic abuse service. They live in {g.town} with two children under five."
    )
    return Draft(
        ["domestic-sexual-abuse"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        people=[
            {
                "role": "victim",
                "name": victim,
                "age": g.between(20, 40),
                "description": "Mother of two.",
            },
            {
                "role": "subject",
                "name": subject["name"],
                "age": subject["age"],
                "description": "Partner.",
            },
        ],
        submitter_types=("health", "voluntary", "council", "housing"),
        question=(
            (
                "Is she safe to be contacted on her own phone, and are the children known to "
                "children's social care?"
            ),
            (
                "No - please only contact her through me. Health visiting are aware; no social "
                "care involvement yet."
            ),
        ),
    )


def da_neighbours(g: Gen) -> Draft:
    street, number = g.street(), g.between(1, 60)
    text = (
        f"Neighbours of {number} {street}, {g.town}, have told the housing officer they hear "
        "shouting, banging and a woman crying most weekends. The woman who lives there was seen "
        "with a black eye last month and has stopped going to work. The man who stays there "
        "drives a " + describe_car(g.car()) + "."
    )
    return Draft(
        ["domestic-sexual-abuse"],
        text,
        "community_member",
        place_description=f"{number} {street}, {g.town}",
        when_description="Most weekends over the last two months",
        submitter_types=("housing", "council"),
    )


def da_stalking(g: Gen) -> Draft:
    victim, subject = g.name("f"), g.subject(min_age=25, max_age=50)
    car = g.car()
    text = (
        f"A member of staff, {victim}, separated from {subject['name']} three months ago. He has "
        f"since turned up at her workplace in {g.town} several times, waits in the car park in his "
        f"{describe_car(car)}, and sends her dozens of messages a day from different numbers, "
        f"including {g.phone()}. She has changed her route to work and is frightened."
    )
    return Draft(
        ["domestic-sexual-abuse"],
        text,
        "first_hand",
        place_description=f"Workplace car park, {g.town}",
        people=[
            {"role": "victim", "name": victim, "description": "Member of staff."},
            {
                "role": "subject",
                "name": subject["name"],
                "age": subject["age"],
                "description": "Ex-partner.",
            },
        ],
        vehicles=[vehicle_row(car)],
        submitter_types=("council", "health", "education"),
    )


def sexual_lifts(g: Gen) -> Draft:
    car = g.car()
    text = (
        f"Several students have told us a man in a {describe_car(car)}, approaches young women "
        f"walking home through {g.town} late at night, offering lifts and asking for their "
        "Instagram. One student said he followed her slowly along the road when she refused. "
        "Description: white male, 40s, glasses, grey beard."
    )
    return Draft(
        ["domestic-sexual-abuse", "vulnerability"],
        text,
        "second_hand",
        place_description=f"{g.town} town centre",
        when_description="Late at night, mostly weekends",
        people=[
            {"role": "subject", "name": "", "description": "White male, 40s, glasses, grey beard."}
        ],
        vehicles=[vehicle_row(car)],
        submitter_types=("education", "voluntary"),
    )


def hate_graffiti(g: Gen) -> Draft:
    target = g.choice(
        [
            "the mosque",
            "the gurdwara",
            "the Hindu temple",
            "a Polish grocery shop",
            "the synagogue",
            "a halal butcher's shop",
        ]
    )
    street = g.street()
    text = (
        "Racist and religiously offensive graffiti, including a swastika, was sprayed on the wall "
        f"and shutters of {target} on {street}, {g.town}, overnight. The community are shaken and "
        "some parents are keeping children away from classes. The council has arranged removal. "
        "Similar stickers have appeared on lampposts along the same road."
    )
    return Draft(
        ["hate-crime", "community-cohesion"] if g.chance(0.5) else ["hate-crime"],
        text,
        "second_hand",
        place_description=f"{target[0].upper()}{target[1:]}, {street}, {g.town}",
        submitter_types=("council", "voluntary"),
    )


def hate_taxi(g: Gen) -> Draft:
    driver = g.name("m")
    text = (
        f"A taxi driver, {driver}, told our licensing team that passengers he picked up from a pub "
        f"in {g.town} racially abused him for the whole journey, refused to pay, and one spat at "
        "him. He says this happens to drivers most weekends and many do not report it because "
        "they think nothing will be done."
    )
    return Draft(
        ["hate-crime"],
        text,
        "second_hand",
        place_description=f"{g.town} town centre",
        people=[
            {
                "role": "victim",
                "name": driver,
                "age": g.between(30, 60),
                "description": "Licensed private hire driver.",
            }
        ],
        submitter_types=("council",),
    )


def hate_disability(g: Gen) -> Draft:
    handle, street = g.handle(), g.street()
    victim = g.name("m")
    text = (
        f"A group of teenagers has been targeting {victim}, a man with a learning disability, at "
        f"the bus stop on {street}, {g.town}: calling him names, taking his bus pass and filming "
        f"him on their phones. Videos of him are being posted on TikTok by {handle}. He is now "
        "afraid to go to his day centre."
    )
    return Draft(
        ["hate-crime", "vulnerability"],
        text,
        "first_hand",
        place_description=f"Bus stop, {street}, {g.town}",
        people=[
            {
                "role": "victim",
                "name": victim,
                "age": g.between(25, 55),
                "description": "Learning disability; attends a day centre.",
            }
        ],
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("health", "voluntary", "council"),
    )


def hate_lgbt(g: Gen) -> Draft:
    text = (
        f"Staff at a bar in {g.town} report homophobic and transphobic abuse of customers by a "
        "group of men who gather outside at closing time. Last weekend a trans woman was pushed "
        "and her drink thrown over her. Stickers saying 'protect our kids' and worse have been "
        "put up on lampposts nearby."
    )
    return Draft(
        ["hate-crime"],
        text,
        "second_hand",
        place_description=f"{g.town} town centre",
        when_description="Friday and Saturday nights at closing time",
        submitter_types=("voluntary", "council"),
    )


def cohesion_protest(g: Gen) -> Draft:
    topic = g.choice(
        [
            "plans to use a hotel near {t} to house asylum seekers",
            "a planning application for a new place of worship in {t}",
            "a Traveller encampment on the playing fields in {t}",
        ]
    ).format(t=g.town)
    handle = g.handle()
    text = (
        f"Tension is building over {topic}. A Facebook group run by {handle} is sharing false "
        "rumours and calling for a protest next Saturday, and some posts are openly hostile. "
        "Residents from different communities have told our staff they feel worried. A "
        "counter-protest is also being talked about."
    )
    return Draft(
        ["community-cohesion"],
        text,
        g.choice(["community_member", "second_hand"]),
        place_description=f"{g.town}",
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("voluntary", "council"),
        question=(
            (
                "Do you know roughly how many people have said they will attend, and whether the "
                "organisers have contacted the police?"
            ),
            (
                "About 150 said 'going' on the event. I do not think the organisers have "
                "contacted anyone."
            ),
        ),
    )


def cohesion_groups(g: Gen) -> Draft:
    text = (
        f"Two groups of young people from different estates in {g.town} have been trading threats "
        "on Snapchat since a fight at a party. Parents from both sides have contacted the school "
        f"and there is talk of 'sorting it out' at {g.hangout()}. The dispute is starting to take "
        "on a racial tone and older family members are getting involved."
    )
    return Draft(
        ["community-cohesion", "knife-crime-serious-violence"]
        if g.chance(0.3)
        else ["community-cohesion"],
        text,
        "second_hand",
        place_description=f"{g.town}",
        submitter_types=("education", "voluntary"),
    )


def knife_school(g: Gen) -> Draft:
    s = g.subject(min_age=14, max_age=16)
    handle = g.handle()
    text = (
        f"Several pupils have told staff that {s['name']} ({s['age']}) has been showing other boys "
        f"a large 'zombie' style blade in a Snapchat video posted by {handle}. He has told friends "
        f"he needs it for protection because of a dispute with older boys from {g.town}. His "
        "behaviour has changed this term and he has been excluded once for fighting."
    )
    return Draft(
        ["knife-crime-serious-violence"],
        text,
        "second_hand",
        place_description=f"{g.town}",
        people=[
            {
                "role": "subject",
                "name": s["name"],
                "age": s["age"],
                "description": f"Year 10 pupil. Known as {s['nickname']}.",
            }
        ],
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("education",),
        question=(
            "Has the school searched his bag or spoken to his parents about this?",
            "His bag was searched with his consent and nothing was found. Parents have been told.",
        ),
    )


def knife_drill(g: Gen) -> Draft:
    handle = g.handle()
    text = (
        f"A drill video filmed in {g.hangout()}, {g.town}, was posted on YouTube by {handle}. "
        "Masked young men make stabbing gestures and name a rival group from another part of the "
        "county. Local young people say it is linked to a fight at the bus station last month. "
        "The video has been shared widely among pupils."
    )
    return Draft(
        ["knife-crime-serious-violence"],
        text,
        "second_hand",
        place_description=f"{g.town}",
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("education", "voluntary", "council"),
    )


def knife_sales(g: Gen) -> Draft:
    street = g.street()
    text = (
        f"Young people have told our youth workers that a convenience shop on {street}, {g.town}, "
        "sells knives and vapes to under-18s without asking for ID. Two 15-year-olds say they "
        "bought lock knives there. Trading Standards may want to consider a test purchase."
    )
    return Draft(
        ["knife-crime-serious-violence", "general-crime"],
        text,
        "second_hand",
        place_description=f"Convenience shop, {street}, {g.town}",
        submitter_types=("voluntary", "council"),
    )


def knife_fight(g: Gen) -> Draft:
    subject, street = g.subject(min_age=18, max_age=30), g.street()
    text = (
        f"Staff at a takeaway on {street}, {g.town}, witnessed a fight between two groups of men "
        "at closing time on Saturday; one man was hit with a bottle and left bleeding. The staff "
        f"believe one of those involved was {subject['name']}, who they say has been involved in "
        "trouble before and boasts about carrying a blade."
    )
    return Draft(
        ["knife-crime-serious-violence"],
        text,
        "second_hand",
        place_description=f"Takeaway, {street}, {g.town}",
        people=[
            {
                "role": "subject",
                "name": subject["name"],
                "age": subject["age"],
                "description": "Local man.",
            }
        ],
        submitter_types=("council",),
    )


def prevent_pupil(g: Gen) -> Draft:
    name, age = g.name("m"), g.between(13, 17)
    handle = g.handle()
    ideology = g.choice(
        [
            (
                "extreme right-wing views, saying that migrants should be 'sent back' and drawing "
                "far-right symbols in his books"
            ),
            (
                "a fascination with school shootings and mass attacks, researching past attackers "
                "online"
            ),
            (
                "Islamist extremist material, sharing speeches by a banned preacher in a class "
                "group chat"
            ),
        ]
    )
    text = (
        f"A pupil, {name} ({age}), has been expressing {ideology}. He spends long periods online "
        f"and follows the account {handle}, which shares hateful content. He has become isolated "
        "from his friends. The Designated Safeguarding Lead has spoken to his parents, who are "
        "also worried."
    )
    return Draft(
        ["radicalisation-prevent"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        people=[{"role": "subject", "name": name, "age": age, "description": "Pupil."}],
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("education",),
        question=(
            (
                "Has the school completed a Prevent referral form, and is he known to any other "
                "services?"
            ),
            (
                "Yes, referral form sent to the Prevent team. Not known to other services as far "
                "as we know."
            ),
        ),
    )


def prevent_stickers(g: Gen) -> Draft:
    text = (
        "Stickers and leaflets from a far-right group have appeared on lampposts and bus stops "
        f"around {g.town}, with a QR code linking to a recruitment channel on Telegram. Two young "
        "men were seen putting them up at about 11pm. Residents have complained and some of the "
        "stickers have been removed."
    )
    return Draft(
        ["radicalisation-prevent", "community-cohesion"],
        text,
        "community_member",
        place_description=f"{g.town} town centre",
        submitter_types=("council", "voluntary"),
    )


def prevent_adult(g: Gen) -> Draft:
    name = g.name("m")
    text = (
        f"A man attending our drop-in in {g.town}, {name}, has been talking about conspiracy "
        "theories and saying that violence against politicians is justified. He showed staff "
        "videos from an extremist channel and has been trying to get younger service users to "
        "watch them. He is socially isolated and recently lost his job."
    )
    return Draft(
        ["radicalisation-prevent"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        people=[
            {
                "role": "subject",
                "name": name,
                "age": g.between(25, 55),
                "description": "Attends the drop-in.",
            }
        ],
        submitter_types=("voluntary", "probation", "health"),
    )


def scam_bank(g: Gen) -> Draft:
    number = g.landline()
    victim, age = g.name("f"), g.between(70, 94)
    text = (
        f"{victim} ({age}) of {g.town} received several calls from {number} from someone claiming "
        "to be her bank's fraud team. She was told her account had been compromised and to move "
        "her savings to a 'safe account'. She transferred £8,500 before her daughter stopped her. "
        "Other older residents in the same sheltered scheme have had similar calls."
    )
    return Draft(
        ["cybercrime-scams"],
        text,
        "second_hand",
        place_description=f"Sheltered housing scheme, {g.town}",
        people=[
            {
                "role": "victim",
                "name": victim,
                "age": age,
                "description": "Lives in sheltered housing.",
            }
        ],
        identifiers=[{"kind": "phone", "value": number}],
        submitter_types=("housing", "voluntary", "council"),
    )


def scam_sextortion(g: Gen) -> Draft:
    handle = g.handle()
    text = (
        f"Two boys aged 14 and 15 at a school in {g.town} have been contacted on Instagram by an "
        f"account called {handle} posing as a teenage girl. After sending images they were "
        "threatened that the images would be sent to their friends unless they paid £100 in gift "
        "cards. One boy paid. Both are very distressed."
    )
    return Draft(
        ["cybercrime-scams", "exploitation-modern-slavery"]
        if g.chance(0.3)
        else ["cybercrime-scams"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        identifiers=[{"kind": "social", "value": handle}],
        submitter_types=("education",),
    )


def scam_marketplace(g: Gen) -> Draft:
    email = (
        f"{g.choice(['puppies', 'cheap.tickets', 'parcel.refunds', 'rent.deposits'])}"
        f"{g.between(10, 99)}@example.com"
    )
    text = (
        f"Several residents in {g.town} have paid deposits for puppies and festival tickets "
        "advertised on Facebook Marketplace and local groups, and then been blocked. The seller "
        f"asks for payment by bank transfer and gives the email {email}. At least five people have "
        "lost between £150 and £600."
    )
    return Draft(
        ["cybercrime-scams"],
        text,
        "community_member",
        place_description=f"{g.town}",
        identifiers=[{"kind": "email", "value": email}],
        submitter_types=("council", "voluntary"),
    )


def scam_romance(g: Gen) -> Draft:
    victim, age = g.name("m"), g.between(60, 80)
    text = (
        f"{victim} ({age}), a widower in {g.town}, has told his carer he is in a relationship with "
        "a woman he met online who is 'stuck abroad' and needs money for a flight. He has sent "
        "over £12,000 and taken out a loan. He becomes angry when family question it."
    )
    return Draft(
        ["cybercrime-scams", "vulnerability"],
        text,
        "second_hand",
        place_description=f"{g.town}",
        people=[
            {"role": "victim", "name": victim, "age": age, "description": "Widower, lives alone."}
        ],
        submitter_types=("health", "voluntary"),
    )


# Immediate-risk reports (about 2%): these are flagged urgent by the real detection.
def urgent_threat(g: Gen) -> Draft:
    victim, subject = g.name("f"), g.subject(min_age=25, max_age=45)
    text = (
        f"URGENT - also phoned 999. {victim} has just rung our office from her home in {g.town}. "
        f"Her ex-partner {subject['name']} is outside the house and is threatening to kill her. "
        "She has locked herself in the bathroom with the children."
    )
    return Draft(
        ["domestic-sexual-abuse"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        people=[
            {"role": "victim", "name": victim, "description": "Mother of two."},
            {
                "role": "subject",
                "name": subject["name"],
                "age": subject["age"],
                "description": "Ex-partner.",
            },
        ],
        submitter_types=("housing", "health", "voluntary", "council"),
    )


def urgent_knife(g: Gen) -> Draft:
    s = g.subject(min_age=15, max_age=18)
    text = (
        f"A young person at our youth club has just told staff that {s['name']} is carrying a "
        f"knife tonight and is going to stab a boy from the other estate at {g.hangout()} in "
        f"{g.town}. Police have been called."
    )
    return Draft(
        ["knife-crime-serious-violence"],
        text,
        "second_hand",
        place_description=f"{g.town}",
        people=[
            {
                "role": "subject",
                "name": s["name"],
                "age": s["age"],
                "description": f"Known as {s['nickname']}.",
            }
        ],
        submitter_types=("voluntary", "education"),
    )


def urgent_overdose(g: Gen) -> Draft:
    name = g.name("f")
    text = (
        f"Our tenant {name} in {g.town} has just messaged her support worker. She has taken an "
        "overdose of her prescribed tablets and says she does not want to be here any more. "
        "Ambulance called and the support worker is on the way."
    )
    return Draft(
        ["vulnerability"],
        text,
        "first_hand",
        place_description=f"{g.town}",
        people=[
            {
                "role": "victim",
                "name": name,
                "age": g.between(18, 50),
                "description": "Tenant, known to mental health services.",
            }
        ],
        submitter_types=("housing", "health"),
    )


def urgent_child(g: Gen) -> Draft:
    street = g.street()
    text = (
        f"Neighbours on {street}, {g.town}, say a toddler has been left alone in the flat and is "
        "still there now, crying at the window. Mum was seen leaving this morning. We have called "
        "the police."
    )
    return Draft(
        ["vulnerability"],
        text,
        "community_member",
        place_description=f"{street}, {g.town}",
        people=[{"role": "victim", "name": "", "age": 2, "description": "Toddler."}],
        submitter_types=("housing", "council"),
    )


TEMPLATES: dict[str, list] = {
    "anti-social-behaviour": [
        asb_youths,
        asb_youths,
        asb_neighbour,
        asb_bikes,
        asb_flytipping,
        asb_cars,
    ],
    "general-crime": [crime_shoplifting, crime_catalytic, crime_doorstep, crime_stolen_goods],
    "county-lines": [
        county_lines_cuckooing,
        county_lines_cuckooing,
        county_lines_runner,
        county_lines_line,
    ],
    "exploitation-modern-slavery": [exploitation_carwash, exploitation_house, exploitation_cse],
    "vulnerability": [
        vulnerability_hoarding,
        vulnerability_children,
        vulnerability_financial,
        vulnerability_rough_sleeping,
        vulnerability_mental_health,
    ],
    "domestic-sexual-abuse": [da_controlling, da_neighbours, da_stalking, sexual_lifts],
    "hate-crime": [hate_graffiti, hate_taxi, hate_disability, hate_lgbt],
    "community-cohesion": [cohesion_protest, cohesion_groups],
    "knife-crime-serious-violence": [knife_school, knife_drill, knife_sales, knife_fight],
    "radicalisation-prevent": [prevent_pupil, prevent_stickers, prevent_adult],
    "cybercrime-scams": [scam_bank, scam_sextortion, scam_marketplace, scam_romance],
}
URGENT_TEMPLATES = [urgent_threat, urgent_knife, urgent_overdose, urgent_child]

# How often each theme leads a report (relative weights).
THEME_WEIGHTS: dict[str, int] = {
    "anti-social-behaviour": 20,
    "general-crime": 11,
    "county-lines": 11,
    "vulnerability": 10,
    "exploitation-modern-slavery": 7,
    "domestic-sexual-abuse": 8,
    "hate-crime": 7,
    "community-cohesion": 5,
    "knife-crime-serious-violence": 6,
    "cybercrime-scams": 6,
    "radicalisation-prevent": 3,
}

# ---- Triage wording ---------------------------------------------------------------------

GENERAL_QUESTIONS = [
    (
        "Thank you for this. Can you give the exact address, including any flat number?",
        "It is the ground floor flat on the left as you face the building.",
    ),
    (
        "Has this also been reported to the police on 101? If so, do you have the incident number?",
        "Yes, reported on 101 - I was given incident number 0417 but not the date, sorry.",
    ),
    (
        (
            "Could you tell me how you came to know this, and whether the person who told you "
            "would speak to us?"
        ),
        (
            "A resident told me at a tenants' meeting. She would rather not be named but is happy "
            "for me to pass on questions."
        ),
    ),
]
NOTES = [
    "Checked police systems: the address is linked to two earlier reports this year.",
    "Vehicle registration checked; keeper details recorded on police systems.",
    "Discussed at the daily management meeting; neighbourhood policing team aware.",
    "Possible link to other recent reports in the same area - flagged for the connections review.",
    "Spoke to the originator by phone to clarify the location.",
    "Sanitised summary prepared for the next JAG meeting.",
    "Intelligence report created on police systems.",
]
URGENT_NOTES = [
    (
        "Flagged urgent. Confirmed with the force control room that an incident is open and "
        "officers were dispatched."
    ),
    (
        "Urgent: originator had already called 999. Incident number recorded; checked with the "
        "duty inspector."
    ),
]
HANDLING_CONDITIONS = [
    "Do not disclose the originating agency; share with the district JAG only.",
    "Not to be shared with the subject's family or school without reference to the analyst.",
    "Share with safeguarding leads only; the source must not be identifiable.",
]
# theme -> (outcome, notes) options for closing
CLOSE_REASONS: dict[str, list[tuple[str, str]]] = {
    "anti-social-behaviour": [
        ("actioned", "ASB case opened by the council; extra patrols by the neighbourhood team."),
        ("actioned", "Community Protection Warning issued; reviewed at the JAG."),
        ("no_further_action", "No further reports since patrols increased."),
    ],
    "general-crime": [
        ("actioned", "Passed to the local policing team; linked to an open investigation."),
        ("no_further_action", "Insufficient detail to action; originator thanked."),
    ],
    "county-lines": [
        ("actioned", "Closure order sought for the address; partners supporting the tenant."),
        (
            "referred",
            "Referred to the Children's Criminal Exploitation hub and children's social care.",
        ),
    ],
    "exploitation-modern-slavery": [
        (
            "referred",
            (
                "Referred to the Modern Slavery and Human Trafficking Unit; joint visit with the "
                "Gangmasters and Labour Abuse Authority."
            ),
        ),
        (
            "actioned",
            (
                "Multi-agency visit completed; potential victims offered support through the "
                "National Referral Mechanism."
            ),
        ),
    ],
    "vulnerability": [
        (
            "referred",
            "Referred to adult social care and a Safe and Well visit by the Fire Service.",
        ),
        ("referred", "Referred to children's social care (First Response)."),
        ("actioned", "Discussed at the vulnerability hub; support plan agreed."),
    ],
    "domestic-sexual-abuse": [
        ("referred", "Referred to the local domestic abuse service and MARAC."),
        ("actioned", "Passed to the domestic abuse investigation team."),
    ],
    "hate-crime": [
        ("actioned", "Recorded as a hate incident; reassurance visits by the neighbourhood team."),
        ("referred", "Referred to the hate incident support service."),
    ],
    "community-cohesion": [
        (
            "actioned",
            "Shared with the community tension monitoring group; engagement plan in place.",
        ),
        ("no_further_action", "Event passed without incident; tension monitoring continues."),
    ],
    "knife-crime-serious-violence": [
        (
            "actioned",
            "Passed to the Violence Reduction Network and neighbourhood team; knife arch deployed.",
        ),
        ("referred", "Referred to the youth justice service for early intervention."),
    ],
    "radicalisation-prevent": [
        ("referred", "Referred to the Prevent team for assessment (Channel)."),
        (
            "no_further_action",
            "Assessed by the Prevent team: no ideological concern; safeguarding support in place.",
        ),
    ],
    "cybercrime-scams": [
        ("referred", "Referred to Action Fraud and the Trading Standards scams team."),
        ("actioned", "Warning shared through Neighbourhood Link and partners' newsletters."),
    ],
}
GENERIC_CLOSE = [
    ("no_further_action", "Duplicate of an earlier report; information added to that record."),
    ("no_further_action", "No response from the originator to our question; closed."),
]
