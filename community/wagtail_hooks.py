"""Wagtail hooks of the shared public face."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.models import HomeCard
from community.page_cache import note_served_page

# The page cache stores only Wagtail pages of the cached types: tell it which page answered.
hooks.register("before_serve_page", note_served_page)


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


def refuse_page_translation(request: HttpRequest, page_id: int) -> HttpResponseRedirect:
    """Pages are not translated: Dutch is the only page tree, and a copied story would outlive
    its author's withdrawal. Snippets (labels, home cards) are translated instead."""
    messages.error(
        request,
        gettext_now(
            "Pages are not translated in Kring; translate the home cards, themes and content "
            "warnings under Snippets instead."
        ),
    )
    return redirect(reverse("wagtailadmin_explore", args=[page_id]))


@hooks.register("register_admin_urls", order=-1)
def page_translation_urls() -> list[URLPattern]:
    # Ahead of wagtail.contrib.simple_translation's own view for the same address.
    return [path("translation/submit/page/<int:page_id>/", refuse_page_translation)]
