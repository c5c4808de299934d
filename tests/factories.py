"""Factories for tests. Users are made through roles, the way the service makes them."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from csphub.accounts.models import (
    ForumMembership,
    Organisation,
    OrganisationType,
    Role,
    User,
    UserRole,
)
from csphub.geography.models import District
from csphub.intelligence.models import Theme
from csphub.intelligence.services import SubmissionInput, submission_create

TEST_PASSWORD = "Correct-Horse-Battery-9"

ALL_ROLES = [
    Role.SUBMITTER,
    Role.ANALYST,
    Role.FORUM_MEMBER,
    Role.CASE_OFFICER,
    Role.PERFORMANCE_ANALYST,
    Role.BOARD_MEMBER,
    Role.ADMINISTRATOR,
]
NON_ADMIN_ROLES = [role for role in ALL_ROLES if role != Role.ADMINISTRATOR]


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    type = OrganisationType.COUNCIL


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@partner.example")
    full_name = factory.Sequence(lambda n: f"Test User {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            UserRole.objects.create(user=self, role=role)
        self.__dict__.pop("role_set", None)

    @factory.post_generation
    def forum_districts(self, create, extracted, **kwargs):
        for district in extracted or []:
            ForumMembership.objects.create(user=self, district=district)
        self.__dict__.pop("forum_district_ids", None)


def district(slug: str = "charnwood") -> District:
    return District.objects.get(slug=slug)


def theme(slug: str = "anti-social-behaviour") -> Theme:
    return Theme.objects.get(slug=slug)


def submission_input(**overrides) -> SubmissionInput:
    values = dict(
        themes=["anti-social-behaviour"],
        information="Groups of youths gathering by the shops on Market Street most evenings.",
        how_known="first_hand",
        may_contact=True,
        source_disclosable=False,
        place_description="Outside the parade of shops, Market Street",
        district_code="E07000130",
    )
    values.update(overrides)
    return SubmissionInput(**values)


def make_submission(user: User, **overrides):
    return submission_create(
        submitted_by=user, data=submission_input(**overrides), notify=False
    ).submission


def make_support_service(actor=None, **overrides):
    """A directory entry made through the directory's own service."""
    from csphub.directory.services import support_service_create

    values = dict(
        organisation="Example Partnership Trust",
        name="Example support line",
        description="Listens and helps.",
        themes=["vulnerability"],
        phone="0800 000 0000",
        email="help@example.org",
        website="https://www.example.org/",
    )
    values.update(overrides)
    return support_service_create(actor=actor, **values)
