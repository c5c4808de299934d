import pytest
from django.db import connection, transaction

from csphub.entities.sql import plans_serial

pytestmark = pytest.mark.django_db(transaction=True)


def _setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        return cursor.fetchone()[0]


@pytest.mark.postgres_only
def test_linking_turns_parallel_plans_off_for_its_own_transaction_only():
    default = _setting()
    with transaction.atomic():
        plans_serial()
        assert _setting() == "0"
    assert _setting() == default


def test_turning_parallel_plans_off_is_harmless_on_any_database():
    with transaction.atomic():
        plans_serial()
