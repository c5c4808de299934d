from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "csphub.forums"
    label = "forums"
    verbose_name = "Partnership forums"
