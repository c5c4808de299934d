"""On PostgreSQL a search finds its matches with more work_mem (CSPHUB_SEARCH_WORK_MEM), so a
filtered search's bitmap of candidates stays exact, and only for that search: the connection's
own setting is back afterwards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

pytestmark = pytest.mark.django_db(transaction=True)  # as in a request: autocommit


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("work_mem is PostgreSQL's")


def work_mem() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        return cursor.fetchone()[0]


@override_settings(CSPHUB_SEARCH_WORK_MEM="24MB")
def test_the_search_runs_with_the_configured_work_mem_and_leaves_it_as_it_was(submit, search_api):
    submit(information="A grey hoodie seen near the bus station.", district_code="E07000130")
    before = work_mem()
    with CaptureQueriesContext(connection) as captured:
        response = search_api(q='"grey hoodie"', district="charnwood")
    assert response.json()["count"] == 1
    sqls = [q["sql"] or "" for q in captured.captured_queries]
    setting = next(i for i, sql in enumerate(sqls) if "set_config('work_mem', '24MB', true)" in sql)
    matching = next(i for i, sql in enumerate(sqls) if "@@" in sql)
    assert setting < matching
    assert work_mem() == before
