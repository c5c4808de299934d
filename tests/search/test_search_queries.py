"""Empty and unusable searches get a clear message, on the page and from the API."""

import pytest

from csphub.search.query import fts5_match, search_terms

pytestmark = pytest.mark.django_db


def test_the_page_before_any_search_shows_the_form_without_errors(search_page):
    response = search_page()
    body = response.content.decode()
    assert response.status_code == 200
    assert "Search submissions" in body
    assert "There is a problem" not in body


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "Enter words, a phone number or a registration to search for"),
        ("   ", "Enter words, a phone number or a registration to search for"),
        ("?!*&%", "punctuation on its own cannot be searched"),
        ("a" * 501, "Search terms must be 500 characters or fewer"),
    ],
)
def test_a_bad_search_on_the_page_says_what_to_do(search_page, query, message):
    response = search_page(q=query)
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert message in body
    assert 'href="#id_q"' in body


@pytest.mark.parametrize("query", ["", "...", '""', "x" * 501])
def test_a_bad_search_from_the_api_is_refused_with_a_message(search_api, query):
    response = search_api(q=query)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["q"]


def test_a_search_of_500_characters_is_accepted(search_api):
    assert search_api(q=("word " * 100)[:500]).status_code == 200


@pytest.mark.parametrize(
    "query",
    ['"unclosed phrase', "NEAR(a b)", "col:value", "a AND OR NOT b", "^start", "(((", "-", "*"],
)
def test_search_syntax_of_the_databases_is_never_an_error(search_api, query):
    assert search_api(q=query).status_code in (200, 422)


def test_words_that_are_only_left_out_find_nothing(submit, search_api):
    submit(information="Something about parking.")
    response = search_api(q="-parking")
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_the_fts5_expression_quotes_every_word():
    assert fts5_match(search_terms("dealing AND crack")) == '("dealing"* AND "crack"*)'
    assert fts5_match(search_terms('"blue car" or van')) == '("blue car") OR ("van"*)'
    assert fts5_match(search_terms("heroin -cannabis")) == '(("heroin"*)) NOT "cannabis"*'
