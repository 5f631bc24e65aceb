"""Live rooms and what happens in them: participants, chat, questions and statements.

Nothing here stores a name or an address: participants are pseudonyms (a member's display name
at the moment they joined, or the pseudonym a guest chose), and a guest is recognised by a
hash of a random token that lives only in their session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from live import conf
from live.safety_words import HOLD_DEFAULT, WATCHED_DEFAULT
from workshops.models import Role

if TYPE_CHECKING:
    from wagtail.models import Page

    from live.voices import StatementSplit


def _per_seconds(seconds: int) -> str:
    return gettext("one message per %(s)s seconds") % {"s": seconds}


# Lazy, so each choice is worded in the language of whoever reads it, not of the first import.
per_seconds = lazy(_per_seconds, str)


class LiveRoom(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_("The room is at /live/<web address>/. Keep it once people have the link."),
    )
    # A panel or a session may be removed from its page; the room and its history stay.
    panel = models.OneToOneField(
        "workshops.EventPanel",
        verbose_name=_("event panel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_room",
    )
    session = models.OneToOneField(
        "workshops.Session",
        verbose_name=_("workshop session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_room",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    premoderate_questions = models.BooleanField(
        _("questions need approval"),
        default=True,
        help_text=_("Questions are shown to everyone only after a moderator approves them."),
    )
    slow_mode_seconds = models.PositiveSmallIntegerField(
        _("slow mode"),
        default=0,
        choices=[(0, _("off"))] + [(s, per_seconds(s)) for s in conf.SLOW_MODE_CHOICES[1:]],
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # live.totals.RoomTotals as counted just before the purge deleted what they count.
    kept_totals = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("live room")
        verbose_name_plural = _("live rooms")
        ordering = ["-created_at"]
        permissions = [("moderate_liveroom", "Can moderate live rooms")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("live:room", args=[self.slug])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def host_page(self) -> Page | None:
        """The event or workshop page the room belongs to, if it still has one."""
        if self.panel is not None:
            return self.panel.page
        if self.session is not None:
            return self.session.page
        return None


class Participant(models.Model):
    """One person in one room: a member, or a guest recognised by their session."""

    # Nothing here is what an editor asks "where is this used?" about (see Message).
    wagtail_reference_index_ignore = True

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    guest_key = models.CharField(max_length=64, blank=True, editable=False)
    name = models.CharField(_("pseudonym"), max_length=40)
    # Who they speak as, only if they say so; shown beside their messages only with show_role.
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.UNSAID)
    show_role = models.BooleanField(_("role shown beside messages"), default=False)
    # Set only by a one-time code an editor issued (live.badges), never by what a client sends.
    badge_label = models.CharField(_("verified as"), max_length=80, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    muted_at = models.DateTimeField(_("muted at"), null=True, blank=True)
    last_posted_at = models.DateTimeField(null=True, blank=True, editable=False)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["room", "user"], condition=Q(user__isnull=False), name="live_member_once"
            ),
            models.UniqueConstraint(
                fields=["room", "guest_key"], condition=~Q(guest_key=""), name="live_guest_once"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_key=""), name="live_participant_known"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_muted(self) -> bool:
        return self.muted_at is not None

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Reason(models.TextChoices):
    """Why a moderator declined a question or removed a message: counted, never published
    with a text."""

    OFF_TOPIC = "off_topic", _("off-topic")
    ALREADY_ASKED = "already_asked", _("already asked")
    IDENTIFYING = "identifying", _("identifying details")
    HURTFUL = "hurtful", _("hurtful")
    OTHER = "other", _("other")


class Message(models.Model):
    # Wagtail's reference index records what points at pages, snippets and images; a chat
    # message points at nothing an editor looks up, and indexing it on every save cost a chat
    # send about 15 % of its time (ReferenceIndex.model_is_indexable reads this attribute).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        VISIBLE = "visible", _("visible")
        HELD = "held", _("held for a moderator")
        REMOVED = "removed", _("removed")

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="messages")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("text"), max_length=conf.MAX_CHAT_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE
    )
    by_moderator = models.BooleanField(_("by a moderator"), default=False)
    watched = models.BooleanField(
        _("matched a watched phrase"),
        default=False,
        help_text=_("The writer was shown the help numbers."),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    # Stays set when a moderator posts it after all: "held" is counted in the room's totals.
    held_at = models.DateTimeField(_("held at"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    removal_reason = models.CharField(
        _("reason for removing"), max_length=16, choices=Reason.choices, blank=True
    )

    class Meta:
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        ordering = ["id"]
        indexes = [models.Index(fields=["room", "status", "id"], name="live_message_history")]

    def __str__(self) -> str:
        # Never the text: this label ends up in the audit log, which outlives the message.
        return gettext("message %(id)s") % {"id": self.pk}


class Question(models.Model):
    wagtail_reference_index_ignore = True  # as Message

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        OPEN = "open", _("open")
        ANSWERED = "answered", _("answered")
        REMOVED = "removed", _("removed")

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="questions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("question"), max_length=conf.MAX_QUESTION_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    upvotes = models.PositiveIntegerField(_("up-votes"), default=0)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=16, choices=Reason.choices, blank=True
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-upvotes", "id"]

    def __str__(self) -> str:
        return gettext("question %(id)s") % {"id": self.pk}


class QuestionUpvote(models.Model):
    wagtail_reference_index_ignore = True  # as Message

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "participant"], name="live_upvote_once")
        ]

    def __str__(self) -> str:
        return f"up-vote {self.pk}"


class Statement(models.Model):
    """A "stelling": moderators prepare or open it; its results outlive the individual votes."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("prepared")
        OPEN = "open", _("open for votes")
        CLOSED = "closed", _("closed")

    room = models.ForeignKey(
        LiveRoom, on_delete=models.CASCADE, related_name="statements", verbose_name=_("room")
    )
    text = models.CharField(_("statement"), max_length=conf.MAX_STATEMENT_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    agree_count = models.PositiveIntegerField(_("agree"), default=0, editable=False)
    disagree_count = models.PositiveIntegerField(_("disagree"), default=0, editable=False)
    neutral_count = models.PositiveIntegerField(_("neutral"), default=0, editable=False)
    # The votes per role when it closed, {role: {choice: count}}: raw counts that only
    # live.voices.split_by_role may turn into something shown. They outlive the votes.
    role_counts = models.JSONField(_("votes per role"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    panels = [FieldPanel("room"), FieldPanel("text")]

    # Not stored: the room page's view sets them for its template (live.views._history).
    results: dict[str, object]
    split: StatementSplit

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["room"], condition=Q(status="open"), name="live_one_open_statement"
            )
        ]

    def __str__(self) -> str:
        return self.text

    def stored_counts(self) -> dict[str, int]:
        return {
            "agree": self.agree_count,
            "disagree": self.disagree_count,
            "neutral": self.neutral_count,
        }


class StatementVote(models.Model):
    wagtail_reference_index_ignore = True  # as Message

    class Choice(models.TextChoices):
        AGREE = "agree", _("agree")
        DISAGREE = "disagree", _("disagree")
        NEUTRAL = "neutral", _("neutral")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "participant"], name="live_vote_once")
        ]

    def __str__(self) -> str:
        return f"vote {self.pk}"


