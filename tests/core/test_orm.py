"""csphub.core.orm leaves hand-made instances as the ORM itself would: saved, with prefetched
relations answered from memory and cached properties already known. If a Django upgrade
changes the private attributes behind them, these fail."""

import pytest
from django.db import connection

from csphub.accounts.models import User
from csphub.core.orm import instance_mark_saved, instance_set_cached, instance_set_prefetched
from csphub.intelligence.models import Submission, Theme
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def test_an_instance_marked_saved_is_updated_rather_than_inserted_by_save(submitter):
    stored = make_submission(submitter)
    copy = Submission.objects.get(pk=stored.pk)
    fresh = Submission(**{f.attname: getattr(copy, f.attname) for f in Submission._meta.fields})
    assert fresh._state.adding
    instance_mark_saved(fresh, using=connection.alias)
    fresh.information = "Corrected"
    fresh.save()
    assert Submission.objects.count() == 1
    assert Submission.objects.get(pk=stored.pk).information == "Corrected"


def test_a_prefetched_relation_answers_from_memory(submitter, django_assert_num_queries):
    submission = Submission.objects.get(pk=make_submission(submitter).pk)
    themes = list(Theme.objects.filter(slug="county-lines"))
    instance_set_prefetched(submission, "themes", Theme.objects.filter(pk=themes[0].pk), themes)
    with django_assert_num_queries(0):
        assert list(submission.themes.all()) == themes


def test_a_cached_property_given_its_value_is_not_computed(submitter, django_assert_num_queries):
    user = User.objects.get(pk=submitter.pk)
    instance_set_cached(user, "role_set", frozenset({"analyst"}))
    with django_assert_num_queries(0):
        assert user.has_role("analyst") and not user.has_role("submitter")
