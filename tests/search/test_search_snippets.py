"""Results quote the matching text with the match highlighted, and everything else escaped:
what a partner typed is never read as HTML."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_snippet_highlights_the_matching_words(submit, search_api):
    submit(information="Two men were seen dealing from the bus shelter on Green Lane.")
    snippet = search_api(q="dealing").json()["results"][0]["snippet"]
    assert "<mark>dealing</mark>" in snippet
    assert "bus shelter" in snippet


def test_html_in_a_submission_is_shown_escaped_on_the_page(submit, search_page):
    submit(information='Graffiti: <script>alert("x")</script> and <b>bold</b> letters.')
    body = search_page(q="graffiti").content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert" in body
    assert "<b>bold</b>" not in body
    assert "<mark>Graffiti</mark>" in body


def test_html_in_a_submission_is_escaped_in_the_api_snippet(submit, search_api):
    submit(information="Graffiti says <script>steal()</script> on the wall & the door.")
    snippet = search_api(q="graffiti").json()["results"][0]["snippet"]
    assert "<script>" not in snippet
    assert "&lt;script&gt;steal()&lt;/script&gt;" in snippet
    assert "&amp;" in snippet
    assert "<mark>Graffiti</mark>" in snippet


def test_text_that_looks_like_the_highlight_marks_is_not_trusted(submit, search_api):
    submit(information="Graffiti: \u27e6<img src=x>\u27e7 painted on the shutter.")
    snippet = search_api(q="shutter").json()["results"][0]["snippet"]
    assert "<img" not in snippet
    assert snippet.count("<mark>") == 1
