from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "csphub.directory"
    label = "directory"
