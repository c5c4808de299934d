"""`csphub import-cases`: a case system's incident export becomes cases and incidents; a bad
row is named by row and column and nothing is written; a second run adds nothing twice."""

import pytest
from django.core.management import CommandError, call_command

from csphub.audit.models import AuditEvent
from csphub.cases.models import Case, Incident
from csphub.geography.models import Postcode
from tests.factories import district

pytestmark = pytest.mark.django_db

HEADER = (
    "case_reference,incident_id,occurred_at,reported_at,address,postcode,latitude,longitude,"
    "category,description,police_incident_number\n"
)
GOOD = (
    HEADER + "SEN-101,1,2026-03-01T21:30:00,2026-03-01T22:00:00,12 Ash Close,LE11 3AA,,,Personal,"
    "Stones at the window,LP-55\n"
    + 'SEN-101,2,2026-03-04T20:00:00,,12 Ash Close,le113aa,,,P,"Shouting, threats",\n'
    + "SEN-102,7,2026-03-02,2026-03-03T09:00:00,Park,,52.7700,-1.2050,nuisance,Motorbikes,\n"
)


@pytest.fixture
def postcodes(db):
    charnwood = district("charnwood").code
    Postcode.objects.create(
        postcode="LE11 3AA", lsoa_code="E01025700", district_code=charnwood,
        latitude=52.7721, longitude=-1.2062,
    )  # fmt: skip


def write(tmp_path, text, name="export.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_export_becomes_cases_with_placed_incidents(tmp_path, officer, postcodes, capsys):
    call_command("import_cases", write(tmp_path, GOOD), "--by", officer.username)
    out = capsys.readouterr().out
    assert "Cases: 2 new" in out and "Incidents: 3 new" in out
    first = Case.objects.get(source_reference="SEN-101")
    assert first.lead_organisation == officer.organisation
    assert first.category == "personal" and first.district == district("charnwood")
    assert first.events.filter(kind="imported").exists()
    second = Incident.objects.get(source_id="2")
    assert second.reported_at == second.occurred_at  # no reported_at: when it happened
    assert second.postcode == "LE11 3AA" and second.lsoa_code == "E01025700"
    assert second.latitude == pytest.approx(52.7721)  # the postcode's centre
    park = Incident.objects.get(source_id="7")
    assert park.district == district("charnwood")  # by its coordinates, the nearest postcode
    assert Incident.objects.get(source_id="1").police_incident_number == "LP-55"
    assert AuditEvent.objects.filter(action="cases.imported").count() == 1


def test_importing_again_adds_nothing_and_updates_what_changed(
    tmp_path, officer, postcodes, capsys
):
    call_command("import_cases", write(tmp_path, GOOD), "--by", officer.username)
    changed = GOOD.replace("Motorbikes", "Motorbikes on the grass")
    call_command("import_cases", write(tmp_path, changed), "--by", officer.username)
    out = capsys.readouterr().out
    assert "Cases: 0 new, 0 updated, 2 unchanged" in out
    assert "Incidents: 0 new, 1 updated, 2 unchanged" in out
    assert Case.objects.count() == 2 and Incident.objects.count() == 3
    assert Incident.objects.get(source_id="7").description == "Motorbikes on the grass"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "SEN-9,1,14/03/2026,,,,,,,x,\n",
            "Row 5, column occurred_at: '14/03/2026' is not an ISO date and time",
        ),
        ("SEN-9,1,2026-03-01,,,LE99,,,,x,\n", "Row 5, column postcode: 'LE99' is not a UK"),
        ("SEN-9,1,2026-03-01,,,,52.7,,,x,\n", "Row 5, column longitude: is blank while latitude"),
        ("SEN-9,1,2026-03-01,,,,95,-1.2,,x,\n", "Row 5, column latitude: 95 is not a latitude"),
        ("SEN-9,1,2026-03-01,,,,,,loud,x,\n", "Row 5, column category: 'loud' is not an ASB"),
        (",1,2026-03-01,,,,,,,x,\n", "Row 5, column case_reference: is blank"),
        ("SEN-101,1,2026-03-01,,,,,,,x,\n", "Row 5, column incident_id: 1 of case SEN-101 is also"),
        (
            "SEN-9,1,2026-03-02,2026-03-01,,,,,,x,\n",
            "Row 5, column reported_at: is before occurred_at",
        ),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(tmp_path, officer, postcodes, row, message):
    with pytest.raises(CommandError) as raised:
        call_command("import_cases", write(tmp_path, GOOD + row), "--by", officer.username)
    assert message in str(raised.value)
    assert "nothing was written" in str(raised.value)
    assert not Case.objects.exists() and not Incident.objects.exists()


def test_a_missing_column_is_named(tmp_path, officer):
    text = GOOD.replace(",police_incident_number", "")
    with pytest.raises(CommandError, match="lacks the column police_incident_number"):
        call_command("import_cases", write(tmp_path, text), "--by", officer.username)


def test_a_case_that_cannot_be_placed_needs_a_district(tmp_path, officer, capsys):
    text = HEADER + "SEN-5,1,2026-03-01T10:00:00,,Somewhere,,,,nuisance,Litter,\n"
    with pytest.raises(CommandError, match="import with --district"):
        call_command("import_cases", write(tmp_path, text), "--by", officer.username)
    melton = district("melton")
    call_command(
        "import_cases", write(tmp_path, text), "--by", officer.username, "--district", melton.code
    )
    assert Case.objects.get().district == melton
    assert "1 incidents were placed in Melton by --district" in capsys.readouterr().out


def test_only_a_case_officer_imports_cases(tmp_path, postcodes):
    from tests.factories import UserFactory

    analyst = UserFactory(username="analyst")
    with pytest.raises(CommandError, match="Only ASB case officers"):
        call_command("import_cases", write(tmp_path, GOOD), "--by", analyst.username)
    assert not Case.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_clearly(tmp_path, officer):
    path = tmp_path / "export.csv"
    path.write_bytes(GOOD.replace("Stones", "Stönes").encode("utf-16"))
    with pytest.raises(CommandError, match="is not UTF-8 text"):
        call_command("import_cases", str(path), "--by", officer.username)
