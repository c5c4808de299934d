"""Blocking keys: few per name, and shared by two records of one person."""

import pytest

from csphub.entities.people import MAX_BLOCKING_KEYS, blocking_keys


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
    ],
)
def test_two_records_of_one_person_share_a_key(a, b):
    assert set(blocking_keys(a)) & set(blocking_keys(b))


@pytest.mark.parametrize(
    "name", ["Jonathan Smith", "Bill James Smith-Jones", "Nguyen Van Minh", "Li Xiao Ming", "Jon"]
)
def test_a_name_has_few_short_keys(name):
    keys = blocking_keys(name)
    assert 1 <= len(keys) <= MAX_BLOCKING_KEYS
    assert all(len(key) <= 12 for key in keys)


def test_different_people_mostly_have_different_keys():
    assert not set(blocking_keys("John Smith")) & set(blocking_keys("Priya Sharma"))


def test_no_usable_name_has_no_keys():
    assert blocking_keys("unknown male") == []
