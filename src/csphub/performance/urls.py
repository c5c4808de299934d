from django.urls import path

from . import views

app_name = "performance"
urlpatterns = [
    path("", views.county, name="county"),
    path("upload/", views.upload, name="upload"),
    path("board-report/", views.board_report, name="board_report"),
    path("<slug:area>/", views.district, name="district"),
    path("<slug:area>/<slug:kpi>/", views.kpi_detail, name="kpi"),
]
