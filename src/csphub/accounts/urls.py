from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sign-in", views.login, name="login"),
    path("sign-out", views.logout, name="logout"),
    path("two-factor/set-up", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify", views.two_factor_verify, name="two_factor_verify"),
    path("invitation/<str:token>", views.accept_invitation, name="accept_invitation"),
    path("users/", views.users, name="users"),
    path("users/invite", views.invite, name="invite"),
]
