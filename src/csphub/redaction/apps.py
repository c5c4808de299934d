from django.apps import AppConfig


class RedactionConfig(AppConfig):
    name = "csphub.redaction"
    label = "redaction"
    verbose_name = "Redaction review"
