"""Web processes search the mapped file with a wider expansion than usearch's default of 64,
which missed one in seven of the ten nearest at a million clustered vectors
(benchmarks/similar.py)."""

import pytest

from csphub.similar import index

pytestmark = pytest.mark.django_db


def test_the_mapped_index_searches_with_the_wider_expansion(submitter, embedded):
    embedded(submitter, "Drugs are being sold from the flat above the bookies on High Street.")
    index.index_rebuild()
    mapped = index._open()
    assert mapped is not None
    assert mapped.index.expansion_search == index.SEARCH_EXPANSION == 128
