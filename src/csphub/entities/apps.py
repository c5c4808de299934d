from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "csphub.entities"
    label = "entities"
    verbose_name = "Connected intelligence"

    def ready(self) -> None:
        from csphub.intelligence.signals import submission_stored

        from .receivers import submission_stored_link

        submission_stored.connect(submission_stored_link, dispatch_uid="entities-link")
