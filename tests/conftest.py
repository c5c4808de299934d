import pytest
from django.db import connection

from csphub.core.roles import Role
from tests.factories import UserFactory


@pytest.fixture
def submitter(db):
    return UserFactory(username="submitter", roles=[Role.SUBMITTER])


@pytest.fixture
def other_submitter(db):
    return UserFactory(username="other-submitter", roles=[Role.SUBMITTER])


@pytest.fixture
def analyst(db):
    return UserFactory(username="analyst", roles=[Role.ANALYST])


@pytest.fixture
def administrator(db):
    return UserFactory(username="administrator", roles=[Role.ADMINISTRATOR])


@pytest.fixture
def as_admin(verified_client, administrator):
    """A client signed in as an administrator, two-factor included."""
    return verified_client(administrator)


@pytest.fixture
def verified_client(client):
    """A test client whose sign-in also passed two-factor authentication."""

    def sign_in(user):
        client.force_login(user)
        if user.requires_2fa:
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client

    return sign_in


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres_only" in item.keywords and connection.vendor != "postgresql":
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _reference_data_in_transactional_tests(request):
    """Transactional tests flush the database afterwards, taking with it the themes,
    districts, risk matrix and intervention types that migrations seed. Seed them again
    (idempotently) for such tests."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from importlib import import_module

    from django.apps import apps

    for module in (
        "csphub.intelligence.migrations.0002_seed_themes",
        "csphub.geography.migrations.0002_seed_districts",
        "csphub.cases.migrations.0002_default_risk_matrix",
        "csphub.cases.migrations.0005_intervention_types",
    ):
        import_module(module).seed(apps, None)


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Rolled-back test data sends no signals, so start each test with empty caches
    (signposting, and the copies of themes and districts in csphub.core.cache)."""
    from csphub.core.cache import forget_all_reference_data
    from csphub.directory.selectors import signposting_forget

    signposting_forget()
    forget_all_reference_data()
    yield
    signposting_forget()
    forget_all_reference_data()
