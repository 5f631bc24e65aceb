from django import template
from django.core.cache import cache
from django.db import DatabaseError
from wagtail.models import Site

register = template.Library()

MENU_CACHE_KEY = "community:main-menu"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    items = cache.get(MENU_CACHE_KEY)
    if items is None and request is not None:
        try:
            site = Site.find_for_request(request)
            root = site.root_page if site else None
            pages = root.get_children().live().in_menu() if root else []
            items = [{"title": p.title, "url": p.get_url(request)} for p in pages]
        except DatabaseError:
            items = []
        cache.set(MENU_CACHE_KEY, items, 60 * 5)
    return {"menu_pages": items or [], "request": request}
