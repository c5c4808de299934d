"""A deterministic, realistic performance dataset for the demo, in the real import layouts.

`generate()` writes, from a seed, the files the four importers read: the LSOA lookup and
boundaries, mid-year populations, data.police.uk street-level CSVs (36 months ending last month)
and an indicators CSV for the KPIs that arrive as figures. The volumes, crime-type shares and
district rates are those of the real Leicestershire county data (2021-11 to 2022-10), hard-coded
below; seasonality and a few deliberate changes make the dashboard show both significant and
non-significant movements. When the shared data folder (`../shared/data`) is present its real
LSOAs, populations and boundaries are used; otherwise synthetic LSOAs (E0199xxxx) laid out as a
grid per district stand in, so the map still draws. Nothing is copied from the shared folder.

The files make a `Dataset` that `csphub.performance.importers.dataset.load_dataset()` imports
through the services, as it does the real files.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from csphub.performance.importers.dataset import Dataset
from csphub.performance.importers.shared_data import shared_data_dir
from csphub.performance.kpi.definitions import POLICE_CATEGORIES
from csphub.performance.kpi.engine import month_index, month_label

DEFAULT_SEED = 2026
MONTHS = 36
# Months simulated before the first file, so 12-month indicator figures have a full year
# behind them.
LEAD_MONTHS = 12
COUNTY_CODE = "E10000018"
FORCE = "Leicestershire Police"
HEADER = (
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
)

# The county's seven districts: name, Census 2021 population (taken as mid-2021), the real
# 2021-11..2022-10 crime (excluding ASB) and ASB rates per 1,000, and a map centre (lat, lon).
DISTRICTS: dict[str, tuple[str, int, float, float, float, float]] = {
    "E07000129": ("Blaby", 102_900, 66.5, 6.8, 52.575, -1.235),
    "E07000130": ("Charnwood", 183_900, 78.1, 9.7, 52.730, -1.170),
    "E07000131": ("Harborough", 97_600, 54.1, 4.8, 52.500, -0.950),
    "E07000132": ("Hinckley and Bosworth", 113_700, 65.7, 6.1, 52.600, -1.400),
    "E07000133": ("Melton", 51_800, 73.4, 8.4, 52.770, -0.900),
    "E07000134": ("North West Leicestershire", 104_700, 78.4, 7.3, 52.730, -1.400),
    "E07000135": ("Oadby and Wigston", 57_800, 68.7, 5.8, 52.585, -1.085),
}
# Crime-type shares of all crime (ASB excluded), the seven districts, 2021-11 to 2022-10.
CATEGORY_SHARES = {
    "Violence and sexual offences": 0.4105,
    "Public order": 0.1221,
    "Criminal damage and arson": 0.1108,
    "Other theft": 0.0983,
    "Vehicle crime": 0.0797,
    "Burglary": 0.0557,
    "Shoplifting": 0.0420,
    "Other crime": 0.0256,
    "Drugs": 0.0232,
    "Bicycle theft": 0.0142,
    "Possession of weapons": 0.0078,
    "Theft from the person": 0.0058,
    "Robbery": 0.0044,
}
ASB = "Anti-social behaviour"
# (peak month, amplitude): summer for violence and ASB, dark evenings for burglary.
SEASONS = {
    ASB: (7, 0.22),
    "Violence and sexual offences": (7, 0.10),
    "Public order": (7, 0.10),
    "Criminal damage and arson": (7, 0.08),
    "Bicycle theft": (7, 0.35),
    "Burglary": (12, 0.16),
    "Vehicle crime": (12, 0.08),
    "Shoplifting": (12, 0.08),
}
# The deliberate real changes in the latest 12 months (the ratio to the 12 before).
CHANGES = {
    ("E07000132", "Vehicle crime"): 1.30,
    ("E07000130", ASB): 0.75,
    ("E07000134", "Burglary"): 0.85,
    (None, "Shoplifting"): 1.20,
}
OUTCOMES = {
    "Investigation complete; no suspect identified": 0.399,
    "Unable to prosecute suspect": 0.350,
    "Under investigation": 0.093,
    "Local resolution": 0.053,
    "Awaiting court outcome": 0.029,
    "Status update unavailable": 0.017,
    "Action to be taken by another organisation": 0.016,
    "Formal action is not in the public interest": 0.013,
    "Court result unavailable": 0.009,
    "Further action is not in the public interest": 0.008,
    "Further investigation is not in the public interest": 0.008,
    "Offender given a caution": 0.007,
}
STREETS = (
    "High Street",
    "Church Street",
    "Main Street",
    "Station Road",
    "Park Road",
    "London Road",
    "Mill Lane",
    "Victoria Street",
    "The Green",
    "School Lane",
    "Parking Area",
    "Supermarket",
    "Shopping Area",
    "Sports/Recreation Area",
    "Petrol Station",
    "Nightclub",
    "Bus Station",
    "Market Place",
    "Queen Street",
    "King Street",
    "Chapel Street",
    "Hall Lane",
    "Meadow Way",
    "Orchard Close",
    "Manor Road",
    "Forest Road",
    "Ashby Road",
    "Leicester Road",
    "Hinckley Road",
    "Melton Road",
    "Loughborough Road",
    "Welford Road",
    "Kings Drive",
    "Queens Drive",
    "Park Lane",
)
NO_LOCATION_SHARE = 0.025  # real files: 2.5 % of rows have no location (rejected on import)
LSOAS_PER_100K = 55  # real LLR: 611 LSOAs for 1.1 million people
POPULATION_GROWTH = 0.007  # a year
CELL_LAT, CELL_LON = 0.009, 0.014  # a synthetic LSOA's square on the map (about 1 km)


@dataclass
class _Lsoa:
    code: str
    name: str
    district: str
    population: int  # mid-2021
    lat: float
    lon: float
    geometry: dict | None = None


# -- geography --------------------------------------------------------------------------------


def _real_lsoas(data_dir: Path) -> list[_Lsoa] | None:
    ons = data_dir / "ons"
    lookup, population, boundaries = (
        ons / "lsoa11-lookup.csv",
        ons / "population-lsoa-mid2020.csv",
        ons / "lsoa11-boundaries-llr.geojson",
    )
    if not (lookup.is_file() and population.is_file() and boundaries.is_file()):
        return None
    with lookup.open(encoding="utf-8-sig", newline="") as f:
        places = {
            r["lsoa_code"]: (r["lsoa_name"], r["district_code"])
            for r in csv.DictReader(f)
            if r["district_code"] in DISTRICTS
        }
    with population.open(encoding="utf-8-sig", newline="") as f:
        people = {r["lsoa_code"]: int(r["population"]) for r in csv.DictReader(f)}
    centres = {}
    for feature in json.loads(boundaries.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        centres[props["LSOA11CD"]] = (float(props["LAT"]), float(props["LONG"]))
    lsoas = []
    for code in sorted(places):
        if code in people and code in centres:
            name, district = places[code]
            # mid-2020 to mid-2021
            lsoas.append(
                _Lsoa(
                    code,
                    name,
                    district,
                    round(people[code] * (1 + POPULATION_GROWTH)),
                    *centres[code],
                )
            )
    return lsoas or None


def _synthetic_lsoas(rng: np.random.Generator) -> list[_Lsoa]:
    lsoas: list[_Lsoa] = []
    serial = 1
    for district, (name, population, _, _, lat0, lon0) in DISTRICTS.items():
        n = max(1, round(population * LSOAS_PER_100K / 100_000))
        weights = rng.uniform(0.7, 1.35, n)
        shares = weights / weights.sum() * population
        people = np.floor(shares).astype(int)
        for i in np.argsort(-(shares - people), kind="stable")[: population - people.sum()]:
            people[i] += 1
        cols = math.ceil(math.sqrt(n))
        rows = math.ceil(n / cols)
        for i in range(n):
            r, c = divmod(i, cols)
            south = lat0 - rows * CELL_LAT / 2 + r * CELL_LAT
            west = lon0 - cols * CELL_LON / 2 + c * CELL_LON
            ring = [
                [west, south],
                [west + CELL_LON, south],
                [west + CELL_LON, south + CELL_LAT],
                [west, south + CELL_LAT],
                [west, south],
            ]
            geometry = {
                "type": "Polygon",
                "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring]],
            }
            lsoas.append(
                _Lsoa(
                    code=f"E0199{serial:04d}",
                    name=f"{name} {i // 4 + 1:03d}{'ABCD'[i % 4]}",
                    district=district,
                    population=int(people[i]),
                    lat=south + CELL_LAT / 2,
                    lon=west + CELL_LON / 2,
                    geometry=geometry,
                )
            )
            serial += 1
    return lsoas


def _populations(
    lsoas: list[_Lsoa], years: list[int], rng: np.random.Generator
) -> dict[int, np.ndarray]:
    """Mid-year estimates: steady growth, with each LSOA drifting a little from year to year."""
    base = np.array([lsoa.population for lsoa in lsoas], dtype=float)
    drift = np.ones(len(lsoas))
    found = {}
    for year in sorted(years):
        drift = drift * rng.normal(1.0, 0.004, len(lsoas))
        found[year] = np.maximum(
            100, np.round(base * (1 + POPULATION_GROWTH) ** (year - 2021) * drift)
        ).astype(int)
    return found


# -- police records ---------------------------------------------------------------------------


def _season(category: str, month: int) -> float:
    peak, amplitude = SEASONS.get(category, (1, 0.0))
    return 1 + amplitude * math.cos(2 * math.pi * ((month % 12) + 1 - peak) / 12)


def _change(district: str, category: str, month: int, latest_start: int) -> float:
    ratio = CHANGES.get((district, category)) or CHANGES.get((None, category))
    if ratio is None or month < latest_start:
        return 1.0
    # a ramp over the first three months, levelled so the year as a whole changes by `ratio`
    level = 1 + (ratio - 1) * 12 / 10.5
    return 1 + (level - 1) * min(1.0, (month - latest_start + 1) / 4)


def _simulate_counts(
    lsoas: list[_Lsoa], months: list[int], latest_start: int, rng: np.random.Generator
) -> np.ndarray:
    """counts[month, lsoa, category] for every police category."""
    categories = list(POLICE_CATEGORIES)
    counts = np.zeros((len(months), len(lsoas), len(categories)), dtype=np.int64)
    district_of = np.array([lsoa.district for lsoa in lsoas])
    population = np.array([lsoa.population for lsoa in lsoas], dtype=float)
    # Some places attract more crime than their population (town centres, retail parks).
    pull = population * rng.lognormal(0.0, 0.55, len(lsoas))
    for district, (_, _, crime_rate, asb_rate, _, _) in DISTRICTS.items():
        members = np.flatnonzero(district_of == district)
        people = population[members].sum()
        for ci, category in enumerate(categories):
            yearly = (
                (asb_rate if category == ASB else crime_rate * CATEGORY_SHARES[category])
                * people
                / 1000
            )
            weights = pull[members] * rng.lognormal(0.0, 0.3, len(members))
            weights = weights / weights.sum()
            wobble = rng.normal(1.0, 0.03, len(months) // 12 + 2)  # small year-to-year drift
            for mi, month in enumerate(months):
                expected = (
                    yearly
                    / 12
                    * _season(category, month)
                    * _change(district, category, month, latest_start)
                    * wobble[mi // 12]
                )
                n = rng.poisson(expected)
                if n:
                    counts[mi, members, ci] = rng.multinomial(n, weights)
    return counts


def _write_police_month(
    path: Path,
    month: int,
    counts: np.ndarray,
    lsoas: list[_Lsoa],
    last: int,
    rng: np.random.Generator,
) -> int:
    """One month's street-level file; returns the rows written."""
    categories = np.array(POLICE_CATEGORIES, dtype=object)
    flat = counts.reshape(-1)
    cells = np.repeat(np.arange(flat.size), flat)
    lsoa_i, cat_i = np.divmod(cells, len(categories))
    n = cells.size
    order = rng.permutation(n)
    lsoa_i, cat_i = lsoa_i[order], cat_i[order]
    category = categories[cat_i]
    is_asb = category == ASB
    ids = rng.bytes(32 * n).hex()
    crime_id = np.array([ids[i * 64 : (i + 1) * 64] for i in range(n)], dtype=object)
    crime_id[is_asb] = None
    outcomes = list(OUTCOMES)
    weights = np.array(list(OUTCOMES.values()))
    if last - month < 3:  # recent crimes are still being investigated
        weights = weights.copy()
        weights[outcomes.index("Under investigation")] += 0.35 - 0.12 * (last - month)
    outcome = np.array(outcomes, dtype=object)[
        rng.choice(len(outcomes), n, p=weights / weights.sum())
    ]
    outcome[is_asb] = None
    lat = np.array([lsoa.lat for lsoa in lsoas])[lsoa_i] + rng.uniform(-0.0035, 0.0035, n)
    lon = np.array([lsoa.lon for lsoa in lsoas])[lsoa_i] + rng.uniform(-0.0055, 0.0055, n)
    code = np.array([lsoa.code for lsoa in lsoas], dtype=object)[lsoa_i]
    name = np.array([lsoa.name for lsoa in lsoas], dtype=object)[lsoa_i]
    location = "On or near " + np.array(STREETS, dtype=object)[rng.integers(0, len(STREETS), n)]
    lat_text = np.char.mod("%.6f", lat).astype(object)
    lon_text = np.char.mod("%.6f", lon).astype(object)
    nowhere = rng.random(n) < NO_LOCATION_SHARE
    for column in (lat_text, lon_text, code, name):
        column[nowhere] = None
    location[nowhere] = "No Location"
    label = month_label(month)
    frame = pl.DataFrame(
        {
            "Crime ID": crime_id.tolist(),
            "Month": [label] * n,
            "Reported by": [FORCE] * n,
            "Falls within": [FORCE] * n,
            "Longitude": lon_text.tolist(),
            "Latitude": lat_text.tolist(),
            "Location": location.tolist(),
            "LSOA code": code.tolist(),
            "LSOA name": name.tolist(),
            "Crime type": category.tolist(),
            "Last outcome category": outcome.tolist(),
            "Context": [None] * n,
        },
        schema={c: pl.String for c in HEADER},
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_csv(path, null_value="")
    return n


# -- indicator figures ------------------------------------------------------------------------


def _thin(counts: np.ndarray, share: float | np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return rng.binomial(counts, share)


def _monthly(
    rate_per_1000: float,
    people: np.ndarray,
    months: int,
    rng: np.random.Generator,
    trend: np.ndarray | None = None,
) -> np.ndarray:
    """Poisson counts [district, month] at a yearly rate per 1,000 people."""
    expected = np.outer(people * rate_per_1000 / 1000 / 12, np.ones(months))
    if trend is not None:
        expected = expected * trend
    return rng.poisson(expected)


def _ramp(months: list[int], latest_start: int, ratio: float) -> np.ndarray:
    return np.array(
        [
            1.0
            if m < latest_start
            else 1 + (ratio - 1) * min(1.0, (m - latest_start + 1) / 4) * 12 / 10.5
            for m in months
        ]
    )


PercentageSpec = tuple[float, "float | np.ndarray", dict[str | None, float]]
# percentages: (yearly base per 1,000 people, share per district or one share, latest-year ratio)
PERCENTAGES: dict[str, PercentageSpec] = {
    "marac-repeats": (1.5, np.array([0.34, 0.42, 0.30, 0.38, 0.33, 0.36, 0.44]), {}),
    "youth-ete": (0.25, 0.68, {}),
    "survey-asb-decreased": (2.0, 0.76, {"E07000130": 1.06}),
    "survey-safe-after-dark": (2.0, 0.68, {None: 1.06}),
    "survey-get-on-well": (2.0, 0.83, {}),
}
REGIONAL: dict[str, float | None] = {
    "all-crime": 84.0,
    "burglary": 5.6,
    "vehicle-offences": 6.9,
    "asb-police": 12.5,
    "marac-repeats": 33.0,
    "youth-ete": 66.0,
    "first-time-entrants": None,
}
Row = dict[str, object]


def _indicator_rows(
    district_counts: dict[str, np.ndarray],
    people: np.ndarray,
    months: list[int],
    latest_start: int,
    rng: np.random.Generator,
) -> list[Row]:
    """Rows for the indicators CSV: county and districts at quarter ends, 12-month figures."""
    codes = list(DISTRICTS)
    cat = {c: i for i, c in enumerate(POLICE_CATEGORIES)}
    police = np.stack([district_counts[d] for d in codes])  # [district, month, category]
    counts = _indicator_counts(police, cat, people, months, rng)
    percentages = _percentage_series(codes, people, months, latest_start, rng)
    all_crime_monthly = police[:, :, [i for c, i in cat.items() if c != ASB]].sum(axis=2)
    rows: list[Row] = []
    for mi in _quarter_ends(months):
        period = month_label(months[mi])
        drift = rng.normal(1.0, 0.02)
        rows += _count_rows(counts, codes, period, mi)
        rows += _percentage_rows(percentages, codes, period, mi, drift)
        rows += _comparator_rows(codes, period, drift)
        all_crime = _window(all_crime_monthly, mi) / people * 1000
        rows += _family_rows(all_crime, codes, period, rng)
    return rows


def _window(series: np.ndarray, mi: int) -> np.ndarray:
    return series[:, mi - 11 : mi + 1].sum(axis=1)


def _indicator_counts(
    police: np.ndarray,
    cat: dict[str, int],
    people: np.ndarray,
    months: list[int],
    rng: np.random.Generator,
) -> dict[str, np.ndarray]:
    """Monthly counts by district of the KPIs that arrive as figures."""
    nm = len(months)
    burglary = police[:, :, cat["Burglary"]]
    violence = police[:, :, cat["Violence and sexual offences"]]
    residential = _thin(burglary, 0.72, rng)
    with_injury = _thin(violence, 0.26, rng)
    hate = _monthly(0.9, people, nm, rng)
    return {
        "residential-burglary": residential,
        "business-burglary": burglary - residential,
        "violence-with-injury": with_injury,
        "sexual-offences": _thin(violence, 0.065, rng),
        "dv-with-injury": _thin(with_injury, 0.35, rng),
        "domestic-crimes-incidents": _monthly(16.0, people, nm, rng),
        "hate-crimes": hate,
        "racially-aggravated": _thin(hate, 0.55, rng),
        "asb-case-managed": _monthly(0.6, people, nm, rng),
        "youth-reoffending": _monthly(0.35, people, nm, rng),
        # about 100 a year county-wide four years ago, falling by a twentieth a year
        "first-time-entrants": _monthly(
            0.145, people, nm, rng, np.array([0.95 ** ((m - months[0]) / 12) for m in months])
        ),
    }


def _percentage_series(
    codes: list[str],
    people: np.ndarray,
    months: list[int],
    latest_start: int,
    rng: np.random.Generator,
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Monthly (numerator, base) by district of the percentage KPIs."""
    nm = len(months)
    out = {}
    for kpi, (base_rate, share, ratios) in PERCENTAGES.items():
        base = _monthly(base_rate, people, nm, rng)
        shares = np.outer(np.broadcast_to(share, (len(codes),)), np.ones(nm))
        for district, ratio in ratios.items():
            targets = range(len(codes)) if district is None else [codes.index(district)]
            for r in targets:
                shares[r] = np.minimum(0.98, shares[r] * _ramp(months, latest_start, ratio))
        out[kpi] = (_thin(base, shares, rng), base)
    return out


def _quarter_ends(months: list[int]) -> list[int]:
    ends = [mi for mi, m in enumerate(months) if mi >= 11 and m % 12 in (2, 5, 8, 11)][-12:]
    if ends[-1] != len(months) - 1:
        # The partners' figures for the latest month too, so the newest period has every KPI.
        ends.append(len(months) - 1)
    return ends


def _count_rows(counts: dict[str, np.ndarray], codes: list[str], period: str, mi: int) -> list[Row]:
    rows: list[Row] = []
    for kpi, series in counts.items():
        totals = _window(series, mi)
        rows.append(
            {"kpi": kpi, "area_code": COUNTY_CODE, "period_end": period, "value": int(totals.sum())}
        )
        rows += [
            {"kpi": kpi, "area_code": d, "period_end": period, "value": int(v)}
            for d, v in zip(codes, totals, strict=True)
        ]
    return rows


def _percentage_rows(
    percentages: dict[str, tuple[np.ndarray, np.ndarray]],
    codes: list[str],
    period: str,
    mi: int,
    drift: float,
) -> list[Row]:
    rows: list[Row] = []
    for kpi, (numerators, bases) in percentages.items():
        num, base = _window(numerators, mi), _window(bases, mi)
        county: Row = {
            "kpi": kpi,
            "area_code": COUNTY_CODE,
            "period_end": period,
            "value": round(num.sum() / base.sum() * 100, 1),
            "numerator": int(num.sum()),
            "base": int(base.sum()),
        }
        if average := REGIONAL.get(kpi):
            county["regional_average"] = round(average * drift, 1)
        rows.append(county)
        rows += [
            {
                "kpi": kpi,
                "area_code": d,
                "period_end": period,
                "value": round(n / b * 100, 1),
                "numerator": int(n),
                "base": int(b),
            }
            for d, n, b in zip(codes, num, base, strict=True)
            if b
        ]
    return rows


def _comparator_rows(codes: list[str], period: str, drift: float) -> list[Row]:
    """The East Midlands average for the police KPIs."""
    return [
        {
            "kpi": kpi,
            "area_code": COUNTY_CODE,
            "period_end": period,
            "regional_average": round((REGIONAL[kpi] or 0.0) * drift, 1),
        }
        for kpi in ("all-crime", "burglary", "vehicle-offences", "asb-police")
    ]


def _family_rows(
    all_crime: np.ndarray, codes: list[str], period: str, rng: np.random.Generator
) -> list[Row]:
    """Each district's place among its 15 most similar community safety partnerships
    (1 = lowest all-crime rate)."""
    rows: list[Row] = []
    for d, rate in zip(codes, all_crime, strict=True):
        rank = int(np.clip(round(1 + (rate - 45) / 45 * 14 + rng.normal(0, 1)), 1, 15))
        rows.append(
            {
                "kpi": "all-crime",
                "area_code": d,
                "period_end": period,
                "msf_rank": rank,
                "msf_size": 15,
            }
        )
    return rows


INDICATOR_COLUMNS = (
    "kpi",
    "area_code",
    "period_end",
    "value",
    "numerator",
    "base",
    "regional_average",
    "msf_rank",
    "msf_size",
)


def _write_indicators(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, INDICATOR_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# -- the dataset ------------------------------------------------------------------------------


def last_full_month(today: date | None = None) -> str:
    """The month before this one ("2026-11" on 2 December 2026): the demo's figures end there,
    as real published figures would, so the board paper is never dated long after its data."""
    today = today or date.today()
    return month_label(month_index(f"{today:%Y-%m}") - 1)


def generate(
    folder: Path | str,
    *,
    seed: int = DEFAULT_SEED,
    data_dir: Path | str | None = None,
    end: str | None = None,
    months: int = MONTHS,
) -> Dataset:
    """Write the demo's performance files into `folder` (replacing what was there), ending at
    `end` (the last full month by default); the same seed, end and shared folder (present or
    not) give the same bytes."""
    end = end or last_full_month()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    data_dir = Path(data_dir) if data_dir is not None else shared_data_dir()
    real = _real_lsoas(data_dir)
    lsoas = real or _synthetic_lsoas(rng)
    last = month_index(end)
    first = last - months + 1
    latest_start = last - 11
    simulated = list(range(first - LEAD_MONTHS, last + 1))
    years = sorted(
        {(m - 6) // 12 for m in range(first + 11, last + 1)}
        | {(m - 6) // 12 - 1 for m in range(first + 11, last + 1)}
    )
    population = _populations(lsoas, years, rng)

    boundaries, indicators = folder / "lsoa-boundaries.geojson", folder / "indicators.csv"
    dataset = Dataset(
        lookup=folder / "lsoa-lookup.csv",
        boundaries=boundaries,
        populations={},
        police=[folder / "police"],
        indicators=indicators,
        real_geography=real is not None,
    )
    if real:
        ons = data_dir / "ons"
        dataset.lookup, dataset.boundaries = (
            ons / "lsoa11-lookup.csv",
            ons / "lsoa11-boundaries-llr.geojson",
        )
    else:
        with dataset.lookup.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(
                ["lsoa_code", "lsoa_name", "district_code", "district_name", "police_force"]
            )
            writer.writerows(
                [
                    (x.code, x.name, x.district, DISTRICTS[x.district][0], "Leicestershire")
                    for x in lsoas
                ]
            )
        features = [
            {
                "type": "Feature",
                "properties": {"LSOA11CD": x.code, "LSOA11NM": x.name},
                "geometry": x.geometry,
            }
            for x in lsoas
        ]
        boundaries.write_text(
            json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
        )
        dataset.files += [dataset.lookup, boundaries]
    for year, values in population.items():
        path = folder / f"population-lsoa-mid{year}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["lsoa_code", "lsoa_name", "population"])
            writer.writerows([(x.code, x.name, int(v)) for x, v in zip(lsoas, values, strict=True)])
        dataset.populations[year] = path
        dataset.files.append(path)

    counts = _simulate_counts(lsoas, simulated, latest_start, rng)
    police_dir = folder / "police"
    for stale in sorted(police_dir.rglob("*.csv")) if police_dir.exists() else []:
        stale.unlink()
    for offset in range(months):
        month = first + offset
        label = month_label(month)
        path = police_dir / label / f"{label}-leicestershire-street.csv"
        dataset.records += _write_police_month(
            path, month, counts[LEAD_MONTHS + offset], lsoas, last, rng
        )
        dataset.files.append(path)

    district_of = np.array([x.district for x in lsoas])
    by_district = {d: counts[:, district_of == d, :].sum(axis=1) for d in DISTRICTS}
    people = np.array(
        [sum(x.population for x in lsoas if x.district == d) for d in DISTRICTS], dtype=float
    )
    _write_indicators(
        indicators, _indicator_rows(by_district, people, simulated, latest_start, rng)
    )
    dataset.files.append(indicators)
    dataset.description = (
        f"{dataset.records:,} police records, {month_label(first)} to {end}, in {len(lsoas)} "
        f"{'real' if real else 'synthetic'} LSOAs of the county's {len(DISTRICTS)} districts"
    )
    return dataset
