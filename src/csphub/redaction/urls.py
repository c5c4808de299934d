"""Mounted at `forums/sanitise/` (csphub/urls.py), where the page has always been."""

from django.urls import path

from . import views

app_name = "redaction"
urlpatterns = [
    path("<str:reference>", views.sanitise, name="sanitise"),
]
