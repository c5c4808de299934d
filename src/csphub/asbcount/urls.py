from django.urls import path

from . import views

app_name = "asbcount"
urlpatterns = [path("", views.asb_count, name="count")]
