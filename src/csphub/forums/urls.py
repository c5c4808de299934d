from django.urls import path

from . import views

app_name = "forums"
urlpatterns = [
    path("intelligence/", views.intelligence, name="intelligence"),
    path("intelligence/<str:reference>", views.intelligence_detail, name="intelligence_detail"),
]
