"""Administrators list, add, change, deactivate and reactivate partner organisations."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from csphub.accounts import services
from csphub.accounts.models import Organisation, OrganisationType
from csphub.audit.models import AuditEvent
from tests.factories import NON_ADMIN_ROLES, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(db):
    return OrganisationFactory(name="Leicestershire Police", type=OrganisationType.POLICE)


def org_urls(pk):
    return [
        reverse("accounts:organisations"),
        reverse("accounts:organisation_add"),
        reverse("accounts:organisation_edit", args=[pk]),
        reverse("accounts:organisation_deactivate", args=[pk]),
        reverse("accounts:organisation_reactivate", args=[pk]),
    ]


def test_the_list_shows_each_organisation_with_its_type_and_active_accounts(as_admin, police):
    UserFactory(organisation=police)
    UserFactory(organisation=police, is_active=False)

    response = as_admin.get(reverse("accounts:organisations"))

    assert response.status_code == 200
    assert "Leicestershire Police" in response.text
    assert "Police" in response.text
    listed = {o.name: o for o in response.context["organisations"]}
    assert listed["Leicestershire Police"].active_users == 1


def test_an_administrator_can_add_an_organisation_and_it_is_audited(as_admin, administrator):
    response = as_admin.post(
        reverse("accounts:organisation_add"),
        {"name": "  Melton   Borough Council ", "type": OrganisationType.COUNCIL},
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Melton Borough Council")
    assert organisation.type == OrganisationType.COUNCIL
    assert organisation.active
    event = AuditEvent.objects.get(
        action="created", object_type="organisation", object_id=str(organisation.pk)
    )
    assert event.actor_username == administrator.username
    assert event.changes["name"] == [None, "Melton Borough Council"]


def test_a_name_already_used_is_refused_whatever_its_case(as_admin, police):
    response = as_admin.post(
        reverse("accounts:organisation_add"),
        {"name": "LEICESTERSHIRE police", "type": OrganisationType.POLICE},
    )
    assert response.status_code == 200
    assert "An organisation with this name already exists" in response.text
    assert Organisation.objects.filter(name__iexact="leicestershire police").count() == 1


def test_the_name_and_type_are_required_with_clear_messages(as_admin):
    response = as_admin.post(reverse("accounts:organisation_add"), {"name": "", "type": ""})
    assert "Enter the organisation&#x27;s name" in response.text
    assert "Select the type of organisation" in response.text


def test_an_administrator_can_change_an_organisation_and_the_change_is_audited_before_and_after(
    as_admin, police
):
    page = as_admin.get(reverse("accounts:organisation_edit", args=[police.pk]))
    assert 'value="Leicestershire Police"' in page.text

    response = as_admin.post(
        reverse("accounts:organisation_edit", args=[police.pk]),
        {"name": "Leicestershire Police (LPOL)", "type": OrganisationType.POLICE},
    )

    assert response.status_code == 302
    police.refresh_from_db()
    assert police.name == "Leicestershire Police (LPOL)"
    event = AuditEvent.objects.get(action="updated", object_type="organisation")
    assert event.changes == {"name": ["Leicestershire Police", "Leicestershire Police (LPOL)"]}


def test_saving_without_changes_records_nothing(police, administrator):
    services.organisation_update(
        actor=administrator, organisation=police, name=police.name, type=police.type
    )
    assert not AuditEvent.objects.filter(object_type="organisation").exists()


def test_renaming_to_another_organisations_name_is_refused(police, administrator):
    other = OrganisationFactory(name="Charnwood Borough Council")
    with pytest.raises(ValidationError) as excinfo:
        services.organisation_update(
            actor=administrator, organisation=other, name="leicestershire police"
        )
    assert "name" in excinfo.value.message_dict


def test_deactivating_asks_first_then_deactivates_and_is_audited(as_admin, police):
    confirm = as_admin.get(reverse("accounts:organisation_deactivate", args=[police.pk]))
    assert confirm.status_code == 200
    assert "Deactivate Leicestershire Police?" in confirm.text
    police.refresh_from_db()
    assert police.active

    response = as_admin.post(reverse("accounts:organisation_deactivate", args=[police.pk]))

    assert response.status_code == 302
    police.refresh_from_db()
    assert not police.active
    event = AuditEvent.objects.get(object_type="organisation", action="updated")
    assert event.changes == {"active": [True, False]}
    assert event.summary == "Deactivated organisation Leicestershire Police"


def test_a_deactivated_organisation_is_not_offered_for_invitations(as_admin, police):
    as_admin.post(reverse("accounts:organisation_deactivate", args=[police.pk]))
    response = as_admin.get(reverse("accounts:invite"))
    assert police not in response.context["form"].fields["organisation"].queryset
    assert f'<option value="{police.pk}"' not in response.text


def test_deactivating_an_organisation_leaves_its_people_able_to_sign_in(as_admin, police):
    person = UserFactory(organisation=police)
    as_admin.post(reverse("accounts:organisation_deactivate", args=[police.pk]))
    person.refresh_from_db()
    assert person.is_active


def test_a_deactivated_organisation_can_be_reactivated(as_admin, police):
    as_admin.post(reverse("accounts:organisation_deactivate", args=[police.pk]))
    response = as_admin.post(reverse("accounts:organisation_reactivate", args=[police.pk]))
    assert response.status_code == 302
    police.refresh_from_db()
    assert police.active


def test_an_unknown_organisation_answers_404(as_admin):
    assert as_admin.get(reverse("accounts:organisation_edit", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
def test_only_administrators_can_manage_organisations(verified_client, role, police):
    client = verified_client(UserFactory(roles=[role]))
    for url in org_urls(police.pk):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("accounts:organisation_deactivate", args=[police.pk])).status_code
        == 404
    )
    police.refresh_from_db()
    assert police.active


def test_someone_not_signed_in_is_sent_to_sign_in(client, police):
    for url in org_urls(police.pk):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_the_administration_page_links_to_every_administration_area(as_admin):
    response = as_admin.get(reverse("admin_home"))
    assert response.status_code == 200
    for href in (
        reverse("accounts:users"),
        reverse("accounts:invite"),
        reverse("accounts:organisations"),
        reverse("intelligence:themes"),
        "/support-services/manage/",
        reverse("audit:log"),
    ):
        assert f'href="{href}"' in response.text, href
