from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "csphub.search"
    label = "search"
    verbose_name = "Full-text search"

    def ready(self) -> None:
        # Intelligence (a lower layer) does not know about search: the search documents follow
        # its submissions through signals, connected here rather than on import.
        from .signals import connect

        connect()
