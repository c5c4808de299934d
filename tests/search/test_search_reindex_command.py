"""`csphub search-reindex` writes the search documents of existing submissions, in batches."""

import pytest
from django.core.management import call_command

from csphub.search.models import SearchDocument
from tests.factories import make_submission
from tests.search.conftest import references

pytestmark = pytest.mark.django_db


def test_reindex_builds_documents_for_submissions_that_had_none(submitter, search_api, capsys):
    made = [make_submission(submitter, information=f"Fly-tipping number {n}") for n in range(5)]
    assert SearchDocument.objects.count() == 0  # their commit hooks never ran
    call_command("search_reindex", batch_size=2)
    assert "Search documents written for 5 submission(s)." in capsys.readouterr().out
    assert SearchDocument.objects.count() == 5
    assert set(references(search_api(q="fly-tipping"))) == {s.reference for s in made}


def test_reindex_rewrites_existing_documents_and_keeps_one_each(submit, search_api):
    made = submit(information="Abandoned car on the verge.")
    SearchDocument.objects.filter(pk=made.pk).update(document="stale words")
    call_command("search_reindex")
    assert SearchDocument.objects.count() == 1
    assert references(search_api(q="abandoned")) == [made.reference]
    assert references(search_api(q="stale")) == []


def test_reindex_missing_only_adds_the_documents_not_there(submit, submitter, capsys):
    submit(information="Already indexed")
    make_submission(submitter, information="Not yet indexed")
    call_command("search_reindex", missing=True)
    assert "written for 1 submission(s)" in capsys.readouterr().out
    assert SearchDocument.objects.count() == 2


def test_the_console_script_knows_the_command_by_its_hyphenated_name():
    from csphub.manage import django_argv

    assert django_argv(["csphub", "search-reindex"]) == ["csphub", "search_reindex"]
