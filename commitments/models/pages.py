"""The public page /toezeggingen/: the list with an editable introduction, a page per commitment.

A Wagtail page rather than plain views: editors write the introduction and place the page in
the menu like any other, and the list is served from the anonymous page cache
(community.page_cache), which only serves Wagtail pages. Each commitment, its follow form and
the private links from the mails are sub-URLs (RoutablePageMixin) and never cached.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from community.models import EDITOR_FEATURES

TOKEN = "<str:token>"  # noqa: S105 (a URL pattern, not a secret)


class CommitmentIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(
        _("introduction"),
        features=EDITOR_FEATURES,
        blank=True,
        help_text=_("What commitments are and how Kring follows them up."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "commitments/index_page.html"

    class Meta:
        verbose_name = _("commitments page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from commitments import listing

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context.update(listing.index_context(request, self))
        return context

    def route_url(self, name: str, **kwargs: Any) -> str:
        """The site-relative URL of one of this page's sub-URLs."""
        url: str = self.url.rstrip("/") + "/" + self.reverse_subpage(name, kwargs=kwargs)
        return url

    # Sub-URLs; the views live in views.py.

    @path("<int:commitment_id>/", name="detail")
    def detail_route(self, request: HttpRequest, commitment_id: int) -> HttpResponse:
        from commitments import views

        return views.detail(request, self, commitment_id)

    @path("<int:commitment_id>/volgen/verstuurd/", name="check_mail")
    def check_mail_route(self, request: HttpRequest, commitment_id: int) -> HttpResponse:
        from commitments import views

        return views.check_mail(request, self, commitment_id)

    @path(f"bevestigen/{TOKEN}/", name="confirm")
    def confirm_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from commitments import views

        return views.confirm(request, self, token)

    @path(f"afmelden/{TOKEN}/", name="unsubscribe")
    def unsubscribe_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from commitments import views

        return views.unsubscribe(request, self, token)
