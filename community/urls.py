from django.urls import path

from community import views

urlpatterns = [
    path("mijn-gegevens/", views.my_data, name="account_my_data"),
    path("verwijderen/", views.delete_account, name="account_delete"),
]
