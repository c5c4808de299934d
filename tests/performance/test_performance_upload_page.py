"""A performance analyst uploads data files on a page: the import runs, the KPIs are
recomputed, and the page shows what was read, accepted and rejected."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from csphub.core.roles import Role
from csphub.performance.models import (
    CrimeCount,
    ImportRun,
    KpiResult,
    Lsoa,
    PoliceMonth,
    PopulationEstimate,
)
from tests import performance_files as files
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_client(client):
    client.force_login(
        UserFactory(username="pat", full_name="Pat Analyst", roles=[Role.PERFORMANCE_ANALYST])
    )
    return client


def upload(client, kind: str, *paths, **extra):
    data = {
        "kind": kind,
        "files": [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths],
        **extra,
    }
    return client.post(reverse("performance:upload"), data, follow=True)


def months(first_year: int = 2021) -> dict[str, str]:
    out = {}
    for n in range(24):
        label = f"{first_year + (n + 9) // 12}-{(n + 9) % 12 + 1:02d}"
        out[label] = files.police_csv(
            label, files.month_rows(label, vehicle=2 + n % 3) + [("", "", "Burglary")]
        )
    return out


def test_an_analyst_loads_lookup_population_and_police_data_and_sees_the_summary(
    analyst_client, tmp_path
):
    response = upload(analyst_client, "lsoa-lookup", files.write_lookup(tmp_path / "lookup.csv"))
    html = response.content.decode()
    assert response.status_code == 200 and "LSOA to district lookup (ONS) imported" in html
    assert Lsoa.objects.count() == 3

    response = upload(
        analyst_client, "population", files.write_population(tmp_path / "pop.csv"), year="2022"
    )
    assert PopulationEstimate.objects.filter(year=2022).count() == 3

    archive = files.write_archive(tmp_path / "police.zip", months())
    response = upload(analyst_client, "police", archive)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Police recorded crime and ASB (data.police.uk street-level files) imported" in html
    rows = sum(len(files.month_rows("x", vehicle=2 + n % 3)) + 1 for n in range(24))
    assert f'data-field="rows_read">{rows:,}<' in html
    assert f'data-field="accepted">{rows - 24:,}<' in html
    assert "24 × no location (no LSOA code), so it cannot be placed in an area" in html
    assert PoliceMonth.objects.count() == 24
    assert KpiResult.objects.filter(kpi="vehicle-offences", area_type="county").exists()
    # The recent imports list names the files and who loaded them.
    assert html.count("Pat Analyst") == 3 and "police.zip" in html
    # The summary is shown once, not on every visit.
    assert (
        "imported and the KPIs recomputed"
        not in analyst_client.get(reverse("performance:upload")).content.decode()
    )


def test_several_police_files_may_be_uploaded_together(analyst_client, tmp_path):
    files.load_geography(tmp_path)
    a = files.write_gz(
        tmp_path / "2022-09-leicestershire-street.csv.gz",
        files.police_csv("2022-09", files.month_rows("2022-09")),
    )
    b = tmp_path / "2022-10-leicestershire-street.csv"
    b.write_text(files.police_csv("2022-10", files.month_rows("2022-10")))
    response = upload(analyst_client, "police", a, b)
    assert response.status_code == 200
    assert sorted(PoliceMonth.objects.values_list("month__month", flat=True)) == [9, 10]


def test_a_file_in_the_wrong_layout_is_refused_with_a_clear_message_and_nothing_is_written(
    analyst_client, tmp_path
):
    bad = tmp_path / "crimes.csv"
    bad.write_text("date,place,what\n2022-10,Loughborough,Burglary\n")
    response = upload(analyst_client, "police", bad)
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "crimes.csv: not in the data.police.uk street-level layout" in html
    assert 'href="#id_files"' in html
    assert CrimeCount.objects.count() == 0 and ImportRun.objects.count() == 0


def test_a_lookup_with_missing_columns_is_refused(analyst_client, tmp_path):
    bad = tmp_path / "lookup.csv"
    bad.write_text("code,name\nE01025001,Blaby 001A\n")
    html = upload(analyst_client, "lsoa-lookup", bad).content.decode()
    assert "lookup.csv: missing column(s)" in html
    assert Lsoa.objects.count() == 0


@pytest.mark.parametrize(
    ("kind", "name", "extra", "message"),
    [
        ("population", "pop.csv", {}, "Enter the year of the mid-year estimate"),
        ("population", "pop.csv", {"year": "twenty"}, "Year must be a number, like 2020"),
        ("indicators", "figures.xlsx", {}, "figures.xlsx must be a .csv, .csv.gz file"),
        ("", "pop.csv", {}, "Select what you are uploading"),
    ],
)
def test_the_form_says_what_is_missing(analyst_client, tmp_path, kind, name, extra, message):
    path = tmp_path / name
    path.write_text("lsoa_code,population\nE01025001,1000\n")
    response = upload(analyst_client, kind, path, **extra)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert PopulationEstimate.objects.count() == 0


def test_only_police_data_may_be_several_files(analyst_client, tmp_path):
    a, b = files.write_lookup(tmp_path / "a.csv"), files.write_lookup(tmp_path / "b.csv")
    response = upload(analyst_client, "lsoa-lookup", a, b)
    assert (
        "Select one file (only police data may be uploaded as several files)"
        in response.content.decode()
    )


def test_no_file_chosen_is_an_error(analyst_client):
    response = analyst_client.post(reverse("performance:upload"), {"kind": "police"})
    assert response.status_code == 400
    assert "Select a file to upload" in response.content.decode()
