from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sign-in", views.login, name="login"),
    path("sign-out", views.logout, name="logout"),
    path("two-factor/set-up", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify", views.two_factor_verify, name="two_factor_verify"),
    path("invitation/<str:token>", views.accept_invitation, name="accept_invitation"),
    # Administration
    path("users/", views.users, name="users"),
    path("users/invite", views.invite, name="invite"),
    path("users/<int:pk>/", views.user_detail, name="user_detail"),
    path("users/<int:pk>/roles", views.user_roles, name="user_roles"),
    path("users/<int:pk>/deactivate", views.user_deactivate, name="user_deactivate"),
    path("users/<int:pk>/reactivate", views.user_reactivate, name="user_reactivate"),
    path(
        "users/<int:pk>/resend-invitation",
        views.user_resend_invitation,
        name="user_resend_invitation",
    ),
    path(
        "users/<int:pk>/reset-two-factor", views.user_reset_two_factor, name="user_reset_two_factor"
    ),
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/add", views.organisation_add, name="organisation_add"),
    path("organisations/<int:pk>/edit", views.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<int:pk>/deactivate",
        views.organisation_deactivate,
        name="organisation_deactivate",
    ),
    path(
        "organisations/<int:pk>/reactivate",
        views.organisation_reactivate,
        name="organisation_reactivate",
    ),
]
