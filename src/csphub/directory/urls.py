from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("manage/", views.manage, name="manage"),
    path("manage/new", views.service_new, name="service_new"),
    path("manage/<int:pk>/edit", views.service_edit, name="service_edit"),
    path("manage/<int:pk>/delete", views.service_delete, name="service_delete"),
    path("manage/export", views.export, name="export"),
    path("manage/import", views.import_, name="import"),
]