@register_setting(icon="warning")
class LiveSafetySettings(BaseGenericSetting):  # type: ignore[misc]  # Wagtail ships no types
    """Words and phrases moderators watch for in live chats."""

    watched_phrases = models.TextField(
        _("watched phrases"),
        blank=True,
        default=WATCHED_DEFAULT,
        help_text=_(
            "One per line. A chat message with one of these is posted as usual, but its writer "
            "also gets the help numbers and a reminder of the quick exit, privately."
        ),
    )
    hold_phrases = models.TextField(
        _("phrases that hold a message"),
        blank=True,
        default=HOLD_DEFAULT,
        help_text=_(
            "One per line. A chat message with one of these waits for a moderator instead of "
            "being posted."
        ),
    )
    hold_contact_details = models.BooleanField(
        _("hold messages with contact or address details"),
        default=True,
        help_text=_(
            "Hold chat messages that contain an e-mail address, a phone number, a postcode, a "
            "street name or a house number."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("watched_phrases"), FieldPanel("hold_phrases")], _("Word lists")
        ),
        FieldPanel("hold_contact_details"),
    ]

    class Meta:
        verbose_name = _("live chat safety")


# Defined beside the services that use them, registered here with the app's other models.
from live.badges import BadgeCode  # noqa: E402, F401
