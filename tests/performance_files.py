"""Small files in the real import layouts, written into a test's tmp_path."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
    "Crime type,Last outcome category,Context"
)
BLABY, MELTON = "E07000129", "E07000133"
LSOAS = [
    ("E01025001", "Blaby 001A", BLABY),
    ("E01025002", "Blaby 001B", BLABY),
    ("E01025003", "Melton 001A", MELTON),
]


def police_csv(month: str, rows: list[tuple[str, str, str]]) -> str:
    """rows: (crime id or '', LSOA code, crime type)."""
    lines = [HEADER]
    for crime_id, lsoa, category in rows:
        lines.append(
            f"{crime_id},{month},Leicestershire Police,Leicestershire Police,-1.1,52.6,"
            f"On or near Main Street,{lsoa},Some 001A,{category},Under investigation,"
        )
    return "\n".join(lines) + "\n"


def month_rows(month: str, vehicle: int = 2, asb: int = 1) -> list[tuple[str, str, str]]:
    rows = [(f"{month}-v{i}", LSOAS[i % 2][0], "Vehicle crime") for i in range(vehicle)]
    return rows + [("", LSOAS[2][0], "Anti-social behaviour") for _ in range(asb)]


def write_archive(path: Path, months: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for month, text in months.items():
            archive.writestr(f"{month}/{month}-leicestershire-street.csv", text)
            archive.writestr(
                f"{month}/{month}-leicestershire-outcomes.csv", "Crime ID,Month\nx,y\n"
            )
    return path


def write_gz(path: Path, text: str) -> Path:
    path.write_bytes(gzip.compress(text.encode()))
    return path


def write_lookup(path: Path) -> Path:
    lines = ["lsoa_code,lsoa_name,district_code,district_name,police_force"]
    lines += [
        f"{code},{name},{district},{'Blaby' if district == BLABY else 'Melton'},Leicestershire"
        for code, name, district in LSOAS
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_population(path: Path, populations=(1000, 2000, 1500)) -> Path:
    lines = ["lsoa_code,lsoa_name,population"] + [
        f"{code},{name},{population}"
        for (code, name, _), population in zip(LSOAS, populations, strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_geography(tmp_path: Path) -> None:
    from csphub.performance.services import lsoa_lookup_import, population_import

    lsoa_lookup_import(path=write_lookup(tmp_path / "lookup.csv"))
    population_import(path=write_population(tmp_path / "pop.csv"), year=2022)
