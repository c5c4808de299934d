"""Importing the LSOA lookup, boundaries and population estimates."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from csphub.performance.models import Lsoa, PopulationEstimate
from csphub.performance.services import boundaries_import, lsoa_lookup_import, population_import
from tests.performance_files import LSOAS, write_lookup, write_population

pytestmark = pytest.mark.django_db


def test_the_lookup_places_lsoas_in_districts_and_reimporting_updates_them(tmp_path):
    path = write_lookup(tmp_path / "lookup.csv")
    summary = lsoa_lookup_import(path=path)
    assert summary.accepted == 3
    assert "3 LSOAs lie in the county's 7 districts" in summary.details[0]
    path.write_text(path.read_text().replace("Blaby 001A", "Blaby 001A renamed"))
    lsoa_lookup_import(path=path)
    assert Lsoa.objects.count() == 3
    assert Lsoa.objects.get(code=LSOAS[0][0]).name == "Blaby 001A renamed"


def test_the_lookup_accepts_ons_headers(tmp_path):
    path = tmp_path / "ons.csv"
    path.write_text("LSOA11CD,LSOA11NM,LAD22CD,LAD22NM\nE01025001,Blaby 001A,E07000129,Blaby\n")
    assert lsoa_lookup_import(path=path).accepted == 1


def test_a_lookup_without_its_columns_is_refused(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("code,name\nE01025001,Blaby\n")
    with pytest.raises(ValidationError, match="missing column"):
        lsoa_lookup_import(path=path)
    assert not Lsoa.objects.exists()


def test_boundaries_attach_to_known_lsoas(tmp_path):
    lsoa_lookup_import(path=write_lookup(tmp_path / "lookup.csv"))
    square = {"type": "Polygon", "coordinates": [[[-1, 52], [-1, 52.1], [-0.9, 52.1], [-1, 52]]]}
    path = tmp_path / "b.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"LSOA11CD": LSOAS[0][0]},
                        "geometry": square,
                    },
                    {
                        "type": "Feature",
                        "properties": {"LSOA11CD": "E01999999"},
                        "geometry": square,
                    },
                ],
            }
        )
    )
    summary = boundaries_import(path=path)
    assert summary.accepted == 1
    assert summary.reasons == {"LSOA not in the lookup (import the lookup first)": 1}
    assert Lsoa.objects.get(code=LSOAS[0][0]).boundary == square


def test_a_population_year_is_replaced_when_imported_again(tmp_path):
    lsoa_lookup_import(path=write_lookup(tmp_path / "lookup.csv"))
    population_import(path=write_population(tmp_path / "a.csv"), year=2020)
    summary = population_import(path=write_population(tmp_path / "b.csv", (10, 20, 30)), year=2020)
    assert PopulationEstimate.objects.filter(year=2020).count() == 3
    assert sorted(PopulationEstimate.objects.values_list("population", flat=True)) == [10, 20, 30]
    assert summary.details[0] == "County (7 districts, mid-2020): 60"
    assert "  Blaby: 30" in summary.details and "  Melton: 30" in summary.details


def test_bad_population_rows_are_rejected_with_reasons(tmp_path):
    path = tmp_path / "pop.csv"
    path.write_text("lsoa_code,population\nE01025001,1000\nE01025002,many\nNOPE,5\nE01025001,7\n")
    summary = population_import(path=path, year=2021)
    assert summary.accepted == 1
    assert summary.reasons == {
        "population is not a whole number above zero": 1,
        "LSOA code is not an England or Wales LSOA code": 1,
        "LSOA listed twice (the first row was kept)": 1,
    }


def test_a_file_that_is_not_utf8_gets_a_clear_message(tmp_path):
    path = tmp_path / "pop.csv"
    path.write_bytes("lsoa_code,population\nE01025001,1000 \xa3\n".encode("latin-1"))
    with pytest.raises(ValidationError, match="not UTF-8"):
        population_import(path=path, year=2021)


def test_the_population_command_needs_a_year(tmp_path):
    with pytest.raises(Exception, match="year"):
        call_command("import_population", str(write_population(tmp_path / "p.csv")))
