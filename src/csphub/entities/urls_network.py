"""The network view's URLs, included by the entities URLconf (namespace "entities")."""

from django.urls import path

from . import views_network

urlpatterns = [
    path("network", views_network.network_page, name="network"),
    path("network.json", views_network.network_json, name="network_json"),
]
