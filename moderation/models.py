from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Reason(models.TextChoices):
    IDENTIFYING = "identifying", _("It identifies someone")
    HATEFUL = "hateful", _("It is hateful or hurtful")
    UNSAFE = "unsafe", _("It is unsafe for someone")
    SPAM = "spam", _("It is spam or advertising")
    OTHER = "other", _("Something else")


class HideReason(models.TextChoices):
    """Why a moderator hides something; kept in the audit log with the optional note."""

    IDENTIFYING = "identifying", _("It could identify someone")
    HURTFUL = "hurtful", _("It is hateful or hurtful")
    UNSAFE = "unsafe", _("It could put someone in danger")
    SPAM = "spam", _("It is spam or advertising")
    RULES = "rules", _("It breaks the house rules")
    OTHER = "other", _("Another reason (say which in the note)")


def reason_label(code: str) -> str:
    try:
        return str(HideReason(code).label)
    except ValueError:
        return code


class Decision(models.TextChoices):
    DISMISSED = "dismissed", _("Dismissed")
    HIDDEN = "hidden", _("Hidden")
    REMOVED = "removed", _("Removed")
    RESTORED = "restored", _("Restored")


class ReportQuerySet(models.QuerySet["Report"]):
    def open(self) -> ReportQuerySet:
        return self.filter(decided_at__isnull=True)

    def for_item(self, item: models.Model) -> ReportQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(item, for_concrete_model=False),
            object_id=str(item.pk),
        )


class ReportWindowQuerySet(models.QuerySet["ReportWindow"]):
    def for_item(self, item: models.Model) -> ReportWindowQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(item, for_concrete_model=False),
            object_id=str(item.pk),
        )


class ReportWindow(models.Model):
    """A fixed period, from an item's first open report, in which reporters are counted.

    Reporters' keys are HMACs (under SECRET_KEY) of their network and this window's random
    salt: stable for the whole window, so one connection cannot count again the next day, and
    unlinkable once the window ends and the salt is erased.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    opened_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    is_open = models.BooleanField(default=True)
    salt = models.CharField(max_length=64, blank=True)
    # When enough reporters from enough networks reported: the item was hidden or flagged.
    reached_at = models.DateTimeField(null=True, blank=True)

    objects = ReportWindowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(is_open=True),
                name="one_open_report_window_per_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} from {self.opened_at:%Y-%m-%d}"


class Report(models.Model):
    """Someone's report on a piece of public content. Who reported is never stored.

    `reporter_key` and `network_key` are keyed hashes within one ReportWindow: enough to count
    one report per reporter per item and to see whether reporters came from more than one
    network, not enough to find the reporter, and nothing at all once the window's salt is gone.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    item = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, max_length=500)
    window = models.ForeignKey(
        ReportWindow, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    reporter_key = models.CharField(max_length=64)
    network_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [("moderate_content", "Can moderate reported content")]
        indexes = [models.Index(fields=["content_type", "object_id", "decided_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["window", "reporter_key"], name="one_report_per_reporter_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.content_type.model} {self.object_id})"


@register_setting(icon="warning")
class ModerationSettings(BaseGenericSetting):
    auto_hide_threshold = models.PositiveSmallIntegerField(
        _("hide after this many reports"),
        default=3,
        help_text=_(
            "Content reported by this many different people is hidden until a moderator decides."
        ),
    )

    panels = [FieldPanel("auto_hide_threshold")]

    class Meta:
        verbose_name = _("moderation")


class StaffInvitation(models.Model):
    """A one-time link, mailed to a staff member's verified address, to set up a second factor.

    Only the token's hash is stored; the row is deleted when the link is used, and expired rows
    go when the next invitation is made.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"invitation for user {self.user_id}"
