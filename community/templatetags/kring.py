from typing import Any

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.models import Site

from community.localised import in_language
from community.models import section_cards

register = template.Library()

MENU_CACHE_KEY = "community:main-menu"


def menu_cache_key(language: str | None = None) -> str:
    """One cached menu per language: the labels come from the home cards in that language."""
    return f"{MENU_CACHE_KEY}:{language or translation.get_language()}"


def forget_menus() -> None:
    cache.delete_many([menu_cache_key(code) for code, _name in settings.LANGUAGES])


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    key = menu_cache_key()
    items = cache.get(key)
    if items is None and request is not None:
        try:
            site = Site.find_for_request(request)
            root = site.root_page if site else None
            pages = list(root.get_children().live().in_menu()) if root else []
            items = [
                {"title": card["title"], "url": card["page"].get_url(request)}
                for card in section_cards(pages)
            ]
        except DatabaseError:
            items = []
        cache.set(key, items, 60 * 5)
    return {"menu_pages": items or [], "request": request}


@register.filter(name="in_language")
def in_language_filter(objects: Any) -> Any:
    """Translatable snippets (themes, content warnings) in the reader's language."""
    return in_language(objects)


@register.simple_tag(takes_context=True)
def source_lang(context: template.Context) -> str | SafeString:
    """` lang="nl"` on editors' Dutch content when the reader chose another language.

    Pages are not translated (only snippets are), so an English page shows their Dutch text;
    marking it lets a screen reader pronounce it as Dutch (WCAG 3.1.2, language of parts).
    """
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)
