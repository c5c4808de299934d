"""`csphub import-police-asb`: the police's incident-level ASB export, checked row by row,
all or nothing, and idempotent on the incident number."""

import pytest
from django.core.management import CommandError, call_command

from csphub.cases.models import PoliceAsbIncident
from csphub.geography.models import Postcode
from tests.factories import district

pytestmark = pytest.mark.django_db

HEADER = (
    "incident_number,reported_at,latitude,longitude,postcode,pen_category,asb_type,description\n"
)
GOOD = (
    HEADER + "LP-55,2026-03-01T22:05:00,52.77210,-1.20620,LE11 3AA,ASB - Personal,Harassment,"
    "Stones thrown\n" + "lp-56,2026-03-02T01:00:00,,,,N,Vehicle nuisance,Motorbikes\n"
)


def write(tmp_path, text):
    path = tmp_path / "police.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_police_export_is_loaded_and_placed(tmp_path, capsys):
    Postcode.objects.create(
        postcode="LE11 3AA", lsoa_code="E01025700", district_code=district("charnwood").code,
        latitude=52.7721, longitude=-1.2062,
    )  # fmt: skip
    call_command("import_police_asb", write(tmp_path, GOOD))
    assert "Police incidents: 2 new" in capsys.readouterr().out
    first = PoliceAsbIncident.objects.get(incident_number="LP-55")
    assert first.category == "personal" and first.district == district("charnwood")
    second = PoliceAsbIncident.objects.get(incident_number="LP-56")  # numbers in capitals
    assert second.category == "nuisance" and second.district is None


def test_importing_again_updates_and_never_duplicates(tmp_path, capsys):
    call_command("import_police_asb", write(tmp_path, GOOD))
    call_command("import_police_asb", write(tmp_path, GOOD.replace("Motorbikes", "Quad bikes")))
    assert "Police incidents: 0 new, 1 updated, 1 unchanged" in capsys.readouterr().out
    assert PoliceAsbIncident.objects.count() == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("LP-57,,,,,,,\n", "Row 4, column reported_at: is blank"),
        ("LP-57,2026-03-02T25:00,,,,,,\n", "Row 4, column reported_at: '2026-03-02T25:00'"),
        ("LP-55,2026-03-02T10:00,,,,,,\n", "Row 4, column incident_number: LP-55 is also on row 2"),
        ("LP-57,2026-03-02T10:00,,,,X,,\n", "Row 4, column pen_category: 'X' is not an ASB"),
        ("LP-57,2026-03-02T10:00,abc,-1,,,,\n", "Row 4, column latitude: 'abc' is not a number"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(tmp_path, row, message):
    with pytest.raises(CommandError) as raised:
        call_command("import_police_asb", write(tmp_path, GOOD + row))
    assert message in str(raised.value)
    assert not PoliceAsbIncident.objects.exists()
