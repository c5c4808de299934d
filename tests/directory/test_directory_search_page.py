"""The support services page every signed-in user can search."""

import pytest
from django.urls import reverse

from csphub.directory.models import SupportService
from tests.factories import make_support_service

pytestmark = pytest.mark.django_db


def test_any_signed_in_user_can_search_the_directory(submitter, verified_client):
    make_support_service(
        organisation="Crimestoppers",
        name="Report crime anonymously",
        phone="0800 555 111",
        email="info@example.org",
        website="https://crimestoppers-uk.org/",
        themes=["general-crime"],
    )
    make_support_service(name="Unrelated", themes=["cybercrime-scams"])
    client = verified_client(submitter)

    page = client.get(reverse("directory:search"), {"q": "crimestoppers", "theme": "general-crime"})

    html = page.content.decode()
    assert page.status_code == 200
    assert "1 service found" in html
    assert "Report crime anonymously" in html and "Unrelated" not in html
    assert 'href="tel:0800555111"' in html
    assert 'href="mailto:info@example.org"' in html
    assert 'href="https://crimestoppers-uk.org/"' in html
    assert '<strong class="govuk-tag govuk-tag--grey' in html and "General crime" in html


def test_signed_out_visitors_are_sent_to_sign_in(client):
    page = client.get(reverse("directory:search"))
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_theme_in_the_address_is_an_error_not_a_crash(submitter, verified_client):
    page = verified_client(submitter).get(reverse("directory:search"), {"theme": "<script>"})
    assert page.status_code == 200
    assert "Select a theme from the list" in page.content.decode()


def test_html_in_notes_is_rendered_escaped(submitter, verified_client):
    make_support_service(name="<b>Bold</b> line", notes='<script>alert("x")</script>\nSecond line')
    html = verified_client(submitter).get(reverse("directory:search")).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Second line" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; line" in html


def test_a_stored_javascript_address_is_never_a_link(submitter, verified_client):
    service = make_support_service(name="Odd entry")
    SupportService.objects.filter(pk=service.pk).update(website="javascript:alert(1)")
    html = verified_client(submitter).get(reverse("directory:search")).content.decode()
    assert "javascript:" not in html


def test_the_services_list_can_be_included_by_other_pages(rf):
    from django.template.loader import render_to_string

    make_support_service(name="Included line")
    html = render_to_string(
        "directory/_services_list.html",
        {"services": SupportService.objects.all(), "heading_level": 3},
    )
    assert '<h3 class="govuk-summary-card__title">Included line</h3>' in html
    assert "No support services found." in render_to_string(
        "directory/_services_list.html", {"services": []}
    )
