from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BystandersConfig(AppConfig):
    name = "bystanders"
    verbose_name = _("Bystanders' guide")
