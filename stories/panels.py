"""The moderator's aid on the story edit view: likely identifying details, highlighted."""

from typing import Any

from wagtail.admin.panels import Panel

from community.identifying import find_identifying_details, segments
from stories.formatting import html_to_text


class IdentifyingDetailsPanel(Panel):
    """Lists names, addresses, numbers and the like in the saved version of the story.

    It reads the version being edited (the latest revision), so after a moderator saves a
    redacted draft the list shows what is left.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/identifying_details_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            context: dict[str, Any] = super().get_context_data(parent_context)
            story = self.instance
            fields: list[dict[str, Any]] = []
            for label, text in (
                (story._meta.get_field("title").verbose_name, story.title or ""),
                (story._meta.get_field("pseudonym").verbose_name, story.pseudonym or ""),
                (story._meta.get_field("body").verbose_name, html_to_text(story.body or "")),
            ):
                findings = find_identifying_details(text)
                fields.append(
                    {"label": label, "findings": findings, "segments": segments(text, findings)}
                )
            context["fields"] = fields
            context["count"] = sum(len(field["findings"]) for field in fields)
            return context


class AuthorExchangePanel(Panel):
    """The moderators' notes to the author and her replies, on the story's edit view.

    A moderator sees here why a story came back from its author before editing it again.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/author_exchange_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            from stories.conversation import exchange

            context: dict[str, Any] = super().get_context_data(parent_context)
            context["exchange"] = exchange(self.instance) if self.instance.pk else []
            return context
