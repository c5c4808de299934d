"""Blocking keys: few per name, and two records of one person find each other by them."""

import pytest

from csphub.entities.people import (
    MAX_BLOCKING_KEYS,
    blocked_together,
    blocking_keys,
    blocking_lookup,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jon Smyth", "Jonathan Smith"),
        ("SMITH, Jonathan", "jonny smith"),
        ("J. Smith", "John Smith"),
        ("Bill Jenkins", "William Jenkins"),
        ("Peggy Ashworth", "Margaret Ashworth"),
        ("Nguyen Van Minh", "Minh Nguyen"),
        ("Zhang Wei", "Wei Zhang"),
        ("Yuri Ivanoff", "Iurii Ivanov"),
        ("Zoltán Kónya", "Zoltan Konya"),
        ("Craig Holloway-Young", "Craig Young"),
        ("Fatima El Masri", "Al-Masri, Fatimah"),
        ("Gary Fairbrother", "Gary Faribrother"),
        ("Laura King", "Laua King"),
        ("Nguyen Thi Trang", "Nguyen, Trang"),
        ("Kevin Dunn", "Kevin Dun"),
    ],
)
def test_two_records_of_one_person_find_each_other(a, b):
    assert blocked_together(a, b)


@pytest.mark.parametrize(
    "name", ["Jonathan Smith", "Bill James Smith-Jones", "Nguyen Van Minh", "Li Xiao Ming", "Jon"]
)
def test_a_name_has_few_short_keys(name):
    keys = {key for key, _ in blocking_keys(name)}
    assert 1 <= len(keys) <= MAX_BLOCKING_KEYS
    assert all(len(key) <= 12 for key in keys)
    assert all(len(narrow) <= 8 for _, narrow in blocking_keys(name))


def test_different_people_mostly_have_different_keys():
    assert not blocked_together("John Smith", "Priya Sharma")


@pytest.mark.parametrize("other", ["Karen Dunn", "Kyle Dean", "Keith Tan"])
def test_a_surname_key_is_narrowed_by_the_first_name(other):
    """Kevin Dunn and Karen Dunn share the key TN:k, but a lookup reads only Kevin's part."""
    keys = {key for key, _ in blocking_keys("Kevin Dunn")}
    assert keys & {key for key, _ in blocking_keys(other)}
    assert not blocked_together("Kevin Dunn", other)


def test_an_initial_reads_the_whole_of_its_block():
    assert blocking_lookup(["J. Smith"])["SM0:j"] is None
    assert blocked_together("J. Smith", "Jack Smith")


def test_a_first_name_is_narrowed_by_the_surname_in_its_key():
    assert not blocked_together("John Smith", "John Stone")
    assert blocked_together("John Smith", "John Smiht")


def test_no_usable_name_has_no_keys():
    assert blocking_keys("unknown male") == []
