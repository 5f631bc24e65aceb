from django.urls import path

from community import views

urlpatterns = [
    path("mijn-gegevens/", views.my_data, name="account_my_data"),
    path("verwijderen/", views.delete_account, name="account_delete"),
    path("overal-uitloggen/", views.logout_everywhere, name="account_logout_everywhere"),
]
