"""The upload page's service imports the files and recomputes the KPIs in one transaction: both
are audited, and if either fails nothing of the upload is kept."""

import pytest
from django.core.exceptions import ValidationError

from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from csphub.performance import services
from csphub.performance.models import ImportRun, KpiResult, Lsoa, PoliceMonth
from tests import performance_files as files
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_upload_is_imported_then_every_kpi_recomputed_and_both_are_audited(tmp_path):
    user = UserFactory(roles=[Role.PERFORMANCE_ANALYST])
    files.load_geography(tmp_path)
    months = [f"{2021 + (n + 9) // 12}-{(n + 9) % 12 + 1:02d}" for n in range(24)]
    archive = files.write_archive(
        tmp_path / "police.zip", {m: files.police_csv(m, files.month_rows(m)) for m in months}
    )

    summary, written = services.performance_upload_import(kind="police", paths=[archive], user=user)

    assert summary.files and summary.accepted == 3 * 24
    assert PoliceMonth.objects.count() == 24
    assert written == KpiResult.objects.count() > 0
    actions = set(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert {"performance.import", "performance.compute"} <= actions


def test_a_population_upload_takes_its_year(tmp_path):
    lookup = files.write_lookup(tmp_path / "lookup.csv")
    services.performance_upload_import(kind="lsoa-lookup", paths=[lookup])
    population = files.write_population(tmp_path / "pop.csv")

    summary, _ = services.performance_upload_import(
        kind="population", paths=[population], year=2021
    )

    assert summary.accepted == 3 and summary.details[0].startswith("County")
    assert ImportRun.objects.filter(kind=ImportRun.Kind.POPULATION).count() == 1


def test_when_the_recomputation_fails_the_import_is_undone(tmp_path, monkeypatch):
    def fail(**kwargs):
        raise ValidationError("the KPIs could not be computed")

    monkeypatch.setattr(services, "kpi_compute", fail)
    with pytest.raises(ValidationError):
        services.performance_upload_import(
            kind="lsoa-lookup", paths=[files.write_lookup(tmp_path / "lookup.csv")]
        )
    assert Lsoa.objects.count() == 0 and ImportRun.objects.count() == 0


def test_an_unknown_kind_of_upload_is_refused(tmp_path):
    with pytest.raises(ValueError, match="Unknown kind"):
        services.performance_upload_import(kind="spreadsheet", paths=[tmp_path / "x.csv"])
