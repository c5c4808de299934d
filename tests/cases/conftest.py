import pytest

from csphub.cases.selectors import risk_matrix_active
from csphub.cases.services import case_open
from csphub.core.roles import Role
from tests.factories import OrganisationFactory, UserFactory, district


@pytest.fixture
def council(db):
    return OrganisationFactory(name="Charnwood Borough Council")


@pytest.fixture
def housing(db):
    return OrganisationFactory(name="Charnwood Homes")


@pytest.fixture
def officer(council):
    return UserFactory(username="officer", organisation=council, roles=[Role.CASE_OFFICER])


@pytest.fixture
def housing_officer(housing):
    return UserFactory(username="housing-officer", organisation=housing, roles=[Role.CASE_OFFICER])


def answers(*yes: str) -> dict[str, bool]:
    """Every question of the active matrix answered: yes to `yes`, no to the rest."""
    return {q.key: q.key in yes for q in risk_matrix_active().questions.all()}


HIGH = ("targeted", "violence", "repeat", "escalating", "fear", "health")  # 14 ... plus one
MEDIUM = ("targeted", "violence", "repeat")  # 8


@pytest.fixture
def open_case(officer):
    def make(*yes: str, **overrides):
        values = dict(
            actor=officer,
            title="Noise and threats at 12 Ash Close",
            subject_type="household",
            category="personal",
            district=district("charnwood"),
            answers=answers(*yes),
        )
        values.update(overrides)
        return case_open(**values)

    return make
