"""A labelled pair of ASB incident sets with known true matches, for the linkage's benchmark,
its tests and the demo. Noise as the two systems really differ: the council logs a report
later than the police, snaps it to the postcode's centre or has no coordinates, gives a
neighbouring postcode, recodes the category and words it its own way; some addresses report
again and again (a repeat incident is a different incident, the trap for any linker)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl

LAT0, LON0 = 52.0, -1.30  # the south-west corner of the area
KM_LAT = 1 / 111.32
KM_LON = 1 / (111.32 * math.cos(math.radians(52.65)))
# Leicestershire's police log about 30,000 ASB incidents a year over 2,100 km2, some 15 to
# the km2: the area grows with the number of incidents so the density stays like a county's
# (a million is a national year, not a county's).
PER_KM2 = 15.0
HOT_SPOTS_PER_KM2 = 0.02
UNIT_A, UNIT_B = "ABDEF", "GHJLN"  # 5 x 5 postcode units of 200 m in each 1 km sector
START = np.datetime64("2025-01-01T00:00:00")

ISSUES = {
    "personal": ["threatening behaviour", "harassment", "verbal abuse", "intimidation"],
    "nuisance": [
        "loud music",
        "noisy party",
        "youths causing annoyance",
        "fireworks",
        "motorbikes",
    ],
    "environmental": ["fly tipping", "graffiti", "abandoned vehicle", "dog fouling", "litter"],
}
PLACES = ["outside the shop", "in the park", "near the station", "on the high street",
          "at the flats", "behind the school", "by the bus stop", "in the car park"]  # fmt: skip
STREETS = [f"{n} {t}" for n in ("Elm", "Oak", "Mill", "Church", "Station", "Park", "King",
           "Queen", "Victoria", "Albert", "Grange", "Manor", "Bridge", "Hill", "Cross", "Green")
           for t in ("Road", "Street", "Lane")]  # fmt: skip
WHEN = ["late at night", "this evening", "in the afternoon", "this morning", ""]
REWORDS = {"loud": "noisy", "noisy": "loud", "outside": "in front of", "shop": "store",
           "park": "rec", "near": "close to", "Road": "Rd", "Street": "St", "Lane": "Ln",
           "youths causing annoyance": "young people causing trouble", "fly tipping":
           "rubbish dumped", "abandoned vehicle": "dumped car", "late at night": "at night",
           "harassment": "being harassed", "litter": "rubbish",
           "verbal abuse": "shouting abuse"}  # fmt: skip
CATEGORIES = np.array(["personal", "nuisance", "environmental"])


@dataclass
class Pair:
    police: pl.DataFrame
    cases: pl.DataFrame
    truth: pl.DataFrame  # police_id, case_id: the true matches


def _postcodes(x: np.ndarray, y: np.ndarray, side: float) -> np.ndarray:
    x, y = np.clip(x, 0, side - 1e-9), np.clip(y, 0, side - 1e-9)
    district = 1 + (x // 3).astype(int) * int(side // 3 + 1) + (y // 3).astype(int)
    sector = 1 + (np.floor(x) % 3).astype(int) * 3 + (np.floor(y) % 3).astype(int)
    ux, uy = ((x % 1) * 5).astype(int), ((y % 1) * 5).astype(int)
    return np.array(
        [
            f"LX{d} {s}{UNIT_A[a]}{UNIT_B[b]}"
            for d, s, a, b in zip(district, sector, ux, uy, strict=True)
        ],
        dtype=object,
    )


def _neighbour(postcode: str, rng: np.random.Generator) -> str:
    i = UNIT_B.index(postcode[-1])
    j = i + 1 if i < 4 and (i == 0 or rng.random() < 0.5) else i - 1
    return postcode[:-1] + UNIT_B[j]


def _reword(text: str, rng: np.random.Generator) -> str:
    for a, b in REWORDS.items():
        if a in text and rng.random() < 0.5:
            text = text.replace(a, b)
    if rng.random() < 0.2:
        text = str(rng.choice(["caller reports ", "resident says ", "report of "])) + text
    return text.strip()


def _events(n: int, side: float, rng: np.random.Generator):
    """Where, when and what: a third at hot spots, some at addresses that report again."""
    hot = rng.random(n) < 0.3
    spots = max(1, int(side * side * HOT_SPOTS_PER_KM2))
    hx, hy = rng.uniform(0.1 * side, 0.9 * side, spots), rng.uniform(0.1 * side, 0.9 * side, spots)
    spot = rng.integers(0, spots, n)
    x = np.where(hot, hx[spot] + rng.normal(0, 0.3, n), rng.uniform(0, side, n))
    y = np.where(hot, hy[spot] + rng.normal(0, 0.3, n), rng.uniform(0, side, n))
    seconds = rng.integers(0, 365 * 86400, n)
    category = CATEGORIES[rng.choice(3, n, p=[0.3, 0.45, 0.25])]
    text = np.array(
        [
            f"{rng.choice(ISSUES[c])} {rng.choice(PLACES)} on {rng.choice(STREETS)} "
            f"{rng.choice(WHEN)}".strip()
            for c in category
        ],
        dtype=object,
    )
    # Repeat addresses: 8% of incidents copy an earlier one's place, category and words, days
    # or weeks later.
    repeat = np.flatnonzero(rng.random(n) < 0.08)
    source = rng.integers(0, n, repeat.size)
    x[repeat], y[repeat] = x[source], y[source]
    category[repeat], text[repeat] = category[source], text[source]
    seconds[repeat] = np.clip(seconds[source] + rng.integers(2, 40, repeat.size) * 86400, 0, None)
    return np.clip(x, 0, side - 1e-6), np.clip(y, 0, side - 1e-6), seconds, category, text


def _when(seconds: np.ndarray) -> np.ndarray:
    return (START + seconds.astype("timedelta64[s]")).astype("datetime64[us]")


def generate(n_police: int, n_cases: int, *, overlap: float = 0.3, seed: int = 7) -> Pair:
    """`overlap`: the share of case incidents that the police also hold."""
    rng = np.random.default_rng(seed)
    side = math.sqrt(max(n_police, n_cases) / PER_KM2)
    x, y, seconds, category, text = _events(n_police, side, rng)
    lat = LAT0 + (y + rng.normal(0, 0.02, n_police)) * KM_LAT
    lon = LON0 + (x + rng.normal(0, 0.02, n_police)) * KM_LON
    lost = rng.random(n_police) < 0.03
    lat[lost], lon[lost] = np.nan, np.nan
    police_ids = np.array([f"LP-{i:08d}" for i in range(n_police)], dtype=object)
    police = pl.DataFrame(
        {
            "unique_id": police_ids,
            "reported_at": _when(seconds),
            "latitude": lat,
            "longitude": lon,
            "postcode": _postcodes(x, y, side),
            "category": category,
            "description": text,
        }
    )
    shared = min(int(round(overlap * n_cases)), n_police)
    source = rng.choice(n_police, shared, replace=False)
    # Logged later (minutes to two days), a few earlier (the council heard first).
    late = np.array([3600, 6 * 3600, 86400, 2 * 86400])[
        rng.choice(4, shared, p=[0.5, 0.3, 0.15, 0.05])
    ]
    shift = rng.uniform(60, late).astype(int) * np.where(rng.random(shared) < 0.85, 1, -1)
    distance, angle = rng.uniform(0, 0.3, shared), rng.uniform(0, 2 * np.pi, shared)
    mx, my = x[source] + distance * np.cos(angle), y[source] + distance * np.sin(angle)
    snapped = rng.random(shared) < 0.3  # to the centre of its 200 m postcode unit
    mx[snapped] = np.floor(mx[snapped] * 5) / 5 + 0.1
    my[snapped] = np.floor(my[snapped] * 5) / 5 + 0.1
    mlat, mlon = LAT0 + my * KM_LAT, LON0 + mx * KM_LON
    missing = rng.random(shared) < 0.10
    mlat[missing], mlon[missing] = np.nan, np.nan
    given = police["postcode"].to_numpy()[source]
    draw = rng.random(shared)
    postcode = np.array(
        [
            p if d < 0.70 else _neighbour(p, rng) if d < 0.85 else j if d < 0.95 else None
            for p, j, d in zip(given, _postcodes(mx, my, side), draw, strict=True)
        ],
        dtype=object,
    )
    mcategory = category[source].copy()
    recoded = np.flatnonzero(rng.random(shared) < 0.15)
    mcategory[recoded] = [rng.choice([c for c in CATEGORIES if c != mcategory[i]]) for i in recoded]
    mtext = np.array([_reword(t, rng) for t in text[source]], dtype=object)
    numbered = rng.random(shared) < 0.25  # the council wrote down the police's number
    number = np.array([p if n else None for p, n in zip(police_ids[source], numbered, strict=True)])

    alone = n_cases - shared
    ux, uy, useconds, ucategory, utext = _events(alone, side, rng)
    order = rng.permutation(n_cases)
    cases = pl.DataFrame(
        {
            "reported_at": np.concatenate([_when(seconds[source] + shift), _when(useconds)]),
            "latitude": np.concatenate([mlat, LAT0 + uy * KM_LAT]),
            "longitude": np.concatenate([mlon, LON0 + ux * KM_LON]),
            "postcode": pl.Series(
                np.concatenate([postcode, _postcodes(ux, uy, side)]).tolist(), dtype=pl.Utf8
            ),
            "category": np.concatenate([mcategory, ucategory]),
            "description": np.concatenate([mtext, utext]),
            "police_incident_number": pl.Series(
                np.concatenate([number, np.full(alone, None)]).tolist(), dtype=pl.Utf8
            ),
            "_true": pl.Series(
                np.concatenate([police_ids[source], np.full(alone, None)]).tolist(), dtype=pl.Utf8
            ),
        },
        strict=False,
    )[order]
    cases = cases.with_columns(
        pl.Series("unique_id", [f"C-{i:08d}" for i in range(n_cases)])
    ).select("unique_id", pl.exclude("unique_id"))
    truth = cases.filter(pl.col("_true").is_not_null()).select(
        police_id="_true", case_id="unique_id"
    )
    return Pair(police=police, cases=cases.drop("_true"), truth=truth)
