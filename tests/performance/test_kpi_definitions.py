"""The KPI definitions file: the board's set ships with the product, and mistakes are refused."""

import pytest

from csphub.performance.kpi.definitions import (
    POLICE_CATEGORIES,
    DefinitionError,
    board_kpis,
    load,
    parse,
)


def test_the_shipped_file_holds_every_board_kpi_in_the_boards_groups():
    kpis = board_kpis()
    assert kpis.groups == (
        "Ongoing Reductions in Crime",
        "Reducing Offending and Re-offending",
        "Repeat Victimisation and Vulnerable Victims",
        "ASB and Satisfaction",
        "Preventing Terrorism and Radicalisation",
    )
    titles = {k.title for k in kpis.kpis}
    for title in (
        "All crime",
        "Vehicle offences",
        "MARAC repeat referrals",
        "Hate crimes",
        "Feel safe outside after dark",
        "Residential burglary",
        "Case-managed ASB",
    ):
        assert title in titles
    assert all(kpis.in_group(group) for group in kpis.groups)


def test_all_crime_counts_every_police_category_except_asb():
    all_crime = board_kpis().get("all-crime")
    assert set(all_crime.categories) == set(POLICE_CATEGORIES) - {"Anti-social behaviour"}


def test_marac_carries_the_safelives_threshold():
    marac = board_kpis().get("marac-repeats")
    assert marac.target == 40 and "SafeLives" in marac.target_label
    assert marac.unit == "percentage" and marac.good == "down"


def kpi(**overrides):
    base = {
        "id": "x",
        "title": "X",
        "group": "G",
        "unit": "rate_per_1000",
        "source": "police",
        "categories": ["Burglary"],
        "good": "down",
        "comparator": "previous_12_months",
    }
    return {"groups": ["G"], "kpis": [{**base, **overrides}]}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"unit": "per cent"}, "'unit' must be one of"),
        ({"source": "tableau"}, "'source' must be one of"),
        ({"good": "sideways"}, "'good' must be one of"),
        ({"categories": ["Burglery"]}, "unknown police categories Burglery"),
        ({"categories": None}, "categories"),
        ({"colour": "red"}, "unknown field(s) colour"),
        ({"id": "Has Spaces"}, "'id' must be lower-case"),
        ({"group": "Elsewhere"}, "is not in 'groups'"),
        ({"unit": "percentage"}, "police records give counts"),
        ({"target": "forty"}, "'target' must be a number"),
    ],
)
def test_a_mistake_is_refused_with_the_kpi_and_the_field(overrides, message):
    data = kpi(**overrides)
    if overrides.get("categories", "") is None:
        del data["kpis"][0]["categories"]
    with pytest.raises(DefinitionError, match="KPI") as error:
        parse(data)
    assert message in str(error.value)


def test_an_id_used_twice_is_refused():
    data = kpi()
    data["kpis"].append(dict(data["kpis"][0]))
    with pytest.raises(DefinitionError, match="used twice"):
        parse(data)


def test_a_file_that_is_not_yaml_is_refused(tmp_path):
    path = tmp_path / "kpis.yaml"
    path.write_text("kpis: [unclosed", encoding="utf-8")
    with pytest.raises(DefinitionError, match="not valid YAML"):
        load(path)
