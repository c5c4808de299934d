from django.apps import AppConfig


def _connect_signals() -> None:
    from . import signals

    signals.connect()


class DirectoryConfig(AppConfig):
    name = "csphub.directory"
    label = "directory"

    def ready(self) -> None:
        _connect_signals()
