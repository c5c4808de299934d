import pytest
from django.core.cache import cache

from csphub.similar import index, services


@pytest.fixture(autouse=True)
def similar_index_dir(tmp_path, settings):
    """Each test has its own, empty, index directory."""
    settings.CSPHUB_SIMILAR_INDEX_DIR = tmp_path / "similar"
    index.forget_mapped()
    cache.delete(index._REBUILD_KEY)
    yield settings.CSPHUB_SIMILAR_INDEX_DIR
    index.forget_mapped()
    cache.delete(index._REBUILD_KEY)


@pytest.fixture
def embedded():
    """Make a submission and store its vector, as the worker would after the commit."""
    from tests.factories import make_submission

    def make(user, information, **overrides):
        submission = make_submission(user, information=information, **overrides)
        services.submission_vector_store(submission=submission)
        return submission

    return make
