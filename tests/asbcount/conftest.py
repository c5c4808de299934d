from tests.cases.conftest import council, officer  # noqa: F401
