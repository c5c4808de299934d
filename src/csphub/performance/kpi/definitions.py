"""KPI definitions: the board's fixed set lives in `kpis.yaml`, validated here on load.

Plain Python (no Django) so the engine, the benchmark and the tests share one reader. A
mistake in the file is refused with the KPI's id and the field, never half-loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DEFAULT_PATH = Path(__file__).with_name("kpis.yaml")

UNITS = ("rate_per_1000", "count", "percentage")
SOURCES = ("police", "indicators")
DIRECTIONS = ("down", "up")
COMPARATORS = ("previous_12_months", "previous_year")

# Every crime type data.police.uk publishes in the street-level files.
POLICE_CATEGORIES = (
    "Anti-social behaviour",
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
)
_ALLOWED_KEYS = {
    "id",
    "title",
    "group",
    "unit",
    "source",
    "categories",
    "all_except",
    "good",
    "target",
    "target_label",
    "comparator",
}


class DefinitionError(ValueError):
    """The KPI file is not valid; the message names the KPI and the field."""


@dataclass(frozen=True)
class Kpi:
    id: str
    title: str
    group: str
    unit: str
    source: str
    good: str
    comparator: str
    categories: tuple[str, ...] = ()
    target: float | None = None
    target_label: str = ""

    @property
    def is_rate(self) -> bool:
        return self.unit == "rate_per_1000"

    @property
    def is_percentage(self) -> bool:
        return self.unit == "percentage"

    @property
    def unit_label(self) -> str:
        return {"rate_per_1000": "per 1,000 people", "count": "a year", "percentage": "%"}[
            self.unit
        ]


@dataclass(frozen=True)
class KpiSet:
    groups: tuple[str, ...]
    kpis: tuple[Kpi, ...]

    def get(self, kpi_id: str) -> Kpi:
        for kpi in self.kpis:
            if kpi.id == kpi_id:
                return kpi
        raise KeyError(kpi_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.kpis)

    def by_source(self, source: str) -> tuple[Kpi, ...]:
        return tuple(k for k in self.kpis if k.source == source)

    def in_group(self, group: str) -> tuple[Kpi, ...]:
        return tuple(k for k in self.kpis if k.group == group)


def parse(data: object) -> KpiSet:
    """Validate the YAML document (already parsed) and return the definitions."""
    if not isinstance(data, dict) or not isinstance(data.get("kpis"), list):
        raise DefinitionError("The KPI file must have a 'kpis' list.")
    groups = data.get("groups") or []
    if not isinstance(groups, list) or not all(isinstance(g, str) and g for g in groups):
        raise DefinitionError("'groups' must be a list of section titles.")
    kpis: list[Kpi] = []
    seen: set[str] = set()
    for position, raw in enumerate(data["kpis"], start=1):
        kpis.append(_kpi(raw, position, groups, seen))
    if not kpis:
        raise DefinitionError("The KPI file defines no KPIs.")
    return KpiSet(
        groups=tuple(groups) or tuple(dict.fromkeys(k.group for k in kpis)), kpis=tuple(kpis)
    )


def _kpi(raw: object, position: int, groups: list[str], seen: set[str]) -> Kpi:
    """One KPI's definition, checked field by field (`seen` collects the ids so far)."""
    if not isinstance(raw, dict):
        raise DefinitionError(f"KPI {position}: must be a mapping of fields.")
    kpi_id = str(raw.get("id") or "").strip()
    label = f"KPI {kpi_id or position}"
    _check_id(kpi_id, label, seen)
    seen.add(kpi_id)
    _check_fields(raw, label, groups)
    target = raw.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, int | float)):
        raise DefinitionError(f"{label}: 'target' must be a number.")
    return Kpi(
        id=kpi_id,
        title=raw["title"].strip(),
        group=raw["group"].strip(),
        unit=raw["unit"],
        source=raw["source"],
        good=raw["good"],
        comparator=raw["comparator"],
        categories=_categories(raw, label),
        target=float(target) if target is not None else None,
        target_label=str(raw.get("target_label") or ""),
    )


def _check_id(kpi_id: str, label: str, seen: set[str]) -> None:
    if not kpi_id or not kpi_id.replace("-", "").isalnum() or kpi_id.lower() != kpi_id:
        raise DefinitionError(f"{label}: 'id' must be lower-case letters, digits and hyphens.")
    if kpi_id in seen:
        raise DefinitionError(f"{label}: the id is used twice.")


def _check_fields(raw: dict, label: str, groups: list[str]) -> None:
    unknown = set(raw) - _ALLOWED_KEYS
    if unknown:
        raise DefinitionError(f"{label}: unknown field(s) {', '.join(sorted(unknown))}.")
    for field, allowed in (
        ("unit", UNITS),
        ("source", SOURCES),
        ("good", DIRECTIONS),
        ("comparator", COMPARATORS),
    ):
        if raw.get(field) not in allowed:
            raise DefinitionError(f"{label}: '{field}' must be one of {', '.join(allowed)}.")
    for field in ("title", "group"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise DefinitionError(f"{label}: '{field}' is required.")
    if groups and raw["group"] not in groups:
        raise DefinitionError(f"{label}: group '{raw['group']}' is not in 'groups'.")


def _categories(raw: dict, label: str) -> tuple[str, ...]:
    """A police KPI's crime types: those listed, or all but those listed."""
    if raw["source"] != "police":
        if "categories" in raw or "all_except" in raw:
            raise DefinitionError(f"{label}: only police KPIs have categories.")
        return ()
    if ("categories" in raw) == ("all_except" in raw):
        raise DefinitionError(
            f"{label}: a police KPI needs 'categories' or 'all_except' (one of them)."
        )
    listed = raw.get("categories") or raw.get("all_except") or []
    if not isinstance(listed, list) or not listed and "categories" in raw:
        raise DefinitionError(f"{label}: the categories must be a non-empty list.")
    unknown_categories = [c for c in listed if c not in POLICE_CATEGORIES]
    if unknown_categories:
        raise DefinitionError(
            f"{label}: unknown police categories {', '.join(map(str, unknown_categories))}."
        )
    if raw["unit"] == "percentage":
        raise DefinitionError(f"{label}: police records give counts, not percentages.")
    if "categories" in raw:
        return tuple(listed)
    return tuple(c for c in POLICE_CATEGORIES if c not in listed)


def load(path: Path | str = DEFAULT_PATH) -> KpiSet:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DefinitionError(f"The KPI file is not valid YAML: {exc}") from None
    return parse(data)


@cache
def board_kpis() -> KpiSet:
    """The definitions shipped with the product (read once per process)."""
    return load(DEFAULT_PATH)
