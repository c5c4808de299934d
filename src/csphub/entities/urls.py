from django.urls import path

from . import views

app_name = "entities"
urlpatterns = [
    path("entities/<int:pk>", views.entity_detail, name="entity"),
    path("links/<int:pk>", views.link_decide, name="link_decide"),
    path("decisions/<int:pk>/undo", views.decision_undo, name="decision_undo"),
]
