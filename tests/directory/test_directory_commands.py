"""`csphub import-directory` and `csphub export-directory`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from csphub.directory import LEAFLET_SERVICES
from csphub.directory.models import SupportService

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_directory_prints_what_it_created_and_updated():
    assert (
        run("import_directory", str(LEAFLET_SERVICES)).strip()
        == "15 created, 0 updated, 0 unchanged"
    )
    assert run("import_directory", LEAFLET_SERVICES).strip() == "0 created, 0 updated, 15 unchanged"


def test_import_directory_fails_with_the_messages_and_imports_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "a", "name": "A", "organization": {"name": "B"}, "email": "x"}]')
    with pytest.raises(CommandError, match="email address in the correct format"):
        run("import_directory", str(bad))
    assert not SupportService.objects.exists()


def test_import_directory_explains_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run("import_directory", str(tmp_path / "missing.json"))


def test_export_directory_writes_to_stdout_or_a_file(tmp_path):
    run("import_directory", str(LEAFLET_SERVICES))
    assert len(json.loads(run("export_directory"))) == 15
    target = tmp_path / "out.json"
    run("export_directory", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(run("export_directory"))
