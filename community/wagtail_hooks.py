from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.models import HomeCard


class HomeCardViewSet(SnippetViewSet):
    """Home cards per language; Wagtail adds the language filter and "Translate"."""

    model = HomeCard
    icon = "doc-full"
    menu_label = _("Home cards")
    add_to_admin_menu = False
    list_display = ["title", "page", "text"]
    search_fields = ["title", "text"]
    search_backend_name = None
    ordering = ["page__path"]


register_snippet(HomeCardViewSet)
