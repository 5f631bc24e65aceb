"""Weekly releases of the published figures, and the editors' dated snapshots."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FigureRelease(models.Model):
    """The figures as of one Monday: protected tables only, never a raw count.

    ``story_versions`` (story page id -> version of its answers) is what the next week's
    release is compared with, so that story figures only move when enough stories changed
    (figures.aggregation, rule 4). It holds no answer, text or name; a withdrawn story leaves
    only its page number here.
    """

    week = models.DateField(_("as of"), unique=True)
    stories_as_of = models.DateField(_("story figures as of"), null=True, blank=True)
    story_versions = models.JSONField(default=dict)
    tables = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-week"]
        verbose_name = _("figure release")
        verbose_name_plural = _("figure releases")

    def __str__(self) -> str:
        return str(self.week)


# The snapshot page type lives in its own module; imported here so Django registers it.
from figures.snapshots import FiguresSnapshotPage  # noqa: E402, F401
