from django.urls import include, path

from csphub import views

urlpatterns = [
    path("", views.home, name="home"),
    path("administration/", views.admin_home, name="admin_home"),
    path("", include("csphub.core.urls")),
    path("account/", include("csphub.accounts.urls")),
    path("intelligence/connections/", include("csphub.entities.urls")),
    path("intelligence/alerts/", include("csphub.alerts.urls")),
    path("cases/", include("csphub.cases.urls")),
    path("intelligence/search/", include("csphub.search.urls")),
    path("intelligence/", include("csphub.intelligence.urls")),
    path("support-services/", include("csphub.directory.urls")),
    path("audit/", include("csphub.audit.urls")),
    path("forums/sanitise/", include("csphub.redaction.urls")),
    path("forums/", include("csphub.forums.urls")),
    path("performance/asb-count/", include("csphub.asbcount.urls")),
    path("performance/", include("csphub.performance.urls")),
    path("api/v1/", include("csphub.api.urls")),
]

handler403 = "csphub.core.views.error_403"
handler404 = "csphub.core.views.error_404"
handler500 = "csphub.core.views.error_500"
